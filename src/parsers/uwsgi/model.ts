/**
 * uWSGI option model (owned by the uWSGI front end; extend freely).
 * Every value keeps its source range and origin (file and line, ini or command line).
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';

export interface UwsgiConfig {
  kind: 'uwsgi';
  /** The ini file (or the file holding the command line) this config starts from. */
  root: SourceFile;
  /** Every file read for this config, root first. */
  files: SourceFile[];
  problems: ParseProblem[];
}
