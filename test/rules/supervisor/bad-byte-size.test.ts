import { badByteSize } from '../../../src/rules/supervisor/bad-byte-size.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (v: string) => ({ 'supervisord.conf': `[program:w]\ncommand=/bin/true\nstdout_logfile_maxbytes=${v}\n` });

testRule(badByteSize, {
  valid: [{ files: conf('50MB') }, { files: conf('10kb') }, { files: conf('1GB') }, { files: conf('0') }, { name: 'a space before the suffix is fine for int()', files: conf('50 MB') }],
  invalid: [
    { files: conf('50M'), errors: [{ message: "invalid literal for int() with base 10: '50m' in section 'program:w'", line: 3 }] },
    { name: 'decimals', files: conf('1.5MB'), errors: [{ message: /'1\.5'/ }] },
    { name: 'suffix only', files: conf('MB'), errors: [{ message: /base 10: '' in section/ }] },
    { name: '[supervisord] logfile_maxbytes', files: { 'supervisord.conf': '[supervisord]\nlogfile_maxbytes=1M\n' }, errors: [{ message: "invalid literal for int() with base 10: '1m'" }] },
  ],
});
