import { duplicateLocation } from '../../../src/rules/nginx/duplicate-location.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(duplicateLocation, {
  valid: [
    { name: 'prefix and exact with the same path', files: { 'nginx.conf': wrap('        location /a/ { }\n        location = /a/ { }') } },
    { name: 'the same regex twice is accepted', files: { 'nginx.conf': wrap('        location ~ a { }\n        location ~ a { }') } },
    { name: 'the same named location twice is accepted', files: { 'nginx.conf': wrap('        location @a { }\n        location @a { }') } },
    { name: 'the same path in two servers', files: { 'nginx.conf': 'events {}\nhttp {\n    server { listen 127.0.0.1:8080; location /a/ { } }\n    server { listen 127.0.0.1:8081; location /a/ { } }\n}\n' } },
  ],
  invalid: [
    {
      name: 'two prefix locations',
      files: { 'nginx.conf': wrap('        location /a/ { }\n        location /a/ { }') },
      errors: [{ message: 'duplicate location "/a/"', line: 6, column: 18, related: [{ line: 5, message: 'location "/a/" first defined here' }] }],
    },
    {
      name: 'prefix and ^~ are the same to nginx',
      files: { 'nginx.conf': wrap('        location ^~ /a/ { }\n        location /a/ { }') },
      errors: [{ message: 'duplicate location "/a/"', line: 6 }],
    },
    {
      name: 'two exact locations, one glued',
      files: { 'nginx.conf': wrap('        location = /a { }\n        location =/a { }') },
      errors: [{ message: 'duplicate location "/a"' }],
    },
    {
      name: 'nested duplicates',
      files: { 'nginx.conf': wrap('        location /a/ {\n            location /a/b/ { }\n            location /a/b/ { }\n        }') },
      errors: [{ message: 'duplicate location "/a/b/"', line: 7 }],
    },
    {
      name: 'the second one from an included file',
      files: { 'nginx.conf': wrap('        location /static/ { }\n        include static.conf;'), 'static.conf': 'location /static/ { }\n' },
      errors: [{ message: 'duplicate location "/static/"', file: 'static.conf', line: 1 }],
    },
  ],
});
