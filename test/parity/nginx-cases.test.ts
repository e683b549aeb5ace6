/**
 * Parity on hand-written inputs: one small configuration per nginx -t message the
 * foundation claims, each also written across several lines (nginx names the line where
 * the statement *ended*, so a diagnostic's range must reach that line), plus the bodies
 * nginx reads with its own handlers (types, map, geo, split_clients, if conditions).
 *
 * Each case runs through the real `nginx -t` and through stacklint; the comparison is the
 * one of nginx.test.ts. Cases are named after what they show; the expected nginx outcome
 * is not written here, the binary decides it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, runStacklint, showDiagnostic, showNginx, type Comparison } from './helpers/nginx-compare.js';
import { nginxAvailable, runNginxBatch } from './helpers/nginx-runner.js';
import { provideEtcNginx } from './helpers/nginx-workspace.js';
import { tempDir } from '../helpers/scratch.js';

const available = nginxAvailable();
if (!available.ok) throw new Error(`nginx parity suite cannot run: ${available.reason}`);

const E = 'events {}\n';
/** A server block of an http block, for location-level cases. */
const srv = (body: string) => `${E}http {\n  server {\n    listen 127.0.0.1:18990;\n${body}\n  }\n}\n`;
const http = (body: string) => `${E}http {\n${body}\n}\n`;

