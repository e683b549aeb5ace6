/**
 * Python 3.11 string behaviour that supervisord's parsing depends on: `str.isspace`,
 * `str.strip`, `repr(str)` (supervisord quotes values with `%r` in its messages) and
 * `int(str)` (its `integer`, `byte_size`, exit-code and signal converters).
 */
import { lazy } from '../../core/lazy.js';

/** `str.isspace()` for one UTF-16 code unit (every Python whitespace character is in the BMP). */
export function pyIsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Index of the first non-whitespace character at or after `from` (or `end`). */
export function skipSpace(s: string, from: number, end = s.length): number {
  let i = from;
  while (i < end && pyIsSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last non-whitespace character before `end` (or `from`). */
export function trimEnd(s: string, from: number, end: number): number {
  let e = end;
  while (e > from && pyIsSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

export function pyStrip(s: string): string {
  const a = skipSpace(s, 0);
  return s.slice(a, trimEnd(s, a, s.length));
}

export function pyRstrip(s: string): string {
  return s.slice(0, trimEnd(s, 0, s.length));
}

/**
 * Printable per `str.isprintable()`: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (except
 * space). The Unicode patterns here are made on first use (see core/lazy.ts): most values are ASCII.
 */
const nonPrintable = lazy(() => /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u);

/** `repr(s)` of a Python str. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c > 0x7f && ch !== ' ' && nonPrintable().test(ch)) {
      if (c <= 0xff) out += '\\x' + c.toString(16).padStart(2, '0');
      else if (c <= 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
      else out += '\\U' + c.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

/** `int(s)` in base 10: surrounding whitespace, a sign, digits with single `_` between them. */
const pythonInt = lazy(() => /^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u);
const unicodeDigit = lazy(() => /\p{Nd}/u);

/** `int(s)`, or undefined where Python raises ValueError. Non-ASCII decimal digits count as Python counts them. */
export function pyInt(s: string): number | undefined {
  // Plain ASCII digits (what configurations hold): the same arithmetic as below, without the regex.
  let fast = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    fast = fast * 10 + d;
  }
  if (i === s.length && i > 0) return fast;
  const t = pyStrip(s);
  if (!pythonInt().test(t)) return undefined;
  let n = 0;
  let sign = 1;
  for (const ch of t) {
    if (ch === '-') sign = -1;
    else if (ch === '+' || ch === '_') continue;
    else n = n * 10 + digitValue(ch);
  }
  return sign * n;
}

function digitValue(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  // Every Unicode Nd block is a run of ten consecutive code points starting at a zero.
  for (let z = c; z > c - 10; z--) {
    const prev = String.fromCodePoint(z - 1);
    if (!unicodeDigit().test(prev)) return c - z;
  }
  return 0;
}

/** The ValueError text of a failed `int(s)` (CPython prints the repr cut to 200 characters: `%.200R`). */
export function pyIntError(s: string, base = 10): string {
  return `invalid literal for int() with base ${base}: ${[...pyRepr(s)].slice(0, 200).join('')}`;
}

/** `int(s, 8)`: like base 10 but octal digits, and an optional `0o` prefix. */
export function pyIntOctal(s: string): number | undefined {
  const t = pyStrip(s);
  const m = /^([+-]?)(?:0[oO]_?)?([0-7]+(?:_[0-7]+)*)$/.exec(t);
  if (!m) return undefined;
  const v = parseInt(m[2]!.replaceAll('_', ''), 8);
  return m[1] === '-' ? -v : v;
}

/** `str(x).lower()` (close enough to Python for configuration values). */
export function pyLower(s: string): string {
  return s.toLowerCase();
}
