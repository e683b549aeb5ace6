import { locationNesting } from '../../../src/rules/nginx/location-nesting.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(locationNesting, {
  valid: [
    { name: 'prefix inside its parent prefix', files: { 'nginx.conf': wrap('        location /a/ {\n            location /a/b/ { }\n            location = /a/x { }\n            location ~ \\.png$ { }\n        }') } },
    { name: 'named location at server level', files: { 'nginx.conf': wrap('        location @fallback { return 204; }') } },
    { name: 'a prefix inside a regex that starts with the regex text', files: { 'nginx.conf': wrap('        location ~ ^/a { location ^/a/b { } }') } },
    { name: 'the same path nested (different levels)', files: { 'nginx.conf': wrap('        location /a/ { location /a/ { } }') } },
  ],
  invalid: [
    {
      name: 'outside the parent prefix',
      files: { 'nginx.conf': wrap('        location /a/ {\n            location /b/ { }\n        }') },
      errors: [{ message: 'location "/b/" is outside location "/a/"', line: 6, column: 22, related: [{ line: 5, message: 'parent location "/a/"' }] }],
    },
    {
      name: 'case matters',
      files: { 'nginx.conf': wrap('        location /a { location /A { } }') },
      errors: [{ message: 'location "/A" is outside location "/a"' }],
    },
    {
      name: 'shorter than the parent',
      files: { 'nginx.conf': wrap('        location /a/ { location /a { } }') },
      errors: [{ message: 'location "/a" is outside location "/a/"' }],
    },
    {
      name: 'inside an exact location',
      files: { 'nginx.conf': wrap('        location = /a { location /a/b { } }') },
      errors: [{ message: 'location "/a/b" cannot be inside the exact location "/a"' }],
    },
    {
      name: 'glued = parent',
      files: { 'nginx.conf': wrap('        location =/a { location /a/b { } }') },
      errors: [{ message: 'location "/a/b" cannot be inside the exact location "/a"' }],
    },
    {
      name: 'inside a named location',
      files: { 'nginx.conf': wrap('        location @n { location /x { } }') },
      errors: [{ message: 'location "/x" cannot be inside the named location "@n"' }],
    },
    {
      name: 'a named location below server level',
      files: { 'nginx.conf': wrap('        location /a/ { location @n { } }') },
      errors: [{ message: 'named location "@n" can be on the server level only' }],
    },
    {
      name: 'a prefix inside a regex location',
      files: { 'nginx.conf': wrap('        location ~ ^/a { location /b { } }') },
      errors: [{ message: 'location "/b" is outside location "^/a"' }],
    },
  ],
});
