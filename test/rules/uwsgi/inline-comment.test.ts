import { inlineComment } from '../../../src/rules/uwsgi/inline-comment.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(inlineComment, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\n; a comment line\nsocket = 127.0.0.1:3031\n' } },
    { name: 'numbers: atoi stops before the comment', files: { 'uwsgi.ini': '[uwsgi]\nprocesses = 4 # four workers\n' } },
    { name: 'booleans are judged by uwsgi/boolean-value', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true ; on\n' } },
    { name: 'shell commands', files: { 'uwsgi.ini': '[uwsgi]\nexec-pre-app = cd /srv ; make\n' } },
    { name: 'a # without a space before it', files: { 'uwsgi.ini': '[uwsgi]\nroute = ^/x#y redirect:/\n' } },
  ],
  invalid: [
    {
      files: { 'uwsgi.ini': '[uwsgi]\nsocket = 127.0.0.1:3031 ; nginx connects here\n' },
      errors: [{ message: 'the value of "socket" includes "; nginx connects here": uWSGI has no inline comments', line: 2, column: 25, fix: '' }],
    },
    {
      name: 'a placeholder carries the comment along',
      files: { 'uwsgi.ini': '[uwsgi]\nbase = /srv/app # project root\nchdir = %(base)\n' },
      errors: [{ message: /^the value of "base" includes "# project root"/, line: 2 }],
    },
    { name: 'module', files: { 'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi:application ;第一個是檔案\n' }, errors: [{ line: 2 }] },
  ],
});
