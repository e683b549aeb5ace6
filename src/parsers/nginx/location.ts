/**
 * The modifier and name of a `location`, as `ngx_http_core_location` reads them
 * (src/http/ngx_http_core_module.c:2950).
 */
import type { NginxDirective, NginxWord } from './ast.js';

export type LocationKind = 'exact' | 'prefix' | 'noregex' | 'regex' | 'regex-caseless' | 'named';

export interface LocationName {
  kind: LocationKind;
  /** The name nginx keeps (`clcf->name`): the prefix, exact path, regex source or `@name`. */
  name: string;
  /** The word the name came from. */
  word: NginxWord;
  /** Set for 3-word forms with an invalid modifier (nginx stops there). */
  invalidModifier?: NginxWord;
}

/**
 * With 3 words the modifier must be exactly `=`, `^~`, `~` or `~*`; with 2 words the
 * modifier may be glued to the name (`^~/admin/`, `~*\.php$`, `=/x`), `@` starts a named
 * location, anything else is a prefix. Null when the argument count is wrong.
 */
export function parseLocation(d: NginxDirective): LocationName | null {
  const args = d.args;
  if (args.length === 2) {
    const mod = args[0]!;
    const word = args[1]!;
    const m = mod.value;
    const kind: LocationKind | undefined =
      m === '=' ? 'exact' : m === '^~' ? 'noregex' : m === '~' ? 'regex' : m === '~*' ? 'regex-caseless' : undefined;
    if (!kind) return { kind: 'prefix', name: word.value, word, invalidModifier: mod };
    return { kind, name: word.value, word };
  }
  if (args.length !== 1) return null;
  const word = args[0]!;
  const v = word.value;
  const c = v.charCodeAt(0);
  if (c === 61 /* = */) return { kind: 'exact', name: v.slice(1), word };
  if (c === 94 /* ^ */ && v.charCodeAt(1) === 126) return { kind: 'noregex', name: v.slice(2), word };
  if (c === 126 /* ~ */) return v.charCodeAt(1) === 42 ? { kind: 'regex-caseless', name: v.slice(2), word } : { kind: 'regex', name: v.slice(1), word };
  if (c === 64 /* @ */) return { kind: 'named', name: v, word };
  return { kind: 'prefix', name: v, word };
}

export function isRegexLocation(l: LocationName): boolean {
  return l.kind === 'regex' || l.kind === 'regex-caseless';
}

/** `parseLocation` of a visit's directive, computed once per visit. */
export function locationOf(v: { d: NginxDirective; location?: LocationName | null }): LocationName | null {
  if (v.location === undefined) v.location = parseLocation(v.d);
  return v.location;
}
