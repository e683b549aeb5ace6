/**
 * A file's text with its origin and an index from offsets to line/column.
 *
 * Offsets are UTF-16 code-unit indexes into `text` (what JavaScript strings and LSP
 * use). Lines and columns are 1-based, as in ESLint's output; the language server
 * converts them to LSP's 0-based positions.
 */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** How the raw bytes decoded: the front ends decide what each condition means to their program. */
export interface DecodeInfo {
  /** The file contains NUL bytes: treated as binary, not parsed. */
  binary: boolean;
  /** Some bytes were not valid UTF-8 and were replaced by U+FFFD. */
  invalidUtf8: boolean;
  /** The file starts with a UTF-8 byte-order mark (kept in `text` as U+FEFF). */
  bom: boolean;
}

/** One decoder of each kind for every file: a non-streaming decode keeps no state between calls. */
let strictUtf8: InstanceType<typeof TextDecoder> | undefined;
let lenientUtf8: InstanceType<typeof TextDecoder> | undefined;

export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    /** Local path of the file that was read (absolute). */
    readonly path: string,
    readonly text: string,
    readonly decode: DecodeInfo = { binary: false, invalidUtf8: false, bom: false },
    /** The path the configuration calls this file by, when a path map translated it. */
    readonly deployedPath: string = path,
  ) {}

  static fromBytes(path: string, bytes: Uint8Array, deployedPath?: string): SourceFile {
    const binary = looksBinary(bytes);
    let invalidUtf8 = false;
    let text: string;
    try {
      text = (strictUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes);
    } catch {
      invalidUtf8 = true;
      text = (lenientUtf8 ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })).decode(bytes);
    }
    const bom = text.charCodeAt(0) === 0xfeff;
    return new SourceFile(path, text, { binary, invalidUtf8, bom }, deployedPath ?? path);
  }

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  /** Position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts();
    const lo = lastAtOrBefore(starts, o);
    return { offset: o, line: lo + 1, column: o - starts[lo]! + 1 };
  }

  /** Offset of a 1-based line and column. */
  offsetAt(line: number, column: number): number {
    const starts = this.starts();
    const l = Math.max(1, Math.min(line, starts.length));
    return Math.min(this.text.length, starts[l - 1]! + Math.max(0, column - 1));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const starts = this.starts();
    if (line < 1 || line > starts.length) return '';
    const s = starts[line - 1]!;
    let e = line < starts.length ? starts[line]! - 1 : this.text.length;
    if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
    return this.text.slice(s, e);
  }
}

/** Index of the last element of an ascending array that is ≤ `x` (0 when none is). */
export function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Binary, like git's heuristic but stricter about noise: a NUL byte in the first 8,000 bytes,
 * and control bytes making 10% of them or numbering 32 or more. A stray NUL in a comment of a text config is not
 * binary (nginx reads such a file fine); an ELF file, an archive or an image is.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  // Text files have no NUL at all: one native search spares them the byte loop.
  if (bytes.subarray(0, n).indexOf(0) === -1) return false;
  let nul = false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul = true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return nul && (control * 10 >= n || control >= 32);
}

/** A half-open offset span in one source file. */
export interface Span {
  source: SourceFile;
  start: number;
  end: number;
}
