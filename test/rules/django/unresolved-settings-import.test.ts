import { testRule } from '../../helpers/rule-tester.js';
import { unresolvedSettingsImport } from '../../../src/rules/django/unresolved-settings-import.js';

testRule(unresolvedSettingsImport, {
  valid: [
    { name: 'the module is there', files: { 'settings.py': 'from .local import *\n', 'local.py': 'X = 1\n' } },
    { name: 'package module from the project root', files: { 'mysite/settings.py': 'from mysite.base import *\n', 'mysite/base.py': 'X = 1\n', 'mysite/__init__.py': '', 'manage.py': '' } },
    { name: 'named imports are not star imports', files: { 'settings.py': 'from somewhere import thing\n' } },
  ],
  invalid: [
    {
      name: 'a local settings file that only exists on the server',
      files: { 'settings.py': 'DEBUG = False\ntry:\n    from .local_settings import *\nexcept ImportError:\n    pass\n' },
      errors: [{ line: 3, column: 5, message: /^`from \.local_settings import \*` imports a module stacklint cannot find; every setting after this line may come from it, so they are not checked$/ }],
    },
    {
      name: 'an installed package',
      files: { 'settings.py': 'from mailman_web.settings.base import *\n' },
      errors: [{ line: 1 }],
    },
  ],
});
