/**
 * One file read the way supervisord reads it: `RawConfigParser._read` of CPython 3.11
 * (/usr/lib/python3.11/configparser.py:1016-1132) with supervisor's settings
 * (`UnhosedConfigParser`, supervisor/options.py:1746: inline comment prefixes `;` and `#`,
 * strict=False), on a file opened in text mode (universal newlines, UTF-8).
 *
 * The reader produces a list of statements (section headers and options with every line of
 * their value) that the loader applies, in order, to the sections of the whole config: a
 * section opened again merges, an option given again replaces the earlier one.
 */
import * as fs from 'node:fs';
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';
import { pyIsSpace, pyRepr, pyRstrip, skipSpace, trimEnd } from './pystr.js';
import { SECTION_KEYS } from './schema.js';
import { Value } from './value.js';

export const PARSE_ERROR = 'supervisor/parse-error';

/**
 * The keys supervisord reads, each as the one string the model looks it up by. A large
 * config repeats a few dozen keys tens of thousands of times: sharing these strings keeps
 * that many fewer objects alive, and the lookups by key find them by identity.
 */
const KNOWN_KEYS = new Map<string, string>();
for (const keys of Object.values(SECTION_KEYS)) for (const key of Object.keys(keys)) KNOWN_KEYS.set(key, key);

/**
 * The known keys by length and first and last character, so that a key written as supervisord
 * spells it is found in place: no string is sliced, lower-cased and hashed for it.
 */
const KEYS_BY_SHAPE = new Map<number, string[]>();
const keyShape = (length: number, first: number, last: number) => length * 65536 + first * 256 + last;
for (const key of KNOWN_KEYS.keys()) {
  const shape = keyShape(key.length, key.charCodeAt(0), key.charCodeAt(key.length - 1));
  const same = KEYS_BY_SHAPE.get(shape);
  if (same) same.push(key);
  else KEYS_BY_SHAPE.set(shape, [key]);
}

/** The lower-cased key written at `start..end`, shared with every other line that writes it. */
function keyName(text: string, start: number, end: number): string {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (first < 256 && last < 256) {
    const candidates = KEYS_BY_SHAPE.get(keyShape(end - start, first, last));
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) if (text.startsWith(candidates[i]!, start)) return candidates[i]!;
    }
  }
  // Spelled otherwise (upper case) or unknown.
  const written = text.slice(start, end).toLowerCase();
  return KNOWN_KEYS.get(written) ?? written;
}

/** One line of a value: its text span in the source (empty lines of a value have start = end). */
export interface ValuePiece {
  start: number;
  end: number;
}

/**
 * The option being read. Its value becomes a `Value` once the line after its last
 * continuation line is seen (one builder per file, no object per line).
 */
class PendingOption {
  /** Lower-cased key; undefined while no option is being read. */
  key: string | undefined = undefined;
  /** The first line of the value (after the delimiter). */
  valueStart = 0;
  valueEnd = 0;
  /** Every line of the value once it has continuation lines (the first included). */
  lines: ValuePiece[] | undefined = undefined;
  /**
   * Starts of the empty lines read since the last non-empty one: they become lines of the
   * value only when a non-empty continuation line follows. Trailing ones would only be
   * stripped again (configparser right-strips the value), and every option before a blank
   * line would become a value of several lines.
   */
  private readonly emptyLines: number[] = [];

  start(key: string, valueStart: number, valueEnd: number): void {
    this.key = key;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.lines = undefined;
    this.emptyLines.length = 0;
  }

  /** An empty line among the option's lines. */
  addEmptyLine(start: number): void {
    this.emptyLines.push(start);
  }

  /** Add a (non-empty) continuation line to the value, after the empty lines before it. */
  continueWith(start: number, end: number): void {
    const lines = (this.lines ??= [{ start: this.valueStart, end: this.valueEnd }]);
    for (const e of this.emptyLines) lines.push({ start: e, end: e });
    this.emptyLines.length = 0;
    lines.push({ start, end });
  }

  /** The finished option as a value of the model (undefined when none is being read). */
  finish(source: SourceFile, percents: NextChar): Value | undefined {
    const key = this.key;
    if (key === undefined) return undefined;
    this.key = undefined;
    const lines = this.lines;
    if (lines === undefined) {
      // A one-line value keeps no text of its own: it is the source between its offsets.
      const hasPercent = percents.find(this.valueStart, this.valueEnd) !== -1;
      return new Value(key, source, this.valueStart, this.valueEnd, undefined, hasPercent);
    }
    // configparser joins the lines with '\n' and right-strips the result.
    const text = source.text;
    let raw = text.slice(lines[0]!.start, lines[0]!.end);
    for (let i = 1; i < lines.length; i++) raw += '\n' + text.slice(lines[i]!.start, lines[i]!.end);
    raw = pyRstrip(raw);
    return new Value(key, source, this.valueStart, this.valueEnd, { lines, raw }, raw.includes('%'));
  }
}

