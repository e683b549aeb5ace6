import { testRule } from '../../helpers/rule-tester.js';
import { debugEnabled } from '../../../src/rules/django/debug-enabled.js';

testRule(debugEnabled, {
  valid: [
    { name: 'DEBUG off', files: { 'settings.py': 'DEBUG = False\n' } },
    { name: 'not set (default False)', files: { 'settings.py': 'ALLOWED_HOSTS = ["x"]\n' } },
    { name: 'env default off', files: { 'settings.py': 'import os\nDEBUG = os.environ.get("DEBUG", "") == "1"\n' } },
    { name: 'env lookup without default is unknown', files: { 'settings.py': 'import os\nDEBUG = os.environ["DEBUG"] == "1"\n' } },
    {
      name: 'the configured environment turns it off',
      files: { 'settings.py': 'import os\nDEBUG = os.getenv("DEBUG", "True") == "True"\n' },
      config: (c) => {
        c.env = { DEBUG: 'False' };
      },
    },
    { name: 'a development module is not the deployed one', files: { 'mysite/dev.py': 'DEBUG = True\n', 'mysite/__init__.py': '' } },
    { name: 'unknown element: not judged', files: { 'settings.py': 'DEBUG = [debug]\n' } },
    {
      name: 'a later unreadable star import may override it',
      files: { 'settings.py': 'DEBUG = True\ntry:\n    from .local_settings import *\nexcept ImportError:\n    pass\n' },
    },
    { name: 'branches disagree', files: { 'settings.py': 'import sys\nif "test" in sys.argv:\n    DEBUG = True\nelse:\n    DEBUG = False\n' } },
  ],
  invalid: [
    {
      name: 'literal True',
      files: { 'settings.py': 'DEBUG = True\n' },
      errors: [{ message: 'You should not have DEBUG set to True in deployment: DEBUG = True', line: 1, column: 9 }],
    },
    {
      name: 'environment default, with the assumption in the hint',
      files: { 'settings.py': 'import os\nDEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"\n' },
      errors: [{ message: `You should not have DEBUG set to True in deployment: DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1" = True`, line: 2 }],
    },
    {
      name: 'set in a star-imported base module: reported there',
      files: { 'mysite/settings.py': 'from .base import *\nALLOWED_HOSTS = ["x"]\n', 'mysite/base.py': 'DEBUG = 1\n', 'mysite/__init__.py': '' },
      errors: [{ file: 'mysite/base.py', line: 1, message: /DEBUG = 1$/ }],
    },
    {
      name: 'a known if-condition picks the branch',
      files: { 'settings.py': 'PROD = False\nif PROD:\n    DEBUG = False\nelse:\n    DEBUG = True\n' },
      errors: [{ line: 5 }],
    },
    {
      name: 'named by wsgi.py: that module is deployed even if called dev',
      files: {
        'mysite/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.dev")\n',
        'mysite/dev.py': 'DEBUG = True\n',
        'mysite/__init__.py': '',
        'manage.py': '',
      },
      paths: ['mysite/dev.py'],
      errors: [{ file: 'mysite/dev.py', line: 1 }],
    },
  ],
});
