/**
 * uWSGI option model (owned by the uWSGI front end; extend freely, keep these fields).
 * Every value keeps its source range and origin (file and line, ini or command line), so
 * cross-file rules can point at it.
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile, Span } from '../../core/source.js';
import type { OptionEntry } from './options.js';

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
  /** The file holding the key and the value (`at.source`, without making the span). */
  source: SourceFile;
  /** Span of the key or flag. */
  keyAt: Span;
  origin: UwsgiOrigin;
  /** The ini section the value came from (ini origin). */
  section?: string;

  // ---- extensions -------------------------------------------------------------------

  /**
   * The value cannot be known statically (a `$(VAR)` not in the configured environment,
   * an `@(file)` that could not be read, a placeholder of such a value). Rules must not
   * judge `value` then.
   */
  unknown?: boolean;
  /** The option was given without any value (a command-line flag): uWSGI passes NULL. */
  noValue?: boolean;
  /** The key names an option of the option table (core or any plugin). */
  known: boolean;
  /** Its option table entry (the one Debian's build uses), when known. */
  entry?: OptionEntry;
  /** The option sits inside an option-logic block (`if-env`, `for`, …): it may not apply. */
  conditional?: boolean;
  /** The `--ini`/`ini =` (or plain argument) that loaded the file this value is in. */
  via?: Span;
  /** Defined with `set-placeholder`/`set-ph`: a placeholder only, never an option. */
  placeholder?: boolean;
  /** Read from an `inherit` file (uWSGI applies no `$()`/`@()`/`%()` passes to those). */
  inherited?: boolean;
  /** The plugin (source directory) defining the option, when not a core option. */
  plugin?: string;
  /** Whether that plugin is loaded (or built in) by the time uWSGI applies options. */
  pluginLoaded?: boolean;
  /** The option came before its plugin was loaded (fatal under `strict`). */
  beforePlugin?: boolean;
}

/** A plugin asked for with `plugins =` / `--plugin` / `need-plugin`. */
export interface UwsgiPluginRequest {
  /** As written (`python3`, `0:python3`, `/path/x_plugin.so`). */
  spec: string;
  /** Plugin source directory (`python3` → `python`). */
  dir: string;
  at: Span;
  /** Debian ships it (or the binary embeds it). */
  available: boolean;
  /** `need-plugin`: missing is fatal. */
  need: boolean;
}

/** One configuration file load (`--ini file[:section]`, `ini = …`, a bare `app.ini` argument). */
export interface UwsgiLoad {
  /** Path as written (after magic/section split), deployed form. */
  path: string;
  /** Section asked (`uwsgi` by default). */
  section: string;
  /** The file, when it could be read. */
  source?: SourceFile;
  /** Whether any line of the asked section exists (uWSGI warns otherwise). */
  sectionFound: boolean;
  /** The option or argument that asked for the load (undefined for the root ini). */
  at?: Span;
  /** Format by extension: only ini files are read. */
  format: 'ini' | 'xml' | 'yaml' | 'json' | 'other';
  /** Section headers of the file (ini loads that were read). */
  headers?: Array<{ name: string; text: string; start: number; end: number; entries: number }>;
  /** `%X` sequences uWSGI deletes because X means nothing (source offsets of the `%`). */
  deletedMagic?: Array<{ offset: number; letter: string }>;
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

  // ---- extensions -------------------------------------------------------------------

  /** How the configuration reached uWSGI: an ini file linted on its own, or a command line. */
  entry: 'ini' | 'argv';
  /** Program of a command line (`args[0]`), as written. */
  program?: { value: string; at: Span };
  /**
   * Which uWSGI the command runs: Debian's packaged binary (no embedded plugins), a pip/
   * source build (python and http embedded), or unknown (an ini checked on its own).
   */
  binary: 'debian' | 'embedded' | 'unknown';
  /** Plugins implied by the binary name (`uwsgi_python3` → `python3`). */
  implicitPlugins: string[];
  /** Every configuration file load, in order. */
  loads: UwsgiLoad[];
  /** Plugin source directories whose options are available at the end (built in, implied, loaded). */
  plugins?: string[];
  pluginRequests?: UwsgiPluginRequest[];
  /** Plugins treated as available without being loaded (unknown binary, maybe a pip build). */
  assumedPlugins?: string[];
  /** `strict` is on. */
  strict?: boolean;
  /** `autoload` is on. */
  autoload?: boolean;
  /**
   * Some options could not be read (a file relative to an unknown working directory, an
   * xml/yaml/json config, a fatal error stopped reading): rules that need every option
   * (e.g. "X is missing") must stay silent.
   */
  incomplete?: boolean;
  /** Reading stopped at a fatal error (uWSGI would exit there). */
  stopped?: boolean;
}
