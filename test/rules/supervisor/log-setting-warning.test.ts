import { logSettingWarning } from '../../../src/rules/supervisor/log-setting-warning.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(logSettingWarning, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\nredirect_stderr=true\n') },
    { name: 'redirect with stderr_logfile=NONE', files: conf('[program:w]\ncommand=/bin/true\nredirect_stderr=true\nstderr_logfile=NONE\n') },
    { name: 'maxbytes=0 with a named file', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=/tmp/w.log\nstdout_logfile_maxbytes=0\nstderr_logfile=NONE\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/true\nredirect_stderr=true\nstderr_logfile=/tmp/w.err\n'), errors: [{ message: 'For [program:w], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored', line: 4 }] },
    { name: 'syslog log file', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=syslog\n'), errors: [{ message: /^For \[program:w\], stdout_logfile=syslog but this is deprecated/ }] },
    { name: 'AUTO without rotation', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile_maxbytes=0\n'), errors: [{ message: /AUTO logging used for stdout_logfile without rollover/, line: 3 }] },
  ],
});
