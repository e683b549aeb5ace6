/**
 * String literals: prefixes, escape sequences, and the parts of f-strings (Python 3.11
 * rules: the literal is one token; replacement fields are found by scanning for `{` with
 * `{{`/`}}` as escapes, an expression ending at a top-level `!`, `:`, `=` or `}`, and a
 * format spec that may itself hold fields).
 */

export interface LiteralInfo {
  /** Lower-cased prefix letters (`rb`, `f`, …). */
  prefix: string;
  raw: boolean;
  bytes: boolean;
  f: boolean;
  /** The text between the quotes. */
  body: string;
  /** Offset of `body` within the literal. */
  bodyOffset: number;
}

export function splitLiteral(lit: string): LiteralInfo {
  const q = lit.search(/['"]/);
  const prefix = lit.slice(0, Math.max(0, q)).toLowerCase();
  const quote = lit[q]!;
  const triple = lit.startsWith(quote.repeat(3), q) && lit.length >= q + 6;
  const ql = triple ? 3 : 1;
  const body = lit.slice(q + ql, Math.max(q + ql, lit.length - ql));
  return { prefix, raw: prefix.includes('r'), bytes: prefix.includes('b'), f: prefix.includes('f'), body, bodyOffset: q + ql };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Decode backslash escapes of a non-raw str literal body; undefined for `\N{…}` (named characters are not modelled). */
export function decodeEscapes(body: string): string | undefined {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const d = body[i + 1];
    if (d === undefined) {
      out += '\\';
      break;
    }
    if (d === '\n') {
      i++;
      continue;
    }
    if (d === '\r') {
      i += body[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    const simple = SIMPLE_ESCAPES[d];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    if (d >= '0' && d <= '7') {
      let j = i + 1;
      let v = 0;
      while (j < body.length && j < i + 4 && body[j]! >= '0' && body[j]! <= '7') v = v * 8 + Number(body[j++]);
      out += String.fromCodePoint(v);
      i = j - 1;
      continue;
    }
    const hexLen = d === 'x' ? 2 : d === 'u' ? 4 : d === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (hex.length !== hexLen || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i += 1 + hexLen;
      continue;
    }
    if (d === 'N') return undefined;
    // Unknown escapes keep their backslash.
    out += '\\';
  }
  return out;
}

/** The value of a plain (not f, not bytes) literal, or undefined. */
export function literalValue(lit: string): string | undefined {
  const info = splitLiteral(lit);
  if (info.bytes || info.f) return undefined;
  return info.raw ? info.body : decodeEscapes(info.body);
}

export type FPart =
  | { lit: string }
  | {
      /** Offsets of the expression text within the literal. */
      exprStart: number;
      exprEnd: number;
      conversion: string | null;
      /** The format spec's parts (null when there is none). */
      spec: FPart[] | null;
      /** `{x=}`: the expression text is printed before the value. */
      debug: boolean;
    };

/**
 * Split an f-string literal into literal text and replacement fields. Returns undefined
 * when the f-string is malformed (CPython would reject it at compile time).
 */
export function parseFString(lit: string): FPart[] | undefined {
  const info = splitLiteral(lit);
  const r = scanFString(info.body, 0, info.raw, false);
  if (!r || r.end !== info.body.length) return undefined;
  const shift = (parts: FPart[]): FPart[] =>
    parts.map((p) => ('lit' in p ? p : { ...p, exprStart: p.exprStart + info.bodyOffset, exprEnd: p.exprEnd + info.bodyOffset, spec: p.spec ? shift(p.spec) : null }));
  return shift(r.parts);
}

function scanFString(body: string, from: number, raw: boolean, inSpec: boolean): { parts: FPart[]; end: number } | undefined {
  const parts: FPart[] = [];
  let chunk = '';
  const flush = (): boolean => {
    if (!chunk) return true;
    const v = raw ? chunk : decodeEscapes(chunk);
    if (v === undefined) return false;
    parts.push({ lit: v });
    chunk = '';
    return true;
  };
  let i = from;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '{') {
      if (!inSpec && body[i + 1] === '{') {
        chunk += '{';
        i += 2;
        continue;
      }
      if (!flush()) return undefined;
      const f = scanField(body, i + 1, raw);
      if (!f) return undefined;
      parts.push(f.part);
      i = f.end;
      continue;
    }
    if (c === '}') {
      if (inSpec) break;
      if (body[i + 1] === '}') {
        chunk += '}';
        i += 2;
        continue;
      }
      return undefined; // f-string: single '}' is not allowed
    }
    if (c === '\\' && !raw && i + 1 < body.length) {
      chunk += c + body[i + 1];
      i += 2;
      continue;
    }
    chunk += c;
    i++;
  }
  if (!flush()) return undefined;
  return { parts, end: i };
}

function scanField(body: string, from: number, raw: boolean): { part: FPart; end: number } | undefined {
  let depth = 0;
  let quote = '';
  let i = from;
  let exprEnd = -1;
  let debug = false;
  for (; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (body.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (c === '\\') return undefined; // f-string expression part cannot include a backslash
    if (c === "'" || c === '"') {
      quote = body.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}') {
      if (depth === 0) {
        exprEnd = i;
        break;
      }
      depth--;
    } else if (depth === 0) {
      if (c === '!' && body[i + 1] !== '=') {
        exprEnd = i;
        break;
      }
      if (c === ':') {
        exprEnd = i;
        break;
      }
      if (c === '=' && body[i + 1] !== '=' && !'=!<>'.includes(body[i - 1] ?? '')) {
        debug = true;
        exprEnd = i;
        i++;
        break;
      }
    }
  }
  if (exprEnd < 0 || body.slice(from, exprEnd).trim() === '') return undefined;
  // After a `=`, whitespace may precede the conversion/spec/closing brace.
  if (debug) while (i < body.length && /\s/.test(body[i]!)) i++;
  let conversion: string | null = null;
  if (body[i] === '!') {
    conversion = body[i + 1] ?? '';
    if (!'rsa'.includes(conversion) || conversion === '') return undefined;
    i += 2;
  }
  let spec: FPart[] | null = null;
  if (body[i] === ':') {
    const s = scanFString(body, i + 1, raw, true);
    if (!s) return undefined;
    spec = s.parts;
    i = s.end;
  }
  if (body[i] !== '}') return undefined;
  return { part: { exprStart: from, exprEnd, conversion, spec, debug }, end: i + 1 };
}
