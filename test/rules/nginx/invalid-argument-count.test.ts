import { invalidArgumentCount } from '../../../src/rules/nginx/invalid-argument-count.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(invalidArgumentCount, {
  valid: [
    { name: 'counts nginx accepts', files: { 'nginx.conf': wrap('        keepalive_timeout 65 60;\n        location = /x { return 204; }\n        location ~* \\.png$ { expires 1d; }\n        if ($request_method = POST) { return 405; }') } },
    { name: 'a quoted value with spaces is one argument', files: { 'nginx.conf': wrap('        add_header X-A "a b c";') } },
    { name: 'location with the modifier glued to the path', files: { 'nginx.conf': wrap('        location ^~/admin/ { return 204; }') } },
  ],
  invalid: [
    {
      name: 'too many for TAKE12',
      files: { 'nginx.conf': wrap('        keepalive_timeout 1 2 3;') },
      errors: [{ message: 'invalid number of arguments in "keepalive_timeout" directive', line: 5, column: 9, endColumn: 32 }],
    },
    {
      name: 'location without a path',
      files: { 'nginx.conf': wrap('        location { }') },
      errors: [{ message: 'invalid number of arguments in "location" directive' }],
    },
    {
      name: 'location with three words after the modifier',
      files: { 'nginx.conf': wrap('        location = /a /b { }') },
      errors: [{ message: 'invalid number of arguments in "location" directive' }],
    },
    {
      name: 'a flag with two values',
      files: { 'nginx.conf': wrap('        sendfile on off;') },
      errors: [{ message: 'invalid number of arguments in "sendfile" directive' }],
    },
    {
      name: 'if without a condition',
      files: { 'nginx.conf': wrap('        if { return 404; }') },
      errors: [{ message: 'invalid number of arguments in "if" directive' }],
    },
    {
      name: 'unquoted spaces',
      files: { 'nginx.conf': wrap('        root /var/www/my site;') },
      errors: [{ message: 'invalid number of arguments in "root" directive' }],
    },
  ],
});
