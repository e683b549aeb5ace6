/**
 * Generate `data/uwsgi/options.json`, the uWSGI option table, from an unpacked uWSGI source
 * tree: every `struct uwsgi_option X[] = {…}` in core/*.c, plugins/<plugin>/*.c and the C++
 * plugins (*.cc, *.cpp), with the preprocessor condition around each entry.
 *
 *   tsc -p . && node dist/scripts/gen-uwsgi-options.js /work/upstream/uwsgi-2.0.21
 *       [--out data/uwsgi/options.json] [--check]
 *
 * `--check` compares the generated text with the file on disk instead of writing it.
 *
 * uWSGI builds its runtime table as base options, then request plugins, then generic
 * plugins (`build_options`, core/uwsgi.c:3635), and looks names up with `strcmp`, first
 * match winning (`uwsgi_opt_get`, core/config.c:362). The generated table keeps every
 * entry (a name can be defined twice under different `#if`s, or by two plugins).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// Types of the generated table: the runtime's own (src/parsers/uwsgi/options.ts).
import type { OptionEntry, ParserKind, TakesArgument } from '../src/parsers/uwsgi/options.js';
export type { OptionEntry, ParserKind, TakesArgument };

export interface OptionTable {
  generatedFrom: string;
  figures: {
    tables: number;
    entries: number;
    distinctNames: number;
    /** The same counts over the C sources only (the C++ tables of v8 and gridfs left out). */
    entriesC: number;
    distinctNamesC: number;
    coreNames: number;
    takesArgument: Record<TakesArgument, number>;
    parsers: Record<string, number>;
    kinds: Record<string, number>;
  };
  tables: Array<{ name: string; plugin: string; file: string; line: number; entries: number }>;
  /**
   * Names that set the same variable (processes/workers, home/virtualenv/venv/pyhome, …), in
   * table order: groups of two or more.
   */
  aliases: string[][];
  /**
   * What getopt_long needs, one row per entry that exists on Linux, in the order of
   * `options`: [name, plugin, takes argument, short letter or ""]. It spares the CLI parsing
   * every option's entries on each start to build its command-line tables.
   */
  getopt: Array<[string, string, TakesArgument, string]>;
  /** Entries by option name, in runtime order (core first, then by plugin directory). */
  options: Record<string, OptionEntry[]>;
}

// ---------------------------------------------------------------------------------------
// Parser kinds

const KIND_BY_PARSER: Record<string, ParserKind> = {
  uwsgi_opt_true: 'bool',
  uwsgi_opt_false: 'bool-inverted',
  uwsgi_opt_set_int: 'int',
  uwsgi_opt_set_16bit: 'int16',
  uwsgi_opt_set_64bit: 'int64',
  uwsgi_opt_set_megabytes: 'megabytes',
  uwsgi_opt_set_str: 'string',
  uwsgi_opt_add_socket: 'socket',
  uwsgi_opt_add_ssl_socket: 'socket',
  uwsgi_opt_add_socket_no_defer: 'socket',
  uwsgi_opt_add_lazy_socket: 'socket',
  uwsgi_opt_add_shared_socket: 'socket',
  uwsgi_opt_corerouter: 'router',
  uwsgi_opt_undeferred_corerouter: 'router',
  uwsgi_opt_https: 'router',
  uwsgi_opt_https2: 'router',
  uwsgi_opt_http_to_https: 'router',
  uwsgi_opt_sslrouter: 'router',
  uwsgi_opt_sslrouter2: 'router',
  uwsgi_opt_forkpty_urouter: 'router',
  uwsgi_opt_load: 'load',
  uwsgi_opt_load_ini: 'load',
  uwsgi_opt_load_xml: 'load',
  uwsgi_opt_load_yml: 'load',
  uwsgi_opt_load_json: 'load',
  uwsgi_opt_load_config: 'load',
  uwsgi_opt_load_sqlite3: 'load',
  uwsgi_opt_load_ldap: 'load',
  uwsgi_opt_load_plugin: 'plugin',
  uwsgi_opt_set_placeholder: 'placeholder',
  uwsgi_opt_logic: 'logic',
};

