import { testRule } from '../../helpers/rule-tester.js';
import { staticfilesPrefixTrailingSlash } from '../../../src/rules/django/staticfiles-prefix-trailing-slash.js';

testRule(staticfilesPrefixTrailingSlash, {
  valid: [
    { name: 'prefix without slash', files: { 'settings.py': 'STATICFILES_DIRS = [("css", "/srv/css")]\n' } },
    { name: 'plain entries', files: { 'settings.py': 'STATICFILES_DIRS = ["/srv/css/"]\n' } },
  ],
  invalid: [
    {
      name: 'E003',
      files: { 'settings.py': 'from pathlib import Path\nSTATICFILES_DIRS = [("css/", Path("/srv/assets"))]\n' },
      errors: [{ message: "The prefix 'css/' in the STATICFILES_DIRS setting must not end with a slash (staticfiles.E003).", line: 2 }],
    },
    {
      name: 'one finding per bad prefix',
      files: { 'settings.py': 'STATICFILES_DIRS = (("a/", "/x"), ["b/", "/y"], ("c", "/z"))\n' },
      errors: [{ message: /'a\/'/ }, { message: /'b\/'/ }],
    },
  ],
});
