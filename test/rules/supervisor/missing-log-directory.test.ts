import { missingLogDirectory } from '../../../src/rules/supervisor/missing-log-directory.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });
const noFs = (c: { hostChecks: boolean }) => (c.hostChecks = false);

testRule(missingLogDirectory, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile={{dir}}/w.log\nstderr_logfile=NONE\n') },
    { name: 'AUTO, OFF, syslog', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=auto\nstderr_logfile=off\n[program:x]\ncommand=/bin/true\nstdout_logfile=syslog\n') },
    { name: 'relative paths depend on supervisord’s cwd: not judged', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=logs/w.log\n') },
    { name: '~ is not judged', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=~/w.log\n') },
    { name: '--no-fs', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=/nonexistent/stacklint/w.log\n'), config: noFs },
    { name: '%(here)s is the directory of the file', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=%(here)s/w.log\n') },
    {
      name: 'a mapped deployed path',
      files: { 'supervisord.conf': '[program:w]\ncommand=/bin/true\nstdout_logfile=/var/log/app/w.log\n', 'logdir/.keep': '' },
      config: (c, dir) => c.map.push({ from: '/var/log/app', to: `${dir}/logdir` }),
    },
  ],
  invalid: [
    {
      files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=/nonexistent/stacklint/w.log\n'),
      errors: [{ message: "The directory named as part of the path /nonexistent/stacklint/w.log does not exist in section 'program:w'", line: 3, column: 16 }],
    },
    {
      name: '[supervisord] logfile, pidfile, childlogdir',
      files: conf('[supervisord]\nlogfile=/nonexistent/stacklint/s.log\npidfile=/nonexistent/stacklint/s.pid\nchildlogdir=/nonexistent/stacklint\n'),
      errors: [
        { message: 'The directory named as part of the path /nonexistent/stacklint/s.log does not exist' },
        { message: 'The directory named as part of the path /nonexistent/stacklint/s.pid does not exist' },
        { message: '/nonexistent/stacklint is not an existing directory' },
      ],
    },
    { name: 'the parent is a file', files: { 'supervisord.conf': '[program:w]\ncommand=/bin/true\nstderr_logfile={{dir}}/afile/w.log\n', afile: 'x' }, errors: [{ message: /afile\/w\.log does not exist/ }] },
    { name: 'expanded with the program name', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=/nonexistent/%(program_name)s/out.log\n'), errors: [{ message: /path \/nonexistent\/w\/out\.log does not exist/ }] },
  ],
});
