import { testRule } from '../../helpers/rule-tester.js';
import { staticRootUnset } from '../../../src/rules/django/static-root-unset.js';

const APPS = 'INSTALLED_APPS = ["django.contrib.admin", "django.contrib.staticfiles"]\n';

testRule(staticRootUnset, {
  valid: [
    { name: 'set', files: { 'settings.py': APPS + 'STATIC_ROOT = "/srv/static"\n' } },
    { name: 'staticfiles not installed', files: { 'settings.py': 'INSTALLED_APPS = ["django.contrib.admin"]\n' } },
    { name: 'INSTALLED_APPS unknown', files: { 'settings.py': 'from .apps import *\n' } },
    { name: 'STATIC_ROOT from the environment', files: { 'settings.py': APPS + 'import os\nSTATIC_ROOT = os.environ["STATIC_ROOT"]\n' } },
    { name: 'a development module', files: { 'dev.py': APPS } },
  ],
  invalid: [
    {
      name: 'not set',
      files: { 'settings.py': APPS },
      errors: [
        {
          message: "You're using the staticfiles app without having set the STATIC_ROOT setting to a filesystem path: STATIC_ROOT is not set (Django's default: None)",
          line: 1,
        },
      ],
    },
    {
      name: 'set to None after INSTALLED_APPS grew',
      files: { 'settings.py': 'INSTALLED_APPS = ["django.contrib.admin"]\nINSTALLED_APPS += ["django.contrib.staticfiles"]\nSTATIC_ROOT = None\n' },
      errors: [{ line: 3, related: [{ line: 2, message: 'INSTALLED_APPS is set here' }] }],
    },
    {
      name: 'appended',
      files: { 'settings.py': 'INSTALLED_APPS = []\nINSTALLED_APPS.append("django.contrib.staticfiles")\nSTATIC_ROOT = ""\n' },
      errors: [{ line: 3 }],
    },
  ],
});
