/**
 * The modifier and name of a `location`, as `ngx_http_core_location` reads them
 * (src/http/ngx_http_core_module.c:2950).
 */
import type { NginxDirective } from './ast.js';

export type LocationKind = 'exact' | 'prefix' | 'noregex' | 'regex' | 'regex-caseless' | 'named';

export interface LocationName {
  kind: LocationKind;
  /** The name nginx keeps (`clcf->name`): the prefix, exact path, regex source or `@name`. */
  name: string;
  /** Index (in the directive's args) of the word the name came from. */
  arg: number;
  /** A 3-word form whose modifier (argument 0) nginx does not know (nginx stops there). */
  invalidModifier: boolean;
}

/**
 * With 3 words the modifier must be exactly `=`, `^~`, `~` or `~*`; with 2 words the
 * modifier may be glued to the name (`^~/admin/`, `~*\.php$`, `=/x`), `@` starts a named
 * location, anything else is a prefix. Null when the argument count is wrong.
 */
export function parseLocation(d: NginxDirective): LocationName | null {
  const count = d.argCount;
  if (count === 2) {
    const m = d.argValue(0);
    const name = d.argValue(1);
    const kind: LocationKind | undefined =
      m === '=' ? 'exact' : m === '^~' ? 'noregex' : m === '~' ? 'regex' : m === '~*' ? 'regex-caseless' : undefined;
    if (!kind) return { kind: 'prefix', name, arg: 1, invalidModifier: true };
    return { kind, name, arg: 1, invalidModifier: false };
  }
  if (count !== 1) return null;
  const v = d.argValue(0);
  const c = v.charCodeAt(0);
  let kind: LocationKind = 'prefix';
  let name = v;
  if (c === 61 /* = */) {
    kind = 'exact';
    name = v.slice(1);
  } else if (c === 94 /* ^ */ && v.charCodeAt(1) === 126) {
    kind = 'noregex';
    name = v.slice(2);
  } else if (c === 126 /* ~ */) {
    const caseless = v.charCodeAt(1) === 42;
    kind = caseless ? 'regex-caseless' : 'regex';
    name = v.slice(caseless ? 2 : 1);
  } else if (c === 64 /* @ */) kind = 'named';
  return { kind, name, arg: 0, invalidModifier: false };
}

export function isRegexLocation(l: LocationName): boolean {
  return l.kind === 'regex' || l.kind === 'regex-caseless';
}

/** `parseLocation` of a visit's directive, computed once per visit. */
export function locationOf(v: { d: NginxDirective; location?: LocationName | null }): LocationName | null {
  if (v.location === undefined) v.location = parseLocation(v.d);
  return v.location;
}
