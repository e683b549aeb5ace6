/**
 * The nginx configuration lexer: a hand-written character state machine that reproduces
 * `ngx_conf_read_token` (src/core/ngx_conf_file.c:503 in nginx 1.22.1, FACTS §6).
 *
 * What nginx does, and so what this does:
 * - Space, tab, CR and LF separate words; `;` and `{` end a bare word (and the statement);
 *   `}` is special only at the start of a token (`foo}` is one word).
 * - `#` starts a comment only at the start of a token (`abc#def` is a word).
 * - Quotes are recognised only at the start of a token; inside them `;`, `{`, `}`, `#` and
 *   newlines are literal. After the closing quote the next character must be whitespace,
 *   `;`, `{` or `)`, otherwise `unexpected "X"`. A quote in the middle of a word is literal.
 * - A backslash makes the next character ordinary for tokenising; the value copy unescapes
 *   only `\"` `\'` `\\` and turns `\t` `\r` `\n` into control characters (`unescapeNginx`).
 * - `{` right after `$` (the `variable` state) stays in the word: `x${v}y` is one word.
 * - nginx reads the file through a 4096-byte buffer (`NGX_CONF_BUFFER`) and fails when the
 *   token being read fills the whole buffer: `too long parameter, probably missing
 *   terminating """ character` inside a quote, `too long parameter "…" started` otherwise.
 *   The limit is in bytes, so it is counted in UTF-8 bytes (see `checkSpan`).
 *
 * The lexer allocates nothing per token: `next()` returns a token kind and leaves the
 * token's offsets in public fields; the parser builds the words it keeps. Errors that
 * nginx detects while reading tokens are pushed onto `problems` (rule `nginx/syntax-error`);
 * the parser reports the ones that depend on the statement (`unexpected ";"` …).
 *
 * Error recovery (nginx stops at its first error; we report every one and go on):
 * - after `unexpected "X"` behind a closing quote, X starts the next token;
 * - a token over the limit is reported once and then read to its end as usual;
 * - a quote still open at the end of the file is reported, and the text is read again from
 *   just after that quote as if the quote were an ordinary character (so a single stray
 *   quote does not swallow the rest of the file). This happens at most MAX_RESTARTS times.
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';

export const TOK_WORD = 1;
export const TOK_SEMI = 2;
export const TOK_LBRACE = 3;
export const TOK_RBRACE = 4;
export const TOK_COMMENT = 5;
export const TOK_EOF = 6;
export type TokenKind = 1 | 2 | 3 | 4 | 5 | 6;

/** nginx's conf buffer size (ngx_conf_file.c:11). */
export const NGX_CONF_BUFFER = 4096;
/** A span shorter than this many UTF-16 units cannot reach 4096 UTF-8 bytes. */
const MIN_UNITS_FOR_LIMIT = Math.ceil(NGX_CONF_BUFFER / 3);
const MAX_RESTARTS = 100;
export const MAX_SYNTAX_ERRORS = 100;

export const SYNTAX_ERROR = 'nginx/syntax-error';

// Character classes for bare words (ASCII only; everything else is an ordinary character).
const C_ORD = 0;
const C_END = 1; // space, tab, CR, LF, `;`
const C_LBRACE = 2;
const C_BACKSLASH = 3;
const C_DOLLAR = 4;
const WORD_CLASS = new Uint8Array(128);
WORD_CLASS[32] = C_END;
WORD_CLASS[9] = C_END;
WORD_CLASS[10] = C_END;
WORD_CLASS[13] = C_END;
WORD_CLASS[59] = C_END;
WORD_CLASS[123] = C_LBRACE;
WORD_CLASS[92] = C_BACKSLASH;
WORD_CLASS[36] = C_DOLLAR;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** UTF-8 length of text[from, to). */
export function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Index of the first unit at or after `from` where the UTF-8 length from `from` reaches `bytes`. */
function unitAtByte(text: string, from: number, bytes: number): number {
  let b = 0;
  let i = from;
  while (i < text.length && b < bytes) {
    const c = text.charCodeAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    i++;
  }
  return i;
}

/**
 * nginx's value copy (ngx_conf_read_token, the loop after `found`): `\"` `\'` `\\` lose the
 * backslash, `\t` `\r` `\n` become TAB, CR, LF, and any other `\X` is kept as it is.
 */
