import { stopwaitsecsZero } from '../../../src/rules/supervisor/stopwaitsecs-zero.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (extra: string) => ({ 'supervisord.conf': `[program:w]\ncommand=/bin/true\n${extra}` });

testRule(stopwaitsecsZero, {
  valid: [{ files: conf('stopwaitsecs=10\n') }, { name: 'default', files: conf('') }],
  invalid: [
    { files: conf('stopwaitsecs=0\n'), errors: [{ message: 'stopwaitsecs=0: the program is killed with SIGKILL without time to shut down', line: 3 }] },
    { name: 'negative', files: conf('stopwaitsecs=-1\n'), errors: [{ message: /stopwaitsecs=-1/ }] },
  ],
});
