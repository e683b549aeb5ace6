import { missingSection } from '../../../src/rules/uwsgi/missing-section.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(missingSection, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\n' } },
    { name: 'a section asked explicitly', files: { 'uwsgi.ini': '[uwsgi]\nini = %dprod.ini:prod\n', 'prod.ini': '[prod]\nmaster = true\n' } },
  ],
  invalid: [
    {
      name: 'no section at all',
      files: { 'uwsgi.ini': 'master = true\nmodule = app.wsgi\n' },
      kind: 'uwsgi',
      errors: [{ message: /^Can't find section "uwsgi" in INI configuration file .*uwsgi\.ini$/, line: 1 }],
    },
    { name: 'wrong case', files: { 'uwsgi.ini': '[UWSGI]\nmaster = true\nmodule = app.wsgi\n' }, kind: 'uwsgi', errors: [{ message: /^Can't find section "uwsgi"/ }] },
    { name: 'asked section missing', files: { 'uwsgi.ini': '[uwsgi]\nini = %dprod.ini:prod\n', 'prod.ini': '[uwsgi]\nmaster = true\n' }, errors: [{ message: /^Can't find section "prod"/, line: 2 }] },
  ],
});
