/**
 * Compact tree nodes. A 10 MB config has ~280,000 directives and ~650,000 words, and
 * every object kept for the whole run is copied by the young-generation garbage collector
 * (up to twice) before it settles: that copying cost more than the parsing itself. So the
 * parser keeps no object per directive at all: it writes each statement (its positions,
 * name and words) into one packed array per file, and links the statements of a block
 * into a list there (each statement points to its next sibling and, for a block, to its
 * first child). Names and include resolutions are by number in side tables.
 *
 * Objects are made when they are asked for. The walk (walk.ts) follows the links in the
 * pack and makes a 40-byte `Directive` view (pack + index) per visit. `children` of a
 * file or block makes its views once, on first read (the same objects on every read);
 * `args` and `nameWord` make plain word objects on each read (nothing keeps them), for the
 * rare paths that report a word. Two views of one statement are different objects: compare
 * directives by `source` and `start`, never by identity.
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';
import type { IncludeResolution, NginxBlock, NginxComment, NginxDirective, NginxFile, NginxNode, NginxWord, QuoteKind } from './ast.js';
import { unescapeNginx } from './lexer.js';

export const W_DQUOTE = 1;
export const W_SQUOTE = 2;
export const W_ESC = 4;
export const W_DOLLAR = 8;
/** A quoted word whose closing quote is missing (the file ended inside it). */
export const W_UNCLOSED = 16;

// A node in the pack: its header, then `start, end, flags` for each word (name first).
// A comment is a node with the name index COMMENT and one word (from `#` to the line end).
/** Number of words (name included). */
const S_COUNT = 0;
/** Offset just past the statement (see NginxDirective.end). */
const S_END = 1;
/** Offset of the `;` or `{`, or -1. */
const S_TERMINATOR = 2;
/** Index of the directive's name in `names`, or COMMENT. */
const S_NAME = 3;
/** The next node of the same block (or file top level), or -1. */
const S_NEXT = 4;
/** The first node of the block, or -1 (also for simple directives). */
const S_FIRST = 5;
/** Offset of the block's `}`: -1 when the file ended first, NO_BLOCK for simple directives. */
const S_CLOSE = 6;
/** Index of the include resolution in `includes`, or -1. */
const S_INCLUDE = 7;
const S_WORDS = 8;

const COMMENT = -1;
const NO_BLOCK = -2;

/** Nodes of one file: for each, `count, end, terminatorAt, name, next, first, close, include, (start, end, flags) × count`. */
export class StatementPack {
  data: Int32Array;
  length = 0;
  /** The first node at the file's top level, or -1. */
  first = -1;
  /** Directive names (the parser adds each distinct name once, mostly). */
  readonly names: string[] = [];
  /** Include resolutions (filled in by the loader). */
  readonly includes: IncludeResolution[] = [];

  readonly text: string;
  /** Node lists made so far, by their first node (so `children` gives the same objects on every read). */
  private readonly lists = new Map<number, NginxNode[]>();
  private readonly blocks = new Map<number, NginxBlock>();

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
    d[at + S_NEXT] = -1;
    d[at + S_FIRST] = -1;
    d[at + S_CLOSE] = NO_BLOCK;
    d[at + S_INCLUDE] = -1;
    this.length = at + S_WORDS;
    return at;
  }

  /** Add a word to the statement being written (words come right after its header). */
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

  /** Add a comment node spanning `start` (the `#`) to `end`; returns its index. */
  comment(start: number, end: number): number {
    const at = this.begin(COMMENT);
    this.add(at, start, end, 0);
    this.data[at + S_END] = end;
    return at;
  }

  /** Record where a statement ends and its `;` or `{` (-1 when a syntax error cut it short). */
  end(statement: number, end: number, terminatorAt: number): void {
    this.data[statement + S_END] = end;
    this.data[statement + S_TERMINATOR] = terminatorAt;
  }

  /** Make `statement` a block: its `}` (-1 if none), its first node (-1 if empty) and where it ends. */
  setBlock(statement: number, close: number, first: number, end: number): void {
    const d = this.data;
    d[statement + S_CLOSE] = close;
    d[statement + S_FIRST] = first;
    d[statement + S_END] = end;
  }

  /** Link `node` after `previous` in a node list. */
  link(previous: number, node: number): void {
    this.data[previous + S_NEXT] = node;
  }

  isComment(node: number): boolean {
    return this.data[node + S_NAME] === COMMENT;
  }

  name(statement: number): string {
    return this.names[this.data[statement + S_NAME]!]!;
  }

  next(node: number): number {
    return this.data[node + S_NEXT]!;
  }

  terminatorAt(statement: number): number {
    return this.data[statement + S_TERMINATOR]!;
  }

  hasBlock(statement: number): boolean {
    return this.data[statement + S_CLOSE] !== NO_BLOCK;
  }

  /** The first node of a block (-1 when it is empty or not a block). */
  firstChild(statement: number): number {
    return this.data[statement + S_FIRST]!;
  }

  include(statement: number): IncludeResolution | undefined {
    const k = this.data[statement + S_INCLUDE]!;
    return k < 0 ? undefined : this.includes[k];
  }

  setInclude(statement: number, include: IncludeResolution | undefined): void {
    const k = this.data[statement + S_INCLUDE]!;
    if (include === undefined) this.data[statement + S_INCLUDE] = -1;
    else if (k >= 0) this.includes[k] = include;
    else this.data[statement + S_INCLUDE] = this.includes.push(include) - 1;
  }

  block(statement: number): NginxBlock | null {
    const close = this.data[statement + S_CLOSE]!;
    if (close === NO_BLOCK) return null;
    let b = this.blocks.get(statement);
    if (b === undefined) {
      b = { open: this.data[statement + S_TERMINATOR]!, close, children: this.list(this.data[statement + S_FIRST]!) };
      this.blocks.set(statement, b);
    }
    return b;
  }

  /** The nodes of the list starting at `first`, as objects (made once per list). */
  list(first: number): NginxNode[] {
    if (first < 0) return [];
    let nodes = this.lists.get(first);
    if (nodes === undefined) {
      nodes = [];
      for (let i = first; i >= 0; i = this.next(i)) {
        if (this.isComment(i)) {
          const d = this.data;
          const start = d[i + S_WORDS]!;
          const end = d[i + S_WORDS + 1]!;
          const c: NginxComment = { type: 'comment', text: this.text.slice(start + 1, end), start, end };
          nodes.push(c);
        } else nodes.push(new Directive(this, i));
      }
      this.lists.set(first, nodes);
    }
    return nodes;
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

/** A parsed file: its nodes are read from its pack. */
export class ParsedFile implements NginxFile {
  private _children: NginxNode[] | undefined;

  constructor(
    readonly statements: StatementPack,
    readonly problems: ParseProblem[],
  ) {}

  get source(): SourceFile {
    return this.statements.source;
  }

  get children(): NginxNode[] {
    return (this._children ??= this.statements.list(this.statements.first));
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
  constructor(
    private readonly _p: StatementPack,
    /** Index of this statement's header in the pack. */
    private readonly _i: number,
  ) {}

  get type(): 'directive' {
    return 'directive';
  }

  get name(): string {
    return this._p.name(this._i);
  }

  get block(): NginxBlock | null {
    return this._p.block(this._i);
  }

  get include(): IncludeResolution | undefined {
    return this._p.include(this._i);
  }

  set include(include: IncludeResolution | undefined) {
    this._p.setInclude(this._i, include);
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
