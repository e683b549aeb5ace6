import { testRule } from '../../helpers/rule-tester.js';
import { staticfilesDirsNotList } from '../../../src/rules/django/staticfiles-dirs-not-list.js';

testRule(staticfilesDirsNotList, {
  valid: [
    { name: 'tuple with trailing comma', files: { 'settings.py': 'import os\nSTATICFILES_DIRS = (os.path.join("/srv", "assets"),)\n' } },
    { name: 'list', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets"]\n' } },
    { name: 'not set', files: { 'settings.py': 'DEBUG = False\n' } },
    { name: 'unknown', files: { 'settings.py': 'import os\nSTATICFILES_DIRS = os.environ["DIRS"]\n' } },
    { name: 'grown with +=', files: { 'settings.py': 'STATICFILES_DIRS = []\nSTATICFILES_DIRS += ("/srv/a",)\n' } },
  ],
  invalid: [
    {
      name: 'missing trailing comma (E001)',
      files: { 'settings.py': 'import os\nBASE_DIR = "/srv/app"\nSTATICFILES_DIRS = (os.path.join(BASE_DIR, "assets"))\n' },
      errors: [
        {
          message: `The STATICFILES_DIRS setting is not a tuple or list (staticfiles.E001): STATICFILES_DIRS = (os.path.join(BASE_DIR, "assets")) = '/srv/app/assets'`,
          line: 3,
          column: 20,
        },
      ],
    },
    { name: 'a Path', files: { 'settings.py': 'from pathlib import Path\nSTATICFILES_DIRS = Path("/srv/assets")\n' }, errors: [{ line: 2 }] },
  ],
});
