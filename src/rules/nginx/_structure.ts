/**
 * Shared pieces of the structural nginx rules: the cached walk of every config, spans,
 * and the location-name algorithm of `ngx_http_core_location`.
 */
import type { Span } from '../../core/source.js';
import type { RuleContext } from '../../core/rule.js';
import type { NginxDirective, NginxWord } from '../../parsers/nginx/ast.js';
import { analyze, type Analysis, type Visit } from '../../parsers/nginx/walk.js';

/** The analysis of every nginx config in the project. */
export function analyses(ctx: RuleContext): Analysis[] {
  return ctx.project.nginx.map((c) => analyze(c, ctx.config));
}

/** Every visit of every config, in reading order. */
export function* visits(ctx: RuleContext): Generator<Visit> {
  for (const a of analyses(ctx)) yield* a.visits;
}

/**
 * nginx runs a directive's handler only once the statement is complete (`;` or `{`);
 * a statement cut short by a syntax error is the syntax rule's business.
 */
export function complete(d: NginxDirective): boolean {
  return d.terminator === ';' || d.terminator === '{';
}

export function nameSpan(d: NginxDirective): Span {
  return { source: d.source, start: d.nameWord.start, end: d.nameWord.end };
}

export function wordSpan(d: NginxDirective, w: NginxWord): Span {
  return { source: d.source, start: w.start, end: w.end };
}

/** From the name to the last argument (the statement without its block). */
export function headSpan(d: NginxDirective): Span {
  const last = d.args[d.args.length - 1];
  return { source: d.source, start: d.start, end: last ? last.end : d.nameWord.end };
}

export type LocationKind = 'exact' | 'prefix' | 'noregex' | 'regex' | 'regex-caseless' | 'named';

export interface LocationName {
  kind: LocationKind;
  /** The name nginx keeps (`clcf->name`): the prefix, exact path, regex source or `@name`. */
  name: string;
  /** The word the name came from. */
  word: NginxWord;
  /** Set for 3-word forms with an invalid modifier. */
  invalidModifier?: NginxWord;
}

/**
 * Modifier and name of a `location` as `ngx_http_core_location` reads them
 * (src/http/ngx_http_core_module.c:2950): with 3 words the modifier must be exactly
 * `=`, `^~`, `~` or `~*`; with 2 words the modifier may be glued to the name.
 * Undefined when the argument count is wrong (the argument-count rule reports it).
 */
export function parseLocation(d: NginxDirective): LocationName | undefined {
  if (d.args.length === 2) {
    const mod = d.args[0]!;
    const word = d.args[1]!;
    const m = mod.value;
    const kind: LocationKind | undefined =
      m === '=' ? 'exact' : m === '^~' ? 'noregex' : m === '~' ? 'regex' : m === '~*' ? 'regex-caseless' : undefined;
    if (!kind) return { kind: 'prefix', name: word.value, word, invalidModifier: mod };
    return { kind, name: word.value, word };
  }
  if (d.args.length !== 1) return undefined;
  const word = d.args[0]!;
  const v = word.value;
  if (v.startsWith('=')) return { kind: 'exact', name: v.slice(1), word };
  if (v.startsWith('^~')) return { kind: 'noregex', name: v.slice(2), word };
  if (v.startsWith('~*')) return { kind: 'regex-caseless', name: v.slice(2), word };
  if (v.startsWith('~')) return { kind: 'regex', name: v.slice(1), word };
  if (v.startsWith('@')) return { kind: 'named', name: v, word };
  return { kind: 'prefix', name: v, word };
}

export function isRegex(l: LocationName): boolean {
  return l.kind === 'regex' || l.kind === 'regex-caseless';
}

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
