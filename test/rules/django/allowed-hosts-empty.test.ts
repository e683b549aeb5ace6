import { testRule } from '../../helpers/rule-tester.js';
import { allowedHostsEmpty } from '../../../src/rules/django/allowed-hosts-empty.js';

testRule(allowedHostsEmpty, {
  valid: [
    { name: 'hosts listed', files: { 'settings.py': 'DEBUG = False\nALLOWED_HOSTS = ["example.com"]\n' } },
    { name: 'DEBUG on: Django allows localhost', files: { 'settings.py': 'DEBUG = True\nALLOWED_HOSTS = []\n' } },
    { name: 'from the environment without default: unknown', files: { 'settings.py': 'import os\nALLOWED_HOSTS = os.environ["HOSTS"].split(",")\n' } },
    { name: 'unknown DEBUG', files: { 'settings.py': 'import os\nDEBUG = os.getenv("D") == "1"\nALLOWED_HOSTS = []\n' } },
    { name: 'open namespace', files: { 'settings.py': 'from somewhere_else import *\nALLOWED_HOSTS = []\n' } },
    { name: 'shared base module given alone', files: { 'base.py': 'INSTALLED_APPS = []\nSECRET_KEY = "x"\nDEBUG = False\n' } },
  ],
  invalid: [
    {
      name: 'empty list',
      files: { 'settings.py': 'DEBUG = False\nALLOWED_HOSTS = []\n' },
      errors: [{ message: 'ALLOWED_HOSTS must not be empty in deployment: ALLOWED_HOSTS = [], and DEBUG = False', line: 2, related: [{ line: 1 }] }],
    },
    {
      name: 'neither set: Django defaults',
      files: { 'settings.py': 'SECRET_KEY = "x"\n' },
      errors: [{ message: "ALLOWED_HOSTS must not be empty in deployment: ALLOWED_HOSTS is not set (Django's default: []), and DEBUG is not set (Django's default: False)", line: 1, column: 1 }],
    },
    {
      name: 'django-environ list with an empty default',
      files: { 'settings.py': 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DEBUG", default=False)\nALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])\n' },
      errors: [{ line: 4 }],
    },
  ],
});
