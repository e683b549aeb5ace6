import { testRule } from '../../helpers/rule-tester.js';
import { settingsModuleNotFound } from '../../../src/rules/django/settings-module-not-found.js';

testRule(settingsModuleNotFound, {
  valid: [
    {
      name: 'wsgi.py names an existing module',
      files: {
        'mysite/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
        'mysite/settings.py': 'X = 1\n',
        'mysite/__init__.py': '',
        'manage.py': '',
      },
    },
    {
      name: 'package settings (mysite/settings/__init__.py)',
      files: {
        'manage.py': 'import os\ndef main():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
        'mysite/settings/__init__.py': 'from .prod import *\n',
        'mysite/settings/prod.py': 'X = 1\n',
      },
    },
    {
      name: 'uWSGI env, resolved under chdir',
      files: {
        'uwsgi.ini': '[uwsgi]\nchdir = {{dir}}/app\nmodule = mysite.wsgi:application\nenv = DJANGO_SETTINGS_MODULE=mysite.settings\n',
        'app/mysite/settings.py': 'X = 1\n',
        'app/mysite/__init__.py': '',
      },
      paths: ['uwsgi.ini', 'app/mysite/settings.py'],
    },
  ],
  invalid: [
    {
      name: 'a typo in wsgi.py',
      files: {
        'mysite/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.setings")\n',
        'mysite/settings.py': 'X = 1\n',
        'manage.py': '',
      },
      errors: [{ file: 'mysite/wsgi.py', line: 2, column: 49, message: /^DJANGO_SETTINGS_MODULE 'mysite\.setings' \(wsgi\.py\) does not resolve to a file: no mysite\/setings\.py or mysite\/setings\/__init__\.py under / }],
    },
    {
      name: 'uWSGI env names a module that is not under chdir',
      files: {
        'uwsgi.ini': '[uwsgi]\nchdir = {{dir}}/app\nenv = DJANGO_SETTINGS_MODULE=mysite.production\n',
        'app/mysite/settings.py': 'X = 1\n',
      },
      paths: ['uwsgi.ini', 'app/mysite/settings.py'],
      errors: [{ file: 'uwsgi.ini', line: 3, message: /^DJANGO_SETTINGS_MODULE 'mysite\.production' \(uWSGI env\) does not resolve to a file/ }],
    },
  ],
});
