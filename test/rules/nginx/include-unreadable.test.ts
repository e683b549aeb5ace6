import * as fs from 'node:fs';
import { includeUnreadable } from '../../../src/rules/nginx/include-unreadable.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(includeUnreadable, {
  valid: [{ name: 'a text include', files: { 'nginx.conf': 'events {}\ninclude a.conf;\n', 'a.conf': 'user nobody;\n' } }],
  invalid: [
    {
      name: 'a binary file matched by a glob',
      files: { 'nginx.conf': 'events {}\nhttp { include conf.d/*; }\n', 'conf.d/a.conf': 'server { }\n', 'conf.d/backup.tgz': '' },
      // The tester writes text; make the backup binary before linting.
      config: (_c, dir) => fs.writeFileSync(`${dir}/conf.d/backup.tgz`, Buffer.from([0x1f, 0x8b, 0, 0])),
      errors: [{ message: /^included file ".*\/conf\.d\/backup\.tgz" is binary/, line: 2 }],
    },
  ],
});
