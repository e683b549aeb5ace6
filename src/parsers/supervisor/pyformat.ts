/**
 * Python's `str % dict` (printf-style formatting with a mapping), which supervisord applies to
 * every value it reads (`expand`, supervisor/options.py:2205). Mirrors CPython 3.11
 * `PyUnicode_Format`: `%(name)s` looks the name up, `%%` is a percent sign, a conversion
 * without a name takes the whole dict — once, and only before any other conversion — and
 * anything else is a KeyError, ValueError or TypeError that supervisord turns into
 * "Format string … cannot be expanded" / "is badly formatted".
 *
 * Values may be unknown (an environment variable we cannot see): the text is then unknown,
 * but the errors that do not depend on it are still found.
 */
import { pyRepr } from './pystr.js';

export type ExpansionValue = { type: 'str'; value: string | undefined } | { type: 'int'; value: number | undefined };

export interface Expansions {
  names: Map<string, ExpansionValue>;
  /**
   * supervisord's own environment is unknown: a missing `ENV_X` may exist on the host (its
   * value is then unknown, never an error).
   */
  envOpen: boolean;
  /**
   * `str(dict)` of the expansion names, for a conversion without a name (a lone `%s`);
   * values we cannot know are shown as `'…'`.
   */
  dictText?: () => string;
}

/** A run of output text and where it came from in the input. */
export interface Segment {
  outStart: number;
  outEnd: number;
  inStart: number;
  inEnd: number;
}

export type FormatResult =
  | {
      ok: true;
      /** Undefined when some value is unknown. */
      text: string | undefined;
      /** Output→input map (literal runs map one to one; substitutions map to their directive). */
      segments: Segment[];
      /** Input index and length of each conversion that took the whole dict (a lone `%s`). */
      wholeDict: Array<{ index: number; length: number }>;
    }
  | {
      ok: false;
      /** `key`: KeyError (a name that cannot be expanded); `format`: ValueError/TypeError. */
      kind: 'key' | 'format';
      /** The missing name (KeyError). */
      key?: string;
      /** Python's exception text (`str(ex)`). */
      detail: string;
      /** Input range of the offending directive. */
      index: number;
      length: number;
    };

const FLAGS = new Set(['-', '+', ' ', '#', '0']);