function kindOf(parser: string): ParserKind {
  const k = KIND_BY_PARSER[parser];
  if (k) return k;
  if (/^uwsgi_opt_add_.*(list|dict)/.test(parser) || parser === 'uwsgi_opt_add_route' || parser === 'uwsgi_opt_pythonpath' || parser === 'uwsgi_opt_set_env' || parser === 'uwsgi_opt_unset_env')
    return 'list';
  return 'action';
}

// ---------------------------------------------------------------------------------------
// C scanning

/** Blank out comments (keeping offsets and newlines), leaving string and char literals alone. */
function stripComments(src: string): string {
  const out = src.split('');
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '"' || c === "'") {
      const q = c;
      i++;
      while (i < n && src[i] !== q && src[i] !== '\n') {
        if (src[i] === '\\') i++;
        i++;
      }
      i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      for (let j = i; j < stop; j++) if (out[j] !== '\n') out[j] = ' ';
      i = stop;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') out[i++] = ' ';
    } else i++;
  }
  return out.join('');
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The value of a C string-literal sequence (`"a" "b"`, casts ignored), or undefined. */
function cString(field: string): string | undefined {
  const re = /"((?:[^"\\]|\\.)*)"/g;
  let s: string | undefined;
  for (let m = re.exec(field); m; m = re.exec(field)) s = (s ?? '') + unescapeC(m[1]!);
  return s;
}

function unescapeC(s: string): string {
  return s.replace(/\\(n|t|r|"|'|\\|[0-7]{1,3}|x[0-9a-fA-F]+)/g, (_, e: string) => {
    switch (e) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '"':
      case "'":
      case '\\':
        return e;
      default:
        return e[0] === 'x' ? String.fromCharCode(parseInt(e.slice(1), 16)) : String.fromCharCode(parseInt(e, 8));
    }
  });
}

/** Split an initializer body at top-level commas (outside strings, chars, parentheses, braces). */
function splitFields(body: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < body.length && body[j] !== c) {
        if (body[j] === '\\') j++;
        j++;
      }
      cur += body.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (c === ',' && depth === 0) {
      fields.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') fields.push(cur.trim());
  return fields;
}

interface RawTable {
  name: string;
  plugin: string;
  file: string;
  line: number;
  entries: Array<OptionEntry & { name: string }>;
}

const TABLE_RE = /(^|[^\w])(static\s+)?struct\s+uwsgi_option\s+(\w+)\s*\[\s*\]\s*=\s*\{/g;

function scanFile(root: string, rel: string, plugin: string): RawTable[] {
  const original = fs.readFileSync(path.join(root, rel), 'latin1');
  const text = stripComments(original);
  const tables: RawTable[] = [];
  TABLE_RE.lastIndex = 0;
  for (let m = TABLE_RE.exec(text); m; m = TABLE_RE.exec(text)) {
    const table: RawTable = { name: m[3]!, plugin, file: rel, line: lineAt(text, m.index + m[1]!.length), entries: [] };
    let i = m.index + m[0].length;
    // Preprocessor conditions in effect, one frame per #if: its positive text and whether we are in #else.
    const stack: Array<{ cond: string; negated: string[]; current: string }> = [];
    let atLineStart = false;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\n') {
        atLineStart = true;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      if (c === '#' && atLineStart) {
        let end = text.indexOf('\n', i);
        if (end === -1) end = text.length;
        // Continuation lines.
        while (text[end - 1] === '\\') {
          const next = text.indexOf('\n', end + 1);
          end = next === -1 ? text.length : next;
        }
        const directive = text.slice(i + 1, end).replace(/\\\n/g, ' ').trim();
        handleDirective(directive, stack);
        i = end;
        continue;
      }
      atLineStart = false;
      if (c === '}') break; // end of the table
      if (c === ',') {
        i++;
        continue;
      }
      if (c === '{') {
        // One entry: find its closing brace (strings may hold braces).
        let j = i + 1;
        let depth = 1;
        while (j < text.length && depth > 0) {
          const d = text[j]!;
          if (d === '"' || d === "'") {
            j++;
            while (j < text.length && text[j] !== d) {
              if (text[j] === '\\') j++;
              j++;
            }
          } else if (d === '{') depth++;
          else if (d === '}') depth--;
          j++;
        }
        const body = text.slice(i + 1, j - 1);
        const entry = parseEntry(body, plugin, table.name, rel, lineAt(text, i), conditionOf(stack));
        if (entry) table.entries.push(entry);
        i = j;
        continue;
      }
      // A macro such as UWSGI_END_OF_OPTIONS.
      const word = /^\w+/.exec(text.slice(i, i + 64));
      if (word) {
        if (word[0] === 'UWSGI_END_OF_OPTIONS') break;
        i += word[0].length;
        continue;
      }
      i++;
    }
    tables.push(table);
  }
  return tables;
}