/** An option statement is the value itself (with its key and spans). */
export type IniStatement = { type: 'section'; name: string; start: number; end: number } | Value;

export interface IniFile {
  source: SourceFile;
  statements: IniStatement[];
  /** Syntax problems, in source order (supervisord would refuse the file). */
  problems: ParseProblem[];
  /** MissingSectionHeaderError or a decoding error stopped the read here. */
  aborted: boolean;
  /**
   * The option values have been put into a config: a file applied again (included twice, or
   * by two main files) gets copies, as each config expands its values on its own.
   */
  applied: boolean;
}

interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset of the line terminator (or end of text). */
  end: number;
  /** Whether a terminator follows (Python's line string then ends in '\n'). */
  terminated: boolean;
}

/**
 * Lines as a text-mode Python file yields them: `\r\n`, `\r` and `\n` all end a line.
 * One reusable cursor (no allocation per line: files can be large).
 */
class LineCursor implements Line {
  start = 0;
  end = 0;
  terminated = false;
  private next = 0;
  private readonly hasCR: boolean;
  constructor(private readonly text: string) {
    this.hasCR = text.includes('\r');
  }
  advance(): boolean {
    const text = this.text;
    const n = text.length;
    if (this.next >= n) return false;
    this.start = this.next;
    let i: number;
    if (!this.hasCR) {
      i = text.indexOf('\n', this.start);
      if (i === -1) i = n;
    } else {
      i = this.start;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) break;
        i++;
      }
    }
    this.end = i;
    this.terminated = i < n;
    this.next = i < n && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    return true;
  }
}

/** Next position of a character (`;`, `#`, `%`) at or after a point, each found once per occurrence (linear over the file). */
class NextChar {
  /**
   * The occurrence found last; the text's length once there is none left. Always a small
   * integer: a non-integer here (such as Infinity) would reach the offsets of the values,
   * and V8 then boxes those fields of every value as heap numbers.
   */
  private pos = -1;
  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}
  /** First occurrence at or after `from` and before `end`, or -1. */
  find(from: number, end: number): number {
    if (this.pos < from) {
      const i = this.text.indexOf(this.ch, from);
      this.pos = i === -1 ? this.text.length : i;
    }
    return this.pos < end ? this.pos : -1;
  }
}

/**
 * Where an inline comment starts on a line, or -1: CPython's loop looks for the next
 * occurrence of each prefix in rounds and stops at the first round where any occurrence is
 * at column 0 or preceded by whitespace, taking the smallest qualifying index of that round.
 */
function inlineCommentStart(text: string, start: number, end: number, semis: NextChar, hashes: NextChar): number {
  let semi = start - 1;
  let hash = start - 1;
  let semiLive = true;
  let hashLive = true;
  while (semiLive || hashLive) {
    let found = -1;
    if (semiLive) {
      semi = semis.find(semi + 1, end);
      if (semi === -1) semiLive = false;
      else if (semi === start || pyIsSpace(text.charCodeAt(semi - 1))) found = semi;
    }
    if (hashLive) {
      hash = hashes.find(hash + 1, end);
      if (hash === -1) hashLive = false;
      else if (hash === start || pyIsSpace(text.charCodeAt(hash - 1))) found = found === -1 ? hash : Math.min(found, hash);
    }
    if (found !== -1) return found;
  }
  return -1;
}

/** The line as Python's `repr(line)` shows it in ParsingError (with its `\n`). */
function lineRepr(text: string, l: Line): string {
  return pyRepr(text.slice(l.start, l.end) + (l.terminated ? '\n' : ''));
}

