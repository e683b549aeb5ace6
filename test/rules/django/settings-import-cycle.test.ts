import { testRule } from '../../helpers/rule-tester.js';
import { settingsImportCycle } from '../../../src/rules/django/settings-import-cycle.js';

testRule(settingsImportCycle, {
  valid: [
    { name: 'one direction', files: { 'settings.py': 'from .base import *\nDEBUG = False\n', 'base.py': 'X = 1\n' } },
    { name: 'the same module imported twice', files: { 'settings.py': 'from .base import *\nfrom .base import *\n', 'base.py': 'X = 1\n' } },
  ],
  invalid: [
    {
      name: 'two modules importing each other',
      files: { 'settings.py': 'A = 1\nfrom .extra import *\nB = 2\n', 'extra.py': 'from .settings import *\nC = A\n' },
      errors: [
        {
          file: 'extra.py',
          line: 1,
          message: 'circular import: settings.py is still being executed when extra.py star-imports it, so only the names it bound before its own import are copied',
        },
      ],
    },
    {
      name: 'a module importing itself',
      files: { 'settings.py': 'X = 1\nfrom .settings import *\n' },
      errors: [{ line: 2 }],
    },
  ],
});
