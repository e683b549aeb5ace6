import { testRule } from '../../helpers/rule-tester.js';
import { secretKeyHardcoded } from '../../../src/rules/django/secret-key-hardcoded.js';

const KEY = 'p8#k2!v0q@l7z$w5n9m3p1r6t4y8u2i0o9p7a5s3d1f6g4h2j8k0l';

testRule(secretKeyHardcoded, {
  valid: [
    { name: 'from the environment', files: { 'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' } },
    { name: 'decouple without default', files: { 'settings.py': 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n' } },
    {
      name: 'set by the configured environment',
      files: { 'settings.py': `import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "${KEY}")\n` },
      config: (c) => {
        c.env = { SECRET_KEY: 'from-the-env' };
      },
    },
    { name: 'empty fallback (reported by secret-key-weak only when literal)', files: { 'settings.py': 'import os\nSECRET_KEY = os.getenv("SECRET_KEY", "")\n' } },
    { name: 'not the deployed module', files: { 'local.py': `SECRET_KEY = "${KEY}"\n` } },
  ],
  invalid: [
    {
      name: 'a literal',
      files: { 'settings.py': `SECRET_KEY = "${KEY}"\n` },
      errors: [{ message: `SECRET_KEY is hard-coded in the settings file: SECRET_KEY = "${KEY}"`, line: 1, column: 14 }],
    },
    {
      name: 'a fallback literal',
      files: { 'settings.py': `import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${KEY}")\n` },
      errors: [{ message: /^SECRET_KEY falls back to a key written in the settings file/, line: 2 }],
    },
  ],
});
