import { limitAsUnits } from '../../../src/rules/uwsgi/limit-as-units.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(limitAsUnits, {
  valid: [{ files: { 'uwsgi.ini': '[uwsgi]\nlimit-as = 512\nreload-on-rss = 256\n' } }, { name: 'M is what it means anyway', files: { 'uwsgi.ini': '[uwsgi]\nlimit-as = 512M\n' } }],
  invalid: [
    { name: 'G suffix', files: { 'uwsgi.ini': '[uwsgi]\nlimit-as = 1G\n' }, errors: [{ message: 'limit-as "1G" means 1 MB: uWSGI ignores the "G" suffix', line: 2 }] },
    { name: 'bytes', files: { 'uwsgi.ini': '[uwsgi]\nreload-on-rss = 536870912\n' }, errors: [{ message: /^reload-on-rss 536870912 is 536870912 MB .*looks like bytes/ }] },
  ],
});
