import { harakiriWithoutMaster } from '../../../src/rules/uwsgi/harakiri-without-master.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(harakiriWithoutMaster, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\nharakiri = 30\n' } },
    { name: 'an option that implies master', files: { 'uwsgi.ini': '[uwsgi]\nharakiri = 30\nstats = 127.0.0.1:9191\n' } },
    { name: 'harakiri 0', files: { 'uwsgi.ini': '[uwsgi]\nharakiri = 0\n' } },
  ],
  invalid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nharakiri = 30\nprocesses = 2\n' }, errors: [{ message: 'harakiri = 30 without the master process', line: 2 }] },
    { name: 'master turned off', files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\nharakiri = 30\nmaster = false\n' }, errors: [{ line: 3, related: [{ line: 4 }] }] },
  ],
});
