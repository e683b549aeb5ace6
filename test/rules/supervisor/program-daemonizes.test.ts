import { programDaemonizes } from '../../../src/rules/supervisor/program-daemonizes.js';
import { testRule } from '../../helpers/rule-tester.js';

const cmd = (c: string, extra = '') => ({ 'supervisord.conf': `[program:w]\ncommand=${c}\n${extra}` });

testRule(programDaemonizes, {
  valid: [
    { files: cmd('/srv/venv/bin/uwsgi --master --module app.wsgi --socket /run/app.sock') },
    { name: "nginx -g 'daemon off;'", files: cmd("/usr/sbin/nginx -g 'daemon off;'") },
    { name: 'nginx.conf with daemon off', files: { 'supervisord.conf': '[program:w]\ncommand=/usr/sbin/nginx -c {{dir}}/nginx.conf\n', 'nginx.conf': 'daemon off;\nevents {}\n' } },
    { name: 'nginx -t is no server run', files: cmd('/usr/sbin/nginx -t -c /nonexistent/nginx.conf') },
    { name: 'nginx config unreadable: unknown', files: cmd('/usr/sbin/nginx -c /nonexistent/stacklint/nginx.conf') },
    { name: 'gunicorn in the foreground', files: cmd('/srv/venv/bin/gunicorn -w 4 app:app') },
    { name: 'celery worker', files: cmd('/srv/venv/bin/celery -A app worker -l info') },
    { name: 'uWSGI ini without daemonize', files: { 'supervisord.conf': '[program:w]\ncommand=/srv/venv/bin/uwsgi --ini {{dir}}/app.ini\n', 'app.ini': '[uwsgi]\nmaster = true\nmodule = app.wsgi\n' } },
  ],
  invalid: [
    {
      files: cmd('/srv/venv/bin/uwsgi --master --module app.wsgi --daemonize /var/log/uwsgi.log'),
      errors: [{ message: 'uWSGI daemonizes (daemonize = /var/log/uwsgi.log): supervisord sees the program exit and restarts it', line: 2, column: 56, endColumn: 67 }],
    },
    {
      name: 'daemonize in the --ini file',
      files: { 'supervisord.conf': '[program:w]\ncommand=/srv/venv/bin/uwsgi --ini {{dir}}/app.ini\n', 'app.ini': '[uwsgi]\nmaster = true\ndaemonize = /var/log/uwsgi.log\n' },
      errors: [{ file: 'supervisord.conf', message: /^uWSGI daemonizes \(daemonize = \/var\/log\/uwsgi\.log\)/, related: [{ file: 'app.ini', line: 3 }] }],
    },
    {
      name: 'nginx with a config that does not say daemon off',
      files: { 'supervisord.conf': '[program:w]\ncommand=/usr/sbin/nginx -c {{dir}}/nginx.conf\n', 'nginx.conf': 'worker_processes 1;\nevents {}\n' },
      errors: [{ message: /^nginx daemonizes \(no `daemon off;` in .*nginx\.conf or on the command line\)/ }],
    },
    { name: "nginx -g 'daemon on;'", files: cmd("/usr/sbin/nginx -g 'daemon on;'"), errors: [{ message: /told to daemonize/ }] },
    { name: 'gunicorn --daemon', files: cmd('/srv/venv/bin/gunicorn --daemon app:app'), errors: [{ message: /^gunicorn is started with --daemon/ }] },
    { name: 'gunicorn -D', files: cmd('/srv/venv/bin/gunicorn -D -w 2 app:app'), errors: [{ message: /^gunicorn is started with -D/ }] },
    { name: 'celery multi', files: cmd('/srv/venv/bin/celery multi start w1 -A app'), errors: [{ message: /^`celery multi` starts detached workers/ }] },
    { name: 'celery --detach', files: cmd('/srv/venv/bin/celery -A app beat --detach'), errors: [{ message: /^celery is started with --detach/ }] },
  ],
});
