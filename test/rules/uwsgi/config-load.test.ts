import { configLoad } from '../../../src/rules/uwsgi/config-load.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(configLoad, {
  valid: [
    { name: 'included file exists', files: { 'uwsgi.ini': '[uwsgi]\nini = %dbase.ini\nmaster = true\n', 'base.ini': '[uwsgi]\nprocesses = 2\n' } },
    { name: 'relative include (working directory unknown)', files: { 'uwsgi.ini': '[uwsgi]\nini = base.ini\n' } },
    { name: 'yaml include is not read, not an error', files: { 'uwsgi.ini': '[uwsgi]\ninclude = %dother.yaml\n' } },
  ],
  invalid: [
    {
      name: 'missing ini include',
      files: { 'uwsgi.ini': '[uwsgi]\nini = %dmissing.ini\n' },
      errors: [{ message: /^cannot read the ini file ".*\/missing\.ini": .*does not exist/, line: 2, column: 7 }],
    },
    {
      name: 'an include cycle',
      files: { 'uwsgi.ini': '[uwsgi]\nini = %dother.ini\n', 'other.ini': '[uwsgi]\nini = %duwsgi.ini\n' },
      errors: [{ message: /loads itself again/, file: 'other.ini', line: 2 }],
    },
    {
      name: 'a bare argument that is no config file (supervisor command)',
      files: { 'supervisord.conf': '[program:app]\ncommand=/usr/bin/uwsgi --chmod-socket 660 --master\n' },
      errors: [{ message: 'unable to load configuration from 660', line: 2, column: 39 }],
    },
  ],
});
