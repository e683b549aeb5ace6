/**
 * Django settings model (owned by the Django front end; extend freely, keep these fields).
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile, Span } from '../../core/source.js';

export interface DjangoSettings {
  kind: 'django';
  /** The settings module file that was evaluated. */
  root: SourceFile;
  /** DJANGO_SETTINGS_MODULE when known (dotted). */
  module?: string;
  /** Every module read (star-imported parts after the root). */
  files: SourceFile[];
  problems: ParseProblem[];
}

/** Where a setting's value came from, for messages ("BASE_DIR / 'static' = /opt/mysite/static"). */
export interface Derivation {
  at: Span;
  /** The expression as written. */
  expression: string;
}
