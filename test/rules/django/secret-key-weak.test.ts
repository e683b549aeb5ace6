import { testRule } from '../../helpers/rule-tester.js';
import { secretKeyWeak } from '../../../src/rules/django/secret-key-weak.js';

const GOOD = 'p8#k2!v0q@l7z$w5n9m3p1r6t4y8u2i0o9p7a5s3d1f6g4h2j8k0l';

testRule(secretKeyWeak, {
  valid: [
    { name: '50+ characters, many distinct', files: { 'settings.py': `SECRET_KEY = "${GOOD}"\n` } },
    { name: 'exactly 50 characters and 5 distinct', files: { 'settings.py': `SECRET_KEY = "${'abcde'.repeat(10)}"\n` } },
    { name: 'from the environment', files: { 'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' } },
    { name: 'empty fallback of a lookup', files: { 'settings.py': 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "")\n' } },
    { name: 'not set at all (Django default is not judged)', files: { 'settings.py': 'DEBUG = False\n' } },
  ],
  invalid: [
    {
      name: '49 characters',
      files: { 'settings.py': `SECRET_KEY = "${GOOD.slice(0, 49)}"\n` },
      errors: [{ message: /^Your SECRET_KEY has less than 50 characters.*\(security\.W009: it has 49 characters\)$/, severity: 'warning' }],
    },
    {
      name: 'four distinct characters',
      files: { 'settings.py': `SECRET_KEY = "${'abcd'.repeat(20)}"\n` },
      errors: [{ message: /it has 4 distinct characters\)$/ }],
    },
    {
      name: 'startproject placeholder',
      files: { 'settings.py': `SECRET_KEY = "django-insecure-${GOOD}"\n` },
      errors: [{ message: /it starts with 'django-insecure-'/ }],
    },
    {
      name: 'weak fallback',
      files: { 'settings.py': 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "dev")\n' },
      errors: [{ message: /this is the fallback used when the environment does not set it\)$/ }],
    },
    {
      name: 'empty literal: Django refuses it',
      files: { 'settings.py': 'SECRET_KEY = ""\n' },
      errors: [{ message: 'The SECRET_KEY setting must not be empty: SECRET_KEY = ""', severity: 'error' }],
    },
  ],
});
