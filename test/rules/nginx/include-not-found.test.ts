import { includeNotFound } from '../../../src/rules/nginx/include-not-found.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(includeNotFound, {
  valid: [
    { name: 'present file, relative to the main config', files: { 'nginx.conf': 'events {}\nhttp { include sites/*.conf; }\n', 'sites/a.conf': 'server { include snippets/x.conf; }\n', 'snippets/x.conf': 'listen 80;\n' } },
    { name: 'a glob that matches nothing', files: { 'nginx.conf': 'events {}\nhttp { include nodir/*.conf; }\n' } },
    { name: 'missing file under --no-fs', files: { 'nginx.conf': 'events {}\ninclude /nonexistent/stacklint/x.conf;\n' }, config: (c) => (c.hostChecks = false) },
  ],
  invalid: [
    {
      name: 'missing literal file',
      files: { 'nginx.conf': 'events {}\nhttp {\n    include nonexistent/file.conf;\n}\n' },
      errors: [{ message: /^open\(\) ".*\/nonexistent\/file\.conf" failed \(2: No such file or directory\)$/, line: 3, column: 13, endColumn: 35 }],
    },
    {
      name: 'a path on its own line: the range runs to the ";" (the line nginx names)',
      files: { 'nginx.conf': 'events {}\nhttp {\n    include\n        missing.conf\n    ;\n}\n' },
      errors: [{ message: /missing\.conf" failed/, line: 4, endLine: 5 }],
    },
    {
      name: 'relative to the main directory, not to the including file',
      files: { 'nginx.conf': 'events {}\nhttp { include sites/a.conf; }\n', 'sites/a.conf': 'include b.conf;\n', 'sites/b.conf': '' },
      errors: [{ file: 'sites/a.conf', message: /\/b\.conf" failed \(2: No such file or directory\)$/ }],
    },
    {
      name: 'a directory',
      files: { 'nginx.conf': 'events {}\ninclude conf.d;\n', 'conf.d/a.conf': '' },
      errors: [{ message: /^pread\(\) ".*\/conf\.d" failed \(21: Is a directory\)$/ }],
    },
    {
      name: 'braces are not expanded',
      files: { 'nginx.conf': 'events {}\ninclude "sites/{a,b}.conf";\n', 'sites/a.conf': '' },
      errors: [{ message: /sites\/\{a,b\}\.conf" failed/ }],
    },
  ],
});
