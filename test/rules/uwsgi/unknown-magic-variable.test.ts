import { unknownMagicVariable } from '../../../src/rules/uwsgi/unknown-magic-variable.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(unknownMagicVariable, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nchdir = %d\nsocket = /run/%n.sock\nenv = RATE=50%%\nbase = x\npath = %(base)\n' } },
    { name: 'comments', files: { 'uwsgi.ini': '[uwsgi]\n# 100% sure\nmaster = true\n' } },
    { name: 'other sections', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\n[other]\nx = 5%z\n' } },
  ],
  invalid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nenv = KEY=a%zb\n' }, errors: [{ message: '"%z" is not a uWSGI magic variable: uWSGI deletes it', line: 2, column: 12, endColumn: 14 }] },
    {
      name: 'a % at the end of a line (even in a comment)',
      files: { 'uwsgi.ini': '[uwsgi]\n# load is 100%\nmaster = true\n' },
      errors: [{ message: 'a "%" at the end of the line joins the next line to this one', line: 2 }],
    },
    {
      name: 'URL escape',
      files: { 'uwsgi.ini': '[uwsgi]\nroute = ^/a%20b redirect:/c\n' },
      errors: [{ message: '"%20" looks like a URL escape, but uWSGI reads "%2" as a magic variable', line: 2, column: 12 }],
    },
  ],
});
