/**
 * Shared pieces of the structural nginx rules: the cached walk of every config, spans,
 * and the location-name algorithm of `ngx_http_core_location`.
 */
import type { Span } from '../../core/source.js';
import type { RuleContext } from '../../core/rule.js';
import type { NginxDirective, NginxWord } from '../../parsers/nginx/ast.js';
import { analyze, type Analysis } from '../../parsers/nginx/analysis.js';

/** The analysis of every nginx config in the project. */
export function analyses(ctx: RuleContext): Analysis[] {
  return ctx.project.nginx.map((c) => analyze(c, ctx.config));
}

export { complete, term } from '../../parsers/nginx/walk.js';

/**
 * A key naming one statement of one parse (directive objects are views made on demand, so
 * two visits of the same statement may hold different objects).
 */
export function statementKey(d: NginxDirective): string {
  return `${d.source.path}\0${d.start}`;
}

export function nameSpan(d: NginxDirective): Span {
  return { source: d.source, start: d.nameWord.start, end: d.nameWord.end };
}

export function wordSpan(d: NginxDirective, w: NginxWord): Span {
  return { source: d.source, start: w.start, end: w.end };
}

/** The span of argument `k` of `d`. */
export function argSpan(d: NginxDirective, k: number): Span {
  return wordSpan(d, d.args[k]!);
}

/** From the name to the last argument (the statement without its block). */
export function headSpan(d: NginxDirective): Span {
  const args = d.args;
  const last = args[args.length - 1];
  return { source: d.source, start: d.start, end: last ? last.end : d.nameWord.end };
}

export { parseLocation, locationOf, isRegexLocation as isRegex, type LocationKind, type LocationName } from '../../parsers/nginx/location.js';

/**
 * PCRE2 refuses a pattern that starts with a quantifier: nginx says
 * `pcre2_compile() failed: quantifier does not follow a repeatable item in "*a" at "*a"`.
 */
export function leadingQuantifier(pattern: string): boolean {
  const c = pattern.charCodeAt(0);
  return c === 42 /* * */ || c === 43 /* + */ || c === 63 /* ? */;
}

export function pcreQuantifierMessage(pattern: string): string {
  return `pcre2_compile() failed: quantifier does not follow a repeatable item in "${pattern}" at "${pattern}"`;
}
