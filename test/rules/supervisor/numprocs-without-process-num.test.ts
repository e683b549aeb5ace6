import { numprocsWithoutProcessNum } from '../../../src/rules/supervisor/numprocs-without-process-num.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(numprocsWithoutProcessNum, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\nnumprocs=4\nprocess_name=%(program_name)s_%(process_num)02d\n') },
    { name: 'numprocs=1', files: conf('[program:w]\ncommand=/bin/true\nnumprocs=1\n') },
  ],
  invalid: [
    {
      files: conf('[program:w]\ncommand=/bin/true\nnumprocs=4\n'),
      errors: [{ message: "%(process_num) must be present within process_name when numprocs > 1 in section 'program:w'", line: 3 }],
    },
    {
      name: 'process_name without it: reported there, numprocs related',
      files: conf('[program:w]\ncommand=/bin/true\nnumprocs=2\nprocess_name=%(program_name)s\n'),
      errors: [{ line: 4, related: [{ line: 3, message: 'numprocs = 2' }] }],
    },
  ],
});
