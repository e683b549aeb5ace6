/**
 * uWSGI front end entry points: the engine's sniff/load, the command-line parser other
 * front ends call (supervisor `command=` lines), and small helpers rules share.
 *
 * Only ini files are read (xml/yaml/json configurations are recorded as loads, not parsed).
 */
import type { LoadContext } from '../../core/project.js';
import type { SourceFile } from '../../core/source.js';
import { UwsgiLoader, type LoaderSetup } from './loader.js';
import type { UwsgiConfig, UwsgiOptionValue } from './model.js';
import { aliasGroup, canonicalName, type ParserKind } from './options.js';

export type { UwsgiConfig, UwsgiOptionValue, UwsgiLoad, UwsgiPluginRequest } from './model.js';
export { PROBLEM as UWSGI_PROBLEM } from './loader.js';

/** One word of a command line; offsets are into the file holding it. */
export interface ArgWord {
  value: string;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------
// Sniffing

const UWSGI_KEYS = new Set([
  'module',
  'wsgi-file',
  'socket',
  'uwsgi-socket',
  'http-socket',
  'http',
  'master',
  'chdir',
  'processes',
  'workers',
  'threads',
  'home',
  'virtualenv',
  'venv',
  'pythonpath',
  'vacuum',
  'harakiri',
  'plugins',
  'plugin',
  'chmod-socket',
  'callable',
  'enable-threads',
  'die-on-term',
  'max-requests',
  'buffer-size',
  'pidfile',
  'daemonize',
  'logto',
  'uid',
  'gid',
  'static-map',
  'env',
  'need-app',
  'lazy-apps',
  'single-interpreter',
  'wsgi',
  'mount',
  'manage-script-name',
  'py-autoreload',
  'touch-reload',
  'emperor',
]);

const KEY_LINE = /^[ \t]*([A-Za-z][\w.-]*)[ \t]*=/gm;

/** How sure we are that a file is of this kind (0 = not at all, 1 = certain), from its name and text. */
export function sniffUwsgi(filePath: string, text: string): number {
  if (/\.(py|xml|ya?ml|json|js)$/i.test(filePath)) return 0;
  if (/^[ \t]*\[(program:|supervisord\]|supervisorctl\]|unix_http_server\]|inet_http_server\]|group:|eventlistener:|fcgi-program:|rpcinterface:|include\])/m.test(text)) return 0;
  const head = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = head.trimStart();
  if (first.startsWith('<') || first.startsWith('{')) return 0;
  const hasSection = /^[ \t]*\[uwsgi\][ \t\r]*$/m.test(head);
  let keys = 0;
  let nginxish = 0;
  KEY_LINE.lastIndex = 0;
  for (let m = KEY_LINE.exec(head); m && keys < 3; m = KEY_LINE.exec(head)) if (UWSGI_KEYS.has(m[1]!)) keys++;
  if (!hasSection && keys === 0) return 0;
  // nginx text: directives ending in `;`, blocks with braces.
  if (/^[ \t]*(server|http|location|upstream|events)\b[^\n=]*\{/m.test(head)) nginxish++;
  if (nginxish) return 0;
  const ini = /\.ini$/i.test(filePath);
  if (hasSection) return ini ? 0.95 : keys > 0 ? 0.8 : 0.6;
  if (ini) return keys >= 2 ? 0.7 : 0.5;
  return keys >= 3 ? 0.4 : 0;
}

// ---------------------------------------------------------------------------------------
// Loading

const PLUGINS_LINE = /^[ \t]*(?:need-)?plugins?[ \t]*=([^\n]*)$/gm;
const PLUGINS_ARG = /^--?(?:need-)?plugins?(?:=(.*))?$/;
const LANGUAGE_PLUGIN = /(^|[\s,:/])(python[\d.]*|http)(_plugin\.so)?\s*(,|$)/;

/**
 * Whether a configuration loads the python or http plugin itself: then it was written for a
 * uWSGI without them built in (Debian's), and a pip build cannot be assumed.
 */
function loadsLanguagePlugin(values: Iterable<string>): boolean {
  for (const v of values) if (LANGUAGE_PLUGIN.test(v.trim())) return true;
  return false;
}

