import { invalidFlagValue } from '../../../src/rules/nginx/invalid-flag-value.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (http: string) => `events {}\nhttp {\n${http}\n    server { listen 127.0.0.1:8080; }\n}\n`;

testRule(invalidFlagValue, {
  valid: [
    { name: 'on and off in any case', files: { 'nginx.conf': wrap('    sendfile ON;\n    tcp_nopush Off;\n    gzip "on";') } },
    { name: 'a value after a duplicate is nginx\'s duplicate error, not this one', files: { 'nginx.conf': wrap('    sendfile on;\n    sendfile yes;') } },
  ],
  invalid: [
    {
      name: 'yes',
      files: { 'nginx.conf': wrap('    sendfile yes;') },
      errors: [{ message: 'invalid value "yes" in "sendfile" directive, it must be "on" or "off"', line: 3, column: 14, fix: 'on' }],
    },
    {
      name: 'false',
      files: { 'nginx.conf': wrap('    gzip false;') },
      errors: [{ message: 'invalid value "false" in "gzip" directive, it must be "on" or "off"', fix: 'off' }],
    },
    {
      name: 'a flag slot taking TAKE1 (uwsgi_cache_background_update)',
      files: { 'nginx.conf': wrap('    uwsgi_cache_background_update 1;') },
      errors: [{ message: 'invalid value "1" in "uwsgi_cache_background_update" directive, it must be "on" or "off"' }],
    },
    {
      name: 'the deprecated ssl directive',
      files: { 'nginx.conf': 'events {}\nhttp {\n    server { listen 127.0.0.1:8080; ssl enabled; }\n}\n' },
      errors: [{ message: 'invalid value "enabled" in "ssl" directive, it must be "on" or "off"' }],
    },
  ],
});
