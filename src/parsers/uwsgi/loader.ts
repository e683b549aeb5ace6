/**
 * Builds a UwsgiConfig the way uWSGI builds its option list (core/uwsgi.c `uwsgi_setup`):
 *
 *  1. `UWSGI_*` environment variables become options (`parse_sys_envs`, utils.c:1616);
 *  2. the command line (getopt_long) or the ini file; every key is appended to the exported
 *     options in order (`add_exported_option`, config.c:392), immediate options (`ini`,
 *     `plugins`, `strict`, `set-ph`, logic, …) act at once, loading more files in place;
 *     bare arguments are loaded after every option;
 *  3. three passes over the values not yet applied: `$(VAR)`, `@(file)`, `%(placeholder)`
 *     (`uwsgi_apply_config_pass`, utils.c:3030);
 *  4. `inherit` files are read while options are applied (no passes for them).
 *
 * Values that depend on the host (unset environment, unreadable `@(file)`, host magic) are
 * flagged unknown and never judged by rules.
 */
import * as path from 'node:path';
import type { ParseProblem } from '../../core/diagnostic.js';
import type { FsView, ReadResult } from '../../core/fs.js';
import type { LoadContext } from '../../core/project.js';
import type { SourceFile, Span } from '../../core/source.js';
import { getoptLong, type Word } from './getopt.js';
import { readIni, type IniRead } from './ini.js';
import { FileMagic, MagicTable } from './magic.js';
import type { UwsgiConfig, UwsgiLoad, UwsgiOptionValue, UwsgiOrigin } from './model.js';
import {
  ALL_OPTION_NAMES,
  DEBIAN_PLUGINS,
  EMBEDDED_PLUGINS,
  getoptTable,
  isKnownOption,
  optionEntries,
  optionInfo,
  pluginDir,
  pluginFileName,
  type GetoptTable,
  type OptionEntry,
} from './options.js';

/** Rule ids of the problems the front end records. */
export const PROBLEM = {
  configLoad: 'uwsgi/config-load',
  encoding: 'uwsgi/file-encoding',
  atFile: 'uwsgi/at-file',
  placeholder: 'uwsgi/placeholder',
  commandLine: 'uwsgi/command-line',
  strict: 'uwsgi/strict-mode',
} as const;

/** Past this many nested config loads uWSGI would be recursing forever. */
const MAX_LOAD_DEPTH = 500;
/** A `%(…)` expansion growing past this is a cycle (uWSGI grows it until malloc fails). */
const MAX_EXPANSION = 1 << 16;
const MAX_SUBSTITUTIONS = 2000;

/** Bits of `OptionValue.state`. */
const NO_VALUE = 1;
const UNKNOWN = 2;
const KNOWN = 4;
const CONDITIONAL = 8;
const PLACEHOLDER = 16;
const INHERITED = 32;
const PLUGIN_LOADED = 64;
const BEFORE_PLUGIN = 128;
const CONFIGURED = 256;
const UNAVAILABLE_AT_ADD = 512;

/**
 * One option of uWSGI's exported-options list, from the moment it is added (in order) to the
 * end: the passes, `inherit` files and the plugin resolution complete it in place. The options
 * of every config (tens of thousands in a large run) share this one class, so they have one
 * object shape: the constructor sets every field, absent ones undefined. They live as long as
 * the run, so each holds little: the key and value spans (always in one file) are made on
 * demand from their offsets (rules look at few of them), the plugin comes from the table
 * entry, and its flags (and the loader's own) share one number.
 */
class OptionValue implements UwsgiOptionValue {
  // Declared only: the constructor sets every field once, in one order (class field
  // initializers would define each of them once more per option).
  declare readonly name: string;
  declare readonly written: string;
  declare readonly raw: string;
  declare readonly source: SourceFile;
  declare private readonly keyStart: number;
  declare private readonly keyEnd: number;
  declare private readonly valueStart: number;
  declare private readonly valueEnd: number;
  declare readonly origin: UwsgiOrigin;
  declare value: string;
  declare section: string | undefined;
  declare entry: OptionEntry | undefined;
  declare via: Span | undefined;
  /** `NO_VALUE`, `UNKNOWN`, … bits. */
  declare private state: number;

  constructor(
    name: string,
    written: string,
    /** null when given without a value (uWSGI passes NULL). */
    value: string | null,
    raw: string,
    source: SourceFile,
    keyStart: number,
    keyEnd: number,
    valueStart: number,
    valueEnd: number,
    origin: UwsgiOrigin,
  ) {
    this.name = name;
    this.written = written;
    this.raw = raw;
    this.source = source;
    this.keyStart = keyStart;
    this.keyEnd = keyEnd;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.origin = origin;
    this.value = value ?? '';
    this.section = undefined;
    this.entry = undefined;
    this.via = undefined;
    this.state = value === null ? NO_VALUE : 0;
  }

  get noValue(): true | undefined {
    return (this.state & NO_VALUE) !== 0 || undefined;
  }

  get unknown(): true | undefined {
    return (this.state & UNKNOWN) !== 0 || undefined;
  }

  get known(): boolean {
    return (this.state & KNOWN) !== 0;
  }

  get conditional(): true | undefined {
    return (this.state & CONDITIONAL) !== 0 || undefined;
  }

