import { syntaxError } from '../../../src/rules/nginx/syntax-error.js';
import { testRule } from '../../helpers/rule-tester.js';

const head = 'events {}\n';

testRule(syntaxError, {
  valid: [
    { name: 'balanced config', files: { 'nginx.conf': `${head}http {\n    server { listen 80; return 200 "a;b{c}d"; }\n}\n` } },
    { name: '# inside a word and } inside a word', files: { 'nginx.conf': `${head}http { server { root /tmp/x#y; return 200 a}b; } }\n` } },
    { name: '${var} unquoted and ) after a quote', files: { 'nginx.conf': `${head}http { server { if ($a = "b") { return 200 x\${a}y; } } }\n` } },
    { name: 'CRLF line ends', files: { 'nginx.conf': `events {}\r\nhttp {\r\n  server { listen 80; }\r\n}\r\n` } },
    { name: 'a 4094-byte quoted string', files: { 'nginx.conf': `${head}http { return 200 "${'a'.repeat(4094)}"; }\n` } },
  ],
  invalid: [
    {
      name: 'missing ; before }',
      files: { 'nginx.conf': `${head}http {\n    server {\n        listen 80\n    }\n}\n` },
      errors: [{ message: 'unexpected "}"', line: 5, column: 5, endLine: 5, endColumn: 6, related: [{ line: 4, message: '"listen" is not terminated by ";"' }] }],
    },
    {
      name: 'extra }',
      files: { 'nginx.conf': `${head}http { server { listen 80; } } }\n` },
      errors: [{ message: 'unexpected "}"', line: 2, column: 32 }],
    },
    {
      name: 'several errors in one file',
      files: { 'nginx.conf': `${head}http {\n  ;\n  server { return 200 "a"b; }\n}\n}\nstream {\n` },
      errors: [
        { message: 'unexpected ";"', line: 3 },
        { message: 'unexpected "b"', line: 4 },
        { message: 'unexpected "}"', line: 6 },
        { message: 'unexpected end of file, expecting "}"', line: 8, related: [{ line: 7, message: 'the block of "stream" opened here is not closed' }] },
      ],
    },
    {
      name: 'unterminated quote',
      files: { 'nginx.conf': `${head}http { server { return 200 "abc; } }\n` },
      errors: [{ message: 'unexpected end of file, expecting ";" or "}"', line: 3, related: [{ line: 2 }] }],
    },
    {
      name: 'too long comment',
      files: { 'nginx.conf': `${head}#${'x'.repeat(5000)}\nhttp {}\n` },
      errors: [{ message: 'too long parameter "#xxxxxxxxx..." started', line: 2 }],
    },
    {
      name: 'syntax error in an included file',
      files: { 'nginx.conf': `${head}http { include sites/*.conf; }\n`, 'sites/a.conf': 'server { listen 80 }\n' },
      errors: [{ message: 'unexpected "}"', file: 'sites/a.conf', line: 1 }],
    },
  ],
});
