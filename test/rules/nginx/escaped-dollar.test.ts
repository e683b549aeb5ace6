import { escapedDollar } from '../../../src/rules/nginx/escaped-dollar.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (body: string) => ({ 'nginx.conf': `events {}\nhttp {\n  server {\n    ${body}\n  }\n}\n` });

testRule(escapedDollar, {
  valid: [
    { name: 'regex location', files: wrap('location ~ \\$x$ { }') },
    { name: 'rewrite pattern', files: wrap('rewrite ^/a\\$b /x last;') },
    { name: 'if regex operand', files: wrap('if ($uri ~* \\$x) { return 404; }') },
    { name: 'no variable after it', files: wrap('return 200 "a \\$ b";') },
    { name: 'an escaped backslash before a variable', files: wrap('return 200 "a \\\\$host";') },
  ],
  invalid: [
    { name: 'FACTS §6 example', files: wrap('return 200 "cost \\$5";'), errors: [{ message: '"\\$" does not escape "$" in nginx: "\\$5" is a backslash followed by the variable "$5"', line: 4, column: 22, endColumn: 25, severity: 'warning' }] },
    { name: 'in a header value', files: wrap('add_header X-Price "\\${price}";'), errors: [{ message: /"\\\$\{price\}" is a backslash followed by the variable "\$\{price\}"/ }] },
    { name: 'in a rewrite replacement', files: wrap('rewrite ^/(.*)$ /x?a=\\$1 last;'), errors: [{ line: 4 }] },
  ],
});