export function readIni(source: SourceFile): IniFile {
  const result: IniFile = { source, statements: [], problems: [], aborted: false, applied: false };
  const text = source.text;
  if (source.decode.invalidUtf8) {
    result.problems.push(decodeProblem(source));
    result.aborted = true;
    return result;
  }
  let inSection = false;
  const current = new PendingOption();
  let indentLevel = 0;
  let lineno = 0;
  const semis = new NextChar(text, ';');
  const hashes = new NextChar(text, '#');
  const percents = new NextChar(text, '%');
  const l = new LineCursor(text);
  while (l.advance()) {
    lineno++;
    // Most lines have neither prefix: then there is no round of the search to run.
    let commentStart =
      semis.find(l.start, l.end) === -1 && hashes.find(l.start, l.end) === -1 ? -1 : inlineCommentStart(text, l.start, l.end, semis, hashes);
    const first = skipSpace(text, l.start, l.end);
    // Full-line comments: `line.strip().startswith(prefix)`.
    const c0 = text.charCodeAt(first);
    if (first < l.end && (c0 === 0x23 || c0 === 0x3b)) commentStart = l.start;
    const contentEnd = commentStart === -1 ? l.end : commentStart;
    // The first non-space character is known: the content starts there unless a comment starts first.
    const vStart = first < contentEnd ? first : contentEnd;
    const vEnd = trimEnd(text, vStart, contentEnd);
    if (vStart === vEnd) {
      // An empty line (not a comment line) becomes an empty line of the current value.
      if (commentStart === -1 && inSection && current.key) {
        current.addEmptyLine(l.start);
      }
      continue;
    }
    const indent = first - l.start;
    if (inSection && current.key && indent > indentLevel) {
      current.continueWith(vStart, vEnd);
      continue;
    }
    indentLevel = indent;
    // Section header: `\[(?P<header>.+)\]` matched at the start; the header runs to the last `]`.
    if (text.charCodeAt(vStart) === 0x5b) {
      const close = text.lastIndexOf(']', vEnd - 1);
      if (close >= vStart + 2) {
        const option = current.finish(source, percents);
        if (option) result.statements.push(option);
        result.statements.push({ type: 'section', name: text.slice(vStart + 1, close), start: vStart, end: close + 1 });
        inSection = true;
        continue;
      }
    }
    if (!inSection) {
      result.problems.push({
        ruleId: PARSE_ERROR,
        at: { source, start: vStart, end: vEnd },
        message: `File contains no section headers.`,
        hint:
          `supervisord stops with "File contains no section headers. file: ${pyRepr(source.deployedPath)}, line: ${lineno} ${lineRepr(text, l)}". ` +
          'Every setting must come after a [section] header such as [program:name].' +
          (source.decode.bom && vStart === 0
            ? ' Here the file starts with a UTF-8 byte-order mark, which Python keeps as part of the first line: save the file without BOM.'
            : ''),
      });
      result.aborted = true;
      return result;
    }
    // Option: `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$` — the key runs to the first `=` or `:`.
    let delim = -1;
    for (let i = vStart; i < vEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3d || c === 0x3a) {
        delim = i;
        break;
      }
    }
    if (delim === -1) {
      result.problems.push({
        ruleId: PARSE_ERROR,
        at: { source, start: vStart, end: vEnd },
        message: `Source contains parsing errors: [line ${String(lineno).padStart(2)}]: ${lineRepr(text, l)}`,
        hint:
          'supervisord refuses the file. A line inside a section must be `key = value` (or `key: value`), a comment, ' +
          'or an indented continuation of the previous value.',
      });
      // Python keeps the previous option current: indented lines below still continue it.
      continue;
    }
    const keyEnd = trimEnd(text, vStart, delim);
    const valueStart = skipSpace(text, delim + 1, vEnd);
    const key = keyName(text, vStart, keyEnd);
    if (key === '') {
      result.problems.push({
        ruleId: PARSE_ERROR,
        at: { source, start: vStart, end: vEnd },
        message: `Source contains parsing errors: [line ${String(lineno).padStart(2)}]: ${lineRepr(text, l)}`,
        hint: 'supervisord refuses the file: the line has a value but no key before its `=` or `:`.',
      });
    }
    const previous = current.finish(source, percents);
    if (previous) result.statements.push(previous);
    current.start(key, valueStart, vEnd);
  }
  const last = current.finish(source, percents);
  if (last) result.statements.push(last);
  return result;
}

/** Python's UnicodeDecodeError for the first invalid UTF-8 sequence (supervisord prints it and exits). */
function decodeProblem(source: SourceFile): ParseProblem {
  let bytes: Uint8Array | undefined;
  try {
    bytes = fs.readFileSync(source.path);
  } catch {
    bytes = undefined;
  }
  const err = bytes ? firstUtf8Error(bytes) : undefined;
  const at = Math.max(0, source.text.indexOf('\ufffd'));
  let message = "'utf-8' codec can't decode the file: it is not valid UTF-8";
  if (err && bytes) {
    const hex = (b: number) => '0x' + b.toString(16).padStart(2, '0');
    // Python decodes a text file in 8 KiB chunks and counts positions from the chunk; exact for small files.
    const where = bytes.length <= 8192 ? 'position' : 'byte offset';
    message =
      err.length > 1
        ? `'utf-8' codec can't decode bytes in ${where} ${err.offset}-${err.offset + err.length - 1}: ${err.reason}`
        : `'utf-8' codec can't decode byte ${hex(bytes[err.offset]!)} in ${where} ${err.offset}: ${err.reason}`;
  }
  return {
    ruleId: PARSE_ERROR,
    at: { source, start: at, end: Math.min(source.text.length, at + 1) },
    message,
    hint:
      'supervisord reads its configuration as UTF-8 and stops with this error. ' +
      'Convert the file to UTF-8 (e.g. `iconv -f latin1 -t utf-8`).',
  };
}

/** The first invalid sequence as CPython's UTF-8 decoder reports it. */
export function firstUtf8Error(b: Uint8Array): { offset: number; length: number; reason: string } | undefined {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return { offset: i, length: 1, reason: 'invalid start byte' };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { offset: i, length: k, reason: 'unexpected end of data' };
      const d = b[i + k]!;
      const ok = k === 1 ? d >= lo && d <= hi : d >= 0x80 && d <= 0xbf;
      if (!ok) return { offset: i, length: 1, reason: 'invalid continuation byte' };
    }
    i += need + 1;
  }
  return undefined;
}
