/**
 * Which directives nginx refuses as "is duplicate": a directive whose handler stores one
 * value in the configuration struct of its level, set a second time at the same level.
 *
 * The level is the struct the handler writes (`conf` in the table): http `loc` structs
 * are created by http, server, location, if and limit_except blocks; `srv` structs by
 * http, server and upstream (an `if` at server level shares its server's); `main` by
 * http; core directives write the one cycle-wide struct. Handlers were read in the
 * nginx 1.22.1 source (`return "is duplicate"`); conditional ones are modelled below and
 * the rest are left out (silence over guessing).
 */
import type { NginxDirective } from './ast.js';
import { contextIndex, TABLE_SOURCE, type Directive } from './directives.js';

/** The block level nginx keeps one configuration struct for (see walk.ts Frame). */
export interface Level {
  id: number;
  context: string;
  parent: Level | null;
  /** Index of the context in DIRECTIVE_CONTEXTS, or -1. */
  ci: number;
  depth: number;
}

/** Levels that set a value, in reading order, with the directive that set it. */
interface SetStack {
  levels: Level[];
  by: NginxDirective[];
}

/** Whether `f` is `level` or one of its ancestors (so its block is still open). */
function isOpen(f: Level, level: Level): boolean {
  let x: Level | null = level;
  while (x !== null && x.depth > f.depth) x = x.parent;
  return x === f;
}

/** Handlers that refuse any second value at the same level. */
const ALWAYS = new Set([
  // src/core/ngx_conf_file.c, src/core/ngx_file.c
  'ngx_conf_set_flag_slot',
  'ngx_conf_set_str_slot',
  'ngx_conf_set_num_slot',
  'ngx_conf_set_size_slot',
  'ngx_conf_set_off_slot',
  'ngx_conf_set_msec_slot',
  'ngx_conf_set_sec_slot',
  'ngx_conf_set_bufs_slot',
  'ngx_conf_set_enum_slot',
  'ngx_conf_set_path_slot',
  'ngx_conf_set_access_slot',
  // src/http/ngx_http_script.c, ngx_http_upstream.c, src/stream/ngx_stream_script.c
  'ngx_http_set_complex_value_slot',
  'ngx_http_set_complex_value_zero_slot',
  'ngx_http_set_complex_value_size_slot',
  'ngx_stream_set_complex_value_slot',
  'ngx_stream_set_complex_value_zero_slot',
  'ngx_stream_set_complex_value_size_slot',
  'ngx_http_upstream_bind_set_slot',
  'ngx_http_set_charset_slot',
  // custom handlers with an unconditional check
  'ngx_http_ssl_enable',
  'ngx_mail_ssl_enable',
  'ngx_http_core_set_aio',
  'ngx_http_core_directio',
  'ngx_http_core_internal',
  'ngx_http_core_keepalive',
  'ngx_http_core_open_file_cache',
  'ngx_http_core_resolver',
  'ngx_http_core_limit_except',
  'ngx_http_disable_symlinks',
  'ngx_http_auth_basic_user_file',
  'ngx_http_auth_request',
  'ngx_http_headers_expires',
  'ngx_http_userid_expires',
  'ngx_http_userid_mark',
  'ngx_http_realip',
  'ngx_http_try_files',
  'ngx_http_log_open_file_cache',
  'ngx_http_upstream_keepalive',
  'ngx_http_ssl_password_file',
  'ngx_http_ssl_ocsp_cache',
  'ngx_http_proxy_pass',
  'ngx_http_fastcgi_pass',
  'ngx_http_uwsgi_pass',
  'ngx_http_scgi_pass',
  'ngx_http_grpc_pass',
  'ngx_http_memcached_pass',
  'ngx_http_proxy_store',
  'ngx_http_fastcgi_store',
  'ngx_http_uwsgi_store',
  'ngx_http_scgi_store',
  'ngx_http_proxy_cache',
  'ngx_http_fastcgi_cache',
  'ngx_http_uwsgi_cache',
  'ngx_http_scgi_cache',
  'ngx_http_proxy_cache_key',
  'ngx_http_fastcgi_cache_key',
  'ngx_http_uwsgi_cache_key',
  'ngx_http_scgi_cache_key',
  'ngx_http_proxy_ssl_password_file',
  'ngx_http_uwsgi_ssl_password_file',
  'ngx_http_grpc_ssl_password_file',
  'ngx_http_geoip_country',
  'ngx_http_geoip_org',
  'ngx_http_geoip_city',
  'ngx_http_xslt_entities',
  'ngx_events_block',
  'ngx_http_block',
  'ngx_mail_block',
  'ngx_stream_block',
  'ngx_event_connections',
  'ngx_event_use',
  'ngx_set_user',
  'ngx_set_worker_processes',
  'ngx_set_cpu_affinity',
  'ngx_openssl_engine',
  'ngx_mail_core_resolver',
  'ngx_mail_ssl_password_file',
  'ngx_stream_core_resolver',
  'ngx_stream_return',
  'ngx_stream_proxy_pass',
  'ngx_stream_proxy_bind',
  'ngx_stream_proxy_ssl_password_file',
  'ngx_stream_ssl_password_file',
  'ngx_stream_ssl_alpn',
  'ngx_stream_log_open_file_cache',
  'ngx_stream_geoip_country',
  'ngx_stream_geoip_org',
  'ngx_stream_geoip_city',
]);

