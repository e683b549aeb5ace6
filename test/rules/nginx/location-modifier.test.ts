import { locationModifier } from '../../../src/rules/nginx/location-modifier.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (server: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n${server}\n    }\n}\n`;

testRule(locationModifier, {
  valid: [
    {
      name: 'every modifier, separate or glued',
      files: { 'nginx.conf': wrap('        location = /a { }\n        location ^~ /b/ { }\n        location ~ \\.c$ { }\n        location ~* \\.d$ { }\n        location =/e { }\n        location ^~/f/ { }\n        location ~/g { }\n        location ~*\\.h$ { }\n        location @i { }') },
    },
    { name: 'empty regex and empty names are accepted', files: { 'nginx.conf': wrap('        location ~ { }\n        location = { }') } },
  ],
  invalid: [
    {
      name: '*~ instead of ~*',
      files: { 'nginx.conf': wrap('        location *~ \\.php$ { }') },
      errors: [{ message: 'invalid location modifier "*~"', line: 5, column: 18, endColumn: 20 }],
    },
    {
      name: 'a named location with a path',
      files: { 'nginx.conf': wrap('        location @x /y { }') },
      errors: [{ message: 'invalid location modifier "@x"' }],
    },
    {
      name: '"~ *foo": a regex starting with a quantifier',
      files: { 'nginx.conf': wrap('        location ~ *\\.php$ { }') },
      errors: [{ message: 'pcre2_compile() failed: quantifier does not follow a repeatable item in "*\\.php$" at "*\\.php$"', column: 20 }],
    },
    {
      name: 'glued ~+',
      files: { 'nginx.conf': wrap('        location ~+a { }') },
      errors: [{ message: 'pcre2_compile() failed: quantifier does not follow a repeatable item in "+a" at "+a"' }],
    },
  ],
});
