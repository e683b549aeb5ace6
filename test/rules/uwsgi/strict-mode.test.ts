import { strictMode } from '../../../src/rules/uwsgi/strict-mode.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(strictMode, {
  valid: [
    { name: 'known options only', files: { 'uwsgi.ini': '[uwsgi]\nstrict = true\nplugins = python3\nmodule = app.wsgi\nmaster = true\n' } },
    { name: 'placeholders via set-placeholder', files: { 'uwsgi.ini': '[uwsgi]\nstrict = true\nset-placeholder = base=/srv/app\nchdir = %(base)\n' } },
    { name: 'no strict: unknown keys are ignored', files: { 'uwsgi.ini': '[uwsgi]\nbase = /srv/app\nchdir = %(base)\n' } },
  ],
  invalid: [
    {
      name: 'custom placeholder key',
      files: { 'uwsgi.ini': '[uwsgi]\nstrict = true\nbase = /srv/app\nchdir = %(base)\n' },
      errors: [{ message: '[strict-mode] unknown config directive: base', line: 3, related: [{ line: 2 }] }],
    },
    {
      name: 'strict after the unknown key (checked again when options are applied)',
      files: { 'uwsgi.ini': '[uwsgi]\nbogus-option = 1\nstrict = true\n' },
      errors: [{ message: '[strict-mode] unknown config directive: bogus-option', line: 2 }],
    },
    {
      name: 'plugin option before the plugins line',
      files: { 'uwsgi.ini': '[uwsgi]\nstrict = true\nwsgi-file = app.py\nplugins = python3\n' },
      errors: [{ message: '[strict-mode] unknown config directive: wsgi-file', line: 3 }],
    },
  ],
});
