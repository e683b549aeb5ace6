import { unknownOption } from '../../../src/rules/uwsgi/unknown-option.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(unknownOption, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\nprocesses = 4\nmodule = app.wsgi\nhttp = :8000\n' } },
    { name: 'a key used as a placeholder', files: { 'uwsgi.ini': '[uwsgi]\nproject = myapp\nchdir = /srv/%(project)\n' } },
    { name: 'used in an expression', files: { 'uwsgi.ini': '[uwsgi]\ncores = 2\nprocesses = %(cores * 2)\n' } },
    { name: 'placeholder set with set-ph', files: { 'uwsgi.ini': '[uwsgi]\nset-ph = x=1\n' } },
    { name: 'declared custom option', files: { 'uwsgi.ini': '[uwsgi]\ndeclare-option = myopt=master=true\nmyopt = 1\n' } },
    { name: 'lines outside [uwsgi]', files: { 'uwsgi.ini': 'bogus = 1\n[uwsgi]\nmaster = true\n[other]\nbogus2 = 1\n' } },
  ],
  invalid: [
    {
      name: 'typo',
      files: { 'uwsgi.ini': '[uwsgi]\nproceses = 4\n' },
      errors: [{ message: '"proceses" is not a uWSGI option: uWSGI ignores it silently', line: 2, column: 1, endColumn: 9 }],
    },
    {
      name: 'abbreviation copied from a command line',
      files: { 'uwsgi.ini': '[uwsgi]\nuwsgi = 127.0.0.1:3031\n' },
      errors: [{ message: '"uwsgi" is not a uWSGI option: uWSGI ignores it silently' }],
    },
    { name: 'underscores', files: { 'uwsgi.ini': '[uwsgi]\nwsgi_file = app.py\n' }, errors: [{ message: /"wsgi_file" is not a uWSGI option/ }] },
    { name: 'case', files: { 'uwsgi.ini': '[uwsgi]\nMaster = true\n' }, errors: [{ message: /"Master" is not a uWSGI option/ }] },
  ],
});