export function unescapeNginx(s: string): string {
  let i = s.indexOf('\\');
  if (i < 0) return s;
  let out = s.slice(0, i);
  let from = i;
  while (i >= 0 && i < s.length) {
    const n = s.charCodeAt(i + 1);
    let rep: string | undefined;
    if (n === 34 || n === 39 || n === 92) rep = s[i + 1];
    else if (n === 116) rep = '\t';
    else if (n === 114) rep = '\r';
    else if (n === 110) rep = '\n';
    if (rep !== undefined) {
      out += s.slice(from, i) + rep;
      from = i + 2;
      i = s.indexOf('\\', from);
    } else {
      // Kept as is; the next character is looked at on its own (`\\` handled above).
      i = s.indexOf('\\', i + 1);
    }
  }
  return out + s.slice(from);
}

export class NginxLexer {
  /** Offset of the next character to read. */
  pos = 0;
  /** Current token: its span (quotes included). */
  start = 0;
  end = 0;
  /** Quote character code of a quoted word (34 `"`, 39 `'`), or 0 for a bare word. */
  quote = 0;
  /** The quoted word has its closing quote (false only for an unterminated quote at EOF). */
  closed = true;
  /** The word contains a backslash, so its value differs from its text. */
  esc = false;
  /** The word contains an unescaped `$`. */
  dollar = false;
  /** Offset of the first `\$` (with an unescaped backslash) in the word, or -1. */
  escDollar = -1;
  /** Offset of the character the last lexer error pointed at, so the parser does not report it twice. */
  lastErrorAt = -1;
  /** A problem about the end of the file was reported (report such a problem once). */
  eofReported = false;

  private readonly text: string;
  private restarts = 0;

  /** Syntax errors reported so far (at most MAX_SYNTAX_ERRORS are kept). */
  errorCount = 0;

  constructor(
    readonly source: SourceFile,
    readonly problems: ParseProblem[],
  ) {
    this.text = source.text;
  }

  /**
   * Keep a syntax error. A broken file (a megabyte of stray `;`) must not flood the output:
   * after MAX_SYNTAX_ERRORS, the rest are dropped and the last one says so.
   */
  report(p: ParseProblem): void {
    const n = ++this.errorCount;
    if (n > MAX_SYNTAX_ERRORS) return;
    if (n === MAX_SYNTAX_ERRORS) p.hint = `${p.hint ?? ''} (stacklint reports at most ${MAX_SYNTAX_ERRORS} syntax errors per file; the ones after this are not shown.)`.trim();
    this.problems.push(p);
  }

