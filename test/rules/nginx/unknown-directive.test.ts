import { unknownDirective } from '../../../src/rules/nginx/unknown-directive.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(unknownDirective, {
  valid: [
    { name: 'known directives everywhere', files: { 'nginx.conf': wrap('        location / { root /tmp; include mime.types; }') + '' , 'mime.types': 'types { text/html html; }\n' } },
    {
      name: 'a third-party directive declared in nginx.extraDirectives (stacklint only)',
      files: { 'nginx.conf': wrap('        more_set_headers "X-A: b";') },
      config: (c) => {
        c.nginx.extraDirectives = { more_set_headers: { contexts: ['http', 'server', 'location'] } };
      },
    },
    {
      name: 'inside a declared third-party block nothing is checked (stacklint only)',
      files: { 'nginx.conf': wrap('        lua_block { whatever goes here; }') },
      config: (c) => {
        c.nginx.extraDirectives = { lua_block: { block: true } };
      },
    },
    {
      name: 'stream with load_module (stacklint only: the module is not installed here)',
      files: { 'nginx.conf': 'load_module modules/ngx_stream_module.so;\nevents {}\nstream { server { listen 127.0.0.1:9999; proxy_pass 127.0.0.1:1; } }\n' },
    },
    {
      name: 'a snippet with a mail/stream directive is not a main config (stacklint only)',
      files: { 'sites-enabled/stream.conf': 'server { listen 12345; proxy_pass 127.0.0.1:1; }\n' },
    },
  ],
  invalid: [
    {
      name: 'typo, with did-you-mean',
      files: { 'nginx.conf': wrap('        location / {\n            uwsgi_pas 127.0.0.1:9000;\n        }') },
      errors: [{ message: 'unknown directive "uwsgi_pas"', line: 6, column: 13, endColumn: 22, severity: 'error' }],
    },
    {
      name: 'case variant',
      files: { 'nginx.conf': wrap('        Root /tmp;') },
      errors: [{ message: 'unknown directive "Root"', line: 5 }],
    },
    {
      name: 'unknown block: reported once, contents not checked',
      files: { 'nginx.conf': wrap('        foo_block { bar 1; baz 2; }') },
      errors: [{ message: 'unknown directive "foo_block"' }],
    },
    {
      name: 'UTF-8 byte-order mark before the first directive',
      files: { 'nginx.conf': '\uFEFFuser www-data;\nevents {}\n' },
      errors: [{ message: 'unknown directive "\uFEFFuser"', line: 1 }],
    },
    {
      name: 'a name only newer nginx knows (info, stacklint only)',
      files: { 'nginx.conf': wrap('        http2 on;') },
      errors: [{ message: '"http2" is not a directive of nginx-1.22.1', severity: 'info' }],
    },
    {
      name: 'stream without load_module (info)',
      files: { 'nginx.conf': 'events {}\nstream {\n    server { listen 127.0.0.1:9999; proxy_pass 127.0.0.1:1; }\n}\n' },
      errors: [{ message: '"stream" comes from ngx_stream_module, which Debian\'s nginx has only as a dynamic module', severity: 'info', line: 2 }],
    },
  ],
});