function pluginLines(text: string): string[] {
  const out: string[] = [];
  PLUGINS_LINE.lastIndex = 0;
  for (let m = PLUGINS_LINE.exec(text); m; m = PLUGINS_LINE.exec(text)) out.push(m[1]!);
  return out;
}

function loadOne(root: SourceFile, ctx: LoadContext): UwsgiConfig {
  const l = new UwsgiLoader(ctx, root, 'ini', { binary: 'unknown', implicitPlugins: [], assumeEmbedded: !loadsLanguagePlugin(pluginLines(root.text)) });
  l.addEnvOptions();
  l.loadRootIni();
  l.runPasses();
  l.configure();
  return l.finish();
}

/** Load the roots the engine found; files reached from another root (includes, imports) are not roots of their own. */
export function loadUwsgi(roots: SourceFile[], ctx: LoadContext): UwsgiConfig[] {
  const configs = roots.map((root) => loadOne(root, ctx));
  const included = new Set<SourceFile>();
  for (const c of configs) for (const f of c.files) if (f !== c.root) included.add(f);
  return configs.filter((c) => !included.has(c.root));
}

export interface CommandLineOptions {
  /** uWSGI's working directory (supervisor `directory=`), for relative `--ini` paths. */
  cwd?: string;
  /** Extra environment of the process (supervisor `environment=`), over the configured one. */
  env?: Record<string, string>;
}

/**
 * A uWSGI command line (`args[0]` is the program), parsed as uWSGI does: getopt_long over
 * the options known at each point, `--ini file[:section]` loads in order, bare `*.ini`
 * arguments loaded after the options; then `$()`, `@()`, `%()` passes.
 */
export function parseUwsgiCommandLine(args: ArgWord[], source: SourceFile, ctx: LoadContext, opts: CommandLineOptions = {}): UwsgiConfig {
  const program = args[0]?.value ?? 'uwsgi';
  const { binary, implicitPlugins } = binaryOf(program);
  const pluginArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!.value;
    // Only an option naming plugins can match: most words are skipped without the regex.
    const m = word.charCodeAt(0) === 45 /* - */ && word.includes('plugin') ? PLUGINS_ARG.exec(word) : null;
    if (m) pluginArgs.push(m[1] ?? args[i + 1]?.value ?? '');
  }
  const mentionsPlugins = loadsLanguagePlugin(pluginArgs);
  const setup: LoaderSetup = { binary, implicitPlugins, assumeEmbedded: binary === 'unknown' && !mentionsPlugins };
  if (opts.cwd) setup.cwd = opts.cwd;
  if (opts.env) setup.extraEnv = opts.env;
  const l = new UwsgiLoader(ctx, source, 'argv', setup);
  if (args[0]) l.cfg.program = { value: args[0].value, at: { source, start: args[0].start, end: args[0].end } };
  l.addEnvOptions();
  l.commandLine(args, source);
  l.runPasses();
  l.configure();
  return l.finish();
}

/**
 * Which uWSGI a program path runs: Debian's `/usr/bin/uwsgi` (uwsgi-core, no built-in
 * plugins), a pip/source build (a virtualenv's or /usr/local's `bin/uwsgi`, with python and
 * http built in), or unknown (`uwsgi` found on PATH). A name with `uwsgi_` loads the plugins
 * after it (`uwsgi_python3`, core/uwsgi.c:2216).
 */
export function binaryOf(program: string): { binary: UwsgiConfig['binary']; implicitPlugins: string[] } {
  const base = program.slice(program.lastIndexOf('/') + 1);
  const u = base.indexOf('uwsgi_');
  const implicitPlugins = u === -1 ? [] : base.slice(u + 6).split('_').filter(Boolean);
  let binary: UwsgiConfig['binary'] = 'unknown';
  if (program.startsWith('/usr/bin/') || program.startsWith('/bin/')) binary = 'debian';
  else if (program.includes('/')) binary = 'embedded';
  return { binary, implicitPlugins };
}

// ---------------------------------------------------------------------------------------
// Helpers for rules and other front ends