/** name → files (the first is the main file). */
const CASES: Record<string, Record<string, string>> = {
  // ngx_conf_parse / ngx_conf_read_token
  'unknown directive, one line': { 'nginx.conf': http('  uwsgi_pas x;') },
  'unknown directive, args on the next lines': { 'nginx.conf': http('  uwsgi_pas\n    127.0.0.1:9000\n    ;') },
  'case-sensitive name': { 'nginx.conf': `${E}Worker_processes 1;\n` },
  'not allowed here, multi-line': { 'nginx.conf': `${E}alias\n  /srv/x/\n  ;\n` },
  'server at main level': { 'nginx.conf': `${E}server {\n}\n` },
  'listen in location': { 'nginx.conf': srv('    location / {\n      listen 127.0.0.1:18991;\n    }') },
  'worker_connections in http': { 'nginx.conf': http('  worker_connections 10;') },
  'uwsgi_pass in server': { 'nginx.conf': srv('    uwsgi_pass 127.0.0.1:9000;') },
  'alias in if': { 'nginx.conf': srv('    location / {\n      if ($args) {\n        alias /x/;\n      }\n    }') },
  'root in if in location (allowed)': { 'nginx.conf': srv('    location / {\n      if ($args) {\n        root /x;\n      }\n    }') },
  'rewrite directives in if in server': { 'nginx.conf': srv('    if ($args) {\n      set $a 1;\n      return 404;\n    }') },
  'proxy_pass in limit_except': { 'nginx.conf': srv('    location / {\n      limit_except GET {\n        proxy_pass http://127.0.0.1:18992;\n      }\n    }') },
  'root in limit_except (not allowed)': { 'nginx.conf': srv('    location / {\n      limit_except GET {\n        root /x;\n      }\n    }') },
  'keepalive in upstream and keepalive_timeout in upstream': {
    'nginx.conf': http('  upstream u {\n    server 127.0.0.1:18993;\n    keepalive 4;\n    keepalive_timeout 30s;\n  }'),
  },
  'keepalive in server (not allowed)': { 'nginx.conf': srv('    keepalive 4;') },
  'missing ; before }': { 'nginx.conf': srv('    return 200') },
  'missing ; before the next directive swallowed by return': { 'nginx.conf': srv('    location / {\n      return 200 ok\n      add_header X 1;\n    }') },
  'argument count: location with 3 words': { 'nginx.conf': srv('    location = /a /b {\n    }') },
  'argument count: location without words': { 'nginx.conf': srv('    location {\n    }') },
  'argument count: multi-line': { 'nginx.conf': http('  keepalive_timeout\n    1\n    2\n    3;') },
  'argument count: no args': { 'nginx.conf': http('  sendfile;') },
  'argument count: too many words for TAKE1': { 'nginx.conf': srv('    root /a /b;') },
  'argument count: 9 words': { 'nginx.conf': srv('    add_header a b c d e f g h;') },
  'argument count: events with args': { 'nginx.conf': 'events x {}\n' },
  'argument count: http with args': { 'nginx.conf': `${E}http on {\n}\n` },
  'flag: yes': { 'nginx.conf': http('  sendfile yes;') },
  'flag: ON': { 'nginx.conf': http('  sendfile ON;') },
  'flag: multi-line': { 'nginx.conf': http('  gzip\n    enabled\n    ;') },
  'flag: two args': { 'nginx.conf': http('  sendfile on off;') },
  'flag: quoted on': { 'nginx.conf': http('  sendfile "on";') },
  'duplicate flag': { 'nginx.conf': http('  sendfile on;\n  sendfile off;') },
  'duplicate flag across an include': { 'nginx.conf': http('  sendfile on;\n  include part.conf;'), 'part.conf': 'sendfile on;\n' },
  'duplicate flag, second multi-line': { 'nginx.conf': http('  tcp_nopush on;\n  tcp_nopush\n    on;') },
  'duplicate root': { 'nginx.conf': srv('    root /a;\n    root /b;') },
  'root then alias': { 'nginx.conf': srv('    location /a/ {\n      root /a;\n      alias /b/;\n    }') },
  'alias then root': { 'nginx.conf': srv('    location /a/ {\n      alias /b/;\n      root /a;\n    }') },
  'flag in http and in server (allowed)': { 'nginx.conf': `${E}http {\n  sendfile on;\n  server {\n    sendfile off;\n  }\n}\n` },
  'duplicate add_header (allowed)': { 'nginx.conf': srv('    add_header X 1;\n    add_header X 1;') },
  'duplicate uwsgi_pass': { 'nginx.conf': srv('    location / {\n      uwsgi_pass 127.0.0.1:9000;\n      uwsgi_pass 127.0.0.1:9001;\n    }') },
  'duplicate proxy_pass': { 'nginx.conf': srv('    location / {\n      proxy_pass http://127.0.0.1:9000;\n      proxy_pass http://127.0.0.1:9001;\n    }') },
  'uwsgi_pass and proxy_pass in one location (accepted)': { 'nginx.conf': srv('    location / {\n      uwsgi_pass 127.0.0.1:9000;\n      proxy_pass http://127.0.0.1:9001;\n    }') },
  'duplicate server_name (accepted)': { 'nginx.conf': srv('    server_name a;\n    server_name b;') },
  'duplicate error_log (accepted)': { 'nginx.conf': `${E}error_log stderr;\nerror_log stderr info;\n` },
  'duplicate worker_processes': { 'nginx.conf': `${E}worker_processes 1;\nworker_processes 2;\n` },
  'duplicate events block': { 'nginx.conf': `${E}events {}\n` },
  'duplicate http block (accepted?)': { 'nginx.conf': `${E}http {}\nhttp {}\n` },
  'duplicate index (accepted)': { 'nginx.conf': srv('    index a.html;\n    index b.html;') },
  'duplicate try_files': { 'nginx.conf': srv('    location / {\n      try_files $uri =404;\n      try_files $uri =404;\n    }') },
  'duplicate client_max_body_size': { 'nginx.conf': srv('    client_max_body_size 1m;\n    client_max_body_size 2m;') },
  'duplicate expires': { 'nginx.conf': srv('    location / {\n      expires 1d;\n      expires 2d;\n    }') },
  'duplicate access_log (accepted)': { 'nginx.conf': srv('    access_log off;\n    access_log /var/log/nginx/x.log;') },
  'duplicate default_type': { 'nginx.conf': http('  default_type a/b;\n  default_type c/d;') },
  // terminators
  'block directive with ;': { 'nginx.conf': srv('    location /a;') },
  'block directive with ;, multi-line': { 'nginx.conf': srv('    location\n      /a\n      ;') },
  'simple directive with {': { 'nginx.conf': srv('    return 200 x{ }') },
  'simple directive with {, multi-line': { 'nginx.conf': srv('    root\n      /x\n    {\n    }') },
  'events without {, then a block': { 'nginx.conf': 'events\nhttp {\n}\n' },
  // lexer
  'lone ;': { 'nginx.conf': `${E};\n` },
  'extra }': { 'nginx.conf': `${E}}\n` },
  'extra } after a block on a later line': { 'nginx.conf': `${E}http {\n}\n\n}\n` },
  'unclosed { at EOF': { 'nginx.conf': `${E}http {\n  server {\n` },
  'unterminated quote': { 'nginx.conf': `${E}http {\n  default_type "text/html;\n}\n` },
  'quote then word': { 'nginx.conf': http('  default_type "a"b;') },
  'quote then {': { 'nginx.conf': srv('    location "/a"{\n    }') },
  'quote then ;': { 'nginx.conf': http('  default_type "a";') },
  '# inside a word': { 'nginx.conf': srv('    location / {\n      return 200 abc#def;\n    }') },
  '} inside a word': { 'nginx.conf': srv('    location / {\n      return 200 abc};\n    }') },
  '${var} in a bare word': { 'nginx.conf': srv('    location / {\n      set $v x;\n      return 200 a${v}b;\n    }') },
  'regex with { unquoted': { 'nginx.conf': srv('    location ~ ^/a{2}$ {\n    }') },
  'too long parameter': { 'nginx.conf': http(`  default_type "${'a'.repeat(5000)}";`) },
  'too long bare word': { 'nginx.conf': http(`  default_type ${'a'.repeat(5000)};`) },
  'word of exactly 4095 chars': { 'nginx.conf': http(`  default_type ${'a'.repeat(4095)};`) },
  'word of 4096 chars': { 'nginx.conf': http(`  default_type ${'a'.repeat(4096)};`) },
  'comment at EOF without newline': { 'nginx.conf': `${E}# end` },
  'only events missing': { 'nginx.conf': 'http {\n}\n' },
  'CRLF line ends': { 'nginx.conf': 'events {}\r\nhttp {\r\n  sendfile yes;\r\n}\r\n' },
  'UTF-8 BOM': { 'nginx.conf': '\ufeffevents {}\n' },
  'backslash-escaped ;': { 'nginx.conf': srv('    location / {\n      return 200 a\\;b;\n    }') },
  'escaped quote in a quoted string': { 'nginx.conf': srv('    location / {\n      return 200 "a\\"b";\n    }') },
  // locations
  'location modifiers glued': { 'nginx.conf': srv('    location ^~/a/ {}\n    location ~/x {}\n    location =/e {}\n    location ~*\\.php$ {}') },
  'location bad modifier, 3 words': { 'nginx.conf': srv('    location !~ /a {\n    }') },
  'location @x /y': { 'nginx.conf': srv('    location @x /y {\n    }') },
  'nested in exact location': { 'nginx.conf': srv('    location = /a {\n      location /a/b {\n      }\n    }') },
  'nested outside parent': { 'nginx.conf': srv('    location /a/ {\n      location /b/ {\n      }\n    }') },
  'nested named location': { 'nginx.conf': srv('    location /a/ {\n      location @n {\n      }\n    }') },
  'nested in named location': { 'nginx.conf': srv('    location @n {\n      location /a {\n      }\n    }') },
  'duplicate prefix location': { 'nginx.conf': srv('    location /a/ {\n    }\n    location /a/ {\n    }') },
  'duplicate exact location': { 'nginx.conf': srv('    location = /a {\n    }\n    location = /a {\n    }') },
  'exact and prefix with same name (accepted)': { 'nginx.conf': srv('    location = /a {\n    }\n    location /a {\n    }') },
  'duplicate ^~ and prefix': { 'nginx.conf': srv('    location ^~ /a {\n    }\n    location /a {\n    }') },
  'duplicate named location': { 'nginx.conf': srv('    location @n {\n    }\n    location @n {\n    }') },
  'duplicate regex location (accepted)': { 'nginx.conf': srv('    location ~ a {\n    }\n    location ~ a {\n    }') },
  'duplicate locations in two servers (accepted)': {
    'nginx.conf': `${E}http {\n  server {\n    location /a/ {}\n  }\n  server {\n    listen 127.0.0.1:18994;\n    location /a/ {}\n  }\n}\n`,
  },
  'location in if (not allowed)': { 'nginx.conf': srv('    if ($args) {\n      location /a {\n      }\n    }') },
  'location at http level': { 'nginx.conf': http('  location / {\n  }') },
  'prefix nested in regex': { 'nginx.conf': srv('    location ~ ^/a {\n      location /zzz {\n      }\n    }') },
  'regex nested in prefix (accepted)': { 'nginx.conf': srv('    location /a/ {\n      location ~ \\.php$ {\n      }\n    }') },
  'location ~ *foo': { 'nginx.conf': srv('    location ~ *foo {\n    }') },
  // if
  'if without parentheses': { 'nginx.conf': srv('    if $args {\n    }') },
  'if glued operator': { 'nginx.conf': srv('    if ($a=b) {\n    }') },
  'if with = and a value': { 'nginx.conf': srv('    if ($host = example.com) {\n      return 404;\n    }') },
  'if -f': { 'nginx.conf': srv('    if (!-f $request_filename) {\n      return 404;\n    }') },
  'if regex': { 'nginx.conf': srv('    if ($http_user_agent ~* (bot|spider)) {\n      return 403;\n    }') },
  'if at http level': { 'nginx.conf': http('  if ($args) {\n  }') },
  'if with ;': { 'nginx.conf': srv('    if ($args);') },
  'if empty parens': { 'nginx.conf': srv('    if () {\n    }') },
  // data bodies
  'types block': { 'nginx.conf': http('  types {\n    text/html html htm;\n    image/png png;\n  }') },
  'types entry without extension': { 'nginx.conf': http('  types {\n    text/html;\n  }') },
  'types entry with a block': { 'nginx.conf': http('  types {\n    text/html {\n    }\n  }') },
  'types duplicate extension (warn only)': { 'nginx.conf': http('  types {\n    text/html html;\n    text/plain html;\n  }') },
  'map block': { 'nginx.conf': http('  map $uri $x {\n    default 0;\n    /a 1;\n    ~^/b 2;\n  }') },
  'map entry with three words': { 'nginx.conf': http('  map $uri $x {\n    /a 1 2;\n  }') },
  'map duplicate default': { 'nginx.conf': http('  map $uri $x {\n    default 0;\n    default 1;\n  }') },
  'map duplicate key': { 'nginx.conf': http('  map $uri $x {\n    /a 0;\n    /a 1;\n  }') },
  'map hostnames and include': { 'nginx.conf': http('  map $host $x {\n    hostnames;\n    include mapdata;\n    default 0;\n  }'), mapdata: '*.example.com 1;\n' },
  'map in server (not allowed)': { 'nginx.conf': srv('    map $uri $x {\n    }') },
  'map with one arg': { 'nginx.conf': http('  map $uri {\n  }') },
  'geo block': { 'nginx.conf': http('  geo $g {\n    default 0;\n    127.0.0.1 1;\n    10.0.0.0/8 2;\n  }') },
  'geo bad network': { 'nginx.conf': http('  geo $g {\n    not-an-ip 1;\n  }') },
  'split_clients': { 'nginx.conf': http('  split_clients "${remote_addr}" $s {\n    50% a;\n    * b;\n  }') },
  'split_clients over 100%': { 'nginx.conf': http('  split_clients "${remote_addr}" $s {\n    60% a;\n    50% b;\n  }') },
  'charset_map': { 'nginx.conf': http('  charset_map koi8-r utf-8 {\n    C0 D18E;\n  }') },
  // include
  'include missing file': { 'nginx.conf': http('  include nothere.conf;') },
  'include missing file, multi-line': { 'nginx.conf': http('  include\n    nothere.conf\n    ;') },
  'include glob without match': { 'nginx.conf': http('  include nothere/*.conf;') },
  'include a directory': { 'nginx.conf': http('  include sub;'), 'sub/x.conf': '' },
  'include relative to the main file dir': { 'nginx.conf': http('  include sub/a.conf;'), 'sub/a.conf': 'include sub/b.conf;\n', 'sub/b.conf': 'sendfile on;\n' },
  'include cycle': { 'nginx.conf': http('  include a.conf;'), 'a.conf': 'include a.conf;\n' },
  'include with error inside': { 'nginx.conf': http('  include bad.conf;'), 'bad.conf': 'sendfile\n  yes;\n' },
  'include unclosed block inside': { 'nginx.conf': http('  include bad.conf;'), 'bad.conf': 'server {\n' },
  'include closing the includer block': { 'nginx.conf': http('  server {\n    include bad.conf;'), 'bad.conf': '}\n' },
  'include dotfile not matched by glob': { 'nginx.conf': http('  include conf.d/*.conf;'), 'conf.d/.hidden.conf': 'garbage\n', 'conf.d/ok.conf': 'sendfile on;\n' },
  'include glob with error in second file': { 'nginx.conf': http('  include conf.d/*.conf;'), 'conf.d/a.conf': 'sendfile on;\n', 'conf.d/b.conf': 'sendfile on;\n' },
  'include with brace (lexer)': { 'nginx.conf': http('  include conf.d/{a,b}.conf;'), 'conf.d/a.conf': '' },
  // events / main
  'events with use': { 'nginx.conf': 'events {\n  use epoll;\n  worker_connections 10;\n}\n' },
  'events with unknown method': { 'nginx.conf': 'events {\n  use kqueue;\n}\n' },
  'stream block (module not in Debian core build)': { 'nginx.conf': `${E}stream {\n}\n` },
  'mail block': { 'nginx.conf': `${E}mail {\n}\n` },
  'geoip_country (dynamic module not loaded)': { 'nginx.conf': http('  geoip_country /x.dat;') },
  'upstream server without args': { 'nginx.conf': http('  upstream u {\n    server;\n  }') },
  'upstream empty': { 'nginx.conf': http('  upstream u {\n  }') },
  'ssl directives': { 'nginx.conf': srv('    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_prefer_server_ciphers on;') },
  'http2 on listen': { 'nginx.conf': srv('    http2_max_requests 10;') },
  'ssl on (deprecated)': { 'nginx.conf': srv('    ssl off;') },
};

