import { unixSocketPathLength } from '../../../src/rules/uwsgi/unix-socket-path-length.js';
import { testRule } from '../../helpers/rule-tester.js';

const long = '/run/' + 'a'.repeat(95) + '.sock';

testRule(unixSocketPathLength, {
  valid: [{ files: { 'uwsgi.ini': '[uwsgi]\nsocket = /run/uwsgi/app.sock\n' } }, { name: 'exactly 102 bytes', files: { 'uwsgi.ini': `[uwsgi]\nsocket = /${'b'.repeat(101)}\n` } }],
  invalid: [{ files: { 'uwsgi.ini': `[uwsgi]\nsocket = ${long}\n` }, errors: [{ message: `the unix socket path is ${long.length} bytes long; uWSGI allows at most 102: invalid socket name`, line: 2 }] }],
});
