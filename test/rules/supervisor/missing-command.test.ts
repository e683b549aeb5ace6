import { missingCommand } from '../../../src/rules/supervisor/missing-command.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(missingCommand, {
  valid: [
    { files: conf('[program:web]\ncommand=/bin/true\n') },
    { name: 'numprocs=0 builds no process, so supervisord does not ask', files: conf('[program:web]\nnumprocs=0\n') },
    { name: 'command from [DEFAULT]', files: conf('[DEFAULT]\ncommand=/bin/true\n[program:web]\n') },
    { name: 'group sections need none', files: conf('[program:web]\ncommand=/bin/true\n[group:g]\nprograms=web\n') },
  ],
  invalid: [
    {
      files: conf('[supervisord]\n[program:web]\ndirectory=/srv\n'),
      errors: [{ message: "program section program:web does not specify a command in section 'program:web'", line: 2, column: 1, endColumn: 14 }],
    },
    { name: 'eventlistener', files: conf('[eventlistener:ev]\nevents=TICK_5\n'), errors: [{ message: /^program section eventlistener:ev does not specify a command/ }] },
    { name: 'a command key with a typo', files: conf('[program:web]\ncomand=/bin/true\n'), errors: [{ message: /does not specify a command/ }] },
  ],
});
