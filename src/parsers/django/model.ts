/**
 * Django settings model (owned by the Django front end; extend freely).
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';

export interface DjangoSettings {
  kind: 'django';
  /** The settings module file that was evaluated. */
  root: SourceFile;
  /** Every module read (star-imported parts after the root). */
  files: SourceFile[];
  problems: ParseProblem[];
}
