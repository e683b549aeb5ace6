import { badValue } from '../../../src/rules/supervisor/bad-value.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(badValue, {
  valid: [
    { files: conf('[supervisord]\nloglevel=WARN\n[inet_http_server]\nport=*:9001\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n') },
    { name: 'third-party factories are not judged', files: conf('[supervisord]\n[rpcinterface:twiddler]\nsupervisor.rpcinterface_factory = supervisor_twiddler.rpcinterface:make_twiddler_rpcinterface\n') },
    { name: 'a third-party factory with non-ASCII names is not judged either', files: conf('[supervisord]\n[rpcinterface:x]\nsupervisor.rpcinterface_factory = módulo.rpc:fábrica\n') },
    { files: conf('[eventlistener:e]\ncommand=/bin/cat\nevents=PROCESS_STATE,TICK_60\nbuffer_size=50\n') },
    { files: conf('[fcgi-program:f]\ncommand=/bin/cat\nsocket=unix:///run/f.sock\n') },
  ],
  invalid: [
    { files: conf('[supervisord]\nloglevel=warning\n'), errors: [{ message: "bad logging level name 'warning'", line: 2 }] },
    { name: 'port out of range', files: conf('[supervisord]\n[inet_http_server]\nport=127.0.0.1:70000\n'), errors: [{ message: '70000 is above upper bound (65535)' }] },
    { name: 'port not a number', files: conf('[supervisord]\n[inet_http_server]\nport=web\n'), errors: [{ message: "not a valid port number: 'web' " }] },
    { name: 'event type', files: conf('[eventlistener:e]\ncommand=/bin/cat\nevents=PROCESS_STATE,PROCESS_CRASHED\n'), errors: [{ message: 'Unknown event type PROCESS_CRASHED in [eventlistener:e] events' }] },
    { name: 'buffer size', files: conf('[eventlistener:e]\ncommand=/bin/cat\nevents=TICK_5\nbuffer_size=0\n'), errors: [{ message: '[eventlistener:e] section sets invalid buffer_size (0)' }] },
    { name: 'relative unix socket', files: conf('[fcgi-program:f]\ncommand=/bin/cat\nsocket=unix://run/f.sock\n'), errors: [{ message: "('Unix socket path %s is not an absolute path', 'run/f.sock') in [fcgi-program:f] socket" }] },
    { name: 'misspelled factory', files: conf('[supervisord]\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterfac\n'), errors: [{ message: 'supervisor.rpcinterface:make_main_rpcinterfac cannot be resolved within [rpcinterface:supervisor]' }] },
    { name: 'misspelled factory with a non-ASCII letter', files: conf('[supervisord]\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:máke_main_rpcinterface\n'), errors: [{ message: 'supervisor.rpcinterface:máke_main_rpcinterface cannot be resolved within [rpcinterface:supervisor]' }] },
    { name: 'malformed spec', files: conf('[supervisord]\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor rpcinterface\n'), errors: [{ message: /^\("EntryPoint must be in 'name=module:attrs \[extras\]' format", 'x=supervisor rpcinterface'\)$/ }] },
  ],
});
