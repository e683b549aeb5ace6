import { testRule } from '../../helpers/rule-tester.js';
import { mediaRootEqualsStaticRoot } from '../../../src/rules/django/media-root-equals-static-root.js';

testRule(mediaRootEqualsStaticRoot, {
  valid: [
    { name: 'different', files: { 'settings.py': 'STATIC_ROOT = "/srv/static"\nMEDIA_ROOT = "/srv/media"\n' } },
    { name: 'MEDIA_ROOT default', files: { 'settings.py': 'STATIC_ROOT = "/srv/static"\n' } },
    { name: 'nested is allowed', files: { 'settings.py': 'STATIC_ROOT = "/srv/pub/static"\nMEDIA_ROOT = "/srv/pub"\n' } },
    { name: 'unknown', files: { 'settings.py': 'import os\nSTATIC_ROOT = "/srv/pub"\nMEDIA_ROOT = os.environ["MEDIA"]\n' } },
  ],
  invalid: [
    {
      name: 'equal values: Django refuses at collectstatic',
      files: { 'settings.py': 'STATIC_ROOT = "/srv/pub"\nMEDIA_ROOT = "/srv/pub"\n' },
      errors: [{ message: 'The MEDIA_ROOT and STATIC_ROOT settings must have different values: MEDIA_ROOT = "/srv/pub", STATIC_ROOT = "/srv/pub"', line: 2, related: [{ line: 1 }] }],
    },
    {
      name: 'Path vs str: Django misses it',
      files: { 'settings.py': 'from pathlib import Path\nBASE_DIR = Path("/srv/app")\nSTATIC_ROOT = BASE_DIR / "pub"\nMEDIA_ROOT = str(BASE_DIR / "pub")\n' },
      errors: [{ message: /^MEDIA_ROOT and STATIC_ROOT are the same directory \(\/srv\/app\/pub\): / }],
    },
    {
      name: 'a trailing slash',
      files: { 'settings.py': 'STATIC_ROOT = "/srv/pub/"\nMEDIA_ROOT = "/srv/pub"\n' },
      errors: [{ message: /^MEDIA_ROOT and STATIC_ROOT are the same directory/ }],
    },
  ],
});
