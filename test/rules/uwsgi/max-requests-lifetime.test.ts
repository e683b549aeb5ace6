import { maxRequestsLifetime } from '../../../src/rules/uwsgi/max-requests-lifetime.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(maxRequestsLifetime, {
  valid: [
    { name: 'large count: 10 s hardly matters', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\nmax-requests = 5000\n' } },
    { name: 'min-worker-lifetime set', files: { 'uwsgi.ini': '[uwsgi]\nmax-requests = 10\nmin-worker-lifetime = 1\n' } },
  ],
  invalid: [
    {
      files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\nmax-requests = 50\n' },
      errors: [{ message: 'max-requests = 50 only recycles workers that have lived 10 seconds (min-worker-lifetime)', line: 3, severity: 'info' }],
    },
  ],
});