function handleDirective(d: string, stack: Array<{ cond: string; negated: string[]; current: string }>): void {
  const m = /^(\w+)\s*(.*)$/.exec(d);
  if (!m) return;
  const [, kw, rest] = m as unknown as [string, string, string];
  const cond = rest.trim();
  switch (kw) {
    case 'if':
      stack.push({ cond, negated: [], current: cond });
      break;
    case 'ifdef':
      stack.push({ cond, negated: [], current: cond });
      break;
    case 'ifndef':
      stack.push({ cond: `!${cond}`, negated: [], current: `!${cond}` });
      break;
    case 'elif': {
      const top = stack[stack.length - 1];
      if (!top) break;
      top.negated.push(top.current);
      top.current = [...top.negated.map((c) => `!(${c})`), cond].join(' && ');
      break;
    }
    case 'else': {
      const top = stack[stack.length - 1];
      if (!top) break;
      top.negated.push(top.current);
      top.current = top.negated.length === 1 ? `!(${top.cond})` : top.negated.map((c) => `!(${c})`).join(' && ');
      break;
    }
    case 'endif':
      stack.pop();
      break;
    default:
      break;
  }
}

function conditionOf(stack: Array<{ current: string }>): string | undefined {
  if (!stack.length) return undefined;
  if (stack.length === 1) return stack[0]!.current;
  return stack.map((f) => (f.current.includes('||') ? `(${f.current})` : f.current)).join(' && ');
}

function parseEntry(
  body: string,
  plugin: string,
  table: string,
  file: string,
  line: number,
  ifdef: string | undefined,
): (OptionEntry & { name: string }) | undefined {
  // C++ tables cast their strings (`(char *)"v8-load"`): cString reads only the literals.
  const f = splitFields(body);
  const name = cString(f[0] ?? '');
  if (name === undefined || name === '') return undefined; // the terminator {0, 0, …} or {NULL, …}
  const type = (f[1] ?? '').trim();
  const takesArgument: TakesArgument = type === 'no_argument' ? 'no' : type === 'optional_argument' ? 'optional' : 'required';
  if (!['no_argument', 'required_argument', 'optional_argument'].includes(type)) {
    throw new Error(`${file}:${line}: unexpected argument type "${type}" for option "${name}"`);
  }
  const sc = (f[2] ?? '0').trim();
  const shortMatch = /^'(.)'$/.exec(sc);
  const help = cString(f[3] ?? '') ?? '';
  const funcWords = (f[4] ?? '').match(/[A-Za-z_]\w*/g) ?? [];
  const parser = funcWords[funcWords.length - 1] ?? '';
  const data = (f[5] ?? 'NULL').replace(/\s+/g, ' ').trim() || 'NULL';
  const flagsText = (f[6] ?? '0').trim();
  const flags = flagsText === '0' ? [] : flagsText.split('|').map((s) => s.trim()).filter((s) => s && s !== '0');
  const entry: OptionEntry & { name: string } = {
    name,
    plugin,
    table,
    file,
    line,
    takesArgument,
    parser,
    kind: kindOf(parser),
    data,
    flags,
    help,
  };
  if (shortMatch) entry.short = shortMatch[1]!;
  if (ifdef) {
    entry.ifdef = ifdef;
    if (!debianCondition(ifdef)) entry.debian = false;
  }
  return entry;
}

