import { badAutorestart } from '../../../src/rules/supervisor/bad-autorestart.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(badAutorestart, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\nautorestart=unexpected\n') },
    { files: conf('[program:w]\ncommand=/bin/true\nautorestart=TRUE\n') },
    { files: conf('[program:w]\ncommand=/bin/true\nautorestart=off\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/true\nautorestart=maybe\n'), errors: [{ message: "invalid 'autorestart' value 'maybe' in section 'program:w'", line: 3 }] },
    { name: 'the message shows the lower-cased value', files: conf('[program:w]\ncommand=/bin/true\nautorestart=Always\n'), errors: [{ message: /value 'always'/ }] },
  ],
});