  get placeholder(): true | undefined {
    return (this.state & PLACEHOLDER) !== 0 || undefined;
  }

  get inherited(): true | undefined {
    return (this.state & INHERITED) !== 0 || undefined;
  }

  get plugin(): string | undefined {
    const entry = this.entry;
    return entry !== undefined && entry.plugin !== 'core' ? entry.plugin : undefined;
  }

  get pluginLoaded(): boolean | undefined {
    return this.plugin === undefined ? undefined : (this.state & PLUGIN_LOADED) !== 0;
  }

  get beforePlugin(): true | undefined {
    return (this.state & BEFORE_PLUGIN) !== 0 || undefined;
  }

  /** Loader state: applied when added (immediate options, placeholders), so the passes skip it. */
  get configured(): boolean {
    return (this.state & CONFIGURED) !== 0;
  }

  /** Loader state: the option was not available (its plugin not loaded yet) when added. */
  get unavailableAtAdd(): boolean {
    return (this.state & UNAVAILABLE_AT_ADD) !== 0;
  }

  /** Sets some of the `NO_VALUE`, `UNKNOWN`, … bits. */
  mark(bits: number): void {
    this.state |= bits;
  }

  get at(): Span {
    return { source: this.source, start: this.valueStart, end: this.valueEnd };
  }

  get keyAt(): Span {
    return { source: this.source, start: this.keyStart, end: this.keyEnd };
  }

  /** The value as uWSGI's option parsers get it: NULL for a flag given without one. */
  get given(): string | null {
    return this.noValue ? null : this.value;
  }
}

export interface LoaderSetup {
  binary: UwsgiConfig['binary'];
  implicitPlugins: string[];
  /** uWSGI's working directory when known (supervisor `directory=`), for relative paths. */
  cwd?: string;
  /**
   * Variables the process gets over the configured environment (supervisor `environment=`),
   * for `UWSGI_*` options and `$(VAR)`. Kept apart rather than merged: most programs of a
   * supervisor file have some, and a merged copy per program would cost more than the lookups.
   */
  extraEnv?: Record<string, string>;
  /**
   * With an unknown binary and no plugins line: treat the options of a pip build's built-in
   * plugins as available (no getopt or strict errors that only Debian's build would give).
   */
  assumeEmbedded?: boolean;
}

const NO_PLUGINS: ReadonlySet<string> = new Set();
/** A pip build's built-in plugins, shared by the configs that have exactly those (never modified). */
const EMBEDDED_PLUGIN_LIST = [...EMBEDDED_PLUGINS];
const PYTHON2_PLUGIN = /^python(2|27|2\.7)?$/;
const END_KEYS = new Set(['end', 'endfor', 'endif', 'end-if', 'end-for']);
/** `UWSGI_*` variables uWSGI sets for itself and does not read as options (utils.c:1616). */
const NOT_OPTION_ENV = ['RELOADS', 'VASSALS_DIR', 'EMPEROR_FD', 'BROODLORD_NUM', 'EMPEROR_FD_CONFIG', 'EMPEROR_PROXY', 'JAIL_PID', 'ORIGINAL_PROC_NAME'];
/** A value holding none of these has nothing for the `$()`, `@()`, `%()` passes. */
const PASS_SYMBOL = /[$@%]/;
const SCHEMES = ['call', 'callint', 'data', 'emperor', 'exec', 'fd', 'http', 'https', 'section', 'sym'];

export class UwsgiLoader {
  readonly cfg: UwsgiConfig;
  private readonly ex: OptionValue[] = [];
  /**
   * Plugin source directories built into the binary (a pip build's, shared by every such
   * config and never modified) and those loaded explicitly beyond them (plugins =, binary
   * name, autoload). Apart, so that a config of a pip build does not copy the built-in set.
   */
  private readonly builtIn: ReadonlySet<string>;
  private readonly loaded = new Set<string>();
  /**
   * Plugins assumed available without being loaded (an unknown binary that may be a pip
   * build): a pip build's built-in plugins or none, shared by every config (never modified).
   */
  private readonly assumed: ReadonlySet<string>;
  /** Plugins asked for with `plugins =`/`--plugin` (as written), with where. */
  readonly pluginRequests: Array<{ spec: string; dir: string; at: Span; available: boolean; need: boolean }> = [];
  private strict = false;
  private strictAt: Span | undefined;
  private autoload = false;
  private logicOpen = false;
  private readonly custom = new Set<string>();
  private lastFile: { path: string; source?: SourceFile; magic: FileMagic } | undefined;
  private firstMagic: FileMagic | undefined;
  private firstRoundLocked = false;
  private readonly loadStack: string[] = [];
  private stopped = false;

  constructor(
    private readonly ctx: LoadContext,
    root: SourceFile,
    entry: 'ini' | 'argv',
    private readonly setup: LoaderSetup,
  ) {
    this.cfg = {
      kind: 'uwsgi',
      root,
      files: [root],
      options: [],
      problems: [],
      entry,
      binary: setup.binary,
      implicitPlugins: setup.implicitPlugins,
      loads: [],
    };
    this.builtIn = setup.binary === 'embedded' ? EMBEDDED_PLUGINS : NO_PLUGINS;
    this.assumed = setup.binary === 'unknown' && setup.assumeEmbedded ? EMBEDDED_PLUGINS : NO_PLUGINS;
    for (const p of setup.implicitPlugins) this.load(pluginDir(p));
  }

