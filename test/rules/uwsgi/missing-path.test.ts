import { missingPath } from '../../../src/rules/uwsgi/missing-path.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(missingPath, {
  valid: [
    {
      name: 'everything exists',
      files: {
        'uwsgi.ini': '[uwsgi]\nchdir = {{dir}}/app\nhome = {{dir}}/venv\nwsgi-file = wsgi.py\nlogto = {{dir}}/logs/uwsgi.log\npidfile = {{dir}}/run/uwsgi.pid\n',
        'app/wsgi.py': '',
        'venv/pyvenv.cfg': '',
        'logs/.keep': '',
        'run/.keep': '',
      },
    },
    { name: '--no-fs', files: { 'uwsgi.ini': '[uwsgi]\nchdir = /nonexistent/app\n' }, config: (c) => (c.hostChecks = false) },
    { name: 'relative chdir (working directory unknown)', files: { 'uwsgi.ini': '[uwsgi]\nchdir = app\n' } },
    { name: 'UDP log target', files: { 'uwsgi.ini': '[uwsgi]\nlogto = 127.0.0.1:1717\n' } },
  ],
  invalid: [
    { name: 'chdir', files: { 'uwsgi.ini': '[uwsgi]\nchdir = {{dir}}/nope\n' }, errors: [{ message: /^chdir directory ".*\/nope" does not exist$/, line: 2, column: 9 }] },
    { name: 'virtualenv', files: { 'uwsgi.ini': '[uwsgi]\nvirtualenv = {{dir}}/venv\n' }, errors: [{ message: /^virtualenv ".*\/venv" does not exist$/ }] },
    {
      name: 'wsgi-file relative to chdir',
      files: { 'uwsgi.ini': '[uwsgi]\nchdir = {{dir}}/app\nwsgi-file = wsgi.py\n', 'app/other.py': '' },
      errors: [{ message: /^wsgi-file ".*\/app\/wsgi\.py" does not exist$/, line: 3 }],
    },
    { name: 'log directory', files: { 'uwsgi.ini': '[uwsgi]\ndaemonize = {{dir}}/logs/uwsgi.log\n' }, errors: [{ message: /^the directory of the log file ".*\/logs\/uwsgi\.log" does not exist$/ }] },
    { name: 'pid directory', files: { 'uwsgi.ini': '[uwsgi]\npidfile = {{dir}}/run/uwsgi.pid\n' }, errors: [{ message: /pid file/, severity: 'warning' }] },
  ],
});
