/**
 * The uWSGI option table (data/uwsgi/options.json, generated from the uWSGI 2.0.21 source
 * by scripts/gen-uwsgi-options.ts) and the lookups the front end and rules need: is a name
 * an option at all, which plugin defines it, how its parser treats values, which names
 * write the same variable (aliases), and the getopt_long tables for a set of loaded plugins.
 *
 * Everything is built once at module load.
 */
import * as fs from 'node:fs';
import { LineTable } from '../../core/line-table.js';
import { dataFile } from '../../core/package-root.js';

export type TakesArgument = 'required' | 'no' | 'optional';
/**
 * How the option's parser function treats the value:
 * - `bool` (`uwsgi_opt_true`: false only for false/off/no/0), `bool-inverted` (`uwsgi_opt_false`)
 * - `int` (atoi, negative → exit), `int16` (strtoul clamped to 65535), `int64` (strtoul),
 *   `megabytes` (strtoul × 1 MiB), `string` (last value wins)
 * - `list` (every occurrence accumulates), `socket` (accumulates, binds a socket),
 *   `router` (corerouter gateway address, accumulates)
 * - `load` (reads another configuration file, immediately), `plugin` (loads plugins, immediately)
 * - `placeholder` (`set`, `set-placeholder`), `logic` (`if-env`, `for`, …: consumes the
 *   following options), `action` (anything else: does something per occurrence)
 */
export type ParserKind =
  | 'bool'
  | 'bool-inverted'
  | 'int'
  | 'int16'
  | 'int64'
  | 'megabytes'
  | 'string'
  | 'list'
  | 'socket'
  | 'router'
  | 'load'
  | 'plugin'
  | 'placeholder'
  | 'logic'
  | 'action';

export interface OptionEntry {
  /** `core` or the plugin directory name (`python`, `http`, …). */
  plugin: string;
  table: string;
  file: string;
  line: number;
  takesArgument: TakesArgument;
  /** Short option letter (`s` for `-s`). */
  short?: string;
  parser: string;
  kind: ParserKind;
  /** The `data` argument as written (`&uwsgi.numproc`, `"http"`, `NULL`). */
  data: string;
  flags: string[];
  help: string;
  /** Preprocessor conditions around the entry, joined with ` && `. */
  ifdef?: string;
  /** Set (false) when the `#if` condition is false in Debian's build (macOS, FreeBSD, …). */
  debian?: false;
}

/** The table file's fields besides `options` (which are read per name, see LineTable). */
interface TableHeader {
  generatedFrom: string;
  figures: Record<string, unknown>;
  tables: Array<{ name: string; plugin: string; file: string; line: number; entries: number }>;
  /** Names that set the same variable (groups of two or more, table order). */
  aliases: string[][];
  /** Per entry that exists on Linux, in table order: name, plugin, takes argument, short letter or "". */
  getopt: Array<[string, string, TakesArgument, string]>;
}

/** data/uwsgi/<file> of the installed package. */
export function uwsgiDataFile(file: string): string {
  return dataFile('uwsgi', file);
}

// The generator writes the table in ASCII (non-ASCII escaped), so latin1 reads it exactly and
// faster; an option's entries are parsed when first asked for.
const OPTIONS = new LineTable<OptionEntry[]>(fs.readFileSync(uwsgiDataFile('options.json'), 'latin1'), 'options');
export const OPTION_TABLE = OPTIONS.header as unknown as TableHeader;

