import { distance } from 'fastest-levenshtein';
import type { Rule } from '../../core/rule.js';
import type { NginxDirective } from '../../parsers/nginx/ast.js';
import { isDirectiveContext, TABLE_SOURCE, type Directive, type DirectiveDb } from '../../parsers/nginx/directives.js';
import { named, type Analysis } from '../../parsers/nginx/analysis.js';
import type { Frame } from '../../parsers/nginx/walk.js';
import { analyses, nameSpan } from './_structure.js';

/** Shared object of the Debian dynamic module that provides each not-built-in module. */
function dynamicModuleFile(module: string): string | undefined {
  if (module === 'ngx_stream_geoip_module') return 'ngx_stream_geoip_module.so';
  if (module.startsWith('ngx_stream_')) return 'ngx_stream_module.so';
  if (module.startsWith('ngx_mail_')) return 'ngx_mail_module.so';
  if (module === 'ngx_http_geoip_module') return 'ngx_http_geoip_module.so';
  if (module === 'ngx_http_image_filter_module') return 'ngx_http_image_filter_module.so';
  if (module === 'ngx_http_xslt_filter_module') return 'ngx_http_xslt_filter_module.so';
  if (module === 'ngx_http_perl_module') return 'ngx_http_perl_module.so';
  return undefined;
}

const DEBIAN_PACKAGE: Record<string, string> = {
  'ngx_stream_module.so': 'libnginx-mod-stream',
  'ngx_stream_geoip_module.so': 'libnginx-mod-stream-geoip',
  'ngx_mail_module.so': 'libnginx-mod-mail',
  'ngx_http_geoip_module.so': 'libnginx-mod-http-geoip',
  'ngx_http_image_filter_module.so': 'libnginx-mod-http-image-filter',
  'ngx_http_xslt_filter_module.so': 'libnginx-mod-http-xslt-filter',
  'ngx_http_perl_module.so': 'libnginx-mod-http-perl',
};

const suggestions = new WeakMap<DirectiveDb, Map<string, string | null>>();

/** The closest names allowed in the context (distance scaled to the length), case variants first; memoised. */
export function suggest(db: DirectiveDb, name: string, context: string): string | undefined {
  let memo = suggestions.get(db);
  if (!memo) suggestions.set(db, (memo = new Map()));
  const key = `${context}\0${name}`;
  let r = memo.get(key);
  if (r === undefined) {
    r = closest(db, name, context) ?? null;
    memo.set(key, r);
  }
  return r ?? undefined;
}

/**
 * The closest name allowed in the context: a case variant first, else the smallest edit
 * distance within a limit scaled to the length (ties: alphabetical). Whether a name is
 * allowed is only asked of close names, so the 602-name table is not indexed by context.
 */
function closest(db: DirectiveDb, name: string, context: string): string | undefined {
  if (!isDirectiveContext(context)) return undefined;
  const allowed = (n: string) => db.lookup(n, context).kind === 'ok';
  const names = db.allNames();
  const lower = name.toLowerCase();
  for (const n of names) if (n.length === lower.length && n.toLowerCase() === lower && allowed(n)) return n;
  const max = name.length <= 4 ? 1 : name.length <= 9 ? 2 : 3;
  let best: string | undefined;
  let bestD = max + 1;
  for (const n of names) {
    if (Math.abs(n.length - name.length) > max) continue;
    const dd = distance(lower, n);
    if ((dd < bestD || (dd === bestD && best !== undefined && n < best)) && allowed(n)) {
      best = n;
      bestD = dd;
    }
  }
  return best;
}

function loadsModule(a: Analysis, file: string): boolean {
  for (const { d } of named(a, 'load_module')) if (d.argCount > 0 && d.argValue(0).endsWith(file)) return true;
  return false;
}

/** Debian's nginx.conf loads dynamic modules through `include /etc/nginx/modules-enabled/*.conf`. */
function includesModulesEnabled(a: Analysis): boolean {
  for (const v of named(a, 'include')) if (v.frame === a.root && v.d.argCount > 0 && v.d.argValue(0).includes('modules-enabled')) return true;
  return false;
}

