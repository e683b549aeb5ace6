/**
 * Python 3 tokenizer: hand-written scanners for the token classes, then a post-pass that does
 * what CPython's tokenizer (Parser/tokenizer.c, Python 3.11) does on top of them:
 *
 * - NEWLINE ends a logical line; newlines inside `()`, `[]`, `{}` are ignored (implicit
 *   line joining), `\` + newline joins lines, blank and comment-only lines produce nothing;
 * - INDENT / DEDENT from the indentation of each logical line's first physical line. As in
 *   CPython, a column is computed twice, with tabs to multiples of 8 and with tabs counting
 *   1; when the two disagree about the indentation structure the line is a TabError
 *   ("inconsistent use of tabs and spaces in indentation"); a form feed resets the column;
 *   more than 100 levels is "too many levels of indentation";
 * - bracket matching with CPython's messages (`unmatched ')'`, `closing parenthesis ']' does
 *   not match opening parenthesis '('`, `'(' was never closed`) and its nesting limit of
 *   200 ("too many nested parentheses"), which also bounds the parser's recursion;
 * - literal checks: unterminated strings, `0777` (leading zeros), `10L`, invalid characters.
 *
 * Error recovery: a logical line holding a tokenizer error is replaced by one ERRORTOKEN (the
 * parser skips it without a second message). A bracket that is never closed is reported, and
 * tokenizing restarts at the next line that begins in column 1, so one bad line does not
 * swallow the rest of the file (CPython stops at the first error; we report and go on).
 *
 * The scanners mirror a C state machine character by character, so they are plain code, not
 * a chevrotain lexer: building one (its first-character analysis over every start character
 * of Python names) and its token types cost ~10 ms of every cold start that reads a
 * settings file, more than lexing a 5,000-line module.
 */
import type { ParseProblem } from '../../../core/diagnostic.js';
import type { SourceFile } from '../../../core/source.js';
import { lazy } from '../../../core/lazy.js';
import * as Tk from './tokens.js';
import type { IToken, TokenType } from './tokens.js';

export const SYNTAX_ERROR = 'django/python-syntax-error';

/** CPython's MAXLEVEL (Parser/tokenizer.h): at most 200 brackets open at once. */
export const MAX_BRACKET_DEPTH = 200;
/** CPython's MAXINDENT. */
export const MAX_INDENT = 100;
const MAX_RESTARTS = 20;

const PY2_HINT = 'This is Python 2 syntax; Django 3.2 runs only on Python 3, which cannot import this file.';

// ---------------------------------------------------------------------------------------
// Strings: a hand-written matcher (prefixes, triple quotes, escapes), shared with the lexer.

const QUOTE_SQ = 39;
const QUOTE_DQ = 34;
const BACKSLASH = 92;

const PREFIXES = new Set(['', 'r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);

/** Length of a valid string prefix at `offset` followed by a quote, or -1 (`ur''` is Python 2 only). */
function prefixLength(text: string, offset: number): number {
  for (let n = 0; n < 3; n++) {
    const c = text.charCodeAt(offset + n);
    if (c === QUOTE_SQ || c === QUOTE_DQ) return PREFIXES.has(text.slice(offset, offset + n).toLowerCase()) ? n : -1;
    const l = c | 0x20;
    if (l !== 0x72 && l !== 0x62 && l !== 0x75 && l !== 0x66) return -1;
  }
  return -1;
}

/** Where a string literal starting at `offset` (prefix included) ends, and whether it was closed. */
export function scanString(text: string, offset: number): { end: number; terminated: boolean } | undefined {
  const p = prefixLength(text, offset);
  if (p < 0) return undefined;
  let i = offset + p;
  const q = text.charCodeAt(i);
  const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  const len = text.length;
  if (triple) {
    i += 3;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) i += 2;
      else if (c === q && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) return { end: i + 3, terminated: true };
      else i++;
    }
    return { end: len, terminated: false };
  }
  i++;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      // A backslash escapes the next character, a CR LF pair included (line continuation).
      if (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) i += 3;
      else i += 2;
    } else if (c === q) return { end: i + 1, terminated: true };
    else if (c === 10 || c === 13) return { end: i, terminated: false };
    else i++;
  }
  return { end: len, terminated: false };
}

