import { testRule } from '../../helpers/rule-tester.js';
import { mediaUrlEqualsStaticUrl } from '../../../src/rules/django/media-url-equals-static-url.js';

testRule(mediaUrlEqualsStaticUrl, {
  valid: [
    { name: 'different', files: { 'settings.py': 'STATIC_URL = "/static/"\nMEDIA_URL = "/media/"\n' } },
    { name: 'MEDIA_URL unset, STATIC_URL not /', files: { 'settings.py': 'STATIC_URL = "/static/"\n' } },
    { name: 'STATIC_URL unset', files: { 'settings.py': 'MEDIA_URL = "/media/"\n' } },
    { name: 'unknown', files: { 'settings.py': 'import os\nSTATIC_URL = "/s/"\nMEDIA_URL = os.environ["M"]\n' } },
  ],
  invalid: [
    {
      name: 'equal',
      files: { 'settings.py': 'STATIC_URL = "/static/"\nMEDIA_URL = "/static/"\n' },
      errors: [{ message: 'The MEDIA_URL and STATIC_URL settings must have different values: MEDIA_URL = "/static/", STATIC_URL = "/static/"', line: 2 }],
    },
    {
      name: 'relative and absolute spelling (script prefix)',
      files: { 'settings.py': 'STATIC_URL = "/assets/"\nMEDIA_URL = "assets/"\n' },
      errors: [{ line: 2 }],
    },
    {
      name: "unset MEDIA_URL reads as '/'",
      files: { 'settings.py': 'STATIC_URL = "/"\n' },
      errors: [{ message: /MEDIA_URL is not set \(Django's default: '' \(read as '\/'\)\)/, line: 1 }],
    },
  ],
});
