import { invalidBlockEntry } from '../../../src/rules/nginx/invalid-block-entry.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (http: string) => `events {}\nhttp {\n${http}\n    server { listen 127.0.0.1:8080; }\n}\n`;

testRule(invalidBlockEntry, {
  valid: [
    {
      name: 'well-formed bodies',
      files: {
        'nginx.conf': wrap(
          '    types { text/html html htm; application/json json; text/plain; include more.types; }\n' +
            '    map $uri $m { hostnames; volatile; default 0; ~^/a 1; \\default 2; include map.inc; }\n' +
            '    geo $g { ranges; default 0; 10.0.0.1-10.0.0.9 1; }\n' +
            '    geo $h { proxy 10.0.0.1; proxy_recursive; default 0; 10.0.0.0/8 1; }\n' +
            '    split_clients $uri $s { 0.5% a; 33.33% b; * c; }\n' +
            '    charset_map koi8-r utf-8 { C0 D18E; C1 D0B0; }\n' +
            '    charset_map koi8-r windows-1251 { C0 FE; }',
        ),
        'more.types': 'image/webp webp;\n',
        'map.inc': '/x 3;\n',
      },
    },
    { name: 'map regexes may repeat', files: { 'nginx.conf': wrap('    map $uri $m { ~a 1; ~a 2; }') } },
  ],
  invalid: [
    {
      name: 'a map entry with one word',
      files: { 'nginx.conf': wrap('    map $uri $m {\n        default 0;\n        /a;\n    }') },
      errors: [{ message: 'invalid number of the map parameters', line: 5, column: 9 }],
    },
    {
      name: 'a map entry with three words',
      files: { 'nginx.conf': wrap('    map $uri $m { /a b c; }') },
      errors: [{ message: 'invalid number of the map parameters' }],
    },
    {
      name: 'two defaults',
      files: { 'nginx.conf': wrap('    map $uri $m { default 0; default 1; }') },
      errors: [{ message: 'duplicate default map parameter' }],
    },
    {
      name: 'the same key in another case',
      files: { 'nginx.conf': wrap('    map $uri $m { /Foo 1; /foo 2; }') },
      errors: [{ message: 'conflicting parameter "/foo"' }],
    },
    {
      name: 'a block inside a body',
      files: { 'nginx.conf': wrap('    types { text/html html { } }') },
      errors: [{ message: 'unexpected "{"', line: 3, column: 28 }],
    },
    {
      name: 'include with two arguments in types',
      files: { 'nginx.conf': wrap('    types { include a b; }') },
      errors: [{ message: 'invalid number of arguments in "include" directive' }],
    },
    {
      name: 'a duplicate extension (nginx warns)',
      files: { 'nginx.conf': wrap('    types { text/html html; text/plain HTML; }') },
      errors: [{ message: 'duplicate extension "html", content type: "text/plain", previous content type: "text/html"', severity: 'warning' }],
    },
    {
      name: 'ranges after an entry',
      files: { 'nginx.conf': wrap('    geo $g { default 0; ranges; }') },
      errors: [{ message: 'the "ranges" directive must be the first directive inside "geo" block' }],
    },
    {
      name: 'a geo entry with three words',
      files: { 'nginx.conf': wrap('    geo $g { 10.0.0.0/8 a b; }') },
      errors: [{ message: 'invalid number of the geo parameters' }],
    },
    {
      name: 'a percentage with three decimals',
      files: { 'nginx.conf': wrap('    split_clients $uri $s { 33.333% a; * b; }') },
      errors: [{ message: 'invalid percent value "33.333%"' }],
    },
    {
      name: 'percentages over 100%',
      files: { 'nginx.conf': wrap('    split_clients $uri $s { 50% a; 60% b; }') },
      errors: [{ message: 'percent total is greater than 100%', line: 3, column: 5 }],
    },
    {
      name: 'an entry after *',
      files: { 'nginx.conf': wrap('    split_clients $uri $s { * a; 1% b; }') },
      errors: [{ message: 'percent total is greater than 100%' }],
    },
    {
      name: 'a charset_map code over FF',
      files: { 'nginx.conf': wrap('    charset_map koi8-r windows-1251 { 1FF 00; }') },
      errors: [{ message: 'invalid value "1FF"' }],
    },
    {
      name: 'an odd number of hex digits towards utf-8',
      files: { 'nginx.conf': wrap('    charset_map koi8-r utf-8 { C1 D0B; }') },
      errors: [{ message: 'invalid value "D0B"' }],
    },
    {
      name: 'a charset_map entry with one word',
      files: { 'nginx.conf': wrap('    charset_map koi8-r windows-1251 { C0; }') },
      errors: [{ message: 'invalid parameters number' }],
    },
  ],
});
