/**
 * Compact tree nodes. A 10 MB config has ~230,000 directives and ~600,000 words; making an
 * object (and strings) for each word while parsing costs more in garbage collection than
 * the parsing itself. So the parser writes each statement's words into one packed array
 * per file (offsets and flags), and a directive makes its `NginxWord` objects when its
 * `args` or `nameWord` is first read (then keeps them). Words make their strings when
 * first read. Both read exactly like the plain objects of ast.ts.
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

/** Words of one file: for each statement `count, (start, end, flags) × count`. */
export class WordPack {
  data: Int32Array;
  length = 0;

  readonly text: string;

  constructor(
    readonly source: SourceFile,
    capacity: number,
  ) {
    this.text = source.text;
    this.data = new Int32Array(Math.max(64, capacity));
  }

  /** Reserve the count slot of a new statement; returns its index. */
  begin(): number {
    this.ensure(1);
    this.data[this.length] = 0;
    return this.length++;
  }

  add(statement: number, start: number, end: number, flags: number): void {
    this.ensure(3);
    const d = this.data;
    const l = this.length;
    d[l] = start;
    d[l + 1] = end;
    d[l + 2] = flags;
    this.length = l + 3;
    d[statement]!++;
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
    let v = this._v;
    if (v === undefined) {
      const f = this._f;
      if (f & (W_DQUOTE | W_SQUOTE)) v = this._t.slice(this.start + 1, f & W_UNCLOSED ? this.end : this.end - 1);
      else v = this._t.slice(this.start, this.end);
      if (f & W_ESC) v = unescapeNginx(v);
      this._v = v;
    }
    return v;
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
  block: NginxBlock | null = null;
  declare include?: IncludeResolution;
  /** The words, once made: name word and arguments. */
  private _w: { n: NginxWord; a: NginxWord[] } | undefined = undefined;

  constructor(
    readonly name: string,
    readonly start: number,
    public end: number,
    /** Offset of the `;` or `{`, or -1 (the terminator is read back from the text). */
    readonly terminatorAt: number,
    private readonly _p: WordPack,
    /** Index of this statement's count slot in the pack. */
    private readonly _i: number,
  ) {}

  get type(): 'directive' {
    return 'directive';
  }

  get source(): SourceFile {
    return this._p.source;
  }

  get terminator(): ';' | '{' | null {
    const at = this.terminatorAt;
    if (at < 0) return null;
    return this._p.text.charCodeAt(at) === 59 ? ';' : '{';
  }

  /** Number of arguments, without making the word objects (walk.ts `argCount`). */
  get argCount(): number {
    return this._p.data[this._i]! - 1;
  }

  get nameWord(): NginxWord {
    return (this._w ?? this.words()).n;
  }

  get args(): NginxWord[] {
    return (this._w ?? this.words()).a;
  }

  private words(): { n: NginxWord; a: NginxWord[] } {
    const p = this._p;
    const d = p.data;
    const i = this._i;
    const count = d[i]!;
    const n = new Word(p.text, d[i + 1]!, d[i + 2]!, d[i + 3]!, this.name);
    const a: NginxWord[] = new Array<NginxWord>(count - 1);
    for (let k = 1; k < count; k++) {
      const o = i + 1 + 3 * k;
      a[k - 1] = new Word(p.text, d[o]!, d[o + 1]!, d[o + 2]!);
    }
    return (this._w = { n, a });
  }

  toJSON(): object {
    const { type, name, start, end, terminator, terminatorAt, block, include } = this;
    return { type, name, nameWord: this.nameWord, args: this.args, start, end, terminator, terminatorAt, block, ...(include ? { include } : {}) };
  }
}
