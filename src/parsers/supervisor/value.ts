/** The value objects of the supervisor model (see model.ts `SupervisorValue`). */
import type { SourceFile, Span } from '../../core/source.js';
import type { ValuePiece } from './ini.js';
import type { SupervisorValue } from './model.js';
import { trimEnd } from './pystr.js';

/**
 * A value of the model. Its spans are made on demand from the offsets (a large config has
 * tens of thousands of values; most spans are never looked at), and it keeps no field it
 * can find again in the source: every field of every value is copied by each garbage
 * collection it survives.
 */
export class Value implements SupervisorValue {
  expanded: string | undefined;
  constructor(
    readonly key: string,
    readonly raw: string,
    private readonly source: SourceFile,
    /** Where the key starts; it ends before the first `=` or `:` after it (less trailing space). */
    private readonly keyStart: number,
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
    return new Value(this.key, this.raw, this.source, this.keyStart, this.start, this.end, this.lines);
  }

  /** The same value as a section inherits it from [DEFAULT]. */
  inherited(): Value {
    return new InheritedValue(this.key, this.raw, this.source, this.keyStart, this.start, this.end, this.lines);
  }
}

/** A value a section inherits from `[DEFAULT]` (rare: a class instead of a field on every value). */
class InheritedValue extends Value {
  override get fromDefault(): boolean {
    return true;
  }
}

