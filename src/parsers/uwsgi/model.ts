/**
 * uWSGI option model (owned by the uWSGI front end; extend freely, keep these fields).
 * Every value keeps its source range and origin (file and line, ini or command line), so
 * cross-file rules can point at it.
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile, Span } from '../../core/source.js';

export type UwsgiOrigin = 'ini' | 'argv' | 'env';

export interface UwsgiOptionValue {
  /** Canonical option name (`--uwsgi` on a command line resolves to `uwsgi-socket`). */
  name: string;
  /** The key or flag as written (`uwsgi`, `-s`, `socket`). */
  written: string;
  /** Value text as written (ini: after key/value split and strip; argv: the argument). */
  raw: string;
  /** Value as uWSGI uses it (magic variables, placeholders, $(ENV) applied where known). */
  value: string;
  /** Span of the value (the key's span when there is no value). */
  at: Span;
  /** Span of the key or flag. */
  keyAt: Span;
  origin: UwsgiOrigin;
  /** The ini section the value came from (ini origin). */
  section?: string;
}

export interface UwsgiConfig {
  kind: 'uwsgi';
  /** The ini file (or the file holding the command line) this config starts from. */
  root: SourceFile;
  /** Every file read for this config, root first. */
  files: SourceFile[];
  /** Every option in the order uWSGI applies it. */
  options: UwsgiOptionValue[];
  problems: ParseProblem[];
}