function underReported(frame: Frame, reported: Set<number>): boolean {
  for (let f: Frame | null = frame; f; f = f.parent) if (reported.has(f.id)) return true;
  return false;
}

export const unknownDirective: Rule = {
  meta: {
    id: 'nginx/unknown-directive',
    severity: 'error',
    description: 'A directive name nginx does not know (typo, wrong case, a UTF-8 BOM, or a module that is not loaded).',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      const reported = new Set<number>();
      for (const v of a.unknown) {
        reportUnknown(ctx, a, v.d, v.frame.context);
        if (v.child) reported.add(v.child.id);
      }
      const main = a.config.rootContext === 'main';
      let modulesEnabled: boolean | undefined;
      for (const v of a.availability) {
        const d = v.d;
        if (v.lookup?.kind !== 'ok' || underReported(v.frame, reported)) continue;
        const e: Directive = v.lookup.entry;
        if (e.source === 'reference-lib') {
          if (a.db.entries(d.name).some((x) => x.source === TABLE_SOURCE)) continue; // a context only newer nginx allows: directive-not-allowed
          ctx.report({
            at: nameSpan(d),
            severity: 'info',
            message: `"${d.name}" is not a directive of ${TABLE_SOURCE}`,
            hint: `nginx documents "${d.name}" (${e.module}) for newer versions or NGINX Plus; ${TABLE_SOURCE} (Debian 12) stops with unknown directive "${d.name}". Make sure the nginx you deploy to knows it.`,
          });
          if (v.child) reported.add(v.child.id);
          continue;
        }
        if (e.source !== TABLE_SOURCE || e.inBuild || !main) continue;
        const so = dynamicModuleFile(e.module);
        if (so && loadsModule(a, so)) continue;
        modulesEnabled ??= includesModulesEnabled(a);
        if (so && modulesEnabled) continue;
        ctx.report({
          at: nameSpan(d),
          severity: 'info',
          message: so
            ? `"${d.name}" comes from ${e.module}, which Debian's nginx has only as a dynamic module`
            : `"${d.name}" comes from ${e.module}, which Debian's nginx is not built with`,
          hint: so
            ? `Without "load_module modules/${so};" at the top of nginx.conf (Debian: package ${DEBIAN_PACKAGE[so] ?? 'libnginx-mod-*'}, enabled in /etc/nginx/modules-enabled/), nginx stops with unknown directive "${d.name}".`
            : `nginx built without ${e.module} stops with unknown directive "${d.name}".`,
        });
        if (v.child) reported.add(v.child.id);
      }
    }
  },
};

function reportUnknown(ctx: Parameters<Rule['check']>[0], a: Analysis, d: NginxDirective, context: string): void {
  const name = d.name;
  if (name.charCodeAt(0) === 0xfeff) {
    // nginx's own words (the BOM is inside the quotes, invisible); the hint says what it is.
    const rest = name.slice(1);
    ctx.report({
      at: nameSpan(d),
      message: `unknown directive "${name}"`,
      hint: rest.startsWith('#')
        ? 'The file starts with a UTF-8 byte-order mark (BOM, bytes EF BB BF), invisible in most editors: nginx reads it as the start of the first word, so even the leading comment becomes a directive. Save the file as UTF-8 without a BOM.'
        : `The file starts with a UTF-8 byte-order mark (BOM, bytes EF BB BF), invisible in most editors: nginx reads it as part of the first directive's name, so it does not recognise "${rest}". Save the file as UTF-8 without a BOM.`,
    });
    return;
  }
  const s = suggest(a.db, name, context);
  const parts: string[] = [];
  if (s && s.toLowerCase() === name.toLowerCase()) parts.push(`Did you mean "${s}"? nginx directive names are case-sensitive.`);
  else if (s) parts.push(`Did you mean "${s}"?`);
  parts.push(`If "${name}" comes from a third-party module, declare it in .stacklintrc.json: {"nginx": {"extraDirectives": {"${name}": {}}}}.`);
  ctx.report({ at: nameSpan(d), message: `unknown directive "${name}"`, hint: parts.join(' ') });
}