  private isLoaded(plugin: string): boolean {
    return this.builtIn.has(plugin) || this.loaded.has(plugin);
  }

  private load(plugin: string): void {
    if (!this.builtIn.has(plugin)) this.loaded.add(plugin);
  }

  /** A variable of the process environment: the extra ones over the configured ones. */
  private envValue(name: string): string | undefined {
    const extra = this.setup.extraEnv;
    if (extra && Object.hasOwn(extra, name)) return extra[name];
    const env = this.ctx.config.env;
    return Object.hasOwn(env, name) ? env[name] : undefined;
  }

  problem(ruleId: string, at: Span, message: string, hint?: string, related?: ParseProblem['related']): void {
    const p: ParseProblem = { ruleId, at, message };
    if (hint) p.hint = hint;
    if (related) p.related = related;
    this.cfg.problems.push(p);
  }

  // -------------------------------------------------------------------------------------
  // Step 1: environment

  addEnvOptions(): void {
    // In the order of the merged environment: the configured variables (an extra one of the
    // same name replaces the value), then the extra ones that are new.
    const env = this.ctx.config.env;
    const extra = this.setup.extraEnv;
    for (const k in env) if (Object.hasOwn(env, k)) this.addEnvOption(k, extra && Object.hasOwn(extra, k) ? extra[k]! : env[k]!);
    if (extra) for (const k in extra) if (Object.hasOwn(extra, k) && !Object.hasOwn(env, k)) this.addEnvOption(k, extra[k]!);
  }

  private addEnvOption(k: string, v: string): void {
    if (!k.startsWith('UWSGI_') || NOT_OPTION_ENV.includes(k.slice(6))) return;
    const key = k.slice(6).toLowerCase().replaceAll('_', '-');
    this.add(new OptionValue(key, k, v, v, this.cfg.root, 0, 0, 0, 0, 'env'));
  }

  // -------------------------------------------------------------------------------------
  // Step 2: command line / ini

  /** The root ini checked on its own: as `uwsgi --ini <file>`. */
  loadRootIni(): void {
    const root = this.cfg.root;
    this.loadIniSource(root, root.deployedPath, root.deployedPath, 'uwsgi', undefined, undefined);
  }

  /** Table cache: `loaded` only grows and `assumed` never changes, so their sizes identify the plugin set. */
  private tableCache: { loaded: number; assumed: number; table: GetoptTable } | undefined;

  private currentGetoptTable(): GetoptTable {
    const c = this.tableCache;
    if (c && c.loaded === this.loaded.size && c.assumed === this.assumed.size) return c.table;
    const table = getoptTable(this.builtIn.size || this.assumed.size ? [...this.builtIn, ...this.loaded, ...this.assumed] : this.loaded);
    this.tableCache = { loaded: this.loaded.size, assumed: this.assumed.size, table };
    return table;
  }

  commandLine(words: Word[], source: SourceFile): void {
    const span = (start: number, end: number): Span => ({ source, start, end });
    const { rest, stopped } = getoptLong(
      words,
      () => this.currentGetoptTable(),
      (o) => {
        if (!this.stopped) this.add(new OptionValue(o.name, o.written, o.value ?? null, o.value ?? '', source, o.keyStart, o.keyEnd, o.valueStart, o.valueEnd, 'argv'));
      },
      (err) => {
        if (this.stopped) return;
        const hint =
          err.kind === 'ambiguous'
            ? `On the command line uWSGI accepts any unambiguous prefix of an option name; "${err.written}" matches ${err.candidates!.length} options. Write the full name.`
            : err.kind === 'unrecognized' || err.kind === 'invalid-short'
              ? this.unrecognizedHint(err.written)
              : err.kind === 'no-argument-allowed'
                ? 'This option is a flag: give it without a value (in an ini file, `name = false` turns it off).'
                : 'Give the option its value (`--name value` or `--name=value`).';
        this.problem(PROBLEM.commandLine, span(err.start, err.end), `uwsgi: ${err.message}`, `uWSGI prints "getopt_long() error" and exits with status 1. ${hint}`);
      },
    );
    if (stopped || this.stopped) {
      this.stopped = true;
      return;
    }
    for (const w of rest) {
      if (w.value.startsWith('[')) continue;
      this.loadByExtension(w.value, span(w.start, w.end), true);
      if (this.stopped) return;
    }
  }

  private unrecognizedHint(written: string): string {
    const name = written.replace(/^-+/, '').replace(/=.*$/, '');
    if (written.startsWith('--')) {
      const entries = optionEntries(name) ?? this.prefixPluginOption(name);
      if (entries) {
        const plugin = entries.find((e) => e.plugin !== 'core')?.plugin;
        if (plugin && !this.isLoaded(plugin)) {
          const so = plugin === 'python' ? 'python3' : plugin;
          return `"--${name}" belongs to the ${plugin} plugin, which is not loaded at this point: Debian's uWSGI has no built-in plugins. Put "--plugin ${so}" before it (or run uwsgi_${so === 'python3' ? 'python3' : so}).`;
        }
      }
    }
    return 'Check the spelling against `uwsgi --help` (with the plugins you load).';
  }

