/**
 * The environment a settings module is evaluated in: variables the caller supplied
 * (`env` in the configuration), uWSGI `env = K=V` and supervisor `environment=`. Lookups of
 * variables not given here take their default (and record that as an assumption); a
 * lookup with no default is Unknown. After `load_dotenv()`/`Env.read_env()` any variable may
 * have been set from a file stacklint does not read, so unset ones become Unknown too.
 */
import type { Span } from '../../core/source.js';

export interface EnvEntry {
  value: string;
  /** Where it was set, for messages ("uWSGI env", "supervisor environment", "configuration"). */
  what: string;
  at?: Span;
}

export type EnvLookup = { kind: 'set'; entry: EnvEntry } | { kind: 'unset' } | { kind: 'unknown'; why: string };

export class EnvState {
  readonly vars: Map<string, EnvEntry>;
  /** Why unset variables are unknown (a .env file was loaded), or null. */
  tainted: string | null = null;

  constructor(vars: Map<string, EnvEntry> = new Map()) {
    this.vars = new Map(vars);
  }

  lookup(name: string): EnvLookup {
    const e = this.vars.get(name);
    if (e) return { kind: 'set', entry: e };
    if (this.tainted) return { kind: 'unknown', why: this.tainted };
    return { kind: 'unset' };
  }

  set(name: string, value: string, what: string, at?: Span): void {
    const e: EnvEntry = { value, what };
    if (at) e.at = at;
    this.vars.set(name, e);
  }
}

/**
 * supervisor's `environment=` value: `KEY=val,KEY2="val, 2"` (datatypes.dict_of_key_value_pairs:
 * a non-POSIX shlex with `/.+-():` as word characters; quotes kept, then stripped from values).
 * Returns undefined when supervisor would reject it.
 */
export function parseSupervisorEnvironment(text: string): Map<string, string> | undefined {
  const tokens: string[] = [];
  let i = 0;
  const isWord = (c: string) => /[A-Za-z0-9_\u00c0-\u00ff/.+\-():]/.test(c);
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return undefined; // No closing quotation
      let j = close + 1;
      while (j < text.length && isWord(text[j]!)) j++;
      tokens.push(text.slice(i, j));
      i = j;
      continue;
    }
    if (isWord(c)) {
      let j = i;
      while (j < text.length && (isWord(text[j]!) || text[j] === '"' || text[j] === "'")) {
        if (text[j] === '"' || text[j] === "'") {
          const close = text.indexOf(text[j]!, j + 1);
          if (close < 0) return undefined;
          j = close + 1;
        } else j++;
      }
      tokens.push(text.slice(i, j));
      i = j;
      continue;
    }
    tokens.push(c);
    i++;
  }
  const out = new Map<string, string>();
  for (let k = 0; k < tokens.length; k += 4) {
    if (k + 2 >= tokens.length || tokens[k + 1] !== '=') return undefined;
    out.set(tokens[k]!, tokens[k + 2]!.replace(/^['"]+|['"]+$/g, ''));
  }
  return out;
}
