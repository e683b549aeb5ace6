import { testRule } from '../../helpers/rule-tester.js';
import { relativeStorageRoot } from '../../../src/rules/django/relative-storage-root.js';

testRule(relativeStorageRoot, {
  valid: [
    { name: 'absolute', files: { 'settings.py': 'STATIC_ROOT = "/srv/static"\nMEDIA_ROOT = "/srv/media"\n' } },
    { name: 'built from __file__', files: { 'settings.py': 'from pathlib import Path\nSTATIC_ROOT = Path(__file__).resolve().parent / "static"\n' } },
    { name: 'MEDIA_ROOT default (empty)', files: { 'settings.py': 'MEDIA_ROOT = ""\n' } },
    { name: 'unknown', files: { 'settings.py': 'import os\nSTATIC_ROOT = os.environ["STATIC_ROOT"]\n' } },
  ],
  invalid: [
    {
      name: 'both relative',
      files: { 'settings.py': 'from pathlib import Path\nSTATIC_ROOT = "static"\nMEDIA_ROOT = Path("media")\n' },
      errors: [
        { message: `STATIC_ROOT is a relative path, so it depends on the process's working directory: STATIC_ROOT = "static"`, line: 2 },
        { message: `MEDIA_ROOT is a relative path, so it depends on the process's working directory: MEDIA_ROOT = Path("media") = media`, line: 3 },
      ],
    },
    {
      name: 'from an environment default',
      files: { 'settings.py': 'import os\nSTATIC_ROOT = os.getenv("STATIC_ROOT", "collected")\n' },
      errors: [{ line: 2 }],
    },
  ],
});

testRule(relativeStorageRoot, {
  valid: [],
  invalid: [
    {
      name: 'the hint shows where the uWSGI chdir puts it',
      files: {
        'uwsgi.ini': '[uwsgi]\nchdir = {{dir}}/app\nenv = DJANGO_SETTINGS_MODULE=mysite.settings\n',
        'app/mysite/settings.py': 'STATIC_ROOT = "static"\n',
        'app/mysite/__init__.py': '',
      },
      paths: ['uwsgi.ini', 'app/mysite/settings.py'],
      errors: [{ file: 'app/mysite/settings.py', line: 1, related: [{ file: 'uwsgi.ini', line: 2, message: /^uWSGI chdir \// }] }],
    },
  ],
});
