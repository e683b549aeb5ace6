import { badInteger } from '../../../src/rules/supervisor/bad-integer.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(badInteger, {
  valid: [
    { name: "Python's int(): sign, spaces, underscores", files: conf('[program:w]\ncommand=/bin/true\npriority=-5\nstartsecs= 10\nstartretries=1_000\n') },
    { files: conf('[supervisord]\nminfds=1024\nminprocs=+200\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/true\nstartsecs=10s\n'), errors: [{ message: "invalid literal for int() with base 10: '10s' in section 'program:w'", line: 3 }] },
    { name: 'a decimal', files: conf('[program:w]\ncommand=/bin/true\nstopwaitsecs=1.5\n'), errors: [{ message: /'1\.5'/ }] },
    { name: 'numprocs', files: conf('[program:w]\ncommand=/bin/true\nnumprocs=two\n'), errors: [{ message: /'two'/ }] },
    { name: 'group priority (unwrapped, as supervisord reports it)', files: conf('[program:w]\ncommand=/bin/true\n[group:g]\nprograms=w\npriority=high\n'), errors: [{ message: "invalid literal for int() with base 10: 'high'" }] },
    { name: 'log backups', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile_backups=ten\n'), errors: [{ message: /'ten' in section/ }] },
  ],
});
