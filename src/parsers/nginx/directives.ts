/**
 * The nginx directive table (data/nginx/directives.json, generated from the nginx 1.22.1
 * source by scripts/gen-nginx-directives.ts) and the lookup `ngx_conf_handler` does:
 * match the name exactly (case-sensitive), then pick the entry whose module type and
 * context bits fit the block the directive is in. A name that matches only entries of the
 * wrong type or context is "not allowed here"; no name match is "unknown".
 *
 * Maps are built once at module load; a lookup is a Map get plus a scan of at most a few
 * entries.
 */
import * as fs from 'node:fs';
import { LineTable } from '../../core/line-table.js';
import { dataFile as packageDataFile } from '../../core/package-root.js';
import type { ExtraDirective } from '../../core/config.js';

export type ModuleType = 'core' | 'conf' | 'event' | 'http' | 'mail' | 'stream';

/** Contexts whose contents are directives (named after the block that opens them). */
export const DIRECTIVE_CONTEXTS = [
  'main',
  'events',
  'http',
  'server',
  'location',
  'if-in-server',
  'if-in-location',
  'limit_except',
  'upstream',
  'mail',
  'mail/server',
  'stream',
  'stream/server',
  'stream/upstream',
] as const;
export type DirectiveContext = (typeof DIRECTIVE_CONTEXTS)[number];

/** Blocks whose contents are not directives but entries parsed by the block's own handler. */
export const BODY_CONTEXTS = ['types', 'map', 'geo', 'split_clients', 'charset_map', 'stream/map', 'stream/geo', 'stream/split_clients'] as const;
export type BodyContext = (typeof BODY_CONTEXTS)[number];

/** Inside a block we cannot model (third-party module, misplaced block): rules stay silent. */
export const UNKNOWN_CONTEXT = 'unknown';

const CONTEXT_INDEX = new Map<string, number>(DIRECTIVE_CONTEXTS.map((c, i) => [c, i]));

/** Index of a directive context in DIRECTIVE_CONTEXTS, or -1. */
export function contextIndex(c: string): number {
  return CONTEXT_INDEX.get(c) ?? -1;
}
const BODY_SET = new Set<string>(BODY_CONTEXTS);

export function isDirectiveContext(c: string): c is DirectiveContext {
  return CONTEXT_INDEX.has(c);
}

export function isBodyContext(c: string): c is BodyContext {
  return BODY_SET.has(c);
}

/** Module type nginx expects in each context (`cf->module_type`). */
export const CONTEXT_MODULE_TYPE: Record<DirectiveContext, ModuleType> = {
  main: 'core',
  events: 'event',
  http: 'http',
  server: 'http',
  location: 'http',
  'if-in-server': 'http',
  'if-in-location': 'http',
  limit_except: 'http',
  upstream: 'http',
  mail: 'mail',
  'mail/server': 'mail',
  stream: 'stream',
  'stream/server': 'stream',
  'stream/upstream': 'stream',
};

/** How a context is called in messages ("if" blocks in nginx's docs say "if in location"). */
export function contextLabel(c: string): string {
  switch (c) {
    case 'if-in-server':
      return 'if in server';
    case 'if-in-location':
      return 'if in location';
    case 'stream/server':
      return 'server (stream)';
    case 'stream/upstream':
      return 'upstream (stream)';
    case 'mail/server':
      return 'server (mail)';
    default:
      return c;
  }
}

/** One row of the table, as generated. */
export interface DirectiveEntry {
  module: string;
  type: ModuleType;
  /** Context names (see src/parsers/nginx/contexts.ts); `any` for the conf module (`include`). */
  contexts: string[];
  /** `0`, `1`, `1|2`, …, `1+`, `2+`, `flag`, `any`, or `unknown` (reference-lib entries). */
  args: string;
  block?: true;
  handler?: string;
  /** Which configuration struct the handler writes: `main`, `srv`, `loc` (http/stream/mail), or `core`/`direct`. */
  conf?: string;
  /** The struct field written (from `offsetof(type, field)`), for duplicate detection. */
  field?: string;
  /** Values accepted by `ngx_conf_set_enum_slot` / `ngx_conf_set_bitmask_slot`. */
  values?: string[];
  /** Replacement named by `ngx_conf_deprecated_t` (the directive still works, with a warning). */
  deprecated?: string;
  file?: string;
  line?: number;
  /** Preprocessor conditions around the entry (`#if (NGX_HTTP_SSL)` …), joined with ` && `. */
  ifdef?: string;
  /** The `type` word of the command as hex. */
  raw?: string;
  /** The module is compiled into the Debian nginx binary (otherwise it is a dynamic or absent module). */
  inBuild: boolean;
  /** `nginx-1.22.1`, `reference-lib` (documented for newer or commercial nginx), or `config` (nginx.extraDirectives). */
  source: string;
}

