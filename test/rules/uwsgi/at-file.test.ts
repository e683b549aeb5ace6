import { atFile } from '../../../src/rules/uwsgi/at-file.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(atFile, {
  valid: [
    { name: 'file exists', files: { 'uwsgi.ini': '[uwsgi]\nsecret = @(%dsecret.txt)\nenv = KEY=%(secret)\n', 'secret.txt': 'abc\n' } },
    { name: 'relative path (working directory unknown)', files: { 'uwsgi.ini': '[uwsgi]\nenv = KEY=@(secret.txt)\n' } },
    { name: 'no host checks (--no-fs)', files: { 'uwsgi.ini': '[uwsgi]\nenv = KEY=@(/nonexistent/secret.txt)\n' }, config: (c) => (c.hostChecks = false) },
  ],
  invalid: [
    {
      files: { 'uwsgi.ini': '[uwsgi]\nenv = KEY=@(%dmissing.txt)\n' },
      errors: [{ message: /^@\(.*missing\.txt\): cannot read ".*missing\.txt"/, line: 2, column: 11, endColumn: 27 }],
    },
  ],
});