// ---------------------------------------------------------------------------------------
// Token classes: scanners tried in a fixed order at each offset, the first match wins.

const unterminated = new Set<number>();

/** End offset of the class's token at `offset`, or a value ≤ `offset` when it does not start there. */
type Scan = (text: string, offset: number) => number;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 0x80;
const isNameChar = (c: number) => isNameStart(c) || isDigit(c);

const scanNewline: Scan = (text, o) => {
  const c = text.charCodeAt(o);
  if (c === 10) return o + 1;
  if (c === 13) return text.charCodeAt(o + 1) === 10 ? o + 2 : o + 1;
  return -1;
};

/** Spaces, tabs, form feeds, comments and backslash-newline continuations, skipped together. */
const scanSkip: Scan = (text, o) => {
  let i = o;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12 || (c === 0xfeff && i === 0)) i++;
    else if (c === 35) {
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) break;
        i++;
      }
    } else if (c === BACKSLASH) {
      const d = text.charCodeAt(i + 1);
      if (d === 10) i += 2;
      else if (d === 13) i += text.charCodeAt(i + 2) === 10 ? 3 : 2;
      else break;
    } else break;
  }
  return i;
};

const scanStringTok: Scan = (text, o) => {
  const r = scanString(text, o);
  if (!r) return -1;
  if (!r.terminated) unterminated.add(o);
  return r.end;
};

const NUMBER_RE =
  /0[xX](?:_?[0-9a-fA-F])+[lL]?|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?[jJlL]?/y;
const scanNumber: Scan = (text, o) => {
  if (text.charCodeAt(o) === 46 && !isDigit(text.charCodeAt(o + 1))) return -1;
  NUMBER_RE.lastIndex = o;
  return NUMBER_RE.exec(text) ? NUMBER_RE.lastIndex : -1;
};

/** Offsets of names holding non-ASCII characters (checked against Python's identifier rules after lexing). */
const nonAsciiNames = new Set<number>();
const scanName: Scan = (text, o) => {
  let c = text.charCodeAt(o);
  if (!isNameStart(c)) return -1;
  let wide = c >= 0x80;
  let i = o + 1;
  const len = text.length;
  while (i < len) {
    c = text.charCodeAt(i);
    if (!isNameChar(c)) break;
    if (c >= 0x80) wide = true;
    i++;
  }
  if (wide) nonAsciiNames.add(o);
  return i;
};

/** Length of the operator at `o` (longest match), or 0. */
function opLength(text: string, o: number): number {
  const c = text.charCodeAt(o);
  const d = text.charCodeAt(o + 1);
  const e = text.charCodeAt(o + 2);
  switch (c) {
    case 40: case 41: case 91: case 93: case 123: case 125: case 44: case 59: case 126: // ( ) [ ] { } , ; ~
      return 1;
    case 46: // . ...
      return d === 46 && e === 46 ? 3 : 1;
    case 58: // : :=
      return d === 61 ? 2 : 1;
    case 61: // = ==
      return d === 61 ? 2 : 1;
    case 33: // !=
      return d === 61 ? 2 : 0;
    case 45: // - -= ->
      return d === 61 || d === 62 ? 2 : 1;
    case 42: // * *= ** **=
    case 47: // / /= // //=
      if (d === c) return e === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 60: // < <= << <<= <>
    case 62: // > >= >> >>=
      if (d === c) return e === 61 ? 3 : 2;
      if (d === 61 || (c === 60 && d === 62)) return 2;
      return 1;
    case 43: case 37: case 64: case 38: case 124: case 94: // + % @ & | ^ (and their =)
      return d === 61 ? 2 : 1;
  }
  return 0;
}
const scanOp: Scan = (text, o) => {
  const n = opLength(text, o);
  return n ? o + n : -1;
};

