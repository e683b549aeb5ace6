import { pluginNotLoaded } from '../../../src/rules/uwsgi/plugin-not-loaded.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(pluginNotLoaded, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nplugins = python3\nmodule = app.wsgi\nhome = /srv/venv\n' } },
    { name: 'autoload', files: { 'uwsgi.ini': '[uwsgi]\nautoload = true\nwsgi-file = app.py\n' } },
    { name: 'http with its plugin', files: { 'uwsgi.ini': '[uwsgi]\nplugins = python3,http\nhttp = :8000\nmodule = app.wsgi\n' } },
    { name: 'a pip-installed uWSGI (virtualenv binary)', files: { 'supervisord.conf': '[program:a]\ncommand=/srv/venv/bin/uwsgi --module app.wsgi --http :8000\n' } },
    { name: 'Debian uwsgi_python3', files: { 'supervisord.conf': '[program:a]\ncommand=/usr/bin/uwsgi_python3 --module app.wsgi\n' } },
    {
      name: 'the ini is run by a pip-installed uWSGI',
      files: { 'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\n', 'supervisord.conf': '[program:a]\ncommand=/srv/venv/bin/uwsgi --ini uwsgi.ini\n' },
      paths: ['uwsgi.ini', 'supervisord.conf'],
    },
    { name: 'core options only', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\nsocket = 127.0.0.1:3031\n' } },
  ],
  invalid: [
    {
      name: 'python options, no plugins line (binary unknown: warning)',
      files: { 'uwsgi.ini': '[uwsgi]\nchdir = /srv/app\nmodule = app.wsgi\nvirtualenv = /srv/venv\n' },
      errors: [{ message: '"module" is an option of the python plugin, which this configuration never loads', line: 3, severity: 'warning', related: [{ line: 4 }] }],
    },
    {
      name: 'run by Debian uwsgi (error)',
      files: { 'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\n', 'supervisord.conf': '[program:a]\ncommand=/usr/bin/uwsgi --ini %(here)s/uwsgi.ini\n' },
      paths: ['supervisord.conf'],
      errors: [{ message: /"module" is an option of the python plugin/, file: 'uwsgi.ini', severity: 'error' }],
    },
    {
      name: 'http router without the http plugin',
      files: { 'uwsgi.ini': '[uwsgi]\nplugins = python3\nhttp = :8000\nmodule = app.wsgi\n' },
      errors: [{ message: '"http" is an option of the http plugin, which this configuration never loads', line: 3, severity: 'error' }],
    },
    {
      name: 'Debian has no python (2) plugin',
      files: { 'uwsgi.ini': '[uwsgi]\nplugins = python\nmodule = app.wsgi\n' },
      errors: [{ message: 'Debian\'s uWSGI has no plugin "python" (python_plugin.so): UNABLE to load uWSGI plugin', line: 2, column: 11 }],
    },
  ],
});