  private prefixPluginOption(prefix: string): OptionEntry[] | undefined {
    if (!prefix) return undefined;
    let found: OptionEntry[] | undefined;
    for (const name of ALL_OPTION_NAMES) {
      if (name.startsWith(prefix)) {
        const es = optionEntries(name)!;
        if (es.some((e) => e.plugin !== 'core')) {
          if (found) return undefined;
          found = es;
        }
      }
    }
    return found;
  }

  /** `uwsgi_opt_load` (core/uwsgi.c:4641): choose the reader by the file extension. */
  private loadByExtension(spec: string, at: Span, bare: boolean): void {
    const saved = this.firstRoundLocked;
    this.firstRoundLocked = true;
    try {
      if (spec.endsWith('.ini')) return this.loadIni(spec, at);
      const fmt = /\.(xml)$/.test(spec) ? 'xml' : /\.(ya?ml)$/.test(spec) ? 'yaml' : /\.(json|js)$/.test(spec) ? 'json' : undefined;
      if (fmt) {
        this.cfg.loads.push({ path: spec, section: 'uwsgi', sectionFound: true, at, format: fmt });
        return;
      }
      this.problem(
        PROBLEM.configLoad,
        at,
        `unable to load configuration from ${spec}`,
        bare
          ? 'uWSGI reads every command-line word that is not an option as a configuration file (by its extension: .ini, .xml, .yaml/.yml, .json/.js) and exits with status 1 when it cannot. An option value separated by a space from an option that takes none, or takes an optional value (`--chmod-socket 660`), ends up here: write `--name=value`.'
          : 'uWSGI exits with status 1: the file name must end in .ini, .xml, .yaml/.yml or .json/.js.',
      );
      this.stopped = true;
    } finally {
      this.firstRoundLocked = saved;
    }
  }

  /** `uwsgi_opt_load_ini` → `uwsgi_ini_config` (core/ini.c:80): `file[:section]`, `:section` reuses the last file. */
  loadIni(spec: string, at: Span | undefined): void {
    let file = spec;
    let section = 'uwsgi';
    let explicitSection: string | undefined;
    const schemeIdx = spec.indexOf('://');
    const scheme = schemeIdx > 0 && SCHEMES.includes(spec.slice(0, schemeIdx));
    let colon: number;
    if (scheme) {
      const slash = spec.lastIndexOf('/');
      const c = spec.indexOf(':', slash);
      colon = c === -1 ? -1 : spec.lastIndexOf(':');
      if (colon < slash) colon = -1;
    } else colon = spec.lastIndexOf(':');
    let reuse = false;
    if (colon !== -1) {
      if (colon + 1 < spec.length) {
        section = spec.slice(colon + 1);
        explicitSection = section;
      }
      file = spec.slice(0, colon);
      if (colon === 0) reuse = true;
    }
    if (scheme) {
      this.cfg.loads.push({ path: file, section, sectionFound: true, format: 'other', ...(at ? { at } : {}) });
      return;
    }
    if (reuse) {
      const last = this.lastFile;
      if (!last || !last.source) {
        if (at && !last) this.problem(PROBLEM.configLoad, at, `"${spec}" names a section of the previous ini file, but no ini file was loaded before`, 'uWSGI would try to open an empty file name and exit. Name the file: `file.ini:section`.');
        return;
      }
      this.loadIniSource(last.source, last.path, spec, section, at, new FileMagic(last.path, spec, explicitSection));
      return;
    }
    const deployed = this.resolvePath(file);
    if (deployed === undefined) {
      // Relative to uWSGI's working directory, which we do not know: the options stay unknown.
      this.cfg.loads.push({ path: file, section, sectionFound: true, format: 'ini', ...(at ? { at } : {}) });
      return;
    }
    if (this.loadStack.includes(deployed) || this.loadStack.length >= MAX_LOAD_DEPTH) {
      if (at)
        this.problem(
          PROBLEM.configLoad,
          at,
          this.loadStack.includes(deployed) ? `"${file}" loads itself again (an ini include cycle)` : `config files nest more than ${MAX_LOAD_DEPTH} levels deep`,
          'uWSGI loads `ini =` files immediately and without any guard, so a cycle recurses until uWSGI runs out of memory. Remove the cycle.',
        );
      this.stopped = true;
      return;
    }
    const read = readDeployedCached(this.ctx.fs, deployed);
    if (!read.ok) {
      this.cfg.loads.push({ path: deployed, section, sectionFound: false, format: 'ini', ...(at ? { at } : {}) });
      if (at) {
        if (this.ctx.fs.hostKindOf(deployed) === 'unknown' && read.code === 'ENOENT') return;
        this.problem(
          PROBLEM.configLoad,
          at,
          `cannot read the ini file "${deployed}": ${read.message}`,
          'uWSGI exits at startup when a configuration file cannot be found or opened ("realpath() of FILE failed: No such file or directory"). Fix the path, or map the deployed path to a local copy with --map.',
        );
        this.stopped = true;
      }
      return;
    }
    this.loadIniSource(read.source, deployed, spec, section, at, new FileMagic(deployed, spec, explicitSection));
  }

