import { testRule } from '../../helpers/rule-tester.js';
import { urlSettingTrailingSlash } from '../../../src/rules/django/url-setting-trailing-slash.js';

testRule(urlSettingTrailingSlash, {
  valid: [
    { name: 'slashes', files: { 'settings.py': 'STATIC_URL = "/static/"\nMEDIA_URL = "/media/"\n' } },
    { name: 'absolute URL', files: { 'settings.py': 'STATIC_URL = "https://cdn.example.com/s/"\n' } },
    { name: 'MEDIA_URL unset reads as "/"', files: { 'settings.py': 'STATIC_URL = "/static/"\n' } },
    { name: 'empty string', files: { 'settings.py': 'MEDIA_URL = ""\n' } },
    { name: 'None', files: { 'settings.py': 'STATIC_URL = None\n' } },
    { name: 'unknown', files: { 'settings.py': 'import os\nSTATIC_URL = os.environ["STATIC_URL"]\n' } },
  ],
  invalid: [
    {
      name: 'E006 for both (relative MEDIA_URL gets the script prefix)',
      files: { 'settings.py': 'STATIC_URL = "/static"\nMEDIA_URL = "media"\n' },
      errors: [
        { message: 'The STATIC_URL setting must end with a slash (urls.E006): STATIC_URL = "/static"', line: 1 },
        { message: 'The MEDIA_URL setting must end with a slash (urls.E006): MEDIA_URL = "media"', line: 2 },
      ],
    },
    {
      name: 'f-string',
      files: { 'settings.py': 'PREFIX = "/app"\nSTATIC_URL = f"{PREFIX}/static"\n' },
      errors: [{ message: `The STATIC_URL setting must end with a slash (urls.E006): STATIC_URL = f"{PREFIX}/static" = '/app/static'` }],
    },
  ],
});
