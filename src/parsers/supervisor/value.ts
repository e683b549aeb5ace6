/** The value objects of the supervisor model (see model.ts `SupervisorValue`). */
import type { SourceFile, Span } from '../../core/source.js';
import type { ValuePiece } from './ini.js';
import type { SupervisorValue } from './model.js';
import { skipSpace, trimEnd } from './pystr.js';

/** A value of several lines: its lines and its text (configparser's join). */
export interface MultiLine {
  /** Every line of the value, the first included. */
  lines: ValuePiece[];
  /** The lines joined by `\n`, right-stripped. */
  raw: string;
}

/**
 * A value of the model. Its spans are made on demand from the offsets (a large config has
 * tens of thousands of values; most spans are never looked at), and it keeps nothing it can
 * find again in the source: every object and field a value keeps alive is copied by each
 * garbage collection it survives. The text of a one-line value is sliced from the source
 * when asked for.
 */
export class Value implements SupervisorValue {
  /**
   * The expansion: undefined when the value has no `%` (it is its own expansion), null while
   * a value with `%` is not expanded (or cannot be), else the expanded text.
   */
  private expansion: string | null | undefined;

  constructor(
    readonly key: string,
    readonly source: SourceFile,
    /** Span of the first line of the value. */
    readonly start: number,
    readonly end: number,
    /** A value of several lines; undefined for the usual one-line value (`start`/`end` are the whole text). */
    readonly multiLine: MultiLine | undefined,
    /** Whether the text has a `%` (to expand). */
    hasPercent: boolean,
  ) {
    this.expansion = hasPercent ? null : undefined;
  }

  /** Value after comment stripping and continuation joining, before %-expansion. */
  get raw(): string {
    return this.multiLine === undefined ? this.source.text.slice(this.start, this.end) : this.multiLine.raw;
  }

  /** After %-expansion, or undefined when it is not (or cannot be) expanded. */
  get expanded(): string | undefined {
    const e = this.expansion;
    return e === undefined ? this.raw : e === null ? undefined : e;
  }

  /** The model's expansion of a value with `%` (a value without is its own expansion already). */
  set expanded(text: string | undefined) {
    if (this.expansion !== undefined) this.expansion = text ?? null;
  }

  get hasPercent(): boolean {
    return this.expansion !== undefined;
  }

  get pieces(): ValuePiece[] {
    return this.multiLine?.lines ?? [{ start: this.start, end: this.end }];
  }

  /**
   * The key as written: found again from the value (a field for it on every value would be
   * kept alive for the rare finding about a key). Only whitespace lies between the delimiter
   * (the first `=` or `:` of the line) and the value, and only indentation between the start
   * of the line and the key.
   */
  get keyAt(): Span {
    const text = this.source.text;
    let delim = this.start - 1;
    while (delim > 0 && text.charCodeAt(delim) !== 0x3d && text.charCodeAt(delim) !== 0x3a) delim--;
    let lineStart = delim;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a && text.charCodeAt(lineStart - 1) !== 0x0d) lineStart--;
    const keyStart = skipSpace(text, lineStart, delim);
    return { source: this.source, start: keyStart, end: trimEnd(text, keyStart, delim) };
  }

  /** Set on the copies a section inherits from `[DEFAULT]` (see `InheritedValue`). */
  get fromDefault(): boolean | undefined {
    return undefined;
  }

  /** From the first line of the value to the end of its last non-empty line. */
  get at(): Span {
    let end = this.end;
    const lines = this.multiLine?.lines;
    if (lines) {
      for (let i = lines.length - 1; i > 0; i--) {
        const p = lines[i]!;
        if (p.end > p.start) {
          end = p.end;
          break;
        }
      }
    }
    return { source: this.source, start: this.start, end: Math.max(this.start, end) };
  }

  /** Statements of a parsed file are options (see ini.ts `IniStatement`). */
  get type(): 'option' {
    return 'option';
  }

  /** A fresh copy, not yet expanded (for a file applied to a second config). */
  copy(): Value {
    return new Value(this.key, this.source, this.start, this.end, this.multiLine, this.hasPercent);
  }

  /** The same value as a section inherits it from [DEFAULT], not yet expanded. */
  inherited(): Value {
    return new InheritedValue(this.key, this.source, this.start, this.end, this.multiLine, this.hasPercent);
  }
}

/** A value a section inherits from `[DEFAULT]` (rare: a class instead of a field on every value). */
class InheritedValue extends Value {
  override get fromDefault(): boolean {
    return true;
  }
}