// ---------------------------------------------------------------------------------------
// Debian's build: which preprocessor conditions hold

/**
 * Macros NOT defined when Debian builds uWSGI 2.0.21 for Linux (the binary's `--help` lacks
 * exactly the options under them); every other macro named in a condition is defined.
 */
const UNDEFINED_ON_DEBIAN = new Set([
  '__APPLE__',
  '__FreeBSD__',
  '__GNU_kFreeBSD__',
  '__OpenBSD__',
  '__NetBSD__',
  '__DragonFly__',
  '__sun__',
  '__CYGWIN__',
  'UWSGI_SSL_SESSION_CACHE',
  'UWSGI_HAS_FREEBSD_LIBJAIL',
  'OBSOLETE_LINUX_KERNEL',
  'UWSGI_DEBUG',
  'UWSGI_AS_SHARED_LIBRARY',
  'UWSGI_GCCGO_MONOLITHIC',
]);

/** Evaluate a `#if` expression (`defined(X)`, `!`, `&&`, `||`, parentheses, comparisons → true). */
export function debianCondition(cond: string): boolean {
  const tokens = cond.match(/defined\s*\(\s*\w+\s*\)|defined\s+\w+|\w+|&&|\|\||[()!]|[<>=]=?|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const primary = (): boolean => {
    const t = tokens[pos++];
    if (t === undefined) return true;
    if (t === '!') return !primary();
    if (t === '(') {
      const v = or();
      if (peek() === ')') pos++;
      return v;
    }
    const def = /^defined\s*\(?\s*(\w+)/.exec(t);
    const name = def ? def[1]! : t;
    let v = !UNDEFINED_ON_DEBIAN.has(name);
    // `X >= 3000` and the like: keep the macro's definedness.
    while (peek() && /^[<>=]=?$/.test(peek()!)) {
      pos += 2;
      v = true;
    }
    return v;
  };
  const and = (): boolean => {
    let v = primary();
    while (peek() === '&&') {
      pos++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (peek() === '||') {
      pos++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  return or();
}

// ---------------------------------------------------------------------------------------
// Driver

function sourceFiles(root: string): Array<{ rel: string; plugin: string }> {
  const files: Array<{ rel: string; plugin: string }> = [];
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const f of fs.readdirSync(path.join(root, 'core')).sort(byName)) {
    if (f.endsWith('.c')) files.push({ rel: `core/${f}`, plugin: 'core' });
  }
  for (const p of fs.readdirSync(path.join(root, 'plugins')).sort(byName)) {
    const dir = path.join(root, 'plugins', p);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort(byName)) {
      if (/\.(c|cc|cpp)$/.test(f)) files.push({ rel: `plugins/${p}/${f}`, plugin: p });
    }
  }
  return files;
}

export function generate(root: string): OptionTable {
  const version = /#define\s+UWSGI_VERSION\s+"([^"]+)"/.exec(readIfExists(path.join(root, 'uwsgi.h')) ?? '')?.[1];
  const tables: RawTable[] = [];
  for (const { rel, plugin } of sourceFiles(root)) tables.push(...scanFile(root, rel, plugin));
  // Runtime order: the base (core/uwsgi.c) table first, then the plugins.
  tables.sort((a, b) => (a.plugin === 'core' ? 0 : 1) - (b.plugin === 'core' ? 0 : 1));
  const options: Record<string, OptionEntry[]> = {};
  const takesArgument: Record<TakesArgument, number> = { required: 0, no: 0, optional: 0 };
  const parsers: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  let entries = 0;
  let entriesC = 0;
  const namesC = new Set<string>();
  for (const t of tables) {
    for (const e of t.entries) {
      const { name, ...rest } = e;
      (options[name] ??= []).push(rest);
      entries++;
      if (/\.c$/.test(e.file)) {
        entriesC++;
        namesC.add(name);
      }
      takesArgument[e.takesArgument]++;
      parsers[e.parser] = (parsers[e.parser] ?? 0) + 1;
      kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    }
  }
  const coreNames = Object.values(options).filter((es) => es.some((e) => e.plugin === 'core')).length;
  return {
    generatedFrom: `uWSGI ${version ?? path.basename(root)}`,
    figures: {
      tables: tables.length,
      entries,
      distinctNames: Object.keys(options).length,
      entriesC,
      distinctNamesC: namesC.size,
      coreNames,
      takesArgument,
      parsers: sortByCount(parsers),
      kinds: sortByCount(kinds),
    },
    tables: tables.map((t) => ({ name: t.name, plugin: t.plugin, file: t.file, line: t.line, entries: t.entries.length })),
    aliases: aliasGroups(options),
    getopt: Object.entries(options).flatMap(([name, es]) =>
      es.filter((e) => e.debian !== false).map((e): [string, string, TakesArgument, string] => [name, e.plugin, e.takesArgument, e.short ?? '']),
    ),
    options,
  };
}

/**
 * Names whose Linux entry has the same plugin, parser and target variable (`data` = `&…`).
 * `chmod-socket` and `chmod` share uwsgi_opt_chmod_socket, which writes globals directly
 * (data NULL), so they are added by hand.
 */
function aliasGroups(options: Record<string, OptionEntry[]>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [name, es] of Object.entries(options)) {
    const e = es.find((x) => x.debian !== false) ?? es[0]!;
    if (!e.data.startsWith('&')) continue;
    const key = `${e.plugin}|${e.parser}|${e.data}`;
    const g = groups.get(key);
    if (g) g.push(name);
    else groups.set(key, [name]);
  }
  return [...[...groups.values()].filter((g) => g.length > 1), ['chmod-socket', 'chmod']];
}

function sortByCount(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

function readIfExists(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * One line per option, under `options` as the last key: reviewable diffs, and the layout the
 * CLI's LineTable indexes without parsing every entry on each start. Non-ASCII is escaped so
 * that the file can be read as latin1.
 */
export function formatTable(table: OptionTable): string {
  const rows = (items: unknown[]) => items.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  const options = Object.entries(table.options).map(([name, entries]) => `    ${JSON.stringify(name)}: ${JSON.stringify(entries)}`);
  const text = [
    '{',
    `  "generatedFrom": ${JSON.stringify(table.generatedFrom)},`,
    `  "figures": ${JSON.stringify(table.figures)},`,
    `  "tables": [\n${rows(table.tables)}\n  ],`,
    `  "aliases": [\n${rows(table.aliases)}\n  ],`,
    `  "getopt": [\n${rows(table.getopt)}\n  ],`,
    `  "options": {\n${options.join(',\n')}\n  }`,
    '}',
    '',
  ].join('\n');
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function main(argv: string[]): number {
  const args = argv.slice(2);
  const root = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--out');
  if (!root) {
    process.stderr.write('usage: gen-uwsgi-options <uwsgi source dir> [--out data/uwsgi/options.json] [--check]\n');
    return 2;
  }
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const outIdx = args.indexOf('--out');
  const out = outIdx >= 0 && args[outIdx + 1] ? path.resolve(args[outIdx + 1]!) : path.join(repo, 'data', 'uwsgi', 'options.json');
  const table = generate(root);
  const text = formatTable(table);
  const f = table.figures;
  const summary = `${f.tables} tables, ${f.entries} entries, ${f.distinctNames} distinct names (C sources only: ${f.entriesC} entries, ${f.distinctNamesC} names; ${f.coreNames} core); takes argument: required ${f.takesArgument.required}, no ${f.takesArgument.no}, optional ${f.takesArgument.optional}`;
  if (args.includes('--check')) {
    const current = readIfExists(out);
    if (current !== text) {
      process.stderr.write(`${out} is out of date (${summary})\n`);
      return 1;
    }
    process.stdout.write(`${out} is up to date (${summary})\n`);
    return 0;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  process.stdout.write(`wrote ${out}: ${summary}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv);
}
