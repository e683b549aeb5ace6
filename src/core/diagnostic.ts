import type { Range, Span } from './source.js';

export type Severity = 'error' | 'warning' | 'info';

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A location in another file (or elsewhere in the same file) that explains a finding. */
export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** A text edit that fixes the finding when applied alone. */
export interface FixEdit {
  file: string;
  range: Range;
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** What is wrong, in one sentence (the program's own words where it has them). */
  message: string;
  /** Why it matters and what to do about it. */
  hint?: string;
  file: string;
  range: Range;
  related: RelatedLocation[];
  fix?: { description: string; edits: FixEdit[] };
}

/** What a rule or a front end reports; the engine turns it into a Diagnostic. */
export interface Report {
  /** Where the finding is. */
  at: Span;
  message: string;
  hint?: string;
  /** Overrides the rule's configured severity for this one finding (rarely needed). */
  severity?: Severity;
  related?: Array<{ at: Span; message: string }>;
  fix?: { description: string; edits: Array<{ at: Span; text: string }> };
}

/** A problem found while reading or parsing a file, kept on the parse result and reported by its rule. */
export interface ParseProblem extends Report {
  ruleId: string;
}

export function toDiagnostic(ruleId: string, severity: Severity, r: Report): Diagnostic {
  const d: Diagnostic = {
    ruleId,
    severity: r.severity ?? severity,
    message: r.message,
    file: r.at.source.path,
    range: r.at.source.range(r.at.start, r.at.end),
    related: (r.related ?? []).map((rel) => ({
      file: rel.at.source.path,
      range: rel.at.source.range(rel.at.start, rel.at.end),
      message: rel.message,
    })),
  };
  if (r.hint !== undefined) d.hint = r.hint;
  if (r.fix) {
    d.fix = {
      description: r.fix.description,
      edits: r.fix.edits.map((e) => ({
        file: e.at.source.path,
        range: e.at.source.range(e.at.start, e.at.end),
        text: e.text,
      })),
    };
  }
  return d;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
