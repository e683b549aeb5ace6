import { duplicateDirective } from '../../../src/rules/nginx/duplicate-directive.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(duplicateDirective, {
  valid: [
    { name: 'the same directive at different levels', files: { 'nginx.conf': 'events {}\nhttp {\n    sendfile on;\n    server {\n        listen 127.0.0.1:8080;\n        sendfile off;\n        location / { sendfile on; }\n    }\n}\n' } },
    { name: 'directives that accumulate', files: { 'nginx.conf': wrap('        add_header A 1;\n        add_header B 2;\n        error_page 404 /404.html;\n        error_page 500 /500.html;\n        location / { allow 127.0.0.1; deny all; }') } },
    { name: 'uwsgi_pass and proxy_pass in one location (nginx accepts it, last wins)', files: { 'nginx.conf': wrap('        location / { uwsgi_pass 127.0.0.1:9000; proxy_pass http://127.0.0.1:8000; }') } },
    { name: 'root in the server and in a location', files: { 'nginx.conf': wrap('        root /tmp;\n        location /s/ { alias /tmp/; }') } },
    { name: 'two limit_req with different zones', files: { 'nginx.conf': 'events {}\nhttp {\n    limit_req_zone $binary_remote_addr zone=a:1m rate=1r/s;\n    limit_req_zone $server_name zone=b:1m rate=10r/s;\n    server {\n        listen 127.0.0.1:8080;\n        limit_req zone=a;\n        limit_req zone=b;\n    }\n}\n' } },
    { name: 'proxy_redirect with two rewrites', files: { 'nginx.conf': wrap('        location / { proxy_pass http://127.0.0.1:8000; proxy_redirect http://a/ /; proxy_redirect http://b/ /; }') } },
    { name: 'upstreams with different names', files: { 'nginx.conf': 'events {}\nhttp {\n    upstream a { server 127.0.0.1:1; }\n    upstream b { server 127.0.0.1:2; }\n}\n' } },
  ],
  invalid: [
    {
      name: 'a flag twice',
      files: { 'nginx.conf': wrap('        sendfile on;\n        sendfile off;') },
      errors: [{ message: '"sendfile" directive is duplicate', line: 6, column: 9, related: [{ line: 5, message: '"sendfile" first set here' }] }],
    },
    {
      name: 'root twice',
      files: { 'nginx.conf': wrap('        location / { root /a; root /b; }') },
      errors: [{ message: '"root" directive is duplicate' }],
    },
    {
      name: 'root then alias',
      files: { 'nginx.conf': wrap('        location / { root /a; alias /b/; }') },
      errors: [{ message: '"alias" directive is duplicate, "root" directive was specified earlier' }],
    },
    {
      name: 'alias then root',
      files: { 'nginx.conf': wrap('        location /s/ { alias /b/; root /a; }') },
      errors: [{ message: '"root" directive is duplicate, "alias" directive was specified earlier' }],
    },
    {
      name: 'uwsgi_pass twice',
      files: { 'nginx.conf': wrap('        location / { uwsgi_pass 127.0.0.1:1; uwsgi_pass 127.0.0.1:2; }') },
      errors: [{ message: '"uwsgi_pass" directive is duplicate' }],
    },
    {
      name: 'a size set twice, the second from an included file',
      files: { 'nginx.conf': wrap('        client_max_body_size 10m;\n        include limits.conf;'), 'limits.conf': 'client_max_body_size 20m;\n' },
      errors: [{ message: '"client_max_body_size" directive is duplicate', file: 'limits.conf', line: 1, related: [{ file: 'nginx.conf', line: 5 }] }],
    },
    {
      name: 'try_files twice',
      files: { 'nginx.conf': wrap('        location / { try_files $uri =404; try_files $uri/ =404; }') },
      errors: [{ message: '"try_files" directive is duplicate' }],
    },
    {
      name: 'set again after a nested block',
      files: { 'nginx.conf': wrap('        sendfile on;\n        location / { sendfile off; }\n        sendfile on;') },
      errors: [{ message: '"sendfile" directive is duplicate', line: 7, related: [{ line: 5 }] }],
    },
    {
      name: 'set again at http level after two servers',
      files: { 'nginx.conf': 'events {}\nhttp {\n    sendfile on;\n    server { listen 127.0.0.1:8080; sendfile on; }\n    server { listen 127.0.0.1:8081; sendfile on; }\n    sendfile off;\n}\n' },
      errors: [{ message: '"sendfile" directive is duplicate', line: 6, related: [{ line: 3 }] }],
    },
    {
      name: 'two events blocks',
      files: { 'nginx.conf': 'events {}\nevents {}\nhttp { }\n' },
      errors: [{ message: '"events" directive is duplicate', line: 2 }],
    },
    {
      name: 'the same limit_req zone twice',
      files: { 'nginx.conf': 'events {}\nhttp {\n    limit_req_zone $binary_remote_addr zone=a:1m rate=1r/s;\n    server {\n        listen 127.0.0.1:8080;\n        limit_req zone=a;\n        limit_req zone=a burst=5;\n    }\n}\n' },
      errors: [{ message: '"limit_req" directive is duplicate', line: 7 }],
    },
    {
      name: 'proxy_redirect off after a rewrite',
      files: { 'nginx.conf': wrap('        location / { proxy_pass http://127.0.0.1:8000; proxy_redirect default; proxy_redirect off; }') },
      errors: [{ message: '"proxy_redirect" directive is duplicate' }],
    },
    {
      name: 'an upstream defined twice (names compared without case)',
      files: { 'nginx.conf': 'events {}\nhttp {\n    upstream django { server 127.0.0.1:9000; }\n    upstream Django { server 127.0.0.1:9001; }\n}\n' },
      errors: [{ message: 'duplicate upstream "Django"', line: 4, column: 14, related: [{ line: 3 }] }],
    },
  ],
});
