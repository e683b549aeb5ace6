import { formatStringError } from '../../../src/rules/supervisor/format-string-error.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });
const withEnv = (env: Record<string, string>) => (c: { env: Record<string, string> }) => (c.env = env);

testRule(formatStringError, {
  valid: [
    { name: 'every name supervisord offers a program', files: conf('[program:w]\ncommand=/bin/echo %(here)s %(program_name)s %(group_name)s %(host_node_name)s %(process_num)02d %(numprocs)d 100%%\nprocess_name=%(program_name)s_%(process_num)s\nnumprocs=2\n') },
    { name: 'unknown environment: ENV_ names are not judged', files: conf('[program:w]\ncommand=/bin/echo %(ENV_HOME)s\n') },
    { name: 'a program environment variable', files: conf('[program:w]\nenvironment=PORT="8000"\ncommand=/bin/echo %(ENV_PORT)s\n'), config: withEnv({ HOME: '/root' }) },
    { name: '[supervisord] environment is seen by programs', files: conf('[supervisord]\nenvironment=APP="x"\n[program:w]\ncommand=/bin/echo %(ENV_APP)s\n'), config: withEnv({ HOME: '/root' }) },
    { name: 'a lone %s is not an error (see percent-s-expands-to-dict)', files: conf('[program:w]\ncommand=/bin/date +%s\n') },
    { name: 'here is known in [supervisord]', files: conf('[supervisord]\nchildlogdir=%(here)s\n') },
  ],
  invalid: [
    {
      name: 'unknown name',
      files: conf('[program:w]\ncommand=/bin/echo %(port)s\n'),
      errors: [
        {
          message:
            "Format string '/bin/echo %(port)s' for 'program:w.command' contains names ('port') which cannot be expanded. Available names: group_name, here, host_node_name, numprocs, process_num, program_name, ENV_<name> for each variable of supervisord’s environment in section 'program:w'",
          line: 2,
          column: 19,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'unknown ENV_ name when the environment is given',
      files: conf('[program:w]\ncommand=/bin/echo %(ENV_NOPE)s\n'),
      config: withEnv({ HOME: '/root' }),
      errors: [{ message: /contains names \('ENV_NOPE'\) which cannot be expanded\. Available names: ENV_HOME, group_name/ }],
    },
    { name: 'a lone percent sign', files: conf('[program:w]\ncommand=/bin/echo 100%\n'), errors: [{ message: /is badly formatted: incomplete format in section 'program:w'$/ }] },
    { name: '%d of a string', files: conf('[program:w]\ncommand=/bin/echo %(program_name)d\n'), errors: [{ message: /badly formatted: %d format: a real number is required, not str/ }] },
    { name: 'process_num is not known before the processes are built', files: conf('[program:w]\ncommand=/bin/true\npriority=%(process_num)d\n'), errors: [{ message: /for 'program:w\.priority' contains names \('process_num'\)/ }] },
    { name: '[supervisord] has no program_name', files: conf('[supervisord]\nlogfile=/tmp/%(program_name)s.log\n'), errors: [{ message: /^Format string '\/tmp\/%\(program_name\)s\.log' for 'supervisord\.logfile' contains names/ }] },
    { name: 'log file names are expanded twice: %% is not enough', files: conf('[program:w]\ncommand=/bin/true\nstdout_logfile=/tmp/a%%b.log\n'), errors: [{ message: /for 'stdout_logfile' is badly formatted: unsupported format character 'b'/ }] },
    { name: 'two lone %s', files: conf('[program:w]\ncommand=/bin/echo %s %s\n'), errors: [{ message: /not enough arguments for format string/ }] },
    { name: 'in an included file, here is that file’s directory (still unknown names fail)', files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles=conf.d/*.conf\n', 'conf.d/w.conf': '[program:w]\ncommand=%(here)s/run %(nope)s\n' }, errors: [{ file: 'conf.d/w.conf', message: /contains names \('nope'\)/ }] },
  ],
});

testRule(formatStringError, {
  valid: [{ name: '[include] files with here', files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles=%(here)s/conf.d/*.conf\n' } }],
  invalid: [
    {
      name: '[include] files with an unknown name',
      files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles=%(confdir)s/*.conf\n' },
      errors: [{ message: /^Format string '%\(confdir\)s\/\*\.conf' for 'include\.files' contains names \('confdir'\) which cannot be expanded\. Available names: here, host_node_name/, line: 3 }],
    },
  ],
});
