import { badExitcodes } from '../../../src/rules/supervisor/bad-exitcodes.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (v: string) => ({ 'supervisord.conf': `[program:w]\ncommand=/bin/true\nexitcodes=${v}\n` });

testRule(badExitcodes, {
  valid: [{ files: conf('0,2') }, { files: conf('0, 2 ,3') }, { name: 'empty: no expected exit code', files: conf('') }, { files: conf('255') }],
  invalid: [
    { files: conf('0,256'), errors: [{ message: "not a valid list of exit codes: '0,256' in section 'program:w'", line: 3 }] },
    { name: 'semicolons', files: conf('0;2'), errors: [{ message: /'0;2'/ }] },
    { name: 'negative', files: conf('-1'), errors: [{ message: /'-1'/ }] },
    { name: 'empty item', files: conf('0,,1'), errors: [{ message: /'0,,1'/ }] },
  ],
});
