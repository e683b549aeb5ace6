/**
 * supervisor front end: reads supervisord.conf (and the files its `[include]` names) the way
 * supervisord 4.2.5 on Python 3.11 does, then runs supervisord's own option processing over
 * the result (semantics.ts) so rules can report what supervisord would refuse.
 */
import * as path from 'node:path';
import type { ParseProblem } from '../../core/diagnostic.js';
import { compareBytewise } from '../../core/fs.js';
import type { LoadContext } from '../../core/project.js';
import type { SourceFile, Span } from '../../core/source.js';
import { readIni, type IniFile } from './ini.js';
import type { SupervisorConfig, SupervisorInclude, SupervisorProgram, SupervisorSection } from './model.js';
import { parseUwsgiCommandLine, type CommandLineOptions } from '../uwsgi/index.js';
import { sectionType } from './schema.js';
import { Value } from './value.js';
import { evaluate, expandInclude } from './semantics.js';

export type * from './model.js';
export { PARSE_ERROR } from './ini.js';
export const INCLUDE_FILES = 'supervisor/include-files';

/** Section headers only supervisor files have (at the start of a line). */
const STRONG = /^[ \t]*\[(?:program:|group:|eventlistener:|fcgi-program:|rpcinterface:|supervisord\]|supervisorctl\]|include\]|unix_http_server\]|inet_http_server\])/m;
const PROGRAM = /^[ \t]*\[(?:program|fcgi-program|eventlistener):/m;
const PYTHON = /^(?:import \w|from [\w.]+ import |def \w+\(|class \w+[:(])/m;
const DIRS = /(?:^|\/)(?:supervisor[^/]*|conf\.d|supervisord\.d)\//;

/** How sure we are that a file is of this kind (0 = not at all, 1 = certain), from its name and text. */
export function sniffSupervisor(filePath: string, text: string): number {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!STRONG.test(text)) {
    // A misspelled header (`[programs:web]`) with supervisor keys is still a supervisor file.
    const header = /^[ \t]*\[(?:[\w-]+:[^\]\n]+|programs?|group|eventlistener|fcgi-program)\][ \t]*$/m;
    if (header.test(text) && /^[ \t]*command[ \t]*[=:]/m.test(text) && !PYTHON.test(text)) return 0.6;
    return 0;
  }
  if (filePath.endsWith('.py') || PYTHON.test(text)) return 0.1;
  if (/^[ \t]*\[uwsgi\]/m.test(text) && !PROGRAM.test(text)) return 0.2;
  const p = filePath.split(path.sep).join('/');
  if (DIRS.test(p) && PROGRAM.test(text)) return 0.95;
  if (/^[ \t]*\[supervisord\]/m.test(text)) return 0.95;
  return 0.9;
}

/** Load the roots the engine found; files reached from another root (includes, imports) are not roots of their own. */
export function loadSupervisor(roots: SourceFile[], ctx: LoadContext): SupervisorConfig[] {
  const parsed = new Map<SourceFile, IniFile>();
  const read = (s: SourceFile): IniFile => {
    let f = parsed.get(s);
    if (!f) {
      f = readIni(s);
      parsed.set(s, f);
    }
    return f;
  };
  // Main files (with [include]) first, so the files they include are not linted twice.
  const ordered = [...roots].sort((a, b) => Number(hasInclude(read(b))) - Number(hasInclude(read(a))));
  const included = new Set<string>();
  const configs: SupervisorConfig[] = [];
  for (const root of ordered) {
    if (included.has(root.path)) continue;
    const config = buildConfig(root, read, ctx);
    for (const f of config.files) if (f !== root) included.add(f.path);
    configs.push(config);
  }
  // Keep the engine's order.
  return roots.map((r) => configs.find((c) => c.root === r)).filter((c): c is SupervisorConfig => c !== undefined);
}

function hasInclude(f: IniFile): boolean {
  return f.statements.some((s) => s.type === 'section' && s.name === 'include');
}

const MAIN_MARKERS = new Set(['supervisord', 'include', 'supervisorctl']);

function buildConfig(root: SourceFile, read: (s: SourceFile) => IniFile, ctx: LoadContext): SupervisorConfig {
  const config: SupervisorConfig = {
    kind: 'supervisor',
    root,
    files: [root],
    sections: [],
    problems: [],
    isMain: false,
    includes: [],
    programs: [],
    issues: [],
  };
  const byName = new Map<string, SupervisorSection>();
  const main = read(root);
  apply(config, byName, main);
  // A program file checked on its own is no main file; these sections only appear in one.
  config.isMain = config.sections.some((s) => MAIN_MARKERS.has(s.name) || s.type === 'unix_http_server' || s.type === 'inet_http_server' || s.type === 'rpcinterface');

  const include = byName.get('include');
  if (include) resolveIncludes(config, byName, include, read, ctx);
  inheritDefaults(config);
  evaluate(config, ctx);
  for (const program of config.programs) {
    attachUwsgi(program, ctx);
    // The uWSGI front end's findings on the command line are reported by the uWSGI rules.
    if (program.uwsgi && program.uwsgi.problems.length > 0) config.problems.push(...program.uwsgi.problems);
  }
  return config;
}

/** Programs that run uWSGI: their command line goes through the uWSGI front end. */
export const UWSGI_PROGRAM = /^uwsgi(?:[-_][\w.-]*)?$/;

function attachUwsgi(program: SupervisorProgram, ctx: LoadContext): void {
  const command = program.command;
  const argv = command?.argv;
  if (!command || !argv || argv.length === 0) return;
  const program0 = argv[0]!.value;
  // Most programs are something else: the substring test spares them the basename.
  if (!program0.includes('uwsgi') || !UWSGI_PROGRAM.test(path.posix.basename(program0))) return;
  const options: CommandLineOptions = {};
  if (program.directory?.startsWith('/')) options.cwd = program.directory;
  if (program.environment) options.env = program.environment;
  program.uwsgi = parseUwsgiCommandLine(argv, command.value.source, ctx, options);
}

/** Apply one file's statements: sections merge by name, options replace earlier ones. */
function apply(config: SupervisorConfig, byName: Map<string, SupervisorSection>, file: IniFile): void {
  const source = file.source;
  config.problems.push(...file.problems);
  const copies = file.applied;
  file.applied = true;
  let current: SupervisorSection | undefined;
  // An indexed loop: an iterator allocates per statement until optimized, and files are long.
  const statements = file.statements;
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i]!;
    if (!(st instanceof Value)) {
      const at: Span = { source, start: st.start, end: st.end };
      if (st.name === 'DEFAULT') {
        if (config.defaults) reopen(config.defaults, at);
        else config.defaults = newSection('DEFAULT', at);
        current = config.defaults;
        continue;
      }
      current = byName.get(st.name);
      if (current) reopen(current, at);
      else {
        current = newSection(st.name, at);
        byName.set(st.name, current);
        config.sections.push(current);
      }
      continue;
    }
    if (!current) continue;
    const v = copies ? st.copy() : st;
    current.occurrences.push(v);
    current.values.set(v.key, v);
    if (v.hasPercent) current.hasPercent = true;
  }
}

