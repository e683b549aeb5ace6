/**
 * Python's `shlex` (CPython 3.11 Lib/shlex.py `read_token`) in the two ways supervisor uses it:
 * - `shlex.split(command)` (POSIX mode, whitespace_split, no comments): how a program's
 *   `command` becomes argv (supervisor/process.py:110). No shell is involved.
 * - `shlex.shlex(value)` in non-POSIX mode with `/.+-():` added to the word characters:
 *   how `environment = K=V,K2="v 2"` is tokenised (`dict_of_key_value_pairs`,
 *   supervisor/datatypes.py:70). `#` starts a comment there, quotes stay on tokens, and any
 *   other punctuation is a one-character token.
 * Every token keeps the input range it was read from.
 */

export interface ShlexToken {
  value: string;
  start: number;
  end: number;
}

export type ShlexResult = { ok: true; tokens: ShlexToken[] } | { ok: false; error: string; tokens: ShlexToken[]; at: number };

const WS = ' \t\r\n';
const isShlexSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
const BASE_WORDCHARS = 'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';

/** `shlex.split(s)`: POSIX rules, words split on space/tab/CR/LF, quotes and backslashes removed. */
export function shlexSplit(s: string): ShlexResult {
  const tokens: ShlexToken[] = [];
  const n = s.length;
  if (!/["'\\]/.test(s)) {
    // No quotes or escapes: words are the runs between space, tab, CR and LF.
    let i = 0;
    while (i < n) {
      while (i < n && isShlexSpace(s.charCodeAt(i))) i++;
      if (i >= n) break;
      const start = i;
      while (i < n && !isShlexSpace(s.charCodeAt(i))) i++;
      tokens.push({ value: s.slice(start, i), start, end: i });
    }
    return { ok: true, tokens };
  }
  let i = 0;
  for (;;) {
    // read_token with state ' ' at the start of each token.
    let state: string = ' ';
    let escapedState = ' ';
    let token = '';
    let quoted = false;
    let start = -1;
    let end = i;
    for (;;) {
      const c = i < n ? s[i]! : '';
      if (state === ' ') {
        if (c === '') {
          state = 'eof';
          break;
        }
        i++;
        if (WS.includes(c)) {
          if (token || quoted) break;
          continue;
        }
        start = i - 1;
        if (c === '\\') {
          escapedState = 'a';
          state = '\\';
        } else if (c === '"' || c === "'") state = c;
        else {
          token = c;
          state = 'a';
        }
      } else if (state === '"' || state === "'") {
        quoted = true;
        if (c === '') return { ok: false, error: 'No closing quotation', tokens, at: n };
        i++;
        if (c === state) state = 'a';
        else if (c === '\\' && state === '"') {
          escapedState = state;
          state = '\\';
        } else token += c;
      } else if (state === '\\') {
        if (c === '') return { ok: false, error: 'No escaped character', tokens, at: n };
        i++;
        if ((escapedState === '"' || escapedState === "'") && c !== '\\' && c !== escapedState) token += '\\';
        token += c;
        state = escapedState;
      } else {
        // state 'a'
        if (c === '') {
          end = i;
          state = 'eof';
          break;
        }
        if (WS.includes(c)) {
          end = i;
          i++;
          state = ' ';
          if (token || quoted) break;
          continue;
        }
        i++;
        if (c === '"' || c === "'") state = c;
        else if (c === '\\') {
          escapedState = 'a';
          state = '\\';
        } else token += c;
      }
    }
    if (start !== -1 && (token || quoted)) tokens.push({ value: token, start, end: Math.max(end, start + 1) });
    if (state === 'eof') return { ok: true, tokens };
  }
}

const KV_WORD = new Uint8Array(128);
for (const ch of BASE_WORDCHARS + '/.+-():') KV_WORD[ch.charCodeAt(0)] = 1;

/**
 * Tokens of `shlex.shlex(s)` (non-POSIX) with supervisor's extra word characters, as
 * `list(lexer)` returns them: iteration stops at the first empty token.
 */
export function shlexKeyValueTokens(s: string): ShlexResult {
  const tokens: ShlexToken[] = [];
  const n = s.length;
  let i = 0;
  let pushback: ShlexToken | undefined;
  for (;;) {
    if (pushback) {
      tokens.push(pushback);
      pushback = undefined;
      continue;
    }
    let state = ' ';
    // The token is s.slice(start, i) plus `extra` parts when a comment split it (rare).
    let token = '';
    let pieceStart = -1;
    let start = i;
    let end = i;
    for (;;) {
      const c = i < n ? s.charCodeAt(i) : -1;
      if (state === ' ') {
        if (c === -1) break;
        i++;
        if (c === 32 || c === 9 || c === 13 || c === 10) continue;
        if (c === 35) {
          i = afterComment(s, i);
          continue;
        }
        start = i - 1;
        pieceStart = start;
        if (KV_WORD[c] === 1) state = 'a';
        else if (c === 34 || c === 39) state = c === 34 ? '"' : "'";
        else {
          end = i;
          break;
        }
      } else if (state === '"' || state === "'") {
        if (c === -1) return { ok: false, error: 'No closing quotation', tokens, at: n };
        i++;
        if (c === state.charCodeAt(0)) {
          end = i;
          break;
        }
      } else {
        if (c === -1) {
          end = i;
          break;
        }
        if (c === 32 || c === 9 || c === 13 || c === 10) {
          end = i;
          break;
        }
        if (c === 35) {
          // The comment splits the word: keep the part before it.
          end = i;
          token += s.slice(pieceStart, i);
          i = afterComment(s, i);
          pieceStart = i;
          continue;
        }
        if (KV_WORD[c] === 1 || c === 34 || c === 39) {
          i++;
          end = i;
          continue;
        }
        // Punctuation ends the word and is the next token.
        end = i;
        token += s.slice(pieceStart, i);
        pieceStart = -1;
        pushback = { value: s[i]!, start: i, end: i + 1 };
        i++;
        break;
      }
    }
    if (state === 'a' && i < n && pushback === undefined) {
      // Ended on whitespace: consume it (Python reads the whitespace character).
      i++;
    }
    if (pieceStart !== -1) token += s.slice(pieceStart, state === 'a' && pushback === undefined && end < i ? end : i);
    if (token === '') return { ok: true, tokens };
    tokens.push({ value: token, start, end });
  }
}

/** shlex's readline() after a `#`: the position after the next newline (or the end). */
function afterComment(s: string, i: number): number {
  const nl = s.indexOf('\n', i);
  return nl === -1 ? s.length : nl + 1;
}

/** `dict_of_key_value_pairs`: `K=V,K2=V2` (every fourth token is skipped, whatever it is). */
export function parseKeyValuePairs(
  s: string,
): { ok: true; dict: Record<string, string> } | { ok: false; error: string; at: number } {
  const simple = simpleKeyValuePairs(s);
  if (simple) return { ok: true, dict: simple };
  const lexed = shlexKeyValueTokens(s);
  if (!lexed.ok) return { ok: false, error: lexed.error, at: lexed.at };
  const t = lexed.tokens;
  const dict: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i < t.length; i += 4) {
    const k = t[i]!;
    const eq = t[i + 1];
    const v = t[i + 2];
    if (!eq || !v || eq.value !== '=') {
      return { ok: false, error: `Unexpected end of key/value pairs in value '${s}'`, at: (eq ?? k).start };
    }
    dict[k.value] = stripQuotes(v.value);
  }
  return { ok: true, dict };
}