let work: string;
const results = new Map<string, { c: Comparison; text: string }>();

beforeAll(() => {
  work = tempDir('nginx-cases');
  const names = Object.keys(CASES);
  const jobs = names.map((name, i) => {
    const dir = path.join(work, `case${i}`);
    fs.mkdirSync(dir);
    provideEtcNginx(dir);
    for (const [rel, text] of Object.entries(CASES[name]!)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return { conf: path.join(dir, Object.keys(CASES[name]!)[0]!), prefix: dir + '/' };
  });
  const outcomes = runNginxBatch(jobs);
  names.forEach((name, i) => {
    results.set(name, { c: compare(outcomes[i]!, runStacklint(jobs[i]!.conf, jobs[i]!.prefix)), text: Object.values(CASES[name]!)[0]! });
  });
  const all = [...results.values()].map((r) => r.c);
  const n = (v: string) => all.filter((c) => c.verdict === v).length;
  console.log(
    `parity (cases): ${all.length} cases (${all.filter((c) => c.nginx.ok).length} accepted by nginx), ` +
      `${n('agree')} agree, ${n('out-of-scope')} handler-level out of scope, ${n('disagree')} disagree`,
  );
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('nginx -t parity: hand-written cases', () => {
  it.each(Object.keys(CASES))('%s', (name) => {
    const r = results.get(name)!;
    const detail = [
      `nginx:     ${showNginx(r.c.nginx)}`,
      ...(r.c.errors.length ? r.c.errors.map((d) => `stacklint: ${showDiagnostic(d)}`) : ['stacklint: no errors']),
      ...r.c.internalErrors,
      r.text.length > 600 ? r.text.slice(0, 600) + '…' : r.text,
    ].join('\n');
    expect(r.c.verdict, `${r.c.reason}\n${detail}`).not.toBe('disagree');
  });
});
