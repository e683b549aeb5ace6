import { directiveNotAllowed } from '../../../src/rules/nginx/directive-not-allowed.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(directiveNotAllowed, {
  valid: [
    { name: 'alias in a location, root in if in location', files: { 'nginx.conf': wrap('        location /s/ { alias /tmp/; }\n        location / { if ($arg_x) { root /tmp; } }') } },
    { name: 'server in upstream and in http', files: { 'nginx.conf': 'events {}\nhttp {\n    upstream u { server 127.0.0.1:9000; }\n    server { listen 127.0.0.1:8080; }\n}\n' } },
    { name: 'return and rewrite in if at server level', files: { 'nginx.conf': wrap('        if ($host = x) { return 404; }') } },
    {
      name: 'a snippet checked on its own: its top level is a guess, not reported',
      files: { 'snippets/mixed.conf': 'server_name example.com;\nproxy_pass http://127.0.0.1:8000;\n' },
    },
    {
      // The duplicate rule reports the first site; the statement is the same at the second.
      name: 'alias in a file included in two named locations, a duplicate at the first',
      files: {
        'nginx.conf': wrap('        location @one { root /srv; include alias.conf; }\n        location @two { include alias.conf; }'),
        'alias.conf': 'alias /tmp/;\n',
      },
    },
  ],
  invalid: [
    {
      name: 'alias at server level',
      files: { 'nginx.conf': wrap('        alias /tmp/;') },
      errors: [{ message: '"alias" directive is not allowed here', line: 5, column: 9, hint: /^nginx accepts "alias" in "location"/ }],
    },
    {
      name: 'server at main level',
      files: { 'nginx.conf': 'events {}\nserver { listen 127.0.0.1:8080; }\n' },
      errors: [{ message: '"server" directive is not allowed here', line: 2 }],
    },
    {
      name: 'root in if at server level',
      files: { 'nginx.conf': wrap('        if ($arg_x) { root /tmp; }') },
      errors: [{ message: '"root" directive is not allowed here', line: 5 }],
    },
    {
      name: 'worker_connections outside events',
      files: { 'nginx.conf': 'worker_connections 10;\nevents {}\n' },
      errors: [{ message: '"worker_connections" directive is not allowed here', line: 1 }],
    },
    {
      name: 'uwsgi_pass at server level',
      files: { 'nginx.conf': wrap('        uwsgi_pass 127.0.0.1:9000;') },
      errors: [{ message: '"uwsgi_pass" directive is not allowed here' }],
    },
    {
      name: 'alias in a named location',
      files: { 'nginx.conf': wrap('        location @fallback { alias /tmp/; }') },
      errors: [{ message: 'the "alias" directive cannot be used inside the named location' }],
    },
    {
      name: 'included file checked at its include site',
      files: { 'nginx.conf': 'events {}\nhttp {\n    include extra.conf;\n}\n', 'extra.conf': 'listen 80;\n' },
      errors: [{ message: '"listen" directive is not allowed here', file: 'extra.conf', line: 1 }],
    },
    {
      name: 'a context only newer nginx allows (info, stacklint only)',
      files: { 'nginx.conf': 'events {}\nhttp {\n    upstream u {\n        server 127.0.0.1:9000;\n        resolver 127.0.0.1;\n    }\n}\n' },
      errors: [{ message: '"resolver" directive is not allowed here in nginx-1.22.1', severity: 'info', line: 5 }],
    },
  ],
});
