import { missingEvents } from '../../../src/rules/nginx/missing-events.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(missingEvents, {
  valid: [
    { name: 'empty events block', files: { 'nginx.conf': 'events {}\nhttp { server { listen 127.0.0.1:8080; } }\n' } },
    { name: 'events in an included file', files: { 'nginx.conf': 'include events.conf;\nhttp { }\n', 'events.conf': 'events { worker_connections 64; }\n' } },
    { name: 'a snippet (stacklint only)', files: { 'sites-enabled/site.conf': 'server { listen 127.0.0.1:8080; }\n' } },
    { name: 'an include we cannot read might hold it (stacklint only)', files: { 'nginx.conf': 'user www-data;\ninclude /nonexistent/stacklint/*.conf;\nhttp { }\n' } },
  ],
  invalid: [
    {
      name: 'http only',
      files: { 'nginx.conf': 'http {\n    server { listen 127.0.0.1:8080; }\n}\n' },
      errors: [{ message: 'no "events" section in configuration', line: 1, column: 1 }],
    },
    {
      name: 'events nested in http does not count',
      files: { 'nginx.conf': 'worker_processes 1;\nhttp { }\n' },
      errors: [{ message: 'no "events" section in configuration' }],
    },
  ],
});