/** A section at its first header (the headers array is made to size: most sections have one). */
function newSection(name: string, at: Span): SupervisorSection {
  const { type, suffix } = sectionType(name);
  return { name, headerAt: at, values: new Map(), occurrences: [], headers: [at], type, suffix, hasPercent: false };
}

/** A section opened again by another header: it merges. */
function reopen(section: SupervisorSection, at: Span): void {
  section.headers.push(at);
  section.headerAt = at;
}

function inheritDefaults(config: SupervisorConfig): void {
  const d = config.defaults;
  if (!d) return;
  for (const s of config.sections) {
    for (const [k, v] of d.values) if (!s.values.has(k)) s.values.set(k, (v as Value).inherited());
  }
}

/**
 * `[include] files`: space-separated globs joined to the main file's directory, each
 * matched with `glob.glob` and read in `sorted` order (supervisor/options.py:583-614). The
 * included files' own `[include]` sections are not followed.
 */
function resolveIncludes(
  config: SupervisorConfig,
  byName: Map<string, SupervisorSection>,
  include: SupervisorSection,
  read: (s: SourceFile) => IniFile,
  ctx: LoadContext,
): void {
  const files = include.values.get('files') ?? config.defaults?.values.get('files');
  if (!files) return; // reported by the model (".ini file has [include] section, but no files setting")
  const base = path.posix.dirname(config.root.deployedPath);
  const read_ = new Set(config.files);
  for (const pat of expandInclude(config, files, ctx)) {
    const resolved = pat.pattern.startsWith('/') ? pat.pattern : path.posix.join(base, pat.pattern);
    const inc: SupervisorInclude = { pattern: pat.pattern, at: pat.at, resolved, matches: [] };
    config.includes.push(inc);
    const matches = ctx.fs.glob(resolved).sort(compareBytewise);
    inc.matches = matches;
    if (matches.length === 0) {
      if (ctx.fs.hostChecks) {
        config.problems.push({
          ruleId: INCLUDE_FILES,
          at: pat.at,
          message: `No file matches via include "${resolved}"`,
          hint:
            'supervisord only logs this warning and starts without these programs. Include globs are relative to the ' +
            `directory of the main configuration file (${base}), not to the current directory.`,
        });
      }
      continue;
    }
    for (const m of matches) {
      const r = ctx.fs.readDeployed(m);
      if (!r.ok) {
        if (r.code === 'EISDIR') continue; // open() fails, supervisord skips it silently
        config.problems.push({
          ruleId: INCLUDE_FILES,
          at: pat.at,
          message: `cannot read included file ${r.message}`,
          hint: 'supervisord skips files it cannot open without a word: the programs in it will be missing.',
        });
        continue;
      }
      const file = read(r.source);
      if (!read_.has(r.source)) {
        read_.add(r.source);
        config.files.push(r.source);
      }
      apply(config, byName, file);
      for (const st of file.statements) {
        if (st.type === 'section' && st.name === 'include' && r.source !== config.root) {
          const problem: ParseProblem = {
            ruleId: INCLUDE_FILES,
            at: { source: r.source, start: st.start, end: st.end },
            message: 'an [include] section in an included file is ignored',
            hint: 'supervisord only processes the [include] section of the main configuration file; move these globs there.',
          };
          config.problems.push(problem);
        }
      }
    }
  }
}
