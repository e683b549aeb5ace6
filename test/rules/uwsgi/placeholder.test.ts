import { placeholder } from '../../../src/rules/uwsgi/placeholder.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(placeholder, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nbase = /srv/app\nchdir = %(base)\nworkers = %(4 + 1)\n' } },
    { name: 'log-format variables are expanded at run time', files: { 'uwsgi.ini': '[uwsgi]\nlog-format = %(addr) - %(method) %(uri) %(status)\n' } },
    { name: 'defined in a file included with ini =', files: { 'uwsgi.ini': '[uwsgi]\nini = %dbase.ini\nchdir = %(base)\n', 'base.ini': '[uwsgi]\nbase = /srv\n' } },
  ],
  invalid: [
    {
      name: 'undefined placeholder',
      files: { 'uwsgi.ini': '[uwsgi]\nchdir = %(projcet_dir)/app\n' },
      errors: [{ message: 'placeholder %(projcet_dir) is not defined, so uWSGI keeps the text "%(projcet_dir)" literally', line: 2, column: 9, endColumn: 23, severity: 'warning' }],
    },
    {
      name: 'a cycle',
      files: { 'uwsgi.ini': '[uwsgi]\na = x%(b)\nb = %(a)y\n' },
      errors: [{ message: 'the placeholders in "a" expand without end', line: 2, severity: 'error' }],
    },
    { name: 'set without =', files: { 'uwsgi.ini': '[uwsgi]\nset-ph = base\n' }, errors: [{ message: 'invalid placeholder/--set value' }] },
    {
      name: 'placeholder named like an option',
      files: { 'uwsgi.ini': '[uwsgi]\nset-placeholder = master=1\n' },
      errors: [{ message: 'you cannot use master as a placeholder, it is already available as an option' }],
    },
    {
      name: 'inherit files are not expanded',
      files: { 'uwsgi.ini': '[uwsgi]\ninherit = %dbase.ini\nbase = /srv\n', 'base.ini': '[uwsgi]\nchdir = %(base)/app\n' },
      errors: [{ message: '%(base) is not expanded: the value comes from an inherit file', file: 'base.ini' }],
    },
  ],
});