const LxNewline: TokenType = { name: 'LxNewline' };
const LxString: TokenType = { name: 'LxString' };
const LxNumber: TokenType = { name: 'LxNumber' };
const LxName: TokenType = { name: 'LxName' };
const LxOp: TokenType = { name: 'LxOp' };
/** A character no class accepts (an ERRORTOKEN later), one per code point. */
const LxBad: TokenType = { name: 'LxBad' };

/** The classes in order of preference; `type` undefined: skipped (blanks, comments, continuations). */
const CLASSES: ReadonlyArray<{ type: TokenType | undefined; scan: Scan }> = [
  { type: LxNewline, scan: scanNewline },
  { type: undefined, scan: scanSkip },
  { type: LxString, scan: scanStringTok },
  { type: LxNumber, scan: scanNumber },
  { type: LxName, scan: scanName },
  { type: LxOp, scan: scanOp },
];

/** Class tokens of `text`, skipped text left out. */
function lexClasses(text: string): IToken[] {
  const tokens: IToken[] = [];
  const len = text.length;
  let o = 0;
  next: while (o < len) {
    for (const { type, scan } of CLASSES) {
      const e = scan(text, o);
      if (e > o) {
        if (type) tokens.push(mk(type, text.slice(o, e), o, e));
        o = e;
        continue next;
      }
    }
    const w = text.codePointAt(o)! > 0xffff ? 2 : 1;
    tokens.push(mk(LxBad, text.slice(o, o + w), o, o + w));
    o += w;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------
// Post-pass.

export interface TokenizeResult {
  tokens: IToken[];
  problems: ParseProblem[];
}

function mk(type: TokenType, image: string, start: number, end: number): IToken {
  return {
    image,
    startOffset: start,
    endOffset: end - 1,
    tokenType: type,
  };
}

const OPEN_FOR: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
/** Operator token types: one-character operators by code, longer ones by text. */
const OP1: Array<TokenType | undefined> = [];
const OPN = new Map<string, TokenType>();
for (const [image, type] of Object.entries(Tk.OP)) {
  if (image.length === 1) OP1[image.charCodeAt(0)] = type;
  else OPN.set(image, type);
}
const KEYWORD_TYPES = new Map<string, TokenType>(Object.entries(Tk.KW));
/** Python's identifier classes (after NFKC), for the rare names that need them. */
const identifierPatterns = lazy(() => ({
  whole: /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u00B7\u0387\u1369-\u1371\u19DA]*$/u,
  start: /[\p{L}\p{Nl}_]/u,
  continuation: /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u00B7\u0387\u1369-\u1371\u19DA]/u,
}));

