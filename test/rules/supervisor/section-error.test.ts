import { sectionError } from '../../../src/rules/supervisor/section-error.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });
const P = '[program:web]\ncommand=/bin/true\n';

testRule(sectionError, {
  valid: [
    { name: 'group of existing programs', files: conf(`[supervisord]\n${P}[program:w2]\ncommand=/bin/true\n[group:g]\nprograms=web, w2\n`) },
    { name: 'a program file checked on its own needs no [supervisord]', files: { 'conf.d/web.conf': P } },
    { name: 'stopasgroup with killasgroup defaulting to it', files: conf(`${P}stopasgroup=true\n`) },
    { name: 'eventlistener with events', files: conf('[eventlistener:ev]\ncommand=/bin/cat\nevents=PROCESS_STATE\n') },
    { name: 'http servers complete', files: conf('[supervisord]\n[unix_http_server]\nfile=/tmp/s.sock\nusername=u\npassword=p\n[inet_http_server]\nport=127.0.0.1:9001\n') },
  ],
  invalid: [
    {
      name: 'group names an unknown program',
      files: conf(`[supervisord]\n${P}[group:g]\nprograms=web,worker\n`),
      errors: [{ message: '[program:web] names unknown program or fcgi-program worker', line: 5 }],
    },
    {
      name: 'first member unknown: the group section is named',
      files: conf(`[supervisord]\n${P}[group:g]\nprograms=nope\n`),
      errors: [{ message: '[group:g] names unknown program or fcgi-program nope' }],
    },
    {
      name: 'stopasgroup=true and killasgroup=false',
      files: conf(`${P}stopasgroup=true\nkillasgroup=false\n`),
      errors: [{ message: "Cannot set stopasgroup=true and killasgroup=false in section 'program:web'", line: 4 }],
    },
    { name: 'eventlistener without events', files: conf('[eventlistener:ev]\ncommand=/bin/cat\n'), errors: [{ message: '[eventlistener:ev] section requires an "events" line' }] },
    {
      name: 'eventlistener with redirect_stderr',
      files: conf('[eventlistener:ev]\ncommand=/bin/cat\nevents=TICK_5\nredirect_stderr=true\n'),
      errors: [{ message: /^\[eventlistener:ev\] section sets redirect_stderr=true but this is not allowed/ }],
    },
    { name: '[include] without files', files: conf('[supervisord]\n[include]\n'), errors: [{ message: '.ini file has [include] section, but no files setting' }] },
    { name: 'main file without [supervisord]', files: conf('[unix_http_server]\nfile=/tmp/s.sock\n'), errors: [{ message: '.ini file does not include supervisord section', line: 1 }] },
    { name: 'unix_http_server without file', files: conf('[supervisord]\n[unix_http_server]\nchmod=0700\n'), errors: [{ message: 'section [unix_http_server] has no file value' }] },
    { name: 'inet_http_server without port', files: conf('[supervisord]\n[inet_http_server]\nusername=u\npassword=p\n'), errors: [{ message: 'section [inet_http_server] has no port value' }] },
    {
      name: 'username without password',
      files: conf('[supervisord]\n[inet_http_server]\nport=9001\nusername=u\n'),
      errors: [{ message: /^Section \[inet_http_server\] contains incomplete authentication/ }],
    },
    {
      name: 'rpcinterface without factory',
      files: conf('[supervisord]\n[rpcinterface:supervisor]\n'),
      errors: [{ message: 'section [rpcinterface:supervisor] does not specify a supervisor.rpcinterface_factory' }],
    },
    { name: 'fcgi-program without socket', files: conf('[fcgi-program:f]\ncommand=/bin/cat\n'), errors: [{ message: '[fcgi-program:f] section requires a "socket" line' }] },
  ],
});
