/**
 * supervisord configuration model (owned by the supervisor front end; extend freely, keep
 * these fields).
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile, Span } from '../../core/source.js';

export interface SupervisorValue {
  /** Lower-cased key. */
  key: string;
  keyAt: Span;
  /** Value after comment stripping and continuation joining, before %-expansion. */
  raw: string;
  /** After %-expansion, or undefined when it cannot be expanded statically. */
  expanded: string | undefined;
  /** Span of the value text (first line to last continuation line). */
  at: Span;
}

export interface SupervisorSection {
  /** Full section name as written (`program:web`). */
  name: string;
  /** Span of the `[name]` header that defined it last. */
  headerAt: Span;
  /** Effective values by lower-cased key (last occurrence wins, across merged sections). */
  values: Map<string, SupervisorValue>;
  /** Every occurrence in file order, including overridden ones. */
  occurrences: SupervisorValue[];
}

export interface SupervisorConfig {
  kind: 'supervisor';
  /** The main supervisord.conf (or a program file checked on its own). */
  root: SourceFile;
  /** Every file read for this config ([include]d files after the main one). */
  files: SourceFile[];
  /** Sections after merging, in first-seen order. */
  sections: SupervisorSection[];
  problems: ParseProblem[];
}
