/**
 * Compact tree nodes. A 10 MB config has ~280,000 directives and ~650,000 words, and
 * every object kept for the whole run is copied by the young-generation garbage collector
 * (up to twice) before it settles: that copying cost more than the parsing itself. So the
 * parser writes each statement's positions, name and words into one packed array per file
 * (names and blocks by number into side tables), and a directive object holds only its
 * pack and where its statement is in it (40 bytes).
 *
 * `argCount` and `argValue(k)` read the pack directly; `args` and `nameWord` make plain
 * word objects on each read (nothing keeps them), for the rare paths that report a word.
 */
import type { SourceFile } from '../../core/source.js';
import type { IncludeResolution, NginxBlock, NginxDirective, NginxWord, QuoteKind } from './ast.js';
import { unescapeNginx } from './lexer.js';

export const W_DQUOTE = 1;
export const W_SQUOTE = 2;
export const W_ESC = 4;
export const W_DOLLAR = 8;
/** A quoted word whose closing quote is missing (the file ended inside it). */
export const W_UNCLOSED = 16;

// A statement in the pack: its header, then `start, end, flags` for each word (name first).
/** Number of words (name included). */
const S_COUNT = 0;
/** Offset just past the statement (see NginxDirective.end). */
const S_END = 1;
/** Offset of the `;` or `{`, or -1. */
const S_TERMINATOR = 2;
/** Index of the directive's name in `names`. */
const S_NAME = 3;
/** Index of the directive's block in `blocks`, or -1. */
const S_BLOCK = 4;
const S_WORDS = 5;

/** Statements of one file: for each, `count, end, terminatorAt, name, block, (start, end, flags) × count`. */
export class StatementPack {
  data: Int32Array;
  length = 0;
  /** Directive names (the parser adds each distinct name once, mostly). */
  readonly names: string[] = [];
  /** Blocks of the block directives. */
  readonly blocks: NginxBlock[] = [];

  readonly text: string;

  constructor(
    readonly source: SourceFile,
    capacity: number,
  ) {
    this.text = source.text;
    this.data = new Int32Array(Math.max(64, capacity));
  }

  /** Add a name to `names`; returns its index. */
  addName(name: string): number {
    return this.names.push(name) - 1;
  }

  /** Reserve the header of a new statement named `names[nameIndex]`; returns its index. */
  begin(nameIndex: number): number {
    this.ensure(S_WORDS);
    const d = this.data;
    const at = this.length;
    d[at + S_COUNT] = 0;
    d[at + S_END] = 0;
    d[at + S_TERMINATOR] = -1;
    d[at + S_NAME] = nameIndex;
    d[at + S_BLOCK] = -1;
    this.length = at + S_WORDS;
    return at;
  }

  add(statement: number, start: number, end: number, flags: number): void {
    this.ensure(3);
    const d = this.data;
    const l = this.length;
    d[l] = start;
    d[l + 1] = end;
    d[l + 2] = flags;
    this.length = l + 3;
    d[statement + S_COUNT]!++;
  }

  /** Record where a statement ends and its `;` or `{` (-1 when a syntax error cut it short). */
  end(statement: number, end: number, terminatorAt: number): void {
    this.data[statement + S_END] = end;
    this.data[statement + S_TERMINATOR] = terminatorAt;
  }

  block(statement: number): NginxBlock | null {
    const b = this.data[statement + S_BLOCK]!;
    return b < 0 ? null : this.blocks[b]!;
  }

  setBlock(statement: number, block: NginxBlock | null): void {
    const b = this.data[statement + S_BLOCK]!;
    if (block === null) this.data[statement + S_BLOCK] = -1;
    else if (b >= 0) this.blocks[b] = block;
    else this.data[statement + S_BLOCK] = this.blocks.push(block) - 1;
  }

  /** Drop the unused tail once the file is parsed, when it is most of the array. */
  trim(): void {
    if (this.data.length > 2 * this.length + 64) this.data = this.data.slice(0, this.length);
  }