/** An entry with its decoded checks. */
export interface Directive extends DirectiveEntry {
  name: string;
  /** Bit i set ⇔ allowed in DIRECTIVE_CONTEXTS[i]. */
  contextMask: number;
  /** Matches any module type (the conf module's `include`, user extensions). */
  anyType: boolean;
  /** Argument count check: null when nothing is checked. */
  argCheck: ArgCheck | null;
  /** Whether `block` is known (false for user extensions that do not say). */
  blockKnown: boolean;
  /** The lookup result naming this entry (allocated once). */
  ok: { kind: 'ok'; entry: Directive };
  /** From the nginx 1.22.1 source and compiled into the Debian binary. */
  builtin: boolean;
  /** Its value is parsed by ngx_conf_set_flag_slot (on/off). */
  flag: boolean;
  /** Cache of duplicates.ts (how nginx refuses a second value), filled on first use. */
  dupModel?: object | null;
}

/** Handlers that parse their one argument with ngx_conf_set_flag_slot (src/core/ngx_conf_file.c:1026). */
export const FLAG_HANDLERS: ReadonlySet<string> = new Set(['ngx_conf_set_flag_slot', 'ngx_http_ssl_enable', 'ngx_mail_ssl_enable']);

export type ArgCheck = { kind: 'flag' } | { kind: 'min'; min: number } | { kind: 'set'; counts: number };

export type Lookup =
  | { kind: 'ok'; entry: Directive }
  | { kind: 'not-allowed'; entries: Directive[] }
  | { kind: 'unknown' };

const ALL_CONTEXTS = (1 << DIRECTIVE_CONTEXTS.length) - 1;
const TYPE_AT: ModuleType[] = DIRECTIVE_CONTEXTS.map((c) => CONTEXT_MODULE_TYPE[c]);

function parseArgs(args: string): ArgCheck | null {
  if (args === 'any' || args === 'unknown') return null;
  if (args === 'flag') return { kind: 'flag' };
  const more = /^(\d+)\+$/.exec(args);
  if (more) return { kind: 'min', min: Number(more[1]) };
  let counts = 0;
  for (const part of args.split('|')) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]) && n < 31; n++) counts |= 1 << n;
    } else if (/^\d+$/.test(part) && Number(part) < 31) counts |= 1 << Number(part);
    else return null;
  }
  return { kind: 'set', counts };
}

/** Whether `n` arguments (words after the name) pass nginx's count check. */
export function argCountOk(check: ArgCheck | null, n: number): boolean {
  if (!check) return true;
  switch (check.kind) {
    case 'flag':
      return n === 1;
    case 'min':
      return n >= check.min;
    case 'set':
      // nginx: more than NGX_CONF_MAX_ARGS (8) words is always invalid for TAKEn directives.
      return n < 31 && (check.counts & (1 << n)) !== 0;
  }
}

/** Human form of an argument count for hints ("1 or 2 arguments"). */
export function describeArgs(check: ArgCheck | null): string {
  if (!check) return 'any number of arguments';
  if (check.kind === 'flag') return 'exactly one argument, "on" or "off"';
  if (check.kind === 'min') return `at least ${check.min} argument${check.min === 1 ? '' : 's'}`;
  const ns: number[] = [];
  for (let i = 0; i < 31; i++) if (check.counts & (1 << i)) ns.push(i);
  if (ns.length === 1) return ns[0] === 0 ? 'no arguments' : `${ns[0]} argument${ns[0] === 1 ? '' : 's'}`;
  const last = ns.pop()!;
  return `${ns.join(', ')} or ${last} arguments`;
}

function decorate(name: string, e: DirectiveEntry): Directive {
  let mask = 0;
  for (const c of e.contexts) {
    if (c === 'any') mask = ALL_CONTEXTS;
    else {
      const i = CONTEXT_INDEX.get(c);
      if (i !== undefined) mask |= 1 << i;
    }
  }
  // Every field in the same order, so that all entries share one hidden class (the
  // lookup loop reads them for every directive of a config).
  const d: Directive = {
    module: e.module,
    type: e.type,
    contexts: e.contexts,
    args: e.args,
    block: e.block,
    handler: e.handler,
    conf: e.conf,
    field: e.field,
    values: e.values,
    deprecated: e.deprecated,
    inBuild: e.inBuild,
    source: e.source,
    file: e.file,
    line: e.line,
    ifdef: e.ifdef,
    raw: e.raw,
    name,
    contextMask: mask,
    anyType: e.type === 'conf',
    argCheck: parseArgs(e.args),
    blockKnown: true,
    builtin: e.source === TABLE_SOURCE && e.inBuild,
    flag: e.handler !== undefined && FLAG_HANDLERS.has(e.handler),
    ok: undefined as unknown as Directive['ok'],
    dupModel: undefined,
  };
  d.ok = { kind: 'ok', entry: d };
  return d;
}

const UNKNOWN: Lookup = { kind: 'unknown' };
/** One "not allowed" result per entry list (lookups allocate nothing). */
const notAllowedCache = new WeakMap<Directive[], Lookup>();
function notAllowed(entries: Directive[]): Lookup {
  let r = notAllowedCache.get(entries);
  if (!r) {
    r = { kind: 'not-allowed', entries };
    notAllowedCache.set(entries, r);
  }
  return r;
}

