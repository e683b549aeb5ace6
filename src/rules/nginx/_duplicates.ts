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
import type { NginxDirective } from '../../parsers/nginx/ast.js';
import type { Directive } from '../../parsers/nginx/directives.js';
import { enclosing, type Analysis, type Frame, type Visit } from '../../parsers/nginx/walk.js';
import { complete } from './_structure.js';

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

const LEVELS: Record<string, ReadonlySet<string>> = {
  'http:loc': new Set(['http', 'server', 'location', 'if-in-server', 'if-in-location', 'limit_except', 'upstream']),
  'http:srv': new Set(['http', 'server', 'upstream']),
  'http:main': new Set(['http']),
  'mail:srv': new Set(['mail', 'mail/server']),
  'mail:main': new Set(['mail']),
  'stream:srv': new Set(['stream', 'stream/server', 'stream/upstream']),
  'stream:main': new Set(['stream']),
  'core:core': new Set(['main']),
  'core:direct': new Set(['main']),
  'event:': new Set(['events']),
};

/** The frame whose configuration struct `e` writes when it appears in `frame`. */
export function levelOf(e: Directive, frame: Frame): Frame | null {
  const set = LEVELS[`${e.type}:${e.conf ?? ''}`];
  return set ? enclosing(frame, set) : frame;
}

export interface Duplicate {
  visit: Visit;
  /** The earlier directive that set the value. */
  first: NginxDirective;
  message: string;
}

const cache = new WeakMap<Analysis, Map<Visit, Duplicate>>();

/** Every directive nginx would refuse as a duplicate, keyed by its visit. */
export function duplicates(a: Analysis): Map<Visit, Duplicate> {
  const hit = cache.get(a);
  if (hit) return hit;
  const out = new Map<Visit, Duplicate>();
  const seen = new Map<string, NginxDirective>();
  const offState = new Map<string, { d: NginxDirective; off: boolean }>();
  for (const v of a.visits) {
    const l = v.lookup;
    if (!l || l.kind !== 'ok' || !complete(v.d)) continue;
    const e = l.entry;
    const h = e.handler;
    if (!h || e.source !== 'nginx-1.22.1') continue;
    const d = v.d;
    const level = levelOf(e, v.frame);
    if (!level) continue;
    if (h === 'ngx_http_core_root') {
      const key = `${level.id}\0${e.module}\0root|alias`;
      const prev = seen.get(key);
      if (prev) {
        const message =
          prev.name === d.name
            ? `"${d.name}" directive is duplicate`
            : `"${d.name}" directive is duplicate, "${prev.name}" directive was specified earlier`;
        out.set(v, { visit: v, first: prev, message });
      } else seen.set(key, d);
      continue;
    }
    if (ALWAYS.has(h)) {
      const key = `${level.id}\0${e.module}\0${e.field ?? e.name}`;
      const prev = seen.get(key);
      if (prev) out.set(v, { visit: v, first: prev, message: `"${d.name}" directive is duplicate` });
      else seen.set(key, d);
      continue;
    }
    if (OFF_EXCLUSIVE.has(h)) {
      const key = `${level.id}\0${e.module}\0${e.name}`;
      const isOff = d.args.length === 1 && d.args[0]!.value === 'off';
      const prev = offState.get(key);
      if (prev && (prev.off || isOff)) out.set(v, { visit: v, first: prev.d, message: `"${d.name}" directive is duplicate` });
      else if (!prev || isOff) offState.set(key, { d, off: isOff });
      continue;
    }
    if (SAME_ZONE.has(h)) {
      let zone: string | undefined;
      if (h === 'ngx_http_limit_req') {
        for (const w of d.args) if (w.value.startsWith('zone=')) zone = w.value.slice(5);
      } else zone = d.args[0]?.value;
      if (zone === undefined || zone.includes('$')) continue;
      const key = `${level.id}\0${e.module}\0${e.name}\0${zone}`;
      const prev = seen.get(key);
      if (prev) out.set(v, { visit: v, first: prev, message: `"${d.name}" directive is duplicate` });
      else seen.set(key, d);
    }
  }
  cache.set(a, out);
  return out;
}
