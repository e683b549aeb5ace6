/**
 * The directive table against the real Debian nginx binary (FACTS §4): every name probed
 * with `NAME ;` through `nginx -t`, every built-in directive placed in every context,
 * given 0-3 and 9 arguments, and set twice at one level. (By hand, 0..9 arguments: 5,320
 * probes, no mismatch.)
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { argCountOk, directiveDb, TABLE_SOURCE, type DirectiveContext } from '../../src/parsers/nginx/directives.js';
import { mayDuplicate } from '../../src/parsers/nginx/duplicates.js';

const NGINX = '/usr/sbin/nginx';
const have = fs.existsSync(NGINX);
const dir = have ? fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-table-parity-')) : '';
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
/** `nginx -t` on a config text; resolves to stderr. */
function nginxT(text: string): Promise<{ status: number | null; stderr: string }> {
  const file = path.join(dir, `c${seq++}.conf`);
  fs.writeFileSync(file, text);
  return new Promise((resolve) => {
    const p = spawn(NGINX, ['-t', '-q', '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('close', (status) => {
      fs.rmSync(file, { force: true });
      resolve({ status, stderr });
    });
  });
}

/** Run jobs with a few nginx processes at a time. */
async function pool<T, R>(items: T[], fn: (x: T) => Promise<R>, width = 4): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const db = directiveDb();
const table = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/nginx/directives.json'), 'utf8')) as {
  directives: Record<string, Array<{ source: string; inBuild: boolean }>>;
};
const sourceNames = Object.keys(table.directives).filter((n) => table.directives[n]!.some((e) => e.source === TABLE_SOURCE));
const builtIn = sourceNames.filter((n) => table.directives[n]!.some((e) => e.source === TABLE_SOURCE && e.inBuild));

const WRAP: Partial<Record<DirectiveContext, (x: string) => string>> = {
  main: (x) => `${x}\nevents {}\n`,
  events: (x) => `events { ${x} }\n`,
  http: (x) => `events {}\nhttp { ${x} }\n`,
  server: (x) => `events {}\nhttp { server { ${x} } }\n`,
  location: (x) => `events {}\nhttp { server { location / { ${x} } } }\n`,
  'if-in-server': (x) => `events {}\nhttp { server { if ($uri) { ${x} } } }\n`,
  'if-in-location': (x) => `events {}\nhttp { server { location / { if ($uri) { ${x} } } } }\n`,
  limit_except: (x) => `events {}\nhttp { server { location / { limit_except GET { ${x} } } } }\n`,
  upstream: (x) => `events {}\nhttp { upstream u { ${x} server 127.0.0.1:1; } }\n`,
};
const CONTEXTS = Object.keys(WRAP) as DirectiveContext[];

/** Whether the nginx 1.22.1 entries (not reference-lib) of a name fit a context. */
function fitsFromSource(name: string, ctx: DirectiveContext): boolean {
  const l = db.lookup(name, ctx);
  return l.kind === 'ok' && l.entry.source === TABLE_SOURCE;
}

