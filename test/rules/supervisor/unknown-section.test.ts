import { unknownSection } from '../../../src/rules/supervisor/unknown-section.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(unknownSection, {
  valid: [
    { files: conf('[supervisord]\n[supervisorctl]\n[unix_http_server]\nfile=/tmp/s\n[inet_http_server]\nport=9001\n[include]\nfiles=x\n[program:a]\ncommand=/bin/true\n[group:g]\nprograms=a\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface\n[DEFAULT]\n') },
  ],
  invalid: [
    { files: conf('[programs:web]\ncommand=/bin/true\n'), errors: [{ message: 'unknown section [programs:web]; did you mean [program:web]?', line: 1, column: 1, endColumn: 15 }] },
    { name: 'no name', files: conf('[program]\ncommand=/bin/true\n'), errors: [{ message: 'unknown section [program]; did you mean [program:name]?' }] },
    { name: 'supervisor', files: conf('[supervisor]\nlogfile=/tmp/x\n[program:a]\ncommand=/bin/true\n'), errors: [{ message: /unknown section \[supervisor\]; did you mean \[supervisor(d|ctl)\]\?/ }] },
    { name: 'uWSGI settings in supervisord.conf', files: conf('[program:a]\ncommand=/bin/true\n[uwsgi]\nmaster=true\n'), errors: [{ message: 'unknown section [uwsgi]' }] },
  ],
});