  private resolvePath(file: string): string | undefined {
    if (file.startsWith('/')) return path.posix.normalize(file);
    if (this.setup.cwd) return path.posix.join(this.setup.cwd, file);
    return undefined;
  }

  private loadIniSource(
    source: SourceFile,
    deployed: string,
    asGiven: string,
    section: string,
    at: Span | undefined,
    magicIn: FileMagic | undefined,
  ): void {
    const fileEntries = magicIn ?? new FileMagic(deployed, asGiven, undefined);
    if (!this.firstMagic && !this.firstRoundLocked) this.firstMagic = fileEntries;
    if (!this.cfg.files.includes(source)) this.cfg.files.push(source);
    this.lastFile = { path: deployed, source, magic: fileEntries };
    this.checkEncoding(source, at);
    const load: UwsgiLoad = { path: deployed, section, source, sectionFound: false, format: 'ini' };
    if (at) load.at = at;
    this.cfg.loads.push(load);
    if (source.decode.binary && at === undefined && source !== this.cfg.root) return;
    const table = new MagicTable(fileEntries, this.firstMagic);
    // A root ini checked on its own is read once; a file loaded from a config may be loaded by many.
    const read = at === undefined ? readIni(source, table, section) : cachedReadIni(source, table, section);
    load.sectionFound = read.sectionFound;
    load.headers = read.headers;
    load.deletedMagic = read.deletedMagic;
    this.loadStack.push(deployed);
    try {
      const entries = read.entries;
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        const hasValue = e.valueEnd > e.valueStart;
        const o = new OptionValue(
          e.key,
          e.key,
          e.value,
          rawText(source.text, e.valueStart, e.valueEnd, e.value),
          source,
          e.keyStart,
          e.keyEnd,
          hasValue ? e.valueStart : e.keyStart,
          hasValue ? e.valueEnd : e.keyEnd,
          'ini',
        );
        o.section = section;
        if (e.unknownMagic) o.mark(UNKNOWN);
        o.via = at;
        this.add(o);
        if (this.stopped) return;
      }
    } finally {
      this.loadStack.pop();
    }
  }

  private checkEncoding(source: SourceFile, at: Span | undefined): void {
    const d = source.decode;
    // Files named on the command line that are binary are reported by core/binary-file.
    if (d.binary && at) {
      this.problem(PROBLEM.encoding, at, `"${source.deployedPath}" is a binary file (it contains NUL bytes)`, 'uWSGI reads each line only up to its first NUL byte. Check the path.');
    }
    if (d.invalidUtf8) {
      const off = source.text.indexOf('\uFFFD');
      this.problem(
        PROBLEM.encoding,
        { source, start: Math.max(0, off), end: Math.max(0, off) + 1 },
        'the file is not valid UTF-8',
        'uWSGI passes the bytes through unchanged; stacklint shows them as U+FFFD, so values holding them are not checked exactly. Save the file as UTF-8.',
      );
    }
    if (d.bom) {
      const firstLineEnd = source.text.indexOf('\n');
      const first = source.text.slice(1, firstLineEnd === -1 ? undefined : firstLineEnd).trim();
      this.problem(
        PROBLEM.encoding,
        { source, start: 0, end: 1 },
        first.startsWith('[')
          ? `the file starts with a UTF-8 byte-order mark, so uWSGI does not see the section header "${first}"`
          : 'the file starts with a UTF-8 byte-order mark',
        first.startsWith('[')
          ? 'uWSGI reads the BOM bytes (EF BB BF) as the start of the first line, which is then not a section header: the options under it are ignored (and uWSGI warns Can\'t find section when no other header follows). Save the file as UTF-8 without a BOM.'
          : 'uWSGI reads the BOM bytes (EF BB BF) as part of the first line. Save the file as UTF-8 without a BOM.',
      );
    }
  }

  // -------------------------------------------------------------------------------------
  // add_exported_option (core/config.c:392)

  private add(e: OptionValue): void {
    const key = e.name;
    if (END_KEYS.has(key)) this.logicOpen = false;
    else if (this.logicOpen) {
      e.mark(!e.noValue && e.value.includes('%(_)') ? CONDITIONAL | UNKNOWN : CONDITIONAL);
    }
    this.ex.push(e);
    if (e.placeholder) {
      e.mark(CONFIGURED);
      if (isKnownOption(key) || this.custom.has(key)) {
        this.problem(
          PROBLEM.placeholder,
          e.keyAt,
          `you cannot use ${key} as a placeholder, it is already available as an option`,
          'uWSGI exits at startup. Pick a placeholder name that is not an option name.',
        );
        this.stopped = true;
      }
      return;
    }
    let entry = this.availableEntry(key);
    if (!entry && this.autoload) {
      const plugin = optionInfo(key)?.plugin;
      if (plugin && plugin !== 'core' && this.pluginInstallable(plugin)) {
        this.load(plugin);
        entry = this.availableEntry(key);
      }
    }
    if (!entry && !this.custom.has(key)) {
      e.mark(UNAVAILABLE_AT_ADD);
      if (this.strict) this.strictFatal(e);
      return;
    }
    if (!entry) return; // custom option: immediate, applied by its definition
    if (entry.flags.includes('UWSGI_OPT_IMMEDIATE')) {
      e.mark(CONFIGURED);
      this.immediate(e, entry);
    }
  }

  private strictFatal(e: OptionValue): void {
    const plugin = optionInfo(e.name)?.plugin;
    this.problem(
      PROBLEM.strict,
      e.keyAt,
      `[strict-mode] unknown config directive: ${e.name}`,
      plugin && plugin !== 'core'
        ? `With strict enabled uWSGI exits with status 1 on an option it does not know when it reads it: "${e.name}" comes from the ${plugin} plugin, which is not loaded yet here. Put the plugins line before it.`
        : `With strict enabled uWSGI exits with status 1 on any option it does not know, including custom placeholder keys: define placeholders with set-placeholder (set-ph) instead.`,
      this.strictAt ? [{ at: this.strictAt, message: 'strict mode is enabled here' }] : undefined,
    );
    this.stopped = true;
  }

  /** The option entry if the option is available now (core, or a loaded plugin's). */
  private availableEntry(key: string): OptionEntry | undefined {
    const es = optionEntries(key);
    if (!es) return undefined;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      if (e.debian === false) continue;
      if (e.plugin === 'core' || this.isLoaded(e.plugin) || this.assumed.has(e.plugin)) return e;
    }
    return undefined;
  }

  private pluginInstallable(plugin: string): boolean {
    if (this.setup.binary === 'embedded') return true;
    for (const p of DEBIAN_PLUGINS) if (pluginDir(p) === plugin) return true;
    return false;
  }

  private immediate(e: OptionValue, entry: OptionEntry): void {
    const value = e.given;
    switch (entry.kind) {
      case 'load': {
        if (value === null) return;
        if (e.name === 'ini') this.loadIni(value, e.at);
        else if (entry.parser === 'uwsgi_opt_load' || entry.parser === 'uwsgi_opt_load_config') this.loadByExtension(value, e.at, false);
        else {
          const format = entry.parser.includes('xml') ? 'xml' : entry.parser.includes('yml') ? 'yaml' : entry.parser.includes('json') ? 'json' : 'other';
          this.cfg.loads.push({ path: value, section: 'uwsgi', sectionFound: true, at: e.at, format });
        }
        return;
      }
      case 'plugin': {
        if (value === null) return;
        const need = e.name.startsWith('need-');
        for (const tok of value.split(',')) {
          const spec = tok.trim();
          if (!spec) continue;
          const dir = pluginDir(spec);
          const file = pluginFileName(spec);
          // Debian 12 has no Python 2 plugin (python_plugin.so); any other name may come from a
          // package we do not see here, so it counts as loaded.
          const available = this.setup.binary === 'embedded' || spec.includes('/') || !PYTHON2_PLUGIN.test(file);
          this.pluginRequests.push({ spec, dir, at: e.at, available, need });
          if (available) this.load(dir);
        }
        return;
      }
      case 'placeholder': {
        if (value === null) return;
        const eq = value.indexOf('=');
        if (eq === -1) {
          this.problem(PROBLEM.placeholder, e.at, 'invalid placeholder/--set value', `uWSGI exits at startup: ${e.name} takes name=value.`);
          this.stopped = true;
          return;
        }
        const name = value.slice(0, eq);
        const v = value.slice(eq + 1);
        const { source, start, end } = e.at;
        const o =
          source.text.slice(start, end) === value
            ? new OptionValue(name, name, v, v, source, start, start + eq, start + eq + 1, end, e.origin)
            : new OptionValue(name, name, v, v, source, start, end, start, end, e.origin);
        o.section = e.section;
        o.via = e.via;
        if (entry.data !== 'NULL') o.mark(PLACEHOLDER);
        this.add(o);
        return;
      }
      case 'logic':
        this.logicOpen = true;
        return;
      default:
        break;
    }
    if (e.name === 'strict') {
      this.strict = boolOf(value);
      if (this.strict) this.strictAt = e.keyAt;
    } else if (e.name === 'autoload') {
      this.autoload = boolOf(value);
    } else if (e.name === 'declare-option' || e.name === 'declare-option2') {
      if (value) {
        const eq = value.indexOf('=');
        if (eq > 0) this.custom.add(value.slice(0, eq));
      }
    }
  }

  // -------------------------------------------------------------------------------------
  // Step 3: passes

  runPasses(): void {
    if (this.stopped) return;
    // The passes change only values holding their symbol, so a value without any of the three
    // symbols is left alone by all of them: pick the others once.
    const pending: OptionValue[] = [];
    const ex = this.ex;
    for (let i = 0; i < ex.length; i++) {
      const e = ex[i]!;
      if (!e.noValue && !e.configured && !e.inherited && PASS_SYMBOL.test(e.value)) pending.push(e);
    }
    if (!pending.length) return;
    this.pass(pending, '$', (key) => {
      const value = this.envValue(key);
      return { value, unknown: value === undefined };
    });
    this.pass(pending, '@', (key, e) => this.atFile(key, e));
    this.pass(pending, '%', (key) => this.placeholder(key));
  }

  private atFile(file: string, e: OptionValue): { value: string | undefined; unknown: boolean } {
    const deployed = this.resolvePath(file);
    if (deployed === undefined || /^[a-z]+:\/\//.test(file) || file === '-') return { value: undefined, unknown: true };
    const kind = this.ctx.fs.hostKindOf(deployed);
    if (kind === 'unknown') return { value: undefined, unknown: true };
    const read = this.ctx.fs.readDeployed(deployed);
    if (!read.ok) {
      if (!e.conditional) {
        // Point at the `@(…)` as written (its text may hold magic variables).
        const text = e.at.source.text;
        const off = text.indexOf('@(', e.at.start);
        const close = off === -1 ? -1 : text.indexOf(')', off);
        const at: Span = off !== -1 && close !== -1 && close < e.at.end ? { source: e.at.source, start: off, end: close + 1 } : e.at;
        this.problem(
          PROBLEM.atFile,
          at,
          `@(${file}): cannot read "${deployed}" (${read.message})`,
          'uWSGI reads @(file) references at startup and exits when the file cannot be opened. Create the file or fix the path.',
        );
      }
      return { value: undefined, unknown: true };
    }
    let text = read.source.text;
    const nul = text.indexOf('\0');
    if (nul !== -1) text = text.slice(0, nul);
    if (text.endsWith('\n') || text.endsWith('\r')) text = text.slice(0, -1);
    return { value: text, unknown: false };
  }

  /** `uwsgi_manage_placeholder` (core/config.c:736). */
  private placeholder(key: string): { value: string | undefined; unknown: boolean } {
    if (!key.includes(' ')) {
      const o = this.firstExported(key);
      if (!o || o.noValue) return { value: undefined, unknown: false };
      return { value: o.value, unknown: !!o.unknown };
    }
    let state: 'concat' | 'sum' | 'sub' | 'mul' | 'div' = 'concat';
    let current: string | undefined;
    let unknown = false;
    for (const p of key.split(' ')) {
      if (p === '') continue;
      let value: string;
      if (/^\d*$/.test(p)) value = p;
      else if (p === '+' || p === '-' || p === '*' || p === '/') {
        state = p === '+' ? 'sum' : p === '-' ? 'sub' : p === '*' ? 'mul' : 'div';
        continue;
      } else if (p === '++' || p === '--') {
        if (current !== undefined) current = String(BigInt.asIntN(64, strtoll(current) + (p === '++' ? 1n : -1n)));
        state = 'concat';
        continue;
      } else {
        const o = this.firstExported(p);
        value = o?.value ?? '';
        if (o?.unknown) unknown = true;
      }
      if (state === 'concat') current = (current ?? '') + value;
      else {
        const a = current !== undefined ? strtoll(current) : 0n;
        const b = strtoll(value);
        let r: bigint;
        if (state === 'sum') r = a + b;
        else if (state === 'sub') r = a - b;
        else if (state === 'mul') r = a * b;
        else r = b === 0n ? 0n : a / b;
        current = String(BigInt.asIntN(64, r));
      }
      state = 'concat';
    }
    return { value: current, unknown };
  }

  /** First exported option by key; the index is built once the options are complete (passes add none). */
  private firstIndex: Map<string, OptionValue> | undefined;
  private firstExported(key: string): OptionValue | undefined {
    if (!this.firstIndex) {
      this.firstIndex = new Map();
      const ex = this.ex;
      for (let i = 0; i < ex.length; i++) {
        const o = ex[i]!;
        if (!this.firstIndex.has(o.name)) this.firstIndex.set(o.name, o);
      }
    }
    return this.firstIndex.get(key);
  }

  /** `uwsgi_apply_config_pass` (core/utils.c:3030), state machine and all. */
  private pass(pending: OptionValue[], symbol: string, hook: (key: string, e: OptionValue) => { value: string | undefined; unknown: boolean }): void {
    for (let i = 0; i < pending.length; i++) {
      const e = pending[i]!;
      if (this.stopped) return;
      let v = e.value;
      if (!v.includes(symbol)) continue;
      let hasSymbol = 0;
      let depth = 0;
      let magicKey = -1;
      let subs = 0;
      for (let j = 0; j < v.length; j++) {
        if (hasSymbol === 0) {
          // Outside a reference only the next symbol can change the state: jump to it.
          j = v.indexOf(symbol, j);
          if (j === -1) break;
        }
        const ch = v[j];
        if (ch === symbol) hasSymbol = 1;
        else if (ch === '(' && hasSymbol === 1) {
          hasSymbol = 2;
          depth = 0;
          magicKey = j + 1;
        } else if (hasSymbol > 1) {
          if (ch === '(') {
            hasSymbol++;
            depth++;
          } else if (ch === ')') {
            if (depth > 0) {
              hasSymbol++;
              depth--;
              continue;
            }
            if (hasSymbol <= 2) {
              magicKey = -1;
              hasSymbol = 0;
              continue;
            }
            const key = v.substr(magicKey, hasSymbol - 2);
            const r = hook(key, e);
            if (r.unknown) e.mark(UNKNOWN);
            if (r.value === undefined) {
              magicKey = -1;
              hasSymbol = 0;
              continue;
            }
            v = v.slice(0, magicKey - 2) + r.value + v.slice(magicKey + hasSymbol - 1);
            magicKey = -1;
            hasSymbol = 0;
            j = 0;
            if (++subs > MAX_SUBSTITUTIONS || v.length > MAX_EXPANSION) {
              this.problem(
                symbol === '%' ? PROBLEM.placeholder : PROBLEM.atFile,
                e.at,
                symbol === '%' ? `the placeholders in "${e.name}" expand without end` : `the ${symbol}(…) references in "${e.name}" expand without end`,
                symbol === '%'
                  ? 'A %(name) placeholder refers back to itself through other placeholders: uWSGI keeps expanding the value until it runs out of memory (malloc fails) and exits. Break the cycle.'
                  : `uWSGI rescans a value after each ${symbol}(…) substitution, and what was substituted refers back to itself: uWSGI keeps expanding until it runs out of memory. Break the cycle.`,
              );
              e.mark(UNKNOWN);
              v = e.value;
              // uWSGI dies on this one (malloc fails); nothing after it matters.
              this.stopped = true;
              break;
            }
          } else hasSymbol++;
        } else hasSymbol = 0;
      }
      e.value = v;
    }
  }

  // -------------------------------------------------------------------------------------
  // Step 4: options applied; `inherit` files read now

  configure(): void {
    if (this.stopped) return;
    for (let i = 0; i < this.ex.length; i++) {
      const e = this.ex[i]!;
      if (e.configured) continue;
      if (e.name === 'inherit' && !e.noValue && !e.unknown) {
        const before = this.ex.length;
        this.loadByExtension(e.value, e.at, false);
        for (let k = before; k < this.ex.length; k++) this.ex[k]!.mark(INHERITED);
      }
      if (this.stopped) return;
      // The second strict check happens here, with every plugin loaded.
      if (this.strict && !this.availableEntry(e.name) && !this.custom.has(e.name) && !e.placeholder && !(e.name === 'end')) {
        this.strictFatal(e);
        return;
      }
    }
  }

  finish(): UwsgiConfig {
    const ex = this.ex;
    for (let i = 0; i < ex.length; i++) {
      const e = ex[i]!;
      const info = optionInfo(e.name);
      e.entry = info;
      if (info || this.custom.has(e.name)) e.mark(KNOWN);
      if (info && info.plugin !== 'core') {
        if (this.isLoaded(info.plugin)) e.mark(PLUGIN_LOADED);
        if (e.unavailableAtAdd) e.mark(BEFORE_PLUGIN);
      }
    }
    this.cfg.options = this.ex;
    // A pip build loading nothing more shares the list of its built-in plugins.
    this.cfg.plugins = this.builtIn === EMBEDDED_PLUGINS && this.loaded.size === 0 ? EMBEDDED_PLUGIN_LIST : [...this.builtIn, ...this.loaded];
    if (this.assumed.size) this.cfg.assumedPlugins = EMBEDDED_PLUGIN_LIST;
    this.cfg.pluginRequests = this.pluginRequests;
    this.cfg.strict = this.strict;
    this.cfg.autoload = this.autoload;
    this.cfg.incomplete = this.stopped || this.cfg.loads.some((l) => !l.source);
    this.cfg.stopped = this.stopped;
    return this.cfg;
  }
}

