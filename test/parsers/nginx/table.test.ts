/**
 * The directive table (data/nginx/directives.json), its lookup, the context walker and
 * snippet context inference.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { FsView } from '../../../src/core/fs.js';
import { SourceFile } from '../../../src/core/source.js';
import { inferSnippetContext } from '../../../src/parsers/nginx/contexts.js';
import {
  allDirectiveNames,
  argCountOk,
  dataFile,
  DirectiveDb,
  directiveDb,
  TABLE_FIGURES,
  TABLE_SOURCE,
  type DirectiveEntry,
} from '../../../src/parsers/nginx/directives.js';
import { loadNginx, parseNginx } from '../../../src/parsers/nginx/index.js';
import type { NginxConfig } from '../../../src/parsers/nginx/ast.js';
import { analyze } from '../../../src/parsers/nginx/analysis.js';
import { allVisits } from '../../../src/parsers/nginx/walk.js';
import { buildFromSource, serialize } from '../../../scripts/gen-nginx-directives.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const UPSTREAM = '/work/upstream/nginx-1.22.1';

const table = JSON.parse(fs.readFileSync(dataFile('directives.json'), 'utf8')) as {
  generatedFrom: string;
  figures: Record<string, number>;
  directives: Record<string, DirectiveEntry[]>;
};
const fromSource = (name: string): DirectiveEntry[] => (table.directives[name] ?? []).filter((e) => e.source === TABLE_SOURCE);

describe('directive table figures (nginx 1.22.1)', () => {
  it('has 602 names, 708 entries, 79 names in more than one module, 532 in the Debian build', () => {
    const names = Object.keys(table.directives).filter((n) => fromSource(n).length);
    const entries = names.reduce((s, n) => s + fromSource(n).length, 0);
    const multi = names.filter((n) => new Set(fromSource(n).map((e) => e.module)).size > 1);
    const built = names.filter((n) => fromSource(n).some((e) => e.inBuild));
    expect(table.generatedFrom).toBe('nginx-1.22.1');
    expect([names.length, entries, multi.length, built.length]).toEqual([602, 708, 79, 532]);
    expect(TABLE_FIGURES).toMatchObject({ arrays: 99, names: 602, entries: 708, namesInMoreThanOneModule: 79, namesInBuild: 532 });
  });

  it('lists the deprecated directives (ngx_conf_deprecated_t)', () => {
    const dep = Object.keys(table.directives).filter((n) => fromSource(n).some((e) => e.deprecated));
    expect(dep.sort()).toEqual(
      ['http2_idle_timeout', 'http2_max_field_size', 'http2_max_header_size', 'http2_max_requests', 'http2_recv_timeout', 'proxy_downstream_buffer', 'proxy_upstream_buffer', 'ssl'].sort(),
    );
  });

  it('matches the FACTS §4 samples', () => {
    const pick = (n: string) => fromSource(n).map((e) => ({ type: e.type, contexts: e.contexts, args: e.args, block: !!e.block }));
    expect(fromSource('uwsgi_pass')).toMatchObject([
      { module: 'ngx_http_uwsgi_module', contexts: ['location', 'if-in-location'], args: '1', file: 'src/http/modules/ngx_http_uwsgi_module.c', line: 148 },
    ]);
    expect(fromSource('alias')).toMatchObject([{ module: 'ngx_http_core_module', contexts: ['location'], args: '1', line: 334 }]);
    expect(pick('location')).toEqual([{ type: 'http', contexts: ['server', 'location'], args: '1|2', block: true }]);
    expect(pick('if')).toEqual([{ type: 'http', contexts: ['server', 'location'], args: '1+', block: true }]);
    expect(fromSource('if')[0]!.module).toBe('ngx_http_rewrite_module');
    expect(pick('listen')).toEqual([
      { type: 'http', contexts: ['server'], args: '1+', block: false },
      { type: 'mail', contexts: ['mail/server'], args: '1+', block: false },
      { type: 'stream', contexts: ['stream/server'], args: '1+', block: false },
    ]);
    expect(pick('server')).toEqual([
      { type: 'http', contexts: ['http'], args: '0', block: true },
      { type: 'http', contexts: ['upstream'], args: '1+', block: false },
      { type: 'mail', contexts: ['mail'], args: '0', block: true },
      { type: 'stream', contexts: ['stream'], args: '0', block: true },
      { type: 'stream', contexts: ['stream/upstream'], args: '1+', block: false },
    ]);
    expect(pick('root')).toEqual([{ type: 'http', contexts: ['http', 'server', 'location', 'if-in-location'], args: '1', block: false }]);
    expect(pick('proxy_pass')).toEqual([
      { type: 'http', contexts: ['location', 'if-in-location', 'limit_except'], args: '1', block: false },
      { type: 'stream', contexts: ['stream/server'], args: '1', block: false },
    ]);
    expect(pick('include')).toEqual([{ type: 'conf', contexts: ['any'], args: '1', block: false }]);
    expect(fromSource('sendfile')[0]).toMatchObject({ args: 'flag', handler: 'ngx_conf_set_flag_slot', conf: 'loc', field: 'ngx_http_core_loc_conf_t.sendfile' });
    expect(fromSource('keepalive_timeout').map((e) => [e.module, e.contexts.join(), e.args])).toEqual([
      ['ngx_http_upstream_keepalive_module', 'upstream', '1'],
      ['ngx_http_core_module', 'http,server,location', '1|2'],
    ]);
    expect(fromSource('ssl_protocols')[0]!.values).toEqual(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    expect(fromSource('proxy_cache')[0]!.ifdef).toBe('(NGX_HTTP_CACHE)');
    expect(fromSource('stream')[0]).toMatchObject({ type: 'core', inBuild: false });
    expect(fromSource('worker_connections')[0]).toMatchObject({ type: 'event', contexts: ['events'] });
  });

  it('merges names only newer nginx documents (reference-lib) without argument counts', () => {
    for (const n of ['http2', 'quic_retry', 'http3']) {
      expect(table.directives[n], n).toBeDefined();
      expect(fromSource(n), n).toEqual([]);
      expect(table.directives[n]![0]).toMatchObject({ source: 'reference-lib', args: 'unknown', inBuild: false });
    }
    expect(table.directives.http2![0]!.contexts).toEqual(['http', 'server']);
    // ssl_reject_handshake is in 1.22.1 already
    expect(fromSource('ssl_reject_handshake').length).toBeGreaterThan(0);
    expect(TABLE_FIGURES.referenceAdded).toBeGreaterThan(100);
    const ref = JSON.parse(fs.readFileSync(dataFile('reference.json'), 'utf8')) as Record<string, Array<{ syntax: string[] }>>;
    expect(ref.uwsgi_pass![0]!.syntax.length).toBe(1);
  });

  it.skipIf(!fs.existsSync(UPSTREAM))('is what the generator makes from the nginx source', () => {
    const modules = new Set(fs.readFileSync(path.join(REPO, 'data/nginx/debian-static-modules.txt'), 'utf8').split('\n').filter(Boolean));
    const { table: t } = buildFromSource(UPSTREAM, modules);
    for (const es of Object.values(t.directives)) for (const e of es) e.source = t.generatedFrom;
    const committed: Record<string, DirectiveEntry[]> = {};
    for (const [name, entries] of Object.entries(table.directives)) {
      const fromSource = entries.filter((e) => e.source === TABLE_SOURCE);
      if (fromSource.length) committed[name] = fromSource;
    }
    const generated = JSON.parse(serialize(t)).directives as Record<string, DirectiveEntry[]>;
    expect(generated).toEqual(committed);
  });
});

describe('lookup (ngx_conf_handler)', () => {
  const db = directiveDb();
  it('matches names case-sensitively', () => {
    expect(db.lookup('root', 'location').kind).toBe('ok');
    expect(db.lookup('Root', 'location').kind).toBe('unknown');
  });
  it('picks the entry by module type and context', () => {
    const up = db.lookup('server', 'upstream');
    expect(up.kind === 'ok' && up.entry.module).toBe('ngx_http_upstream_module');
    const http = db.lookup('server', 'http');
    expect(http.kind === 'ok' && http.entry.block).toBe(true);
    const ka = db.lookup('keepalive_timeout', 'upstream');
    expect(ka.kind === 'ok' && ka.entry.module).toBe('ngx_http_upstream_keepalive_module');
    const st = db.lookup('proxy_pass', 'stream/server');
    expect(st.kind === 'ok' && st.entry.type).toBe('stream');
  });
  it('reports known names in the wrong place as not allowed', () => {
    expect(db.lookup('server', 'main').kind).toBe('not-allowed');
    expect(db.lookup('alias', 'server').kind).toBe('not-allowed');
    expect(db.lookup('worker_processes', 'http').kind).toBe('not-allowed');
    expect(db.lookup('root', 'if-in-server').kind).toBe('not-allowed');
    expect(db.lookup('worker_connections', 'main').kind).toBe('not-allowed');
  });
  it('allows include everywhere', () => {
    for (const c of ['main', 'events', 'http', 'server', 'location', 'if-in-server', 'limit_except', 'upstream', 'stream/upstream'] as const)
      expect(db.lookup('include', c).kind, c).toBe('ok');
  });
  it('checks argument counts like nginx', () => {
    const e = (n: string, c: 'location' | 'server' | 'http' = 'location') => {
      const l = db.lookup(n, c);
      if (l.kind !== 'ok') throw new Error(n);
      return l.entry.argCheck;
    };
    expect(argCountOk(e('location'), 0)).toBe(false);
    expect(argCountOk(e('location'), 1)).toBe(true);
    expect(argCountOk(e('location'), 2)).toBe(true);
    expect(argCountOk(e('location'), 3)).toBe(false);
    expect(argCountOk(e('sendfile'), 1)).toBe(true);
    expect(argCountOk(e('sendfile'), 2)).toBe(false);
    expect(argCountOk(e('if'), 0)).toBe(false);
    expect(argCountOk(e('if'), 12)).toBe(true);
    expect(argCountOk(e('keepalive_timeout'), 3)).toBe(false);
    expect(argCountOk(e('server', 'http'), 0)).toBe(true);
  });
  it('takes user extensions from nginx.extraDirectives', () => {
    const x = new DirectiveDb({ more_set_headers: { contexts: ['http', 'server', 'location', 'if'], args: '1+' }, lua_code_cache: {} });
    const l = x.lookup('more_set_headers', 'if-in-location');
    expect(l.kind).toBe('ok');
    expect(x.lookup('more_set_headers', 'main').kind).toBe('not-allowed');
    expect(x.lookup('lua_code_cache', 'events').kind).toBe('ok');
    expect(x.allNames()).toContain('more_set_headers');
    expect(x.allNames().indexOf('more_set_headers')).toBe(x.allNames().length - 2);
    expect(directiveDb().lookup('more_set_headers', 'server').kind).toBe('unknown');
  });
  it('has names for did-you-mean', () => {
    expect(allDirectiveNames()).toContain('uwsgi_pass');
  });
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-table-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function load(files: Record<string, string>, main = Object.keys(files)[0]!): NginxConfig {
  const dir = fs.mkdtempSync(path.join(tmp, 'c-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const config = defaultConfig(dir);
  const p = path.join(dir, main);
  const configs = loadNginx([SourceFile.fromBytes(p, fs.readFileSync(p))], { fs: new FsView([], true), config });
  return configs[0]!;
}

describe('walker', () => {
  it('gives every directive its context, includes at the include site', () => {
    const c = load({
      'nginx.conf': 'events { worker_connections 10; }\nhttp {\n  include conf.d/*.conf;\n  server {\n    location / { include params; if ($x) { return 404; } limit_except GET { deny all; } }\n    if ($y) { return 403; }\n  }\n  upstream u { server 127.0.0.1:1; }\n  map $a $b { default 1; }\n}\n',
      'conf.d/a.conf': 'server { listen 81; }\n',
      params: 'uwsgi_param A b;\n',
    });
    const seen = allVisits(c).map((v) => `${v.d.name}@${v.frame.context}`);
    expect(seen).toEqual([
      'events@main',
      'worker_connections@events',
      'http@main',
      'include@http',
      'server@http',
      'listen@server',
      'server@http',
      'location@server',
      'include@location',
      'uwsgi_param@location',
      'if@location',
      'return@if-in-location',
      'limit_except@location',
      'deny@limit_except',
      'if@server',
      'return@if-in-server',
      'upstream@http',
      'server@upstream',
      'map@http',
      'default@map',
    ]);
  });

  it('walks a file included from many sites at each site, and skips inert ones in the analysis', () => {
    const c = load({
      'nginx.conf': 'events {}\nhttp { server { location /a/ { include p; } location /b/ { include p; } } }\n',
      p: 'uwsgi_param A b;\nuwsgi_param C d;\n',
    });
    expect(allVisits(c).filter((v) => v.d.name === 'uwsgi_param').length).toBe(4);
    expect(analyze(c).unknown).toEqual([]);
  });

  it('does not descend into unknown blocks', () => {
    const c = load({ 'nginx.conf': 'events {}\nhttp { server { foo_block { bar 1; } } }\n' });
    const v = allVisits(c).find((x) => x.d.name === 'bar')!;
    expect(v.frame.context).toBe('unknown');
    expect(v.lookup).toBeNull();
    expect(analyze(c).unknown.map((x) => x.d.name)).toEqual(['foo_block']);
  });

  it('survives 5,000-deep nesting without recursion', () => {
    const depth = 5000;
    const c = load({ 'nginx.conf': `events {}\nhttp { server { ${'location / { '.repeat(depth)}${'} '.repeat(depth)}} }\n` });
    const a = analyze(c);
    expect(a.named.get('location')!.length).toBe(depth);
  });
});

describe('inferSnippetContext', () => {
  const infer = (text: string) => inferSnippetContext(parseNginx(new SourceFile('/x/snippet.conf', text)).file.children).context;
  it('server blocks → http', () => expect(infer('server { listen 80; location / { root /x; } }\n')).toBe('http'));
  it('locations → server', () => expect(infer('location / { root /x; }\nlocation /a/ { }\n')).toBe('server'));
  it('location-only directives → location', () => expect(infer('fastcgi_split_path_info ^(.+\\.php)(/.+)$;\ntry_files $uri =404;\nfastcgi_pass unix:/x;\n')).toBe('location'));
  it('main-level directives → main', () => expect(infer('worker_processes 2;\nevents { }\n')).toBe('main'));
  it('upstream servers → upstream', () => expect(infer('server 127.0.0.1:8000;\nkeepalive 8;\n')).toBe('upstream'));
  it('a stream server → stream', () => expect(infer('server { listen 12345; proxy_pass 127.0.0.1:1; proxy_timeout 1s; }\n')).toBe('stream'));
  it('uwsgi_params → server (fits everywhere, server preferred)', () => expect(infer('uwsgi_param QUERY_STRING $query_string;\n')).toBe('server'));
  it('explains itself', () => {
    const r = inferSnippetContext(parseNginx(new SourceFile('/x/s.conf', 'location / { }\n')).file.children);
    expect(r.reason).toMatch(/"location".*server/);
  });
  it('empty or unknown → server with a reason', () => {
    const r = inferSnippetContext(parseNginx(new SourceFile('/x/s.conf', 'foo bar;\n')).file.children);
    expect(r).toEqual({ context: 'server', reason: expect.stringMatching(/no known directive/) });
  });
});