  private ensure(n: number): void {
    if (this.length + n <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.length + n));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

/** A word's value after nginx's copy step (quotes removed, escapes applied). */
function wordValue(text: string, start: number, end: number, flags: number): string {
  const v = flags & (W_DQUOTE | W_SQUOTE) ? text.slice(start + 1, flags & W_UNCLOSED ? end : end - 1) : text.slice(start, end);
  return flags & W_ESC ? unescapeNginx(v) : v;
}

export class Word implements NginxWord {
  private _v: string | undefined;

  constructor(
    private readonly _t: string,
    readonly start: number,
    readonly end: number,
    private readonly _f: number,
    value?: string,
  ) {
    this._v = value;
  }

  get value(): string {
    return (this._v ??= wordValue(this._t, this.start, this.end, this._f));
  }

  get raw(): string {
    return this._f & (W_DQUOTE | W_SQUOTE | W_ESC) ? this._t.slice(this.start, this.end) : this.value;
  }

  get quote(): QuoteKind {
    const f = this._f;
    return f & W_DQUOTE ? '"' : f & W_SQUOTE ? "'" : null;
  }

  get hasVariables(): boolean {
    return this._f & W_ESC ? this.value.indexOf('$') >= 0 : (this._f & W_DOLLAR) !== 0;
  }

  /** A plain object with the same fields (for printing and snapshots). */
  toJSON(): NginxWord {
    return { raw: this.raw, value: this.value, quote: this.quote, hasVariables: this.hasVariables, start: this.start, end: this.end };
  }
}

export class Directive implements NginxDirective {
  declare include?: IncludeResolution;

  constructor(
    private readonly _p: StatementPack,
    /** Index of this statement's header in the pack. */
    private readonly _i: number,
  ) {}

  get type(): 'directive' {
    return 'directive';
  }

  get name(): string {
    return this._p.names[this._p.data[this._i + S_NAME]!]!;
  }

  get block(): NginxBlock | null {
    return this._p.block(this._i);
  }

  set block(block: NginxBlock | null) {
    this._p.setBlock(this._i, block);
  }

  get source(): SourceFile {
    return this._p.source;
  }

  get start(): number {
    return this._p.data[this._i + S_WORDS]!;
  }

  get end(): number {
    return this._p.data[this._i + S_END]!;
  }

  set end(offset: number) {
    this._p.data[this._i + S_END] = offset;
  }

  get terminatorAt(): number {
    return this._p.data[this._i + S_TERMINATOR]!;
  }

  get terminator(): ';' | '{' | null {
    const at = this.terminatorAt;
    if (at < 0) return null;
    return this._p.text.charCodeAt(at) === 59 ? ';' : '{';
  }

  get argCount(): number {
    return this._p.data[this._i + S_COUNT]! - 1;
  }

  argValue(k: number): string {
    const d = this._p.data;
    const o = this._i + S_WORDS + 3 * (k + 1);
    return wordValue(this._p.text, d[o]!, d[o + 1]!, d[o + 2]!);
  }

  get nameWord(): NginxWord {
    const d = this._p.data;
    const o = this._i + S_WORDS;
    return new Word(this._p.text, d[o]!, d[o + 1]!, d[o + 2]!, this.name);
  }

  get args(): NginxWord[] {
    const d = this._p.data;
    const count = this.argCount;
    const a = new Array<NginxWord>(count);
    for (let k = 0; k < count; k++) {
      const o = this._i + S_WORDS + 3 * (k + 1);
      a[k] = new Word(this._p.text, d[o]!, d[o + 1]!, d[o + 2]!);
    }
    return a;
  }

  toJSON(): object {
    const { type, name, start, end, terminator, terminatorAt, block, include } = this;
    return { type, name, nameWord: this.nameWord, args: this.args, start, end, terminator, terminatorAt, block, ...(include ? { include } : {}) };
  }
}
