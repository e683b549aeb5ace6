/** The value objects of the supervisor model (see model.ts `SupervisorValue`). */
import type { SourceFile, Span } from '../../core/source.js';
import type { ValuePiece } from './ini.js';
import type { SupervisorValue } from './model.js';
import { trimEnd } from './pystr.js';

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
    private readonly source: SourceFile,
    /** Where the key starts; it ends before the first `=` or `:` after it (less trailing space). */
    private readonly keyStart: number,
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

  get keyAt(): Span {
    const text = this.source.text;
    let delim = this.keyStart;
    while (delim < text.length) {
      const c = text.charCodeAt(delim);
      if (c === 0x3d || c === 0x3a) break;
      delim++;
    }
    return { source: this.source, start: this.keyStart, end: trimEnd(text, this.keyStart, delim) };
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
    return new Value(this.key, this.source, this.keyStart, this.start, this.end, this.multiLine, this.hasPercent);
  }

  /** The same value as a section inherits it from [DEFAULT], not yet expanded. */
  inherited(): Value {
    return new InheritedValue(this.key, this.source, this.keyStart, this.start, this.end, this.multiLine, this.hasPercent);
  }
}

/** A value a section inherits from `[DEFAULT]` (rare: a class instead of a field on every value). */
class InheritedValue extends Value {
  override get fromDefault(): boolean {
    return true;
  }
}