const readsByFs = new WeakMap<FsView, Map<string, ReadResult>>();

/** FsView caches reads by resolved local path; this skips the path arithmetic for repeated loads. */
function readDeployedCached(fs: FsView, deployed: string): ReadResult {
  let m = readsByFs.get(fs);
  if (!m) readsByFs.set(fs, (m = new Map()));
  let r = m.get(deployed);
  if (!r) {
    r = fs.readDeployed(deployed);
    m.set(deployed, r);
  }
  return r;
}

/**
 * One ini file is often read by many configurations (every supervisor program that runs it):
 * a read depends only on the text, the magic table and the section, so keep it per file.
 */
const readCache = new WeakMap<SourceFile, Map<string, IniRead>>();

function cachedReadIni(source: SourceFile, table: MagicTable, section: string): IniRead {
  const key = `${section}\0${table.key()}`;
  let perFile = readCache.get(source);
  if (!perFile) {
    perFile = new Map();
    readCache.set(source, perFile);
  }
  let read = perFile.get(key);
  if (!read) {
    read = readIni(source, table, section);
    perFile.set(key, read);
  }
  return read;
}

/**
 * The text of a value as written. Usually (no magic variable in it) the entry's value already
 * is that text: share the string instead of keeping a second copy for every option.
 */
function rawText(text: string, start: number, end: number, value: string): string {
  return end - start === value.length && text.startsWith(value, start) ? value : text.slice(start, end);
}

function boolOf(value: string | null): boolean {
  if (value === null) return true;
  const l = value.toLowerCase();
  return !(l === 'false' || l === 'off' || l === 'no' || value === '0');
}

/** C `strtoll(s, NULL, 10)`: leading space, sign, digits; 0 when none; saturating. */
export function strtoll(s: string): bigint {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(s);
  if (!m) return 0n;
  let v = BigInt(m[2]!);
  if (m[1] === '-') v = -v;
  const max = (1n << 63n) - 1n;
  const min = -(1n << 63n);
  return v > max ? max : v < min ? min : v;
}