export function tokenize(source: SourceFile): TokenizeResult {
  const text = source.text;
  const problems: ParseProblem[] = [];
  unterminated.clear();
  nonAsciiNames.clear();
  const lexed = lexClasses(text);
  const unterminatedHere = new Set(unterminated);
  unterminated.clear();
  const wideNames = new Set(nonAsciiNames);
  nonAsciiNames.clear();

  // The post-pass retypes tokens in place; a restart needs their lexer classes.
  const lexTypes: TokenType[] = new Array<TokenType>(lexed.length);
  for (let i = 0; i < lexed.length; i++) lexTypes[i] = lexed[i]!.tokenType;
  const out: IToken[] = [];
  const lineOf = (o: number) => source.positionAt(o).line;
  const problem = (start: number, end: number, message: string, hint?: string) => {
    const p: ParseProblem = { ruleId: SYNTAX_ERROR, at: { source, start, end }, message };
    if (hint) p.hint = hint;
    problems.push(p);
  };

  const indents = [0];
  const altIndents = [0];
  let brackets: IToken[] = [];
  let atLineStart = true;
  let lineStart = source.decode.bom ? 1 : 0;
  let lineFirst = 0; // index in `out` of the current logical line's first token
  let lineBad = false;
  let restarts = 0;

  const markBad = (start: number, end: number, message: string, hint?: string) => {
    if (!lineBad) problem(start, end, message, hint);
    lineBad = true;
  };

  const endLogicalLine = (at: number, atEnd: number) => {
    if (lineBad) {
      const first = out[lineFirst];
      const start = first ? first.startOffset : at;
      out.length = lineFirst;
      out.push(mk(Tk.ErrorToken, '', start, Math.max(start, at)));
      lineBad = false;
    }
    out.push(mk(Tk.Newline, '', at, atEnd));
    atLineStart = true;
  };

  /** Indentation of the line starting at `ls`; emits INDENT/DEDENT. */
  const indentLine = (ls: number, tokStart: number) => {
    let col = 0;
    let alt = 0;
    let i = ls;
    for (; i < tokStart; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        col++;
        alt++;
      } else if (c === 9) {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else if (c === 12) {
        col = 0;
        alt = 0;
      } else if (c === 0xfeff && i === 0) {
        continue;
      } else break;
    }
    const top = indents.length - 1;
    if (col === indents[top]) {
      if (alt !== altIndents[top]) markBad(ls, tokStart, 'inconsistent use of tabs and spaces in indentation', TAB_HINT);
    } else if (col > indents[top]!) {
      if (indents.length > MAX_INDENT) {
        markBad(ls, tokStart, 'too many levels of indentation');
        return;
      }
      if (alt <= altIndents[top]!) markBad(ls, tokStart, 'inconsistent use of tabs and spaces in indentation', TAB_HINT);
      indents.push(col);
      altIndents.push(alt);
      out.push(mk(Tk.Indent, text.slice(ls, tokStart), ls, tokStart));
    } else {
      while (indents.length > 1 && col < indents[indents.length - 1]!) {
        indents.pop();
        altIndents.pop();
        out.push(mk(Tk.Dedent, '', tokStart, tokStart));
      }
      if (col !== indents[indents.length - 1]) {
        markBad(ls, tokStart, 'unindent does not match any outer indentation level');
      } else if (alt !== altIndents[altIndents.length - 1]) {
        markBad(ls, tokStart, 'inconsistent use of tabs and spaces in indentation', TAB_HINT);
      }
    }
  };

  let k = 0;
  while (k <= lexed.length) {
    const t = lexed[k];
    if (!t) {
      // End of input.
      if (brackets.length > 0 && restarts < MAX_RESTARTS) {
        const opener = brackets[0]!;
        markBad(opener.startOffset, opener.startOffset + 1, `'${opener.image}' was never closed`);
        // Restart at the next line that starts in column 1 with code.
        const restartAt = nextColumnOneLine(text, opener.startOffset);
        endLogicalLine(restartAt < 0 ? text.length : restartAt, restartAt < 0 ? text.length : restartAt);
        brackets = [];
        restarts++;
        if (restartAt >= 0) {
          lineStart = restartAt;
          lineFirst = out.length;
          k = firstTokenAtOrAfter(lexed, restartAt);
          continue;
        }
        break;
      }
      if (brackets.length > 0) {
        const opener = brackets[0]!;
        markBad(opener.startOffset, opener.startOffset + 1, `'${opener.image}' was never closed`);
        brackets = [];
      }
      if (!atLineStart) endLogicalLine(text.length, text.length);
      break;
    }
    const type = lexTypes[k]!;
    k++;
    const start = t.startOffset;
    const end = start + t.image.length;
    if (type === LxNewline) {
      if (brackets.length === 0 && !atLineStart) endLogicalLine(start, end);
      lineStart = end;
      continue;
    }
    if (atLineStart) {
      // INDENT/DEDENT tokens belong before the line; the line proper starts after them.
      lineFirst = out.length;
      indentLine(lineStart, start);
      lineFirst = out.length;
      atLineStart = false;
    }
    const image = t.image;
    if (type === LxOp) {
      const tt = (image.length === 1 ? OP1[image.charCodeAt(0)] : OPN.get(image))!;
      t.tokenType = tt;
      out.push(t);
      const c = image.charCodeAt(0);
      if (image.length === 1 && (c === 40 || c === 91 || c === 123)) {
        brackets.push(t);
        if (brackets.length > MAX_BRACKET_DEPTH) markBad(start, end, 'too many nested parentheses');
      } else if (image.length === 1 && (c === 41 || c === 93 || c === 125)) {
        const opener = brackets.pop();
        if (!opener) markBad(start, end, `unmatched '${image}'`);
        else if (opener.image !== OPEN_FOR[image]) {
          const sameLine = lineOf(opener.startOffset) === lineOf(start);
          markBad(
            start,
            end,
            `closing parenthesis '${image}' does not match opening parenthesis '${opener.image}'` +
              (sameLine ? '' : ` on line ${lineOf(opener.startOffset)}`),
          );
        }
      } else if (image === '<>') {
        markBad(start, end, 'invalid syntax', `\`<>\` is Python 2's "not equal"; write \`!=\`. ${PY2_HINT}`);
      }
      continue;
    }
    if (type === LxName) {
      const kw = image.length >= 2 && image.length <= 8 ? KEYWORD_TYPES.get(image) : undefined;
      const tt = kw ?? Tk.Name;
      t.tokenType = tt;
      out.push(t);
      if (wideNames.size && wideNames.has(start) && !identifierPatterns().whole.test(image.normalize('NFKC'))) {
        const bad = firstInvalidIdentifierChar(image);
        markBad(start + bad.index, start + bad.index + bad.char.length, invalidCharMessage(bad.char));
      }
      // `ur''` and friends: a prefix Python 3 does not accept, glued to a string.
      const next = lexed[k];
      if (next && lexTypes[k] === LxString && next.startOffset === end && /^[a-zA-Z]{1,2}$/.test(image) && !kw) {
        const py2 = /^(ur|UR|uR|Ur|ub|bu|UB|BU|uf|fu)$/i.test(image);
        markBad(
          start,
          next.startOffset + next.image.length,
          'invalid syntax',
          py2 && /^u/i.test(image) ? `The string prefix '${image}' is Python 2 only; drop the 'u'. ${PY2_HINT}` : `'${image}' is not a valid string prefix.`,
        );
      }
      continue;
    }
    if (type === LxString) {
      t.tokenType = Tk.String;
      out.push(t);
      if (unterminatedHere.has(start)) {
        const triple = isTriple(image);
        markBad(
          start,
          end,
          `unterminated ${triple ? 'triple-quoted ' : ''}string literal (detected at line ${lineOf(Math.max(start, end - 1))})`,
        );
      }
      continue;
    }
    if (type === LxNumber) {
      t.tokenType = Tk.Number;
      out.push(t);
      checkNumber(t, lexed[k], lexTypes[k], markBad);
      continue;
    }
    // LxBad
    t.tokenType = Tk.ErrorToken;
    out.push(t);
    const c = image.charCodeAt(0);
    if (c === BACKSLASH) {
      if (end >= text.length) markBad(start, end, 'unexpected EOF while parsing');
      else markBad(start, end, 'unexpected character after line continuation character');
    } else if (c === 96 /* ` */) {
      markBad(start, end, 'invalid syntax', `Backquotes are Python 2's repr(); write repr(...). ${PY2_HINT}`);
    } else if (c === 36 || c === 63 || c === 33) {
      markBad(start, end, 'invalid syntax');
    } else {
      markBad(start, end, invalidCharMessage(image));
    }
  }
  // Close open blocks.
  while (indents.length > 1) {
    indents.pop();
    altIndents.pop();
    out.push(mk(Tk.Dedent, '', text.length, text.length));
  }
  return { tokens: out, problems };
}