  next(): TokenKind {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    for (;;) {
      if (i >= n) {
        this.pos = n;
        this.start = this.end = n;
        return TOK_EOF;
      }
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13) {
        i++;
        continue;
      }
      switch (c) {
        case 59:
          this.start = i;
          this.end = this.pos = i + 1;
          return TOK_SEMI;
        case 123:
          this.start = i;
          this.end = this.pos = i + 1;
          return TOK_LBRACE;
        case 125:
          this.start = i;
          this.end = this.pos = i + 1;
          return TOK_RBRACE;
        case 35: {
          let j = text.indexOf('\n', i);
          if (j < 0) j = n;
          this.checkSpan(i, i, j, j === n, -1, 0);
          this.start = i;
          this.end = j > i + 1 && text.charCodeAt(j - 1) === 13 ? j - 1 : j;
          this.pos = j;
          return TOK_COMMENT;
        }
        case 34:
        case 39:
          return this.quoted(i, c);
        default:
          return this.bare(i);
      }
    }
  }

  /** A bare word starting at `i` (its first character is taken as ordinary unless it is `\` or `$`). */
  private bare(i: number): TokenKind {
    const text = this.text;
    const n = text.length;
    let j = i;
    let esc = false;
    let dollar = false;
    let escDollar = -1;
    let variable = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      const k = c < 128 ? WORD_CLASS[c]! : C_ORD;
      if (k === C_ORD) {
        variable = false;
        j++;
      } else if (k === C_END) {
        break;
      } else if (k === C_LBRACE) {
        // `${`: nginx keeps `{` in the word while in the `variable` state.
        if (!variable) break;
        j++;
      } else if (k === C_BACKSLASH) {
        esc = true;
        if (escDollar < 0 && text.charCodeAt(j + 1) === 36) escDollar = j;
        variable = false;
        j += 2;
      } else {
        variable = true;
        dollar = true;
        j++;
      }
    }
    if (j > n) j = n;
    this.start = i;
    this.end = j;
    this.quote = 0;
    this.closed = true;
    this.esc = esc;
    this.dollar = dollar;
    this.escDollar = escDollar;
    this.pos = j;
    // Where nginx next moves its token start (see checkSpan): after the whitespace that
    // ended the word, or at the `;`/`{` that ends the statement. (Most words are far too
    // short to reach the limit, which the first test settles without a call.)
    if (j + 1 - i < MIN_UNITS_FOR_LIMIT) return TOK_WORD;
    if (j >= n) this.checkSpan(i, i, n, true, -1, 0);
    else if (isSpace(text.charCodeAt(j))) this.checkSpan(i, i, j + 1, j + 1 >= n, -1, 0);
    else this.checkSpan(i, i, j, false, -1, 0);
    return TOK_WORD;
  }

  private quoted(i: number, q: number): TokenKind {
    const text = this.text;
    const n = text.length;
    let j = i + 1;
    let esc = false;
    let dollar = false;
    let escDollar = -1;
    // Find the closing quote and the backslashes before it with indexOf; each search
    // only moves forward, so a string costs its own length (no rescans to the end of
    // the file when the quote is escaped or never closed).
    const qc = q === 34 ? '"' : "'";
    let close = text.indexOf(qc, j);
    let bs = this.backslashAfter(j);
    while (bs >= 0 && (close < 0 || bs < close)) {
      esc = true;
      if (escDollar < 0 && text.charCodeAt(bs + 1) === 36) escDollar = bs;
      j = bs + 2;
      if (close >= 0 && close < j) close = text.indexOf(qc, j);
      bs = this.backslashAfter(j);
    }
    j = close < 0 ? n : close;
    if (j >= n) {
      // The quote is never closed. nginx: too long parameter (if the rest of the file is
      // over the limit) or `unexpected end of file, expecting ";" or "}"`.
      const tooLong = this.checkSpan(i, i + 1, n, true, -1, q);
      if (!tooLong && !this.eofReported) {
        this.eofReported = true;
        this.report({
          ruleId: SYNTAX_ERROR,
          at: { source: this.source, start: n, end: n },
          message: 'unexpected end of file, expecting ";" or "}"',
          hint: `The ${q === 34 ? 'double' : 'single'}-quoted string that starts on line ${this.source.positionAt(i).line} is never closed, so the rest of the file is read as part of it. Add the missing ${q === 34 ? '"' : "'"}.`,
          related: [{ at: { source: this.source, start: i, end: i + 1 }, message: 'this quote is never closed' }],
        });
      }
      if (this.restarts < MAX_RESTARTS) {
        this.restarts++;
        return this.bare(i);
      }
      this.start = i;
      this.end = this.pos = n;
      this.quote = q;
      this.closed = false;
      this.esc = esc;
      this.dollar = this.dollarBetween(i + 1, n);
      this.escDollar = escDollar;
      return TOK_WORD;
    }
    dollar = this.dollarBetween(i + 1, j);
    const after = j + 1;
    this.start = i;
    this.end = after;
    this.quote = q;
    this.closed = true;
    this.esc = esc;
    this.dollar = dollar;
    this.escDollar = escDollar;
    if (after >= n) {
      this.pos = n;
      this.checkSpan(i, i + 1, n, true, j, q);
      return TOK_WORD;
    }
    const c = text.charCodeAt(after);
    if (isSpace(c)) {
      this.pos = after + 1;
      this.checkSpan(i, i + 1, after + 1, after + 1 >= n, j, q);
    } else if (c === 59 || c === 123) {
      this.pos = after;
      this.checkSpan(i, i + 1, after, false, j, q);
    } else if (c === 41) {
      // `)` after a quote is allowed (`if ($a = "b")`) and starts the next word.
      this.pos = after;
      this.checkSpan(i, i + 1, after, false, j, q);
    } else {
      this.pos = after;
      this.checkSpan(i, i + 1, after, false, j, q);
      const ch = String.fromCodePoint(text.codePointAt(after)!);
      this.lastErrorAt = after;
      this.report({
        ruleId: SYNTAX_ERROR,
        at: { source: this.source, start: after, end: after + ch.length },
        message: `unexpected "${ch}"`,
        hint: `nginx needs a space, ";" or "{" right after a closing quote, and "${ch}" follows the quoted string directly. Add a space, or put the whole value inside the quotes.`,
      });
    }
    return TOK_WORD;
  }

  // Next `$` and `\` at or after the position last asked about, so that looking for them
  // never rescans the rest of the file (quoted strings are read in increasing order; a
  // restart after an unclosed quote goes back, and then the search starts again).
  private dollarFrom = -1;
  private dollarAt = -1;
  private backslashFrom = -1;
  private backslashAt = -1;

  /** Whether text[from, to) holds a `$`. */
  private dollarBetween(from: number, to: number): boolean {
    if (from < this.dollarFrom || (this.dollarAt >= 0 && this.dollarAt < from) || this.dollarFrom < 0) {
      this.dollarAt = this.text.indexOf('$', from);
    }
    this.dollarFrom = from;
    return this.dollarAt >= 0 && this.dollarAt < to;
  }

  /** Offset of the first `\` at or after `from`, or -1. */
  private backslashAfter(from: number): number {
    if (from < this.backslashFrom || (this.backslashAt >= 0 && this.backslashAt < from) || this.backslashFrom < 0) {
      this.backslashAt = this.text.indexOf('\\', from);
    }
    this.backslashFrom = from;
    return this.backslashAt;
  }

  /**
   * The 4096-byte limit, exactly as nginx's buffer works out.
   *
   * nginx keeps `start` (where the token being read begins) and, when its buffer runs out,
   * moves the bytes from `start` on to the front and reads more. If `start` is still at
   * the front when the buffer has run out again, the token fills all 4096 bytes: error.
   * `start` moves to each character read between tokens (whitespace, a token's first
   * character, `#`) and to just past a `;`, `{` or `}` that ends a statement. So a span
   * that begins at byte S fails iff the buffer check at byte S+4096 still happens inside
   * it (and the file goes on past S+4096). `spanStart` is S (after the opening quote for a
   * quoted word, the `#` for a comment), `until` the first offset where nginx no longer
   * sees this span at its buffer check, `atEof` whether the span runs to the end of the
   * file, `closeQuote` the offset of the closing quote (-1 when none).
   * Returns whether the error was reported.
   */
  private checkSpan(tokenStart: number, spanStart: number, until: number, atEof: boolean, closeQuote: number, q: number): boolean {
    if (until - spanStart < MIN_UNITS_FOR_LIMIT) return false;
    const text = this.text;
    let bytes = utf8Length(text, spanStart, until);
    if (atEof) bytes -= 1; // at the end of the file nginx stops before its buffer check
    if (bytes < NGX_CONF_BUFFER) return false;
    const limitAt = unitAtByte(text, spanStart, NGX_CONF_BUFFER);
    const stillQuoted = q !== 0 && (closeQuote < 0 || closeQuote >= limitAt);
    let message: string;
    let hint: string;
    if (stillQuoted) {
      const qc = q === 34 ? '"' : "'";
      message = `too long parameter, probably missing terminating "${qc}" character`;
      hint = `nginx rejects a token longer than ${NGX_CONF_BUFFER} bytes. This quoted string is at least that long, which usually means its closing ${qc} is missing and the text after it is being read as part of the string.`;
    } else {
      // nginx prints the first 10 bytes, which may end inside a UTF-8 sequence: shown
      // (as any UTF-8 reader shows those bytes) as one replacement character.
      let headEnd = unitAtByte(text, spanStart, 10);
      let cut = '';
      const lastUnit = text.charCodeAt(headEnd - 1);
      if (lastUnit >= 0xd800 && lastUnit <= 0xdbff) {
        // Half of a 4-byte character (a surrogate pair split after its first half).
        headEnd--;
        cut = '\uFFFD';
      } else if (utf8Length(text, spanStart, headEnd) > 10) {
        headEnd--;
        if (headEnd > spanStart && text.charCodeAt(headEnd) >= 0xdc00 && text.charCodeAt(headEnd) <= 0xdfff) headEnd--;
        cut = '\uFFFD';
      }
      const head = text.slice(spanStart, headEnd) + cut;
      message = `too long parameter "${head}..." started`;
      hint = `nginx rejects a token (a word, a quoted string or a comment) longer than ${NGX_CONF_BUFFER} bytes (it reads the file through a ${NGX_CONF_BUFFER}-byte buffer). Shorten it, e.g. split a long comment over several lines or move long data into a file.`;
    }
    let end = text.indexOf('\n', tokenStart);
    if (end < 0 || end > until) end = until;
    if (end <= tokenStart) end = Math.min(text.length, tokenStart + 1);
    this.report({ ruleId: SYNTAX_ERROR, at: { source: this.source, start: tokenStart, end }, message, hint });
    if (atEof) this.eofReported = true;
    return true;
  }
}
