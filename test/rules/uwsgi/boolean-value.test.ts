import { booleanValue } from '../../../src/rules/uwsgi/boolean-value.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(booleanValue, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nmaster = false\nvacuum = off\nenable-threads = No\nthunder-lock = 0\nlazy-apps = true\n' } },
    { name: 'bare key is true', files: { 'uwsgi.ini': '[uwsgi]\nmaster\n' } },
    { name: 'true with a comment is still true', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true ; on\n' } },
    { name: 'not a boolean option', files: { 'uwsgi.ini': '[uwsgi]\nprocesses = 0\n' } },
  ],
  invalid: [
    {
      name: 'false with an inline comment',
      files: { 'uwsgi.ini': '[uwsgi]\nmaster = false ; no master\n' },
      errors: [{ message: '"master = false ; no master" reads as false, but uWSGI turns master on', line: 2, column: 10 }],
    },
    { name: 'disable', files: { 'uwsgi.ini': '[uwsgi]\nenable-threads = disable\n' }, errors: [{ message: /turns enable-threads on/ }] },
    { name: 'none', files: { 'uwsgi.ini': '[uwsgi]\nvacuum = none\n' }, errors: [{ message: /vacuum = none/ }] },
    { name: '00', files: { 'uwsgi.ini': '[uwsgi]\nthunder-lock = 00\n' }, errors: [{ message: /thunder-lock = 00/ }] },
    { name: 'inverted flag', files: { 'uwsgi.ini': '[uwsgi]\ndisable-logging = off # keep logs\n' }, errors: [{ message: /takes it as true/ }] },
  ],
});
