import { duplicateOption } from '../../../src/rules/uwsgi/duplicate-option.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(duplicateOption, {
  valid: [
    { name: 'lists accumulate', files: { 'uwsgi.ini': '[uwsgi]\nenv = A=1\nenv = B=2\nsocket = 127.0.0.1:1\nsocket = 127.0.0.1:2\n' } },
    { name: 'same value twice', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\nmaster = yes\n' } },
    { name: 'an included file overrides a base', files: { 'uwsgi.ini': '[uwsgi]\nini = %dbase.ini\nprocesses = 8\n', 'base.ini': '[uwsgi]\nprocesses = 2\n' } },
    { name: 'other sections', files: { 'uwsgi.ini': '[uwsgi]\nprocesses = 2\n[prod]\nprocesses = 8\n' } },
  ],
  invalid: [
    {
      name: 'seed 004: a pid file path pasted on a master line',
      files: { 'uwsgi.ini': '[uwsgi]\nmaster= true\n# process-related settings\nmaster = /home/user/maproject/logs/uwsgi88.pid\n' },
      errors: [{ message: '"master" is set again with a different value; the earlier "master = true" is overridden', line: 4, related: [{ line: 2 }] }],
    },
    {
      name: 'aliases',
      files: { 'uwsgi.ini': '[uwsgi]\nprocesses = 4\nworkers = 2\nhome = /srv/venv\nvirtualenv = /srv/venv2\n' },
      errors: [
        { message: /"workers" is set again .* "processes = 4"/, line: 3 },
        { message: /"virtualenv" is set again .* "home = \/srv\/venv"/, line: 5 },
      ],
    },
    { name: 'booleans', files: { 'uwsgi.ini': '[uwsgi]\nvacuum = true\nvacuum = false\n' }, errors: [{ line: 3 }] },
    {
      // Repeats far apart, with other repeated options (env, a list) between them.
      name: 'a long file (70 env lines between the repeated options)',
      files: { 'uwsgi.ini': `[uwsgi]\nprocesses = 4\nmaster = true\n${'env = A=1\n'.repeat(70)}workers = 2\nmaster = false\n` },
      errors: [
        { message: /"workers" is set again .* "processes = 4"/, line: 74 },
        { message: /"master" is set again .* "master = true"/, line: 75 },
      ],
    },
  ],
});
