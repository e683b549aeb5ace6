import { chmodSocket } from '../../../src/rules/uwsgi/chmod-socket.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(chmodSocket, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nchmod-socket = 660\n' } },
    { files: { 'uwsgi.ini': '[uwsgi]\nchmod-socket = 1\n' } },
    { name: 'flag without value on a command line (666)', files: { 'supervisord.conf': '[program:a]\ncommand=/usr/bin/uwsgi --chmod-socket --master\n' } },
  ],
  invalid: [
    { name: 'leading zero', files: { 'uwsgi.ini': '[uwsgi]\nchmod-socket = 0660\n' }, errors: [{ message: 'invalid chmod value: 0660', line: 2, column: 16 }] },
    { name: 'empty in an ini file', files: { 'uwsgi.ini': '[uwsgi]\nchmod-socket =\n' }, errors: [{ message: 'invalid chmod value: ', line: 2, column: 1 }] },
    { name: 'alias', files: { 'uwsgi.ini': '[uwsgi]\nchmod = u+rw\n' }, errors: [{ message: 'invalid chmod value: u+rw' }] },
    { name: 'inline comment', files: { 'uwsgi.ini': '[uwsgi]\nchmod-socket = 664 ; rw for group\n' }, errors: [{ message: 'invalid chmod value: 664 ; rw for group' }] },
  ],
});
