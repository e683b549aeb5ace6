import { testRule } from '../../helpers/rule-tester.js';
import { staticfilesDirsContainsStaticRoot } from '../../../src/rules/django/staticfiles-dirs-contains-static-root.js';

testRule(staticfilesDirsContainsStaticRoot, {
  valid: [
    { name: 'different directories', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets"]\nSTATIC_ROOT = "/srv/static"\n' } },
    { name: 'inside (another rule)', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets"]\nSTATIC_ROOT = "/srv/assets/c"\n' } },
    { name: 'STATIC_ROOT unset', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets"]\n' } },
    { name: 'relative vs absolute with no known working directory', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/assets"]\nSTATIC_ROOT = "assets"\n' } },
    { name: 'unknown entry', files: { 'settings.py': 'import os\nSTATICFILES_DIRS = [os.environ["A"]]\nSTATIC_ROOT = "/srv/assets"\n' } },
  ],
  invalid: [
    {
      name: 'Path and str with a trailing slash name the same directory (E002)',
      files: { 'settings.py': 'from pathlib import Path\nBASE_DIR = Path("/srv/app")\nSTATICFILES_DIRS = [BASE_DIR / "assets"]\nSTATIC_ROOT = str(BASE_DIR) + "/assets/"\n' },
      errors: [
        {
          message: `The STATICFILES_DIRS setting should not contain the STATIC_ROOT setting (staticfiles.E002): STATIC_ROOT = str(BASE_DIR) + "/assets/" = '/srv/app/assets/', and STATICFILES_DIRS has /srv/app/assets`,
          line: 4,
          related: [{ line: 3, message: 'STATICFILES_DIRS is set here' }],
        },
      ],
    },
    {
      name: 'a prefixed entry',
      files: { 'settings.py': 'STATICFILES_DIRS = [("vendor", "/srv/static/")]\nSTATIC_ROOT = "/srv/static"\n' },
      errors: [{ line: 2 }],
    },
    {
      name: 'both relative: the same directory whatever the working directory',
      files: { 'settings.py': 'STATICFILES_DIRS = ["./static"]\nSTATIC_ROOT = "static"\n' },
      errors: [{ line: 2 }],
    },
  ],
});