// ---------------------------------------------------------------------------------------
// Loading

/** data/nginx/<file> of the installed package. */
export function dataFile(file: string): string {
  return packageDataFile('nginx', file);
}

// The generator writes the table in ASCII, so latin1 reads it exactly (and faster).
const table = new LineTable<DirectiveEntry[]>(fs.readFileSync(dataFile('directives.json'), 'latin1'), 'directives');

/** Where the table came from (`nginx-1.22.1`) and its figures. */
export const TABLE_SOURCE = table.header.generatedFrom as string;
export const TABLE_FIGURES = table.header.figures as Readonly<Record<string, number>>;

// Entries are parsed and decorated on first lookup: a run meets a few dozen of the 602
// names, and doing them all at start-up cost ~20 ms of a cold start.
const BASE = new Map<string, Directive[]>();

/** The decorated table entries for a name, or undefined when the table does not know it. */
function baseEntries(name: string): Directive[] | undefined {
  const hit = BASE.get(name);
  if (hit !== undefined) return hit;
  const decorated = table.get(name)?.map((e) => decorate(name, e));
  if (decorated) BASE.set(name, decorated);
  return decorated;
}

// ---------------------------------------------------------------------------------------
// Lookup with user extensions

const CONTEXT_ALIASES: Record<string, string[]> = {
  if: ['if-in-server', 'if-in-location'],
  'if in location': ['if-in-location'],
  'if in server': ['if-in-server'],
  'stream server': ['stream/server'],
  'stream upstream': ['stream/upstream'],
  'mail server': ['mail/server'],
};

function extraEntry(name: string, x: ExtraDirective): Directive {
  const contexts: string[] = [];
  if (!Array.isArray(x.contexts)) contexts.push('any');
  else for (const c of x.contexts) contexts.push(...(CONTEXT_ALIASES[String(c)] ?? [String(c)]));
  const args = x.args === undefined ? 'any' : typeof x.args === 'number' ? String(x.args) : String(x.args);
  const e: DirectiveEntry = { module: 'nginx.extraDirectives', type: 'conf', contexts, args, inBuild: true, source: 'config' };
  if (x.block) e.block = true;
  const d = decorate(name, e);
  d.anyType = true;
  d.blockKnown = typeof x.block === 'boolean';
  return d;
}

/** The table plus the user's `nginx.extraDirectives`. */
export class DirectiveDb {
  private readonly extra = new Map<string, Directive[]>();

  constructor(extraDirectives: Record<string, ExtraDirective> = {}) {
    for (const [name, x] of Object.entries(extraDirectives)) {
      if (typeof x !== 'object' || x === null) continue;
      this.extra.set(name, [extraEntry(name, x), ...(baseEntries(name) ?? [])]);
    }
  }

  /** Every entry for a name (empty when unknown). */
  entries(name: string): Directive[] {
    return this.extra.get(name) ?? baseEntries(name) ?? [];
  }

  isExtra(name: string): boolean {
    return this.extra.has(name);
  }

  /** `ngx_conf_handler`'s choice for `name` in `context` (a directive context). */
  lookup(name: string, context: DirectiveContext): Lookup {
    return this.lookupAt(name, CONTEXT_INDEX.get(context)!);
  }

  /** `lookup` by context index (DIRECTIVE_CONTEXTS order), for the walker's hot loop. */
  lookupAt(name: string, index: number): Lookup {
    const entries = this.extra.size ? (this.extra.get(name) ?? baseEntries(name)) : baseEntries(name);
    if (!entries) return UNKNOWN;
    const bit = 1 << index;
    const type = TYPE_AT[index]!;
    // Source entries first (nginx's own choice), then reference-lib / config ones.
    let fallback: Directive | undefined;
    for (const e of entries) {
      if ((e.anyType || e.type === type) && e.contextMask & bit) {
        if (e.source !== 'reference-lib') return e.ok;
        fallback ??= e;
      }
    }
    if (fallback) return fallback.ok;
    return notAllowed(entries);
  }

  /** Every name the table or the user's extensions know, in table order (for did-you-mean). */
  allNames(): string[] {
    const names = table.names();
    for (const name of this.extra.keys()) if (!table.has(name)) names.push(name);
    return names;
  }
}

const dbCache = new WeakMap<object, DirectiveDb>();
const plainDb = new DirectiveDb();

/** The database for a configuration's extensions (cached per extraDirectives object). */
export function directiveDb(extraDirectives?: Record<string, ExtraDirective>): DirectiveDb {
  if (!extraDirectives || Object.keys(extraDirectives).length === 0) return plainDb;
  let db = dbCache.get(extraDirectives);
  if (!db) {
    db = new DirectiveDb(extraDirectives);
    dbCache.set(extraDirectives, db);
  }
  return db;
}

/** All base-table names. */
export function allDirectiveNames(): string[] {
  return table.names();
}