/**
 * The common shape `K=V,K2="v 2"` read without the lexer, with the dict shlex would give:
 * keys of word characters, values of word characters or one quoted string, each pair followed
 * by a comma or the end. Anything else (spaces, comments, other punctuation, quotes inside
 * words, errors) gives undefined and goes through the lexer.
 */
function simpleKeyValuePairs(s: string): Record<string, string> | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  const dict: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  while (i < n) {
    const keyStart = i;
    while (i < n && KV_WORD[s.charCodeAt(i)] === 1) i++;
    if (i === keyStart || s.charCodeAt(i) !== 0x3d) return undefined;
    const key = s.slice(keyStart, i);
    i++;
    let value: string;
    const q = s.charCodeAt(i);
    if (q === 0x22 || q === 0x27) {
      // Non-POSIX shlex: the token runs to the same quote character, quotes included.
      const close = s.indexOf(s[i]!, i + 1);
      if (close === -1) return undefined;
      value = stripQuotes(s.slice(i, close + 1));
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < n && KV_WORD[s.charCodeAt(i)] === 1) i++;
      if (i === valueStart) return undefined;
      value = s.slice(valueStart, i);
    }
    if (i < n) {
      if (s.charCodeAt(i) !== 0x2c) return undefined;
      i++;
    }
    dict[key] = value;
  }
  return dict;
}

/** `str.strip('\'"')`. */
export function stripQuotes(v: string): string {
  let a = 0;
  let b = v.length;
  while (a < b && (v[a] === '"' || v[a] === "'")) a++;
  while (b > a && (v[b - 1] === '"' || v[b - 1] === "'")) b--;
  return v.slice(a, b);
}
