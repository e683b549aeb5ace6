import { sectionHeader } from '../../../src/rules/uwsgi/section-header.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(sectionHeader, {
  valid: [{ files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\n[other]\nx = 1\n' } }, { name: 'empty near-miss header', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\n[UWSGI]\n' } }],
  invalid: [
    {
      name: 'comment after the header',
      files: { 'uwsgi.ini': '[uwsgi] ; main section\nmaster = true\n' },
      kind: 'uwsgi',
      errors: [{ message: 'this header names section "uwsgi] ; main sectio", not "uwsgi": its 1 option is ignored', line: 1 }],
    },
    { name: 'spaces', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\n[ uwsgi ]\nprocesses = 4\n' }, errors: [{ message: /names section " uwsgi "/, line: 3 }] },
    { name: 'missing bracket', files: { 'uwsgi.ini': '[uwsgi\nmaster = true\n' }, kind: 'uwsgi', errors: [{ message: /names section "uwsg"/ }] },
    { name: 'case', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\n[UWSGI]\nprocesses = 4\n' }, errors: [{ message: /names section "UWSGI"/ }] },
  ],
});
