/**
 * glibc `getopt_long` as uWSGI calls it (core/init.c:262, `uwsgi_commandline_config`):
 * the option string has no leading `+`/`-`, so arguments are permuted (non-options are
 * collected and handled after every option); `--` ends the options.
 *
 * Long options: `--name=value` or `--name value` (required argument: the next word, even if
 * it starts with `-`); an optional argument only with `=`; an exact name wins, otherwise a
 * unique prefix; two prefix matches are ambiguous (every uWSGI long option has its own
 * `val`, so glibc never merges them). Short options: `-s value`, `-svalue`, bundles such as
 * `-Mp4`; an optional argument only when attached.
 *
 * The table can change between two calls (a `--plugins` option loads a plugin and
 * `build_options` rebuilds it), so the caller passes a table getter.
 */
import type { GetoptTable, TakesArgument } from './options.js';

export interface Word {
  value: string;
  start: number;
  end: number;
}

export interface ParsedOption {
  /** Long option name. */
  name: string;
  /** As written: `--uwsgi`, `-s`, `-M` (in a bundle). */
  written: string;
  hasArg: TakesArgument;
  /** The argument (undefined when none: uWSGI passes NULL). */
  value?: string;
  /** Span of the option text (`--uwsgi`, the letter of a bundle). */
  keyStart: number;
  keyEnd: number;
  /** Span of the value (in the same or the next word). */
  valueStart: number;
  valueEnd: number;
  /** The value comes from the following word. */
  separate: boolean;
}

export interface GetoptError {
  /** glibc's message, without the program name prefix. */
  message: string;
  start: number;
  end: number;
  kind: 'unrecognized' | 'ambiguous' | 'missing-argument' | 'no-argument-allowed' | 'invalid-short';
  /** For `ambiguous`: the candidates. */
  candidates?: string[];
  written: string;
}

/**
 * Iterate the options of `words` (words[0] is the program). `onOption` is called for each
 * option in order and may change the table (plugins). Returns the non-option words in order.
 * Stops at the first error (given to `onError`), as uWSGI does (`getopt_long() error`, exit 1).
 */
export function getoptLong(
  words: Word[],
  table: () => GetoptTable,
  onOption: (o: ParsedOption) => void,
  onError: (e: GetoptError) => void,
): { rest: Word[]; stopped: boolean } {
  const rest: Word[] = [];
  let i = 1;
  while (i < words.length) {
    const w = words[i]!;
    const v = w.value;
    if (v === '--') {
      for (let k = i + 1; k < words.length; k++) rest.push(words[k]!);
      break;
    }
    if (v.length < 2 || v[0] !== '-') {
      rest.push(w);
      i++;
      continue;
    }
    if (v[1] === '-') {
      // Long option.
      const body = v.slice(2);
      const eq = body.indexOf('=');
      const namePart = eq === -1 ? body : body.slice(0, eq);
      const t = table();
      const keyStart = w.start;
      const keyEnd = w.start + 2 + namePart.length;
      let found = t.byName.get(namePart);
      if (!found) {
        // Not an exact name: a unique prefix of one.
        const candidates: string[] = [];
        const seen = new Set<string>();
        for (const o of t.long) {
          if (o.name.startsWith(namePart) && !seen.has(o.name)) {
            seen.add(o.name);
            candidates.push(o.name);
          }
        }
        if (candidates.length === 1) found = t.byName.get(candidates[0]!);
        else if (candidates.length > 1) {
          onError({
            kind: 'ambiguous',
            message: `option '--${body}' is ambiguous; possibilities: ${candidates.map((c) => `'--${c}'`).join(' ')}`,
            start: keyStart,
            end: keyEnd,
            candidates,
            written: `--${namePart}`,
          });
          return { rest, stopped: true };
        }
      }
      if (!found) {
        onError({ kind: 'unrecognized', message: `unrecognized option '--${body}'`, start: keyStart, end: keyEnd, written: `--${namePart}` });
        return { rest, stopped: true };
      }
      const written = `--${namePart}`;
      if (eq !== -1) {
        if (found.hasArg === 'no') {
          onError({ kind: 'no-argument-allowed', message: `option '--${found.name}' doesn't allow an argument`, start: w.start, end: w.end, written });
          return { rest, stopped: true };
        }
        const vs = w.start + 2 + eq + 1;
        onOption({ name: found.name, written, hasArg: found.hasArg, value: body.slice(eq + 1), keyStart, keyEnd, valueStart: vs, valueEnd: w.end, separate: false });
        i++;
        continue;
      }
      if (found.hasArg === 'required') {
        const next = words[i + 1];
        if (!next) {
          onError({ kind: 'missing-argument', message: `option '--${found.name}' requires an argument`, start: keyStart, end: keyEnd, written });
          return { rest, stopped: true };
        }
        onOption({ name: found.name, written, hasArg: 'required', value: next.value, keyStart, keyEnd, valueStart: next.start, valueEnd: next.end, separate: true });
        i += 2;
        continue;
      }
      onOption({ name: found.name, written, hasArg: found.hasArg, keyStart, keyEnd, valueStart: keyStart, valueEnd: keyEnd, separate: false });
      i++;
      continue;
    }
    // Short options, possibly bundled.
    let k = 1;
    let advance = 1;
    while (k < v.length) {
      const letter = v[k]!;
      const t = table();
      const s = t.short.get(letter);
      const ls = w.start + k;
      if (!s) {
        onError({ kind: 'invalid-short', message: `invalid option -- '${letter}'`, start: ls, end: ls + 1, written: `-${letter}` });
        return { rest, stopped: true };
      }
      const written = `-${letter}`;
      if (s.hasArg === 'no') {
        onOption({ name: s.name, written, hasArg: 'no', keyStart: ls, keyEnd: ls + 1, valueStart: ls, valueEnd: ls + 1, separate: false });
        k++;
        continue;
      }
      if (k + 1 < v.length) {
        onOption({ name: s.name, written, hasArg: s.hasArg, value: v.slice(k + 1), keyStart: ls, keyEnd: ls + 1, valueStart: ls + 1, valueEnd: w.end, separate: false });
        break;
      }
      if (s.hasArg === 'optional') {
        onOption({ name: s.name, written, hasArg: 'optional', keyStart: ls, keyEnd: ls + 1, valueStart: ls, valueEnd: ls + 1, separate: false });
        break;
      }
      const next = words[i + 1];
      if (!next) {
        onError({ kind: 'missing-argument', message: `option requires an argument -- '${letter}'`, start: ls, end: ls + 1, written });
        return { rest, stopped: true };
      }
      onOption({ name: s.name, written, hasArg: 'required', value: next.value, keyStart: ls, keyEnd: ls + 1, valueStart: next.start, valueEnd: next.end, separate: true });
      advance = 2;
      break;
    }
    i += advance;
  }
  return { rest, stopped: false };
}
