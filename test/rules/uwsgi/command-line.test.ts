import { commandLine } from '../../../src/rules/uwsgi/command-line.js';
import { testRule } from '../../helpers/rule-tester.js';

const sv = (command: string) => ({ 'supervisord.conf': `[program:app]\ncommand=${command}\n` });

testRule(commandLine, {
  valid: [
    { name: 'full names', files: sv('/usr/bin/uwsgi --socket 127.0.0.1:3031 --master --processes 4') },
    { name: 'unambiguous prefix', files: sv('/usr/bin/uwsgi --uwsgi 127.0.0.1:3031 --vacu --thunder') },
    { name: 'plugin options after --plugin', files: sv('/usr/bin/uwsgi --plugin python3 --module app.wsgi') },
    { name: 'a pip build has http and python built in', files: sv('/srv/venv/bin/uwsgi --http :8000 --wsgi-file app.py') },
  ],
  invalid: [
    {
      name: 'ambiguous prefix (Debian: no http plugin loaded)',
      files: sv('/usr/bin/uwsgi --http :8000 --wsgi-file test.py'),
      errors: [{ message: /^uwsgi: option '--http' is ambiguous; possibilities: '--http-socket' /, line: 2, column: 24, endColumn: 30 }],
    },
    {
      name: 'plugin option before the plugin',
      files: sv('/usr/bin/uwsgi --module app.wsgi --plugin python3'),
      errors: [{ message: "uwsgi: unrecognized option '--module'", line: 2 }],
    },
    {
      name: 'ambiguous prefix of master',
      files: sv('/usr/bin/uwsgi --mast --processes 2'),
      errors: [{ message: "uwsgi: option '--mast' is ambiguous; possibilities: '--master' '--master-fifo' '--master-as-root'" }],
    },
    { name: 'flag with a value', files: sv('/usr/bin/uwsgi --master=true'), errors: [{ message: "uwsgi: option '--master' doesn't allow an argument" }] },
    { name: 'missing argument', files: sv('/usr/bin/uwsgi --master -p'), errors: [{ message: "uwsgi: option requires an argument -- 'p'" }] },
  ],
});
