import { testRule } from '../../helpers/rule-tester.js';
import { staticRootInsideStaticfilesDirs } from '../../../src/rules/django/static-root-inside-staticfiles-dirs.js';

testRule(staticRootInsideStaticfilesDirs, {
  valid: [
    { name: 'siblings', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets"]\nSTATIC_ROOT = "/srv/assets-collected"\n' } },
    { name: 'the same directory (E002, another rule)', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets"]\nSTATIC_ROOT = "/srv/assets/"\n' } },
    { name: 'the parent', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets/css"]\nSTATIC_ROOT = "/srv/assets"\n' } },
  ],
  invalid: [
    {
      name: 'nested (pathlib)',
      files: { 'settings.py': 'from pathlib import Path\nBASE_DIR = Path("/srv/app")\nSTATICFILES_DIRS = [BASE_DIR / "assets"]\nSTATIC_ROOT = BASE_DIR / "assets" / "collected"\n' },
      errors: [
        {
          message: `STATIC_ROOT is inside the STATICFILES_DIRS directory /srv/app/assets: STATIC_ROOT = BASE_DIR / "assets" / "collected" = /srv/app/assets/collected`,
          line: 4,
        },
      ],
    },
    {
      name: 'os.path style with .. in the path',
      files: { 'settings.py': 'import os\nSTATICFILES_DIRS = (os.path.join("/srv/app", "static"),)\nSTATIC_ROOT = os.path.join("/srv/app/x/..", "static", "root")\n' },
      errors: [{ line: 3 }],
    },
  ],
});
