import { directiveTerminator } from '../../../src/rules/nginx/directive-terminator.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(directiveTerminator, {
  valid: [
    { name: 'blocks and simple directives', files: { 'nginx.conf': wrap('        location / { return 200 "a{b}"; }') } },
    { name: 'a quoted regex with braces', files: { 'nginx.conf': wrap('        location ~ "^/a{2}$" { return 204; }') } },
  ],
  invalid: [
    {
      name: 'location without a block',
      files: { 'nginx.conf': wrap('        location /a;') },
      errors: [{ message: 'directive "location" has no opening "{"', line: 5, column: 9 }],
    },
    {
      name: 'a simple directive followed by {',
      files: { 'nginx.conf': wrap('        return 200 x{ }') },
      errors: [{ message: 'directive "return" is not terminated by ";"', line: 5 }],
    },
    {
      name: 'events without a block',
      files: { 'nginx.conf': 'events;\nhttp { }\n' },
      errors: [{ message: 'directive "events" has no opening "{"', line: 1 }],
    },
  ],
});
