import { bufferSize } from '../../../src/rules/uwsgi/buffer-size.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(bufferSize, {
  valid: [{ files: { 'uwsgi.ini': '[uwsgi]\nbuffer-size = 32768\n' } }, { files: { 'uwsgi.ini': '[uwsgi]\nbuffer-size = 65535\n' } }],
  invalid: [
    {
      name: 'unit suffix',
      files: { 'uwsgi.ini': '[uwsgi]\nbuffer-size = 32k\n' },
      errors: [{ message: 'buffer-size "32k" is 32 bytes: uWSGI ignores the "k" suffix', line: 2, column: 15, severity: 'error' }],
    },
    { name: 'above 65535', files: { 'uwsgi.ini': '[uwsgi]\nbuffer-size = 70000\n' }, errors: [{ message: 'buffer-size 70000 is above 65535: uWSGI uses 65535', severity: 'warning' }] },
  ],
});
