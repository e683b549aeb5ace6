/** The value objects of the supervisor model (see model.ts `SupervisorValue`). */
import type { SourceFile, Span } from '../../core/source.js';
import type { ValuePiece } from './ini.js';
import type { SupervisorValue } from './model.js';

/**
 * A value of the model. Its spans are made on demand from the offsets (a large config has
 * tens of thousands of values; most spans are never looked at).
 */
export class Value implements SupervisorValue {
  expanded: string | undefined;
  fromDefault?: boolean;
  constructor(
    readonly key: string,
    readonly raw: string,
    private readonly source: SourceFile,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    /** Span of the first line of the value. */
    readonly start: number,
    readonly end: number,
    /** The lines of a multi-line value (the first included); a one-line value keeps only `start`/`end`. */
    readonly lines: ValuePiece[] | undefined,
  ) {
    // A value without `%` is its own expansion; the others are filled in by the model.
    this.expanded = raw.includes('%') ? undefined : raw;
  }

  get pieces(): ValuePiece[] {
    return this.lines ?? [{ start: this.start, end: this.end }];
  }

  get keyAt(): Span {
    return { source: this.source, start: this.keyStart, end: this.keyEnd };
  }

  /** From the first line of the value to the end of its last non-empty line. */
  get at(): Span {
    let end = this.end;
    const lines = this.lines;
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
    return new Value(this.key, this.raw, this.source, this.keyStart, this.keyEnd, this.start, this.end, this.lines);
  }

  /** The same value as a section inherits it from [DEFAULT]. */
  inherited(): Value {
    const v = this.copy();
    v.fromDefault = true;
    return v;
  }
}

