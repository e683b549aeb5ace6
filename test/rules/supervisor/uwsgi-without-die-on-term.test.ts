import { uwsgiWithoutDieOnTerm } from '../../../src/rules/supervisor/uwsgi-without-die-on-term.js';
import { testRule } from '../../helpers/rule-tester.js';

const U = '/srv/venv/bin/uwsgi --module app.wsgi --socket /run/app.sock';
const conf = (c: string, extra = '') => ({ 'supervisord.conf': `[program:w]\ncommand=${c}\n${extra}` });

testRule(uwsgiWithoutDieOnTerm, {
  valid: [
    { files: conf(`${U} --master --die-on-term`) },
    { name: 'no master: no reload logic', files: conf(U) },
    { name: 'stopsignal=INT', files: conf(`${U} --master`, 'stopsignal=INT\n') },
    { name: 'stopsignal=QUIT without die-on-term', files: conf(`${U} --master`, 'stopsignal=QUIT\n') },
    { name: 'die-on-term in the ini file', files: { 'supervisord.conf': '[program:w]\ncommand=/srv/venv/bin/uwsgi --ini {{dir}}/app.ini\n', 'app.ini': '[uwsgi]\nmaster = true\ndie-on-term = true\n' } },
    { name: 'exit-on-reload', files: conf(`${U} --master --exit-on-reload`) },
    { name: 'short option -M with die-on-term', files: conf(`${U} -M --die-on-term`) },
  ],
  invalid: [
    {
      files: conf(`${U} --master`),
      errors: [{ message: 'supervisord stops this uWSGI master with SIGTERM (the default stopsignal), which uWSGI takes as a reload (no die-on-term)', line: 2, related: [{ line: 2, message: 'uWSGI master mode is enabled here' }] }],
    },
    { name: 'explicit stopsignal=TERM', files: conf(`${U} --master`, 'stopsignal=TERM\n'), errors: [{ line: 3, message: /with SIGTERM, which uWSGI takes as a reload/ }] },
    { name: 'QUIT with die-on-term reloads', files: conf(`${U} --master --die-on-term`, 'stopsignal=QUIT\n'), errors: [{ message: /with SIGQUIT, which uWSGI with die-on-term takes as a reload/ }] },
    {
      name: 'master in the --ini file',
      files: { 'supervisord.conf': '[program:w]\ncommand=/srv/venv/bin/uwsgi --ini {{dir}}/app.ini\n', 'app.ini': '[uwsgi]\nmaster = true\nmodule = app.wsgi\n' },
      errors: [{ file: 'supervisord.conf', related: [{ file: 'app.ini', line: 2 }] }],
    },
    { name: 'HUP is a graceful reload', files: conf(`${U} --master`, 'stopsignal=HUP\n'), errors: [{ message: /SIGHUP/ }] },
  ],
});
