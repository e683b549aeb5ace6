import { commandNotRunnable } from '../../../src/rules/supervisor/command-not-runnable.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(commandNotRunnable, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/sleep 100\n') },
    { name: 'PATH lookup is not judged', files: conf('[program:w]\ncommand=gunicorn app:app\n') },
    { name: '--no-fs', files: conf('[program:w]\ncommand=/nonexistent/stacklint/app\n'), config: (c) => (c.hostChecks = false) },
    { name: 'quotes closed', files: conf('[program:w]\ncommand=/bin/sh -c "exec sleep 100"\n') },
    { name: 'unknown expansion', files: conf('[program:w]\ncommand=%(ENV_VENV)s/bin/gunicorn app:app\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/nonexistent/stacklint/app --serve\n'), errors: [{ message: "can't find command '/nonexistent/stacklint/app'", line: 2, column: 9, endColumn: 35 }] },
    { name: 'unclosed quote', files: conf('[program:w]\ncommand=/bin/sh -c "exec sleep 100\n'), errors: [{ message: `can't parse command '/bin/sh -c "exec sleep 100': No closing quotation` }] },
    { name: 'a directory', files: conf('[program:w]\ncommand=/tmp\n'), errors: [{ message: "command at '/tmp' is a directory" }] },
    { name: 'trailing backslash', files: conf('[program:w]\ncommand=/bin/echo a\\\n'), errors: [{ message: /No escaped character$/ }] },
  ],
});
