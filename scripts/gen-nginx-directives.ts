/**
 * Generate `data/nginx/directives.json`, the nginx directive table, from an unpacked nginx
 * source tree (every `ngx_command_t` array, decoded per module type as `ngx_conf_handler`
 * does), optionally merged with the directives that only `@nginx/reference-lib` (nginx's
 * documentation for newer versions) knows.
 *
 *   tsc -p . && node dist/scripts/gen-nginx-directives.js /work/upstream/nginx-1.22.1 [--reference-lib]
 *       [--modules data/nginx/debian-static-modules.txt] [--out data/nginx/directives.json] [--check]
 *
 * `--check` compares the generated text with the file on disk instead of writing it.
 * With `--reference-lib`, `data/nginx/reference.json` (syntax/default/description of every
 * documented directive, for hover docs) is written too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------
// Types of the generated table (mirrored by src/parsers/nginx/directives.ts)

// The table's row types are the runtime's own (src/parsers/nginx/directives.ts).
import type { DirectiveEntry, ModuleType } from '../src/parsers/nginx/directives.js';
export type { DirectiveEntry, ModuleType };


export interface DirectiveTable {
  generatedFrom: string;
  figures: Record<string, number>;
  directives: Record<string, DirectiveEntry[]>;
}

// ---------------------------------------------------------------------------------------
// Header constants

const HEADERS = [
  'src/core/ngx_conf_file.h',
  'src/http/ngx_http_config.h',
  'src/event/ngx_event.h',
  'src/stream/ngx_stream.h',
  'src/mail/ngx_mail.h',
];

/** `#define NAME value` where value is a number or an OR of other defines (line continuations joined). */
function readDefines(root: string): Map<string, number> {
  const raw = new Map<string, string>();
  for (const h of HEADERS) {
    const text = fs.readFileSync(path.join(root, h), 'utf8').replace(/\\\n/g, ' ');
    for (const m of text.matchAll(/^#define\s+(NGX_[A-Z0-9_]+)\s+(.+)$/gm)) {
      const name = m[1]!;
      const value = m[2]!.replace(/\/\*.*?\*\//g, '').trim();
      if (/^(\(?\s*(0x[0-9a-fA-F]+|\d+|NGX_[A-Z0-9_]+)\s*(\|\s*(0x[0-9a-fA-F]+|\d+|NGX_[A-Z0-9_]+)\s*)*\)?)$/.test(value)) {
        if (!raw.has(name)) raw.set(name, value);
      }
    }
  }
  const out = new Map<string, number>();
  const evaluate = (name: string, depth: number): number | undefined => {
    if (out.has(name)) return out.get(name);
    const v = raw.get(name);
    if (v === undefined || depth > 20) return undefined;
    const n = evalOr(v, (id) => evaluate(id, depth + 1));
    if (n !== undefined) out.set(name, n);
    return n;
  };
  for (const name of raw.keys()) evaluate(name, 0);
  return out;
}

function evalOr(expr: string, lookup: (id: string) => number | undefined): number | undefined {
  let acc = 0;
  for (const part of expr.replace(/[()\s]/g, '').split('|')) {
    let v: number | undefined;
    if (/^0x[0-9a-fA-F]+$/.test(part)) v = parseInt(part, 16);
    else if (/^\d+$/.test(part)) v = parseInt(part, 10);
    else v = lookup(part);
    if (v === undefined) return undefined;
    acc = (acc | v) >>> 0;
  }
  return acc;
}

// ---------------------------------------------------------------------------------------
// Decoding

const MODULE_TYPES: Record<string, ModuleType> = {
  NGX_CORE_MODULE: 'core',
  NGX_CONF_MODULE: 'conf',
  NGX_EVENT_MODULE: 'event',
  NGX_HTTP_MODULE: 'http',
  NGX_MAIL_MODULE: 'mail',
  NGX_STREAM_MODULE: 'stream',
};

/** Context bits per module type: the same bit means different blocks in each subsystem. */
const CONTEXT_BITS: Record<ModuleType, Array<[string, string]>> = {
  core: [['NGX_MAIN_CONF', 'main']],
  conf: [],
  event: [['NGX_EVENT_CONF', 'events']],
  http: [
    ['NGX_HTTP_MAIN_CONF', 'http'],
    ['NGX_HTTP_SRV_CONF', 'server'],
    ['NGX_HTTP_LOC_CONF', 'location'],
    ['NGX_HTTP_UPS_CONF', 'upstream'],
    ['NGX_HTTP_SIF_CONF', 'if-in-server'],
    ['NGX_HTTP_LIF_CONF', 'if-in-location'],
    ['NGX_HTTP_LMT_CONF', 'limit_except'],
  ],
  mail: [
    ['NGX_MAIL_MAIN_CONF', 'mail'],
    ['NGX_MAIL_SRV_CONF', 'mail/server'],
  ],
  stream: [
    ['NGX_STREAM_MAIN_CONF', 'stream'],
    ['NGX_STREAM_SRV_CONF', 'stream/server'],
    ['NGX_STREAM_UPS_CONF', 'stream/upstream'],
  ],
};

function decodeContexts(type: ModuleType, raw: number, defs: Map<string, number>): string[] {
  const any = defs.get('NGX_ANY_CONF')!;
  if (type === 'conf') {
    if ((raw & any) >>> 0 !== any) throw new Error(`conf module directive without NGX_ANY_CONF: 0x${raw.toString(16)}`);
    return ['any'];
  }
  const out: string[] = [];
  let seen = 0;
  for (const [macro, ctx] of CONTEXT_BITS[type]) {
    const bit = defs.get(macro);
    if (bit === undefined) throw new Error(`no value for ${macro}`);
    if (raw & bit) {
      out.push(ctx);
      seen = (seen | bit) >>> 0;
    }
  }
  const leftover = (raw & any & ~seen) >>> 0;
  if (leftover) throw new Error(`context bits 0x${leftover.toString(16)} not decodable for a ${type} module`);
  return out;
}

/** Argument count as `ngx_conf_handler` checks it (ANY, then FLAG, 1MORE, 2MORE, then the TAKEn bits). */
function decodeArgs(raw: number, defs: Map<string, number>): string {
  const d = (n: string): number => defs.get(n)!;
  if (raw & d('NGX_CONF_ANY')) return 'any';
  if (raw & d('NGX_CONF_FLAG')) return 'flag';
  if (raw & d('NGX_CONF_1MORE')) return '1+';
  if (raw & d('NGX_CONF_2MORE')) return '2+';
  const counts: number[] = [];
  const bits = ['NGX_CONF_NOARGS', 'NGX_CONF_TAKE1', 'NGX_CONF_TAKE2', 'NGX_CONF_TAKE3', 'NGX_CONF_TAKE4', 'NGX_CONF_TAKE5', 'NGX_CONF_TAKE6', 'NGX_CONF_TAKE7'];
  bits.forEach((b, i) => {
    if (raw & d(b)) counts.push(i);
  });
  if (!counts.length) throw new Error(`no argument count in 0x${raw.toString(16)}`);
  return counts.join('|');
}

const CONF_OFFSETS: Record<string, string> = {
  NGX_HTTP_MAIN_CONF_OFFSET: 'main',
  NGX_HTTP_SRV_CONF_OFFSET: 'srv',
  NGX_HTTP_LOC_CONF_OFFSET: 'loc',
  NGX_STREAM_MAIN_CONF_OFFSET: 'main',
  NGX_STREAM_SRV_CONF_OFFSET: 'srv',
  NGX_MAIL_MAIN_CONF_OFFSET: 'main',
  NGX_MAIL_SRV_CONF_OFFSET: 'srv',
};

// ---------------------------------------------------------------------------------------
// Source scanning

interface RawCommand {
  name: string;
  typeExpr: string;
  handler: string;
  conf: string;
  offset: string;
  post: string;
  file: string;
  line: number;
  ifdef: string;
  array: string;
}

interface ModuleDef {
  name: string;
  commands: string;
  type: string;
  file: string;
}

function listC(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.c')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Split a C initializer body on top-level commas. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inStr) {
      cur += c;
      if (c === '\\') cur += s[++i] ?? '';
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    if (c === '(' || c === '{') depth++;
    if (c === ')' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

interface ScanResult {
  commands: RawCommand[];
  modules: ModuleDef[];
  arrays: number;
  deprecated: Map<string, string>;
  enums: Map<string, string[]>;
}

function scanSource(root: string): ScanResult {
  const commands: RawCommand[] = [];
  const modules: ModuleDef[] = [];
  const deprecated = new Map<string, string>();
  const enums = new Map<string, string[]>();
  let arrays = 0;
  for (const abs of listC(path.join(root, 'src'))) {
    const file = path.relative(root, abs).split(path.sep).join('/');
    const text = fs.readFileSync(abs, 'utf8');
    const lines = text.split('\n');

    const noComments = text.replace(/\/\*[\s\S]*?\*\//g, ' ');
    for (const m of noComments.matchAll(/ngx_module_t\s+(\w+)\s*=\s*\{\s*NGX_MODULE_V1\s*,\s*([^,]+?)\s*,\s*([^,]+?)\s*,\s*(\w+)/g)) {
      modules.push({ name: m[1]!, commands: m[3]!.trim(), type: m[4]!, file });
    }
    for (const m of text.matchAll(/ngx_conf_deprecated_t\s+(\w+)\s*=\s*\{\s*ngx_conf_deprecated\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"/g)) {
      deprecated.set(`${file}:${m[1]!}`, m[3]!);
    }
    for (const m of text.matchAll(/ngx_conf_(?:enum|bitmask)_t\s+(\w+)\[\]\s*=\s*\{([\s\S]*?)\n\};/g)) {
      enums.set(`${file}:${m[1]!}`, [...m[2]!.matchAll(/ngx_string\("([^"]*)"\)/g)].map((x) => x[1]!));
    }

    const stack: string[] = [];
    let inArray: string | null = null;
    let entry: { text: string; line: number; ifdef: string } | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const pp = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b\s*(.*)$/.exec(line);
      if (pp) {
        const kw = pp[1]!;
        const cond = pp[2]!.replace(/\/\*.*?\*\//g, '').trim();
        if (kw === 'if') stack.push(cond);
        else if (kw === 'ifdef') stack.push(`defined ${cond}`);
        else if (kw === 'ifndef') stack.push(`!defined ${cond}`);
        else if (kw === 'else') stack.push(`!${stack.pop() ?? ''}`);
        else if (kw === 'elif') stack.push(`!${stack.pop() ?? ''} && ${cond}`);
        else stack.pop();
        continue;
      }
      if (!inArray) {
        const a = /ngx_command_t\s+(\w+)\[\]\s*=\s*\{/.exec(line);
        if (a) {
          inArray = a[1]!;
          arrays++;
        }
        continue;
      }
      if (/^\s*ngx_null_command/.test(line)) {
        inArray = null;
        continue;
      }
      if (!entry) {
        const s = line.indexOf('{ ngx_string("');
        if (s === -1) continue;
        entry = { text: line.slice(s + 1), line: i + 1, ifdef: stack.filter((c) => c !== '').join(' && ') };
      } else entry.text += `\n${line}`;
      // An entry ends with `},` on its own line (or inline).
      if (/\}\s*,?\s*$/.test(line) && braceBalance(entry.text) < 0) {
        const body = entry.text.slice(0, entry.text.lastIndexOf('}'));
        const f = splitTop(body.replace(/\/\*[\s\S]*?\*\//g, ''));
        const name = /ngx_string\("([^"]*)"\)/.exec(f[0] ?? '');
        if (!name || f.length !== 6) throw new Error(`${file}:${entry.line}: cannot parse command entry`);
        commands.push({
          name: name[1]!,
          typeExpr: f[1]!,
          handler: f[2]!,
          conf: f[3]!,
          offset: f[4]!,
          post: f[5]!,
          file,
          line: entry.line,
          ifdef: entry.ifdef,
          array: inArray,
        });
        entry = null;
      }
    }
  }
  return { commands, modules, arrays, deprecated, enums };
}

function braceBalance(s: string): number {
  let n = 0;
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{') n++;
    else if (c === '}') n--;
  }
  return n;
}

// ---------------------------------------------------------------------------------------
// Build

export function buildFromSource(root: string, staticModules: Set<string>): { table: DirectiveTable; deprecatedNames: string[] } {
  const defs = readDefines(root);
  const scan = scanSource(root);
  const byArray = new Map<string, ModuleDef>();
  for (const m of scan.modules) byArray.set(`${m.file}:${m.commands}`, m);

  const directives: Record<string, DirectiveEntry[]> = {};
  const deprecatedNames: string[] = [];
  for (const c of scan.commands) {
    const mod = byArray.get(`${c.file}:${c.array}`);
    if (!mod) throw new Error(`${c.file}: no ngx_module_t uses ${c.array}`);
    const type = MODULE_TYPES[mod.type];
    if (!type) throw new Error(`${c.file}: unknown module type ${mod.type}`);
    const raw = evalOr(c.typeExpr, (id) => defs.get(id));
    if (raw === undefined) throw new Error(`${c.file}:${c.line}: cannot evaluate ${c.typeExpr}`);
    const e: DirectiveEntry = {
      module: mod.name,
      type,
      contexts: decodeContexts(type, raw, defs),
      args: decodeArgs(raw, defs),
      inBuild: staticModules.has(mod.name),
      source: '',
    };
    if (raw & defs.get('NGX_CONF_BLOCK')!) e.block = true;
    e.handler = c.handler;
    const confKind =
      CONF_OFFSETS[c.conf] ??
      (type !== 'core' ? undefined : raw & defs.get('NGX_DIRECT_CONF')! ? 'direct' : raw & defs.get('NGX_MAIN_CONF')! ? 'core' : undefined);
    if (confKind) e.conf = confKind;
    const off = /offsetof\(\s*(\w+)\s*,\s*([\w.]+)\s*\)/.exec(c.offset);
    if (off) e.field = `${off[1]!}.${off[2]!}`;
    const post = /^&(\w+)$/.exec(c.post);
    if (post) {
      const dep = scan.deprecated.get(`${c.file}:${post[1]!}`);
      if (dep !== undefined) {
        e.deprecated = dep;
        deprecatedNames.push(c.name);
      }
    }
    const postArr = /^(\w+)$/.exec(c.post) ?? post;
    if (postArr && (c.handler === 'ngx_conf_set_enum_slot' || c.handler === 'ngx_conf_set_bitmask_slot')) {
      const vals = scan.enums.get(`${c.file}:${postArr[1]!}`);
      if (vals) e.values = vals;
    }
    e.file = c.file;
    e.line = c.line;
    if (c.ifdef) e.ifdef = c.ifdef;
    e.raw = `0x${raw.toString(16).padStart(8, '0')}`;
    (directives[c.name] ??= []).push(e);
  }
  const figures = {
    arrays: scan.arrays,
    names: Object.keys(directives).length,
    entries: scan.commands.length,
    namesInMoreThanOneModule: Object.values(directives).filter((es) => new Set(es.map((e) => e.module)).size > 1).length,
    namesInBuild: Object.values(directives).filter((es) => es.some((e) => e.inBuild)).length,
  };
  return { table: { generatedFrom: path.basename(path.resolve(root)), figures, directives }, deprecatedNames };
}

// ---------------------------------------------------------------------------------------
// @nginx/reference-lib

interface RefDirective {
  name: string;
  module: string;
  description: string;
  syntax: string[];
  contexts: string[];
  isBlock: boolean;
  default: string;
}

/**
 * reference-lib context words → (module type, our context name). The same word means
 * different blocks per subsystem (`server` in a stream module is `stream/server`), and one
 * documented "module" may span several types ("Core functionality" holds main and events
 * directives; `error_log` is documented once for main/http/mail/stream).
 */
function refContext(module: string, word: string): { type: ModuleType; context: string } | undefined {
  const sub = module.startsWith('ngx_stream_') ? 'stream' : module.startsWith('ngx_mail_') ? 'mail' : 'http';
  switch (word) {
    case 'main':
      return { type: 'core', context: 'main' };
    case 'events':
      return { type: 'event', context: 'events' };
    case 'http':
    case 'location':
    case 'limit_except':
      return { type: 'http', context: word };
    case 'if in location':
      return { type: 'http', context: 'if-in-location' };
    case 'if in server':
      return { type: 'http', context: 'if-in-server' };
    case 'mail':
      return { type: 'mail', context: 'mail' };
    case 'stream':
      return { type: 'stream', context: 'stream' };
    case 'server':
      return sub === 'http' ? { type: 'http', context: 'server' } : { type: sub, context: `${sub}/server` };
    case 'upstream':
      return sub === 'stream' ? { type: 'stream', context: 'stream/upstream' } : sub === 'http' ? { type: 'http', context: 'upstream' } : undefined;
    default:
      return undefined;
  }
}

/** Documented contexts grouped by module type; `if` (rewrite module) means both if blocks. Undefined when a word is not a context we model. */
function refContextsByType(d: RefDirective): Map<ModuleType, string[]> | undefined {
  const out = new Map<ModuleType, string[]>();
  for (const w of d.contexts) {
    const list = w === 'if' ? [refContext(d.module, 'if in server'), refContext(d.module, 'if in location')] : [refContext(d.module, w)];
    for (const c of list) {
      if (!c) return undefined;
      const l = out.get(c.type) ?? [];
      if (!l.includes(c.context)) l.push(c.context);
      out.set(c.type, l);
    }
  }
  return out.size ? out : undefined;
}

export interface ReferenceEvaluation {
  documented: number;
  documentedNames: number;
  added: string[];
  skipped: Array<{ name: string; module: string; why: string }>;
  sourceNamesUndocumented: string[];
  contextDisagreements: string[];
}

export function mergeReference(table: DirectiveTable, ref: RefDirective[]): ReferenceEvaluation {
  const ev: ReferenceEvaluation = { documented: ref.length, documentedNames: new Set(ref.map((d) => d.name)).size, added: [], skipped: [], sourceNamesUndocumented: [], contextDisagreements: [] };
  const refNames = new Set(ref.map((d) => d.name));
  for (const name of Object.keys(table.directives)) if (!refNames.has(name)) ev.sourceNamesUndocumented.push(name);
  for (const d of ref) {
    if (d.name === 'include') continue; // documented with an empty context; the source says any
    const byType = refContextsByType(d);
    if (!byType) {
      ev.skipped.push({ name: d.name, module: d.module, why: `contexts [${d.contexts.join(', ')}]` });
      continue;
    }
    const fromSource = (table.directives[d.name] ?? []).filter((e) => e.source !== 'reference-lib');
    for (const [type, contexts] of byType) {
      // Contexts the source does not allow for this name and module type (newer versions, or NGINX Plus).
      const src = new Set(fromSource.filter((e) => e.type === type).flatMap((e) => e.contexts));
      const extra = contexts.filter((c) => !src.has(c));
      if (!extra.length) continue;
      if (fromSource.length) ev.contextDisagreements.push(`${d.name} (${d.module}): documented in [${extra.join(', ')}], ${table.generatedFrom} source allows [${[...src].join(', ')}]`);
      else if (!ev.added.includes(d.name)) ev.added.push(d.name);
      const e: DirectiveEntry = { module: d.module, type, contexts: extra, args: 'unknown', inBuild: false, source: 'reference-lib' };
      if (d.isBlock) e.block = true;
      const list = (table.directives[d.name] ??= []);
      const same = list.find((x) => x.source === 'reference-lib' && x.type === type);
      if (same) for (const c of extra) if (!same.contexts.includes(c)) same.contexts.push(c);
      if (!same) list.push(e);
    }
  }
  return ev;
}

/**
 * Compact hover data: name → [{module, syntax, default, contexts}] (Markdown syntax lines).
 * The prose descriptions stay in the package (the project keeps facts, not other people's
 * sentences); a hover provider can read them from @nginx/reference-lib at run time.
 */
export function referenceDocs(ref: RefDirective[]): Record<string, Array<{ module: string; syntax: string[]; default: string; contexts: string[] }>> {
  const out: Record<string, Array<{ module: string; syntax: string[]; default: string; contexts: string[] }>> = {};
  for (const d of [...ref].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.module < b.module ? -1 : 1))) {
    (out[d.name] ??= []).push({ module: d.module, syntax: d.syntax, default: d.default, contexts: d.contexts });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Output

/** Stable text: one directive name per line, keys sorted, entries in source order. */
const KEY_ORDER: Array<keyof DirectiveEntry> = ['module', 'type', 'contexts', 'args', 'block', 'handler', 'conf', 'field', 'values', 'deprecated', 'inBuild', 'source', 'file', 'line', 'ifdef', 'raw'];

function ordered(e: DirectiveEntry): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (e[k] !== undefined) o[k] = e[k];
  return o;
}

export function serialize(table: DirectiveTable): string {
  const names = Object.keys(table.directives).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = names.map((n) => `    ${JSON.stringify(n)}: ${JSON.stringify(table.directives[n]!.map(ordered))}`);
  return `{\n  "generatedFrom": ${JSON.stringify(table.generatedFrom)},\n  "figures": ${JSON.stringify(table.figures)},\n  "directives": {\n${lines.join(',\n')}\n  }\n}\n`;
}

function repoRoot(): string {
  // dist/scripts/gen-nginx-directives.js or scripts/gen-nginx-directives.ts
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const flag = (name: string): boolean => {
    const i = args.indexOf(name);
    if (i === -1) return false;
    args.splice(i, 1);
    return true;
  };
  const root = repoRoot();
  const modulesFile = opt('--modules') ?? path.join(root, 'data/nginx/debian-static-modules.txt');
  const out = opt('--out') ?? path.join(root, 'data/nginx/directives.json');
  const withRef = flag('--reference-lib');
  const check = flag('--check');
  const src = args[0];
  if (!src) {
    console.error('usage: gen-nginx-directives <nginx-source-dir> [--reference-lib] [--modules FILE] [--out FILE] [--check]');
    return 2;
  }
  const staticModules = new Set(fs.readFileSync(modulesFile, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean));
  const { table, deprecatedNames } = buildFromSource(src, staticModules);
  for (const es of Object.values(table.directives)) for (const e of es) e.source = table.generatedFrom;
  const f = table.figures;
  console.log(`arrays=${f.arrays} distinct_directives=${f.names} entries=${f.entries} names_defined_more_than_once=${f.namesInMoreThanOneModule}`);
  console.log(`directives whose module is in ${path.basename(modulesFile)}: ${f.namesInBuild}`);
  console.log(`deprecated (ngx_conf_deprecated_t): ${deprecatedNames.join(', ')}`);

  let refDocs: ReturnType<typeof referenceDocs> | undefined;
  if (withRef) {
    const lib = (await import('@nginx/reference-lib')) as { getDirectives(format?: number): RefDirective[] };
    const ref = lib.getDirectives(1 /* Markdown */);
    const ev = mergeReference(table, ref);
    f.referenceDocumented = ev.documented;
    f.referenceNames = ev.documentedNames;
    f.referenceAdded = ev.added.length;
    console.log(`reference-lib: ${ev.documented} documented entries, ${ev.documentedNames} names; added ${ev.added.length} names unknown to ${table.generatedFrom}`);
    console.log(`  added: ${ev.added.join(' ')}`);
    console.log(`  skipped (${ev.skipped.length}): ${ev.skipped.map((s) => `${s.name}[${s.module}: ${s.why}]`).join(' ')}`);
    console.log(`  source names not documented (${ev.sourceNamesUndocumented.length}): ${ev.sourceNamesUndocumented.join(' ')}`);
    console.log(`  context disagreements (${ev.contextDisagreements.length}):\n    ${ev.contextDisagreements.join('\n    ')}`);
    refDocs = referenceDocs(ref);
  }
  const text = serialize(table);
  const refOut = path.join(path.dirname(out), 'reference.json');
  if (check) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    console.log(same ? `${out} is up to date` : `${out} differs from the generated table`);
    return same ? 0 : 1;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`wrote ${out} (${text.length} bytes)`);
  if (refDocs) {
    const names = Object.keys(refDocs);
    const refText = `{\n${names.map((n) => `${JSON.stringify(n)}: ${JSON.stringify(refDocs![n])}`).join(',\n')}\n}\n`;
    fs.writeFileSync(refOut, refText);
    console.log(`wrote ${refOut} (${refText.length} bytes)`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv).then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(e.stack ?? e.message);
      process.exit(1);
    },
  );
}
