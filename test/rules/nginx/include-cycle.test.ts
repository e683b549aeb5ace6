import { includeCycle } from '../../../src/rules/nginx/include-cycle.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(includeCycle, {
  valid: [
    { name: 'the same file included twice is not a cycle', files: { 'nginx.conf': 'events {}\nhttp { server { include p.conf; } server { include p.conf; } }\n', 'p.conf': 'listen 80;\n' } },
  ],
  invalid: [
    {
      name: 'a glob matching its own file',
      files: { 'nginx.conf': 'events {}\nhttp { include conf.d/*.conf; }\n', 'conf.d/default.conf': 'server { }\ninclude conf.d/*.conf;\n' },
      errors: [{ file: 'conf.d/default.conf', line: 2, message: /conf\.d\/default\.conf" includes itself$/ }],
    },
    {
      name: 'a loop through two files',
      files: { 'nginx.conf': 'events {}\ninclude a.conf;\n', 'a.conf': 'include b.conf;\n', 'b.conf': '\ninclude a.conf;\n' },
      errors: [{ file: 'b.conf', line: 2, message: /^include cycle: ".*\/a\.conf" → ".*\/b\.conf" → ".*\/a\.conf"$/, related: [{ file: 'a.conf', line: 1, message: 'the loop starts with this include' }] }],
    },
  ],
});