// The lookups below scan the config's options (about 25 per config) instead of keeping an
// index per config: rules ask ~30 questions per config, a scan of 25 options answers each in
// a few name comparisons, and an index (two Maps and their lists per config, thousands of
// configs, alive for the whole run) cost more to build and to carry through every garbage
// collection than all the scans together. Answers are in the order uWSGI applies options;
// placeholders (`set-placeholder`) are never options and are left out.

const NONE: readonly UwsgiOptionValue[] = [];

/**
 * Whether an option sets the variable `name` names: the same name, or for names with
 * aliases (processes/workers, …) any name of its group (`group`, from `aliasGroup(name)`).
 * Alias groups do not overlap, so this is `canonicalName(o.name) === canonicalName(name)`.
 */
function setsVariable(o: UwsgiOptionValue, name: string, group: readonly string[] | undefined): boolean {
  return group === undefined ? o.name === name : group.includes(o.name);
}

/** Every value of an option (and its aliases), in the order uWSGI applies them. Placeholders are left out. */
export function allValues(config: UwsgiConfig, name: string): readonly UwsgiOptionValue[] {
  const group = aliasGroup(name);
  const options = config.options;
  let out: UwsgiOptionValue[] | undefined;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (setsVariable(o, name, group) && !o.placeholder) (out ??= []).push(o);
  }
  return out ?? NONE;
}

/** Every option whose parser is of this kind (`bool`, `socket`, …), in the order uWSGI applies them. Placeholders are left out. */
export function optionsOfKind(config: UwsgiConfig, kind: ParserKind): readonly UwsgiOptionValue[] {
  const options = config.options;
  let out: UwsgiOptionValue[] | undefined;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (o.entry !== undefined && o.entry.kind === kind && !o.placeholder) (out ??= []).push(o);
  }
  return out ?? NONE;
}

/** The values of every option variable set more than once (aliases together), each in the order uWSGI applies them. Placeholders are left out. */
export function repeatedVariables(config: UwsgiConfig): UwsgiOptionValue[][] {
  // By variable, in the order of first use: the option when set once, else every value.
  const byVariable = new Map<string, UwsgiOptionValue | UwsgiOptionValue[]>();
  for (const o of config.options) {
    if (o.placeholder) continue;
    const variable = canonicalName(o.name);
    const before = byVariable.get(variable);
    if (before === undefined) byVariable.set(variable, o);
    else if (Array.isArray(before)) before.push(o);
    else byVariable.set(variable, [before, o]);
  }
  const groups: UwsgiOptionValue[][] = [];
  for (const values of byVariable.values()) if (Array.isArray(values)) groups.push(values);
  return groups;
}

/** Every option that uWSGI does not know (no table entry, no `declare-option`), in order. Placeholders are left out. */
export function unknownOptions(config: UwsgiConfig): readonly UwsgiOptionValue[] {
  const options = config.options;
  let out: UwsgiOptionValue[] | undefined;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (!o.known && !o.placeholder) (out ??= []).push(o);
  }
  return out ?? NONE;
}

/** The value uWSGI ends up with for a scalar option (last occurrence; aliases count as one option). */
export function effectiveValue(config: UwsgiConfig, name: string): UwsgiOptionValue | undefined {
  const group = aliasGroup(name);
  const options = config.options;
  for (let i = options.length - 1; i >= 0; i--) {
    const o = options[i]!;
    if (setsVariable(o, name, group) && !o.placeholder) return o;
  }
  return undefined;
}

/** `uwsgi_opt_true`: false only for `false`/`off`/`no` (any case) or exactly `0`; no value = true. */
export function uwsgiBool(value: string | undefined): boolean {
  if (value === undefined) return true;
  const l = value.toLowerCase();
  return !(l === 'false' || l === 'off' || l === 'no' || value === '0');
}

/** A boolean option's effect, or undefined when its value is unknown. */
export function optionBool(o: UwsgiOptionValue | undefined): boolean | undefined {
  if (!o) return undefined;
  if (o.unknown) return undefined;
  return uwsgiBool(o.noValue ? undefined : o.value);
}

/** Whether a boolean option ends up on (last occurrence wins); undefined when unknown. */
export function isOptionOn(config: UwsgiConfig, name: string): boolean | undefined {
  const v = effectiveValue(config, name);
  if (!v) return false;
  return optionBool(v);
}
