import { startsecsRestartLoop } from '../../../src/rules/supervisor/startsecs-restart-loop.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (extra: string) => ({ 'supervisord.conf': `[program:w]\ncommand=/bin/true\n${extra}` });

testRule(startsecsRestartLoop, {
  valid: [{ files: conf('startsecs=1\nautorestart=true\n') }, { name: 'no restarts', files: conf('startsecs=0\nautorestart=false\n') }, { name: 'default startsecs', files: conf('autorestart=true\n') }],
  invalid: [
    { files: conf('startsecs=0\nautorestart=true\n'), errors: [{ message: 'startsecs=0 with autorestart=true: a program that exits right away is restarted in a tight loop', line: 3, related: [{ line: 4 }] }] },
    { name: 'autorestart defaults to unexpected', files: conf('startsecs=0\n'), errors: [{ message: /autorestart=unexpected \(the default\)/ }] },
  ],
});
