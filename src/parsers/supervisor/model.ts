/**
 * supervisord configuration model (owned by the supervisor front end; extend freely).
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';

export interface SupervisorConfig {
  kind: 'supervisor';
  /** The main supervisord.conf (or a program file checked on its own). */
  root: SourceFile;
  /** Every file read for this config ([include]d files after the main one). */
  files: SourceFile[];
  problems: ParseProblem[];
}
