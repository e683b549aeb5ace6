import { unknownKey } from '../../../src/rules/supervisor/unknown-key.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(unknownKey, {
  valid: [
    { files: conf('[program:w]\nCommand=/bin/true\nautostart=true\nstopwaitsecs=5\nstdout_logfile_maxbytes=1MB\n') },
    { name: 'keys of every section type', files: conf('[supervisord]\nlogfile=/tmp/s.log\nchildlogdir=/tmp\n[supervisorctl]\nserverurl=unix:///tmp/s\n[eventlistener:e]\ncommand=/bin/cat\nevents=TICK_5\nbuffer_size=5\n[fcgi-program:f]\ncommand=/bin/cat\nsocket=tcp://127.0.0.1:9000\nsocket_backlog=5\n') },
    { name: 'extras of a third-party rpc interface', files: conf('[rpcinterface:x]\nsupervisor.rpcinterface_factory=x.rpc:make\nretries=1\n') },
    { name: '[DEFAULT] with a program key', files: conf('[DEFAULT]\nautostart=false\n[program:w]\ncommand=/bin/true\n') },
  ],
  invalid: [
    {
      files: conf('[program:w]\ncommand=/bin/true\nautorstart=true\n'),
      errors: [{ message: "unknown key 'autorstart' in [program:w]; did you mean 'autostart' or 'autorestart'?", line: 3, column: 1, endColumn: 11 }],
    },
    { name: 'transposed letters', files: conf('[program:w]\ncommand=/bin/true\nstopwatisecs=10\n'), errors: [{ message: /did you mean 'stopwaitsecs'\?$/ }] },
    { name: 'dash for underscore', files: conf('[program:w]\ncommand=/bin/true\nstdout-logfile=/tmp/x\n'), errors: [{ message: /did you mean 'stdout_logfile'\?$/ }] },
    { name: 'a key of another section', files: conf('[program:w]\ncommand=/bin/true\nloglevel=debug\n'), errors: [{ message: "unknown key 'loglevel' in [program:w]" }] },
    { name: 'in [DEFAULT]', files: conf('[DEFAULT]\nautostrat=false\n[program:w]\ncommand=/bin/true\n'), errors: [{ message: /unknown key 'autostrat' in \[DEFAULT\]; did you mean 'autostart'/ }] },
    {
      name: 'options for make_main_rpcinterface',
      files: conf('[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\nretries=3\n'),
      errors: [{ message: "make_main_rpcinterface() got an unexpected keyword argument 'retries'", severity: 'error' }],
    },
    {
      name: '[DEFAULT] keys reach the RPC factory too',
      files: conf('[DEFAULT]\nautostart=false\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n[program:w]\ncommand=/bin/true\n'),
      errors: [{ message: "make_main_rpcinterface() got an unexpected keyword argument 'autostart'", line: 2, severity: 'error', related: [{ line: 3 }] }],
    },
  ],
});
