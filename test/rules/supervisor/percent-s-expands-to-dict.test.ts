import { percentSExpandsToDict } from '../../../src/rules/supervisor/percent-s-expands-to-dict.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(percentSExpandsToDict, {
  valid: [{ files: conf('[program:w]\ncommand=/bin/date +%%s\n') }, { files: conf('[program:w]\ncommand=/bin/echo %(program_name)s\n') }],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/date +%s\n'), errors: [{ message: "'%s' in 'program:w.command' is replaced by the whole dictionary of expansion names", line: 2, column: 20, endColumn: 22 }] },
    { name: 'in environment', files: conf('[program:w]\ncommand=/bin/true\nenvironment=FMT="%s"\n'), errors: [{ message: /'%s' in 'environment'/ }] },
  ],
});
