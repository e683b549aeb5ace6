import { badOctal } from '../../../src/rules/supervisor/bad-octal.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(badOctal, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\numask=022\n') },
    { files: conf('[program:w]\ncommand=/bin/true\numask=0o27\n') },
    { files: conf('[supervisord]\n[unix_http_server]\nfile=/tmp/s.sock\nchmod=0770\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/true\numask=8\n'), errors: [{ message: "8 can not be converted to an octal type in section 'program:w'", line: 3 }] },
    { name: 'socket chmod', files: conf('[supervisord]\n[unix_http_server]\nfile=/tmp/s.sock\nchmod=u+rw\n'), errors: [{ message: 'Invalid chmod value u+rw' }] },
    { name: '[supervisord] umask', files: conf('[supervisord]\numask=999\n'), errors: [{ message: '999 can not be converted to an octal type' }] },
  ],
});