/** Plugins shipped by Debian's uwsgi packages (`/usr/lib/uwsgi/plugins/<name>_plugin.so`). */
export const DEBIAN_PLUGINS: ReadonlySet<string> = new Set(
  fs
    .readFileSync(uwsgiDataFile('debian-plugins.txt'), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * Plugins compiled into a uWSGI built by pip or from source with the default profile
 * (buildconf/base.ini `embedded_plugins` + default.ini `main_plugin = python,gevent`);
 * only those with options matter here.
 */
export const EMBEDDED_PLUGINS: ReadonlySet<string> = new Set([
  'python',
  'gevent',
  'ping',
  'cache',
  'nagios',
  'rrdtool',
  'carbon',
  'rpc',
  'corerouter',
  'fastrouter',
  'http',
  'ugreen',
  'signal',
  'syslog',
  'rsyslog',
  'logsocket',
  'router_uwsgi',
  'router_redirect',
  'router_basicauth',
  'zergpool',
  'redislog',
  'mongodblog',
  'router_rewrite',
  'router_http',
  'logfile',
  'router_cache',
  'rawrouter',
  'router_static',
  'sslrouter',
  'spooler',
  'cheaper_busyness',
  'symcall',
  'transformation_tofile',
  'transformation_gzip',
  'transformation_chunked',
  'transformation_offload',
  'router_memcached',
  'router_redis',
  'router_hash',
  'router_expires',
  'router_metrics',
  'transformation_template',
  'stats_pusher_socket',
]);

/** Every option name, in table order. */
export const ALL_OPTION_NAMES: readonly string[] = OPTIONS.names();

export function optionEntries(name: string): OptionEntry[] | undefined {
  return OPTIONS.get(name);
}

export function isKnownOption(name: string): boolean {
  return OPTIONS.has(name);
}

/**
 * optionInfo's answers for option names, asked for every option of every config. Only names
 * that are options are kept: the cache stays as small as the table in a long-lived process
 * (the language server) whatever keys the files it sees invent.
 */
const linuxEntries = new Map<string, OptionEntry>();

/** The entry uWSGI on Linux uses for a name (the first one whose `#if` holds on Debian). */
export function optionInfo(name: string): OptionEntry | undefined {
  let info = linuxEntries.get(name);
  if (info === undefined) {
    const es = OPTIONS.get(name);
    if (!es) return undefined;
    info = linuxEntry(es);
    linuxEntries.set(name, info);
  }
  return info;
}

function linuxEntry(entries: OptionEntry[]): OptionEntry {
  return entries.find((e) => e.debian !== false) ?? entries[0]!;
}

/** Plugin source directory for a name as written in `plugins =` (`python3` → `python`). */
export function pluginDir(spec: string): string {
  let p = spec.trim();
  const colon = p.indexOf(':');
  if (colon >= 0 && /^\d+$/.test(p.slice(0, colon))) p = p.slice(colon + 1);
  const bar = p.indexOf('|');
  if (bar >= 0) p = p.slice(0, bar);
  const slash = p.lastIndexOf('/');
  if (slash >= 0) p = p.slice(slash + 1);
  if (p.endsWith('_plugin.so')) p = p.slice(0, -'_plugin.so'.length);
  if (/^python[\d.]*$/.test(p)) return 'python';
  // Debian names builds for one interpreter after it: gevent_python3, asyncio_python3, rack_ruby30…
  p = p.replace(/_(python|ruby|openjdk|lua)[\d.]*$/, '');
  if (/^(ruby\d*|rack)$/.test(p)) return 'rack';
  if (/^(psgi|perl)$/.test(p)) return 'psgi';
  if (/^php\d*$/.test(p)) return 'php';
  if (/^lua\d*$/.test(p)) return 'lua';
  return p;
}

/** The `.so` name a plugin spec loads (`python3` → `python3`, `/x/y_plugin.so` → `y`). */
export function pluginFileName(spec: string): string {
  let p = spec.trim();
  const colon = p.indexOf(':');
  if (colon >= 0 && /^\d+$/.test(p.slice(0, colon))) p = p.slice(colon + 1);
  const bar = p.indexOf('|');
  if (bar >= 0) p = p.slice(0, bar);
  const slash = p.lastIndexOf('/');
  if (slash >= 0) p = p.slice(slash + 1);
  if (p.endsWith('_plugin.so')) p = p.slice(0, -'_plugin.so'.length);
  return p;
}

// ---------------------------------------------------------------------------------------
// Aliases: names whose parser writes the same variable (processes/workers,
// home/virtualenv/venv/pyhome, module/wsgi, wsgi-file/file, …).

const ALIASES = new Map<string, string[]>();
for (const group of OPTION_TABLE.aliases) for (const name of group) ALIASES.set(name, group);

/** Every name of the option's variable, the option itself first when it has no aliases. */
export function aliasesOf(name: string): readonly string[] {
  return ALIASES.get(name) ?? [name];
}

/** The names writing the same variable as `name` (itself included), or undefined when it has no aliases. */
export function aliasGroup(name: string): readonly string[] | undefined {
  return ALIASES.get(name);
}

/** One name per variable (the first in table order), for grouping. */
export function canonicalName(name: string): string {
  return ALIASES.get(name)?.[0] ?? name;
}

// ---------------------------------------------------------------------------------------
// getopt_long tables

export interface LongOption {
  name: string;
  hasArg: TakesArgument;
}

export interface GetoptTable {
  /** Long options in runtime order. */
  long: LongOption[];
  byName: Map<string, LongOption>;
  /** Short option letter → option name and argument kind (the first option with the letter). */
  short: Map<string, { name: string; hasArg: TakesArgument }>;
}

const getoptCache = new Map<string, GetoptTable>();
/** The same tables by the plugin list as given: configs of one kind list their plugins in the same order. */
const getoptCacheAsListed = new Map<string, GetoptTable>();

/**
 * The tables `build_options` makes (core/uwsgi.c:3635): base options, then the loaded
 * plugins' options. `platform` says which `#if` branches count (Debian's build for Linux).
 */
export function getoptTable(plugins: Iterable<string>): GetoptTable {
  const listed = [...plugins];
  const listedKey = listed.join(',');
  let t = getoptCacheAsListed.get(listedKey);
  if (!t) {
    t = buildGetoptTable(listed);
    getoptCacheAsListed.set(listedKey, t);
  }
  return t;
}

function buildGetoptTable(plugins: string[]): GetoptTable {
  const set = [...new Set(plugins)].sort();
  const key = set.join(',');
  const hit = getoptCache.get(key);
  if (hit) return hit;
  const loaded = new Set(set);
  const long: LongOption[] = [];
  const byName = new Map<string, LongOption>();
  const short = new Map<string, { name: string; hasArg: TakesArgument }>();
  const add = ([name, , hasArg, letter]: TableHeader['getopt'][number]) => {
    const o = { name, hasArg };
    long.push(o);
    if (!byName.has(name)) byName.set(name, o);
    if (letter && !short.has(letter)) short.set(letter, { name, hasArg });
  };
  // Base options first, then plugins (request plugins and generic ones; their relative order
  // does not change getopt's answers, since every long option has its own `val`).
  for (const row of OPTION_TABLE.getopt) if (row[1] === 'core') add(row);
  for (const row of OPTION_TABLE.getopt) if (row[1] !== 'core' && loaded.has(row[1])) add(row);
  const t: GetoptTable = { long, byName, short };
  getoptCache.set(key, t);
  return t;
}