describe.skipIf(!have)('directive table vs nginx -t', () => {
  it('knows exactly the names the Debian binary knows (NAME ; at main level)', async () => {
    const results = await pool(sourceNames, async (n) => {
      const r = await nginxT(`${n} ;\n`);
      return { n, unknown: r.stderr.includes(`unknown directive "${n}"`) };
    });
    const unknown = results.filter((r) => r.unknown).map((r) => r.n);
    const mismatches = results.filter((r) => r.unknown === builtIn.includes(r.n)).map((r) => r.n);
    expect(mismatches).toEqual([]);
    expect([sourceNames.length, sourceNames.length - unknown.length, unknown.length]).toEqual([602, 532, 70]);
  });

  it('places every built-in directive in every context like nginx', async () => {
    const jobs = builtIn.flatMap((n) => CONTEXTS.map((c) => ({ n, c })));
    const results = await pool(jobs, async ({ n, c }) => {
      const r = await nginxT(WRAP[c]!(`${n} ;`));
      const notAllowed = r.stderr.includes(`"${n}" directive is not allowed here`);
      return notAllowed === fitsFromSource(n, c) ? `${n} in ${c}: ${r.stderr.trim().split('\n')[0]}` : null;
    });
    expect(results.filter((x) => x !== null)).toEqual([]);
  }, 240_000);

  it('counts arguments like nginx (0, 1, 2, 3 and 9 words)', async () => {
    const jobs = builtIn.flatMap((n) => {
      const c = CONTEXTS.find((x) => fitsFromSource(n, x))!;
      return [0, 1, 2, 3, 9].map((k) => ({ n, c, k }));
    });
    const results = await pool(jobs, async ({ n, c, k }) => {
      const l = db.lookup(n, c);
      if (l.kind !== 'ok') return `${n}: no entry`;
      const words = Array.from({ length: k }, () => 'x').join(' ');
      const r = await nginxT(WRAP[c]!(`${n} ${words}${l.entry.block ? ' { }' : ' ;'}`));
      const refused = r.stderr.includes(`invalid number of arguments in "${n}" directive`);
      return refused === argCountOk(l.entry.argCheck, k) ? `${n} (${c}) with ${k}: ${r.stderr.trim().split('\n')[0]}` : null;
    });
    expect(results.filter((x) => x !== null)).toEqual([]);
  }, 240_000);

  it('predicts "is duplicate" like nginx for one-value directives', async () => {
    // A value each handler accepts; directives without one are skipped.
    const SAMPLE: Record<string, string> = {
      ngx_conf_set_flag_slot: 'on',
      ngx_conf_set_num_slot: '1',
      ngx_conf_set_size_slot: '1k',
      ngx_conf_set_off_slot: '1k',
      ngx_conf_set_msec_slot: '1s',
      ngx_conf_set_sec_slot: '1s',
      ngx_conf_set_bufs_slot: '4 8k',
      ngx_conf_set_path_slot: '/tmp/stacklint-path',
      ngx_conf_set_access_slot: 'user:rw',
      ngx_conf_set_str_slot: 'x',
      ngx_http_set_complex_value_slot: 'x',
      ngx_http_set_complex_value_zero_slot: 'x',
      ngx_http_set_complex_value_size_slot: '1k',
      ngx_http_upstream_bind_set_slot: 'off',
      ngx_http_set_charset_slot: 'utf-8',
      ngx_conf_set_str_array_slot: 'X',
      ngx_http_types_slot: 'text/x',
      ngx_http_headers_add: 'X y',
      ngx_http_upstream_param_set_slot: 'A b',
      ngx_conf_set_keyval_slot: 'X y',
      ngx_http_access_rule: 'all',
    };
    const CUSTOM: Record<string, string> = {
      aio: 'threads', directio: 'off', internal: '', keepalive_timeout: '10', open_file_cache: 'off', resolver: '127.0.0.1', disable_symlinks: 'off',
      auth_basic_user_file: '/tmp/htpasswd', auth_request: '/auth', expires: '1d', userid_expires: '1d', userid_mark: 'A', real_ip_header: 'X-Real-IP',
      try_files: '$uri =404', open_log_file_cache: 'off', keepalive: '2', proxy_pass: 'http://127.0.0.1:1', fastcgi_pass: '127.0.0.1:1', uwsgi_pass: '127.0.0.1:1',
      scgi_pass: '127.0.0.1:1', grpc_pass: '127.0.0.1:1', memcached_pass: '127.0.0.1:1', proxy_store: 'off', uwsgi_store: 'off', proxy_cache: 'off', uwsgi_cache: 'off',
      proxy_cache_key: '$uri', uwsgi_cache_key: '$uri', worker_connections: '10', use: 'epoll', worker_processes: '1', ssl: 'on', limit_except: 'GET',
      limit_conn: 'c 1', limit_req: 'zone=r', proxy_redirect: 'off', proxy_cookie_path: 'off', mirror: 'off', root: '/tmp', alias: '/tmp/',
      limit_conn_status: '503', limit_req_status: '503', access_log: 'off', error_page: '404 /x', index: 'index.html', server_name: 'x', rewrite: '^ /', return: '204',
    };
    const zones = 'limit_conn_zone $uri zone=c:1m; limit_req_zone $uri zone=r:1m rate=1r/s;';
    const jobs = builtIn.flatMap((n) => {
      const c = (['location', 'server', 'http', 'upstream', 'events', 'main'] as DirectiveContext[]).find((x) => fitsFromSource(n, x))!;
      const l = db.lookup(n, c);
      if (l.kind !== 'ok' || l.entry.block) return [];
      const v = CUSTOM[n] ?? SAMPLE[l.entry.handler ?? ''] ?? l.entry.values?.[1];
      return v === undefined ? [] : [{ n, c, v, dup: mayDuplicate(l.entry) }];
    });
    const results = await pool(jobs, async ({ n, c, v, dup }) => {
      const line = `${n} ${v};`;
      const text = WRAP[c]!(`${line} ${line}`).replace('http { ', `http { ${zones} `);
      const r = await nginxT(text);
      const emerg = r.stderr.split('\n').find((x) => x.includes('[emerg]')) ?? '';
      const said = emerg.includes(`"${n}" directive is duplicate`);
      if (!said && r.status !== 0) return { n, verdict: 'inconclusive' as const, emerg };
      return { n, verdict: said === dup ? ('agree' as const) : ('mismatch' as const), emerg };
    });
    const mismatches = results.filter((r) => r.verdict === 'mismatch').map((r) => `${r.n}: ${r.emerg || '(accepted)'}`);
    expect(mismatches).toEqual([]);
    expect(results.filter((r) => r.verdict === 'agree').length).toBeGreaterThan(400);
  }, 120_000);
});
