import { badSignal } from '../../../src/rules/supervisor/bad-signal.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });
const sig = (v: string) => conf(`[program:w]\ncommand=/bin/true\nstopsignal=${v}\n`);

testRule(badSignal, {
  valid: [{ files: sig('TERM') }, { files: sig('sigquit') }, { files: sig(' int ') }, { files: sig('9') }, { name: 'SIGRTMIN is an attribute of the signal module', files: sig('RTMIN') }],
  invalid: [
    { files: sig('SIGFOO'), errors: [{ message: "value 'SIGFOO' is not a valid signal name in section 'program:w'", line: 3 }] },
    { name: 'a number that is no signal', files: sig('99'), errors: [{ message: "value '99' is not a valid signal number in section 'program:w'" }] },
    { name: 'real-time signals between RTMIN and RTMAX have no name in Python', files: sig('40'), errors: [{ message: /'40' is not a valid signal number/ }] },
    { name: 'uWSGI-style names', files: sig('GRACEFUL'), errors: [{ message: /'GRACEFUL' is not a valid signal name/ }] },
  ],
});
