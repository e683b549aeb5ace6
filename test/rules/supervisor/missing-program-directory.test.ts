import { missingProgramDirectory } from '../../../src/rules/supervisor/missing-program-directory.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(missingProgramDirectory, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\ndirectory={{dir}}\n') },
    { name: '--no-fs', files: conf('[program:w]\ncommand=/bin/true\ndirectory=/nonexistent/stacklint\n'), config: (c) => (c.hostChecks = false) },
    { name: 'relative: supervisord’s cwd', files: conf('[program:w]\ncommand=/bin/true\ndirectory=app\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/true\ndirectory=/nonexistent/stacklint\n'), errors: [{ message: "couldn't chdir to /nonexistent/stacklint: ENOENT", line: 3, column: 11 }] },
    { name: 'a file', files: { 'supervisord.conf': '[program:w]\ncommand=/bin/true\ndirectory={{dir}}/f\n', f: '' }, errors: [{ message: /: ENOTDIR$/ }] },
  ],
});