/** `off` excludes every other value at the same level (and a second `off`). */
const OFF_EXCLUSIVE = new Set([
  'ngx_http_proxy_redirect',
  'ngx_http_proxy_cookie_domain',
  'ngx_http_proxy_cookie_path',
  'ngx_http_proxy_cookie_flags',
  'ngx_http_mirror',
]);

/** The same shared-memory zone twice at one level. */
const SAME_ZONE = new Set(['ngx_http_limit_conn', 'ngx_http_limit_req', 'ngx_stream_limit_conn']);

const LEVELS: Record<string, readonly string[]> = {
  'http:loc': ['http', 'server', 'location', 'if-in-server', 'if-in-location', 'limit_except', 'upstream'],
  'http:srv': ['http', 'server', 'upstream'],
  'http:main': ['http'],
  'mail:srv': ['mail', 'mail/server'],
  'mail:main': ['mail'],
  'stream:srv': ['stream', 'stream/server', 'stream/upstream'],
  'stream:main': ['stream'],
  'core:core': ['main'],
  'core:direct': ['main'],
  'event:': ['events'],
};

type Kind = 'always' | 'off' | 'zone' | 'root';

interface Model {
  kind: Kind;
  /** Contexts (bits by DIRECTIVE_CONTEXTS index) of the frames that own the struct the handler writes; 0: the directive's own frame. */
  levels: number;
  /** Key of the value inside the level (the struct field, or the entry itself). */
  key: string | Directive;
}

function modelOf(e: Directive): Model | null {
  let m = e.dupModel as Model | null | undefined;
  if (m !== undefined) return m;
  m = null;
  const h = e.handler;
  if (h && e.source === TABLE_SOURCE) {
    const kind: Kind | undefined =
      h === 'ngx_http_core_root' ? 'root' : ALWAYS.has(h) ? 'always' : OFF_EXCLUSIVE.has(h) ? 'off' : SAME_ZONE.has(h) ? 'zone' : undefined;
    if (kind) {
      let levels = 0;
      for (const c of LEVELS[`${e.type}:${e.conf ?? ''}`] ?? []) levels |= 1 << contextIndex(c);
      m = { kind, levels, key: kind === 'root' ? 'root|alias' : kind === 'always' ? (e.field ?? e) : e };
    }
  }
  e.dupModel = m;
  return m;
}

/** Whether nginx could refuse `e` as a duplicate at all. */
export function mayDuplicate(e: Directive): boolean {
  return modelOf(e) !== null;
}

function levelOf(m: Model, frame: Level): Level | null {
  if (!m.levels) return frame;
  for (let f: Level | null = frame; f; f = f.parent) if (f.ci >= 0 && (m.levels >> f.ci) & 1) return f;
  return null;
}

export interface DuplicateHit {
  /** The earlier directive that set the value. */
  first: NginxDirective;
  message: string;
}

/**
 * Tracks what each level has set, directive by directive in nginx's reading order.
 * `check` returns the finding for a directive nginx would refuse as a duplicate.
 */
export class DuplicateTracker {
  /**
   * Per value key, the levels that set it along the current path of the (depth-first)
   * walk. Entries of blocks that have ended are dropped when met, so the tracker holds
   * no per-directive state: a 10 MB config sets ~150,000 values.
   */
  private readonly stacks = new Map<string | Directive, SetStack>();
  private readonly off = new Map<Directive, Map<number, { d: NginxDirective; off: boolean }>>();

  check(d: NginxDirective, e: Directive, frame: Level): DuplicateHit | undefined {
    const m = modelOf(e);
    if (!m) return undefined;
    const level = levelOf(m, frame);
    if (!level) return undefined;
    if (m.kind === 'off') {
      let map = this.off.get(e);
      if (!map) this.off.set(e, (map = new Map()));
      const isOff = d.argCount === 1 && d.argValue(0) === 'off';
      const prev = map.get(level.id);
      if (prev && (prev.off || isOff)) return { first: prev.d, message: `"${d.name}" directive is duplicate` };
      if (!prev || isOff) map.set(level.id, { d, off: isOff });
      return undefined;
    }
    let key = m.key;
    if (m.kind === 'zone') {
      let zone: string | undefined;
      if (e.handler === 'ngx_http_limit_req') {
        for (let k = 0; k < d.argCount; k++) {
          const v = d.argValue(k);
          if (v.startsWith('zone=')) zone = v.slice(5);
        }
      } else if (d.argCount > 0) zone = d.argValue(0);
      if (zone === undefined || zone.includes('$')) return undefined;
      key = `${e.module}\0${e.name}\0${zone}`;
    }
    let st = this.stacks.get(key);
    if (!st) this.stacks.set(key, (st = { levels: [], by: [] }));
    const levels = st.levels;
    while (levels.length) {
      const top = levels[levels.length - 1]!;
      if (top === level) {
        const prev = st.by[levels.length - 1]!;
        if (m.kind === 'root' && prev.name !== d.name)
          return { first: prev, message: `"${d.name}" directive is duplicate, "${prev.name}" directive was specified earlier` };
        return { first: prev, message: `"${d.name}" directive is duplicate` };
      }
      if (isOpen(top, level)) break; // an enclosing level set it: this one has not yet
      levels.pop();
      st.by.pop();
    }
    levels.push(level);
    st.by.push(d);
    return undefined;
  }
}
