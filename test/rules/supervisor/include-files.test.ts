import { includeFiles } from '../../../src/rules/supervisor/include-files.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(includeFiles, {
  valid: [
    {
      name: 'glob relative to the main file, matches',
      files: { 'etc/supervisord.conf': '[supervisord]\n[include]\nfiles = conf.d/*.conf other/*.ini\n', 'etc/conf.d/a.conf': '[program:a]\ncommand=/bin/true\n', 'etc/other/b.ini': '[program:b]\ncommand=/bin/true\n' },
    },
    { name: 'no match under --no-fs', files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles = nomatch/*.conf\n' }, config: (c) => (c.hostChecks = false) },
    {
      name: 'a matched directory is skipped silently (as supervisord does)',
      files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles = conf.d/*\n', 'conf.d/a.conf': '[program:a]\ncommand=/bin/true\n', 'conf.d/sub/x.txt': '' },
    },
  ],
  invalid: [
    {
      name: 'no match: supervisord only warns',
      files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles = conf.d/*.conf nomatch/*.conf\n', 'conf.d/a.conf': '[program:a]\ncommand=/bin/true\n' },
      errors: [{ message: /^No file matches via include ".*\/nomatch\/\*\.conf"$/, line: 3, column: 23, endColumn: 37 }],
    },
    {
      name: 'relative to the main file, not to the current directory',
      files: { 'etc/supervisord.conf': '[supervisord]\n[include]\nfiles = etc/conf.d/*.conf\n', 'etc/conf.d/a.conf': '[program:a]\ncommand=/bin/true\n' },
      paths: ['etc/supervisord.conf'],
      errors: [{ message: /etc\/etc\/conf\.d\/\*\.conf"$/ }],
    },
    {
      name: 'an [include] inside an included file is not followed',
      files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles = conf.d/*.conf\n', 'conf.d/a.conf': '[program:a]\ncommand=/bin/true\n[include]\nfiles=more/*.conf\n' },
      errors: [{ file: 'conf.d/a.conf', line: 3, message: 'an [include] section in an included file is ignored' }],
    },
  ],
});