const TAB_HINT =
  'Python counts a tab as up to 8 columns but refuses indentation whose meaning depends on that; indent with spaces only.';

function isTriple(image: string): boolean {
  const p = image.search(/['"]/);
  return p >= 0 && image.length >= p + 3 && image[p] === image[p + 1] && image[p] === image[p + 2];
}

function invalidCharMessage(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  // CPython: non-printable characters are named by code point only.
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa1) || cp === 0xad || (cp >= 0x2000 && cp <= 0x200f) || cp === 0xfeff)
    return `invalid non-printable character U+${hex}`;
  return `invalid character '${ch}' (U+${hex})`;
}

function firstInvalidIdentifierChar(image: string): { index: number; char: string } {
  const { start, continuation } = identifierPatterns();
  let i = 0;
  for (const ch of image) {
    const ok = i === 0 ? start.test(ch.normalize('NFKC')) : continuation.test(ch.normalize('NFKC')) || /[0-9_]/.test(ch);
    if (!ok && (ch.charCodeAt(0) >= 0x80 || i === 0)) return { index: i, char: ch };
    i += ch.length;
  }
  return { index: 0, char: image[0]! };
}

function checkNumber(t: IToken, next: IToken | undefined, nextType: TokenType | undefined, markBad: (s: number, e: number, m: string, h?: string) => void): void {
  const image = t.image;
  const start = t.startOffset;
  const end = start + image.length;
  const last = image.charCodeAt(image.length - 1) | 0x20;
  if (last === 0x6c /* l */ && image.length > 1) {
    markBad(start, end, 'invalid decimal literal', `\`${image}\` is a Python 2 long integer; drop the 'L'. ${PY2_HINT}`);
    return;
  }
  if (image.charCodeAt(0) === 48 && image.length > 1 && /^0\d/.test(image) && !/[.eEjJ]/.test(image) && /[1-9]/.test(image)) {
    markBad(
      start,
      end,
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      `\`${image}\` is a Python 2 octal literal; write 0o${image.replace(/^0+/, '')}. ${PY2_HINT}`,
    );
    return;
  }
  // A name glued to the number (`1abc`); a non-identifier character is reported by the name check instead.
  if (next && next.startOffset === end && nextType === LxName && !(Tk.KW as Record<string, unknown>)[next.image] && identifierPatterns().start.test(next.image[0]!)) {
    const kind = /^0[xX]/.test(image) ? 'hexadecimal' : /^0[oO]/.test(image) ? 'octal' : /^0[bB]/.test(image) ? 'binary' : 'decimal';
    markBad(start, next.startOffset + next.image.length, `invalid ${kind} literal`);
  }
}