export function pyFormat(input: string, exp: Expansions): FormatResult {
  let out = '';
  let known = true;
  const segments: Segment[] = [];
  const wholeDict: Array<{ index: number; length: number }> = [];
  // CPython's argidx: -2 = the dict has not been taken; named conversions and the first unnamed one consume it.
  let argTaken = false;
  const n = input.length;
  let i = 0;
  while (i < n) {
    const pct = input.indexOf('%', i);
    if (pct === -1) {
      out = addLiteral(segments, out, input, i, n);
      break;
    }
    out = addLiteral(segments, out, input, i, pct);
    const start = pct;
    let j = pct + 1;
    if (input[j] === '%') {
      // `%%`, only with nothing in between.
      segments.push({ outStart: out.length, outEnd: out.length + 1, inStart: start, inEnd: j + 1 });
      out += '%';
      i = j + 1;
      continue;
    }
    let arg: ExpansionValue | 'dict' | 'unknown' | undefined;
    if (input[j] === '(') {
      let depth = 1;
      const keyStart = j + 1;
      j = keyStart;
      while (depth > 0 && j < n) {
        if (input[j] === '(') depth++;
        else if (input[j] === ')') depth--;
        j++;
      }
      if (depth > 0) {
        j = n - 1;
        return formatError(start, j, n, 'format', 'incomplete format key');
      }
      const key = input.slice(keyStart, j - 1);
      const v = exp.names.get(key);
      if (v) arg = v;
      else if (exp.envOpen && key.startsWith('ENV_')) arg = 'unknown';
      else {
        // Point at the whole directive (`%(name)s`), although Python stops at the name.
        let e = j;
        while (e < n && /[-+ #0-9.*hlL]/.test(input[e]!)) e++;
        j = Math.min(e, n - 1);
        return formatError(start, j, n, 'key', pyRepr(key), key);
      }
      argTaken = true;
    }
    while (j < n && FLAGS.has(input[j]!)) j++;
    if (input[j] === '*') {
      if (arg === undefined && argTaken) return formatError(start, j, n, 'format', 'not enough arguments for format string');
      return formatError(start, j, n, 'format', '* wants int');
    }
    let width = 0;
    while (j < n && input[j]! >= '0' && input[j]! <= '9') width = width * 10 + (input.charCodeAt(j++) - 48);
    let precision: number | undefined;
    if (input[j] === '.') {
      j++;
      if (input[j] === '*') {
        if (arg === undefined && argTaken) return formatError(start, j, n, 'format', 'not enough arguments for format string');
        return formatError(start, j, n, 'format', '* wants int');
      }
      precision = 0;
      while (j < n && input[j]! >= '0' && input[j]! <= '9') precision = precision * 10 + (input.charCodeAt(j++) - 48);
    }
    // One length modifier is accepted and ignored.
    if (j < n && (input[j] === 'h' || input[j] === 'l' || input[j] === 'L')) j++;
    if (j >= n) {
      j = n - 1;
      return formatError(start, j, n, 'format', 'incomplete format');
    }
    const conv = input[j]!;
    const flags = input.slice(pct + 1, j);
    if (arg === undefined) {
      // The argument is fetched before the conversion character is looked at.
      if (argTaken) return formatError(start, j, n, 'format', 'not enough arguments for format string');
      argTaken = true;
      arg = 'dict';
    }
    if (!'sradiouxXeEfFgGc'.includes(conv)) {
      return formatError(start, j, n, 'format', `unsupported format character ${pyRepr(conv)} (0x${conv.charCodeAt(0).toString(16)}) at index ${j}`);
    }
    let piece: string | undefined;
    if (arg === 'dict') {
      if (!'sra'.includes(conv)) {
        return formatError(start, j, n, 'format', conversionTypeError(conv, 'dict'));
      }
      wholeDict.push({ index: start, length: j + 1 - start });
      if (exp.dictText === undefined) piece = undefined;
      else {
        let t = exp.dictText();
        if (precision !== undefined) t = t.slice(0, precision);
        piece = pad(t, width, flags.includes('-'), false);
      }
    } else if (arg === 'unknown') {
      if (!'sra'.includes(conv)) return formatError(start, j, n, 'format', conversionTypeError(conv, 'str'));
      piece = undefined;
    } else if (arg.type === 'str') {
      if ('diouxXeEfFgG'.includes(conv)) return formatError(start, j, n, 'format', conversionTypeError(conv, 'str'));
      if (conv === 'c' && arg.value !== undefined && [...arg.value].length !== 1) return formatError(start, j, n, 'format', '%c requires int or char');
      if (arg.value === undefined) piece = undefined;
      else {
        let s = conv === 'r' || conv === 'a' ? pyRepr(arg.value) : arg.value;
        if (precision !== undefined && conv !== 'c') s = s.slice(0, precision);
        piece = pad(s, width, flags.includes('-'), false);
      }
    } else {
      piece = arg.value === undefined ? undefined : formatInt(arg.value, conv, flags, width, precision);
    }
    segments.push({ outStart: out.length, outEnd: out.length + (piece?.length ?? 0), inStart: start, inEnd: j + 1 });
    if (piece === undefined) known = false;
    else out += piece;
    i = j + 1;
  }
  return { ok: true, text: known ? out : undefined, segments, wholeDict };
}

/** Append a literal run of the input to the output (and its segment); returns the new output. */
function addLiteral(segments: Segment[], out: string, input: string, from: number, to: number): string {
  if (to <= from) return out;
  segments.push({ outStart: out.length, outEnd: out.length + (to - from), inStart: from, inEnd: to });
  return out + input.slice(from, to);
}

/** The failure of the directive at `start`, whose parsing stopped at `j` (of `n` input characters). */
function formatError(start: number, j: number, n: number, kind: 'key' | 'format', detail: string, key?: string): FormatResult {
  return {
    ok: false,
    kind,
    detail,
    index: start,
    length: Math.max(1, Math.min(j + 1, n) - start),
    ...(key !== undefined ? { key } : {}),
  };
}

function conversionTypeError(conv: string, type: string): string {
  if ('diu'.includes(conv)) return `%${conv} format: a real number is required, not ${type}`;
  if ('oxX'.includes(conv)) return `%${conv} format: an integer is required, not ${type}`;
  if (conv === 'c') return '%c requires int or char';
  return `must be real number, not ${type}`;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    const body = sign ? s.slice(1) : s;
    const prefix = /^0[xXo]/.test(body) ? body.slice(0, 2) : '';
    return sign + prefix + '0'.repeat(width - s.length) + body.slice(prefix.length);
  }
  return ' '.repeat(width - s.length) + s;
}

function formatInt(v: number, conv: string, flags: string, width: number, precision: number | undefined): string {
  const neg = v < 0;
  const a = Math.abs(v);
  let body: string;
  switch (conv) {
    case 'o':
      body = a.toString(8);
      if (flags.includes('#')) body = '0o' + body;
      break;
    case 'x':
      body = a.toString(16);
      if (flags.includes('#')) body = '0x' + body;
      break;
    case 'X':
      body = a.toString(16).toUpperCase();
      if (flags.includes('#')) body = '0X' + body;
      break;
    case 'e':
    case 'E':
      body = a.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      if (conv === 'E') body = body.toUpperCase();
      break;
    case 'f':
    case 'F':
      body = a.toFixed(precision ?? 6);
      break;
    case 'g':
    case 'G':
      body = String(a);
      break;
    case 'c':
      return String.fromCodePoint(a);
    case 'r':
    case 'a':
    case 's':
      body = String(a);
      return pad((neg ? '-' : '') + body, width, flags.includes('-'), false);
    default:
      body = String(a);
      if (precision !== undefined && body.length < precision) body = '0'.repeat(precision - body.length) + body;
  }
  const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  return pad(sign + body, width, flags.includes('-'), flags.includes('0'));
}

/** Map an output offset back to the input (an end offset maps to the end of a substitution). */
export function mapOffset(segments: Segment[], offset: number, end = false): number {
  let lo = 0;
  let hi = segments.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (end ? s.outStart < offset : s.outStart <= offset) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (idx < 0) return segments[0]?.inStart ?? offset;
  const s = segments[idx]!;
  if (offset > s.outEnd || (!end && offset === s.outEnd)) return s.inEnd;
  if (s.outEnd - s.outStart === s.inEnd - s.inStart) return s.inStart + (offset - s.outStart);
  return end ? s.inEnd : s.inStart;
}