/** Offset of the first line after the one holding `from` that starts with code in column 1, or -1. */
function nextColumnOneLine(text: string, from: number): number {
  let i = text.indexOf('\n', from);
  while (i !== -1) {
    const s = i + 1;
    const c = text.charCodeAt(s);
    if (s < text.length && c !== 32 && c !== 9 && c !== 12 && c !== 10 && c !== 13 && c !== 35 && c !== 41 && c !== 93 && c !== 125) return s;
    i = text.indexOf('\n', s);
  }
  return -1;
}

function firstTokenAtOrAfter(tokens: IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Tokens of an expression embedded in a string (an f-string replacement field), with offsets
 * shifted by `base`. Newlines are ignored as inside brackets. Returns undefined when the
 * text does not tokenize cleanly (the caller treats the field as unknown).
 */
export function tokenizeFragment(text: string, base: number): IToken[] | undefined {
  unterminated.clear();
  const lexed = lexClasses(text);
  const bad = unterminated.size > 0 || lexed.some((t) => t.tokenType === LxBad);
  unterminated.clear();
  nonAsciiNames.clear();
  if (bad) return undefined;
  const out: IToken[] = [];
  let depth = 0;
  for (const t of lexed) {
    const type = t.tokenType;
    if (type === LxNewline) continue;
    let tt: TokenType;
    if (type === LxOp) {
      tt = Tk.OP[t.image]!;
      const c = t.image;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      if (depth < 0 || depth > MAX_BRACKET_DEPTH || c === '<>') return undefined;
    } else if (type === LxName) tt = (Tk.KW as Record<string, TokenType | undefined>)[t.image] ?? Tk.Name;
    else if (type === LxString) tt = Tk.String;
    else if (type === LxNumber) tt = Tk.Number;
    else return undefined;
    t.tokenType = tt;
    t.startOffset += base;
    t.endOffset += base;
    out.push(t);
  }
  return depth === 0 ? out : undefined;
}
