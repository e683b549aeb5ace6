/**
 * supervisord's option processing over a parsed configuration, in supervisord's order:
 * `ServerOptions.read_config` (supervisor/options.py:552), `process_groups_from_parser` (682),
 * `_processes_from_section` (893), `server_configs_from_parser` (1089) and the `user` check of
 * `realize` (484). Every value is %-expanded with the names supervisord offers at that point
 * and converted with supervisor's datatypes; what supervisord would refuse becomes a
 * `SupervisorIssue` (in supervisord's words), and programs get their converted settings.
 *
 * Unknowns (supervisord's environment, the host's filesystem under --no-fs) never produce
 * issues.
 */
import * as path from 'node:path';
import type { LoadContext } from '../../core/project.js';
import { Value } from './value.js';
import { lastAtOrBefore, type Span } from '../../core/source.js';
import {
  autoRestart,
  boolean,
  byteSize,
  colonSeparatedUserGroup,
  dictOfKeyValuePairs,
  eventNames,
  existingDirectory,
  existingDirpath,
  importSpec,
  inetAddress,
  integer,
  listOfExitcodes,
  listOfStrings,
  loggingLevel,
  logfileName,
  nameToUid,
  octalType,
  processOrGroupName,
  readGroups,
  readPasswd,
  signalNumber,
  type Converted,
  type Passwd,
  UNRESOLVED,
} from './datatypes.js';
import type { SupervisorCommand, SupervisorConfig, SupervisorIssue, SupervisorProgram, SupervisorSection, SupervisorValue } from './model.js';
import { mapOffset, pyFormat, type ExpansionValue, type Expansions, type FormatResult, type Segment } from './pyformat.js';
import { pyRepr } from './pystr.js';
import { shlexSplit } from './shlex.js';

type Names = Map<string, ExpansionValue>;

interface Env {
  config: SupervisorConfig;
  ctx: LoadContext;
  /** Whether supervisord's environment is unknown (no `env` configured). */
  envOpen: boolean;
  /** ENV_* names from the configured environment and `[supervisord] environment`. */
  globalEnv: Names;
  mainDir: string;
  /** `[include]` in the main file: `%(here)s` is replaced textually per file (expand_here). */
  hereTextual: boolean;
  passwd: Passwd | undefined | null;
  groups: Passwd | undefined | null;
  seen: Set<string>;
  /** Record no issues (the early [include] pass; `evaluate` reports them). */
  muted?: boolean;
}

const str = (value: string | undefined): ExpansionValue => ({ type: 'str', value });
const int = (value: number | undefined): ExpansionValue => ({ type: 'int', value });

/** Result of reading one key the way `saneget` does. */
interface Got {
  value: SupervisorValue | undefined;
  /** Expanded text (the default when the key is absent); undefined when unknown or failed. */
  text: string | undefined;
  /** Expansion failed (an issue was recorded). */
  failed: boolean;
  /** Output of the last expansion → raw value offsets. */
  map: (offset: number, end?: boolean) => number;
}

export function evaluate(config: SupervisorConfig, ctx: LoadContext): void {
  const env: Env = {
    config,
    ctx,
    envOpen: Object.keys(ctx.config.env).length === 0,
    globalEnv: new Map(),
    mainDir: path.posix.dirname(config.root.deployedPath),
    hereTextual: config.sections.some((s) => s.name === 'include'),
    passwd: null,
    groups: null,
    seen: new Set(),
  };
  for (const [k, v] of Object.entries(ctx.config.env)) env.globalEnv.set(`ENV_${k}`, str(v));
  const sections = config.sections;
  const byName = new Map(sections.map((s) => [s.name, s]));

  if (byName.has('include')) {
    const inc = byName.get('include')!;
    if (!lookup(inc, 'files')) {
      issue(env, 'section-error', '.ini file has [include] section, but no files setting', inc.headerAt, {
        hint: 'supervisord refuses to start. Add `files = conf.d/*.conf` (globs relative to this file’s directory).',
      });
    } else {
      // `expand(files, {here, host_node_name, ENV_…}, 'include.files')` (supervisor/options.py:593).
      get(env, inc, 'files', baseNames(env, true, { host_node_name: HOST_NODE_NAME }), { name: 'include.files' });
    }
  }
  const sup = byName.get('supervisord');
  if (!sup) {
    if (config.isMain) {
      issue(env, 'section-error', '.ini file does not include supervisord section', { source: config.root, start: 0, end: 0 }, {
        hint: 'supervisord refuses a configuration without a [supervisord] section; add one (it may be empty).',
      });
    }
  } else {
    supervisordSection(env, sup);
  }
  for (const s of sections) if (s.type === 'rpcinterface') plugin(env, s, 'supervisor.rpcinterface_factory');
  processGroups(env, sections, byName);
  serverConfigs(env, sections);
  if (sup) {
    const user = get(env, sup, 'user', baseNames(env, false), { name: 'supervisord.user' });
    if (user.value && user.text !== undefined) {
      convert(env, sup, user, 'invalid-user', nameToUid(user.text, passwd(env)), { wrap: false });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Issues

interface IssueOptions {
  hint?: string;
  related?: Array<{ at: Span; message: string }>;
  /** Report a value once per section even when supervisord reads it twice (a group's and a program's `priority`). */
  section?: SupervisorSection;
}

function issue(env: Env, kind: string, message: string, at: Span, o: IssueOptions = {}): void {
  if (env.muted) return;
  if (o.section) {
    const key = `${o.section.name}\0${kind}\0${at.source.path}\0${at.start}\0${at.end}`;
    if (env.seen.has(key)) return;
    env.seen.add(key);
  }
  const i: SupervisorIssue = { kind, message, at };
  if (o.hint) i.hint = o.hint;
  if (o.related) i.related = o.related;
  env.config.issues.push(i);
}

/** `'%s in section %r (file: %r)'` without the file (the location shows it). */
function wrapIn(section: SupervisorSection, msg: string): string {
  return `${msg} in section ${pyRepr(section.name)}`;
}

// ---------------------------------------------------------------------------------------------
// Expansion

function passwd(env: Env): Passwd | undefined {
  if (env.passwd === null) env.passwd = readPasswd(env.ctx.fs);
  return env.passwd;
}

/** The host files users and groups were looked up in (deployed path, and the local copy when mapped). */
function usersFiles(env: Env): string {
  return ['/etc/passwd', '/etc/group']
    .map((f) => {
      const local = env.ctx.fs.toLocal(f);
      return local === f ? f : `${f} (${local})`;
    })
    .join(' and ');
}

function groups(env: Env): Passwd | undefined {
  if (env.groups === null) env.groups = readGroups(env.ctx.fs);
  return env.groups;
}

/** `here` + supervisord's environment (+ optional extra names). */
function baseNames(env: Env, withHere = true, extra?: Record<string, ExpansionValue>): Names {
  const m: Names = new Map(env.globalEnv);
  if (withHere) m.set('here', str(env.mainDir));
  if (extra) for (const [k, v] of Object.entries(extra)) m.set(k, v);
  return m;
}

function lookup(section: SupervisorSection, key: string): SupervisorValue | undefined {
  return section.values.get(key);
}

/** Values with up to this many lines are mapped by a walk over them, longer ones by binary search. */
const FEW_LINES = 8;

/** Offset in `raw` where each piece (line) of a value starts; cached for values with many lines. */
const pieceStarts = new WeakMap<SupervisorValue, number[]>();

/** Raw value offset → source span offset. */
export function rawToSource(v: SupervisorValue, rawOffset: number): number {
  if (v instanceof Value && v.multiLine === undefined) {
    return rawOffset <= v.end - v.start ? v.start + Math.max(0, rawOffset) : v.end;
  }
  const pieces = v.pieces;
  if (pieces.length === 1) {
    const p = pieces[0]!;
    return rawOffset <= p.end - p.start ? p.start + Math.max(0, rawOffset) : v.at.end;
  }
  if (pieces.length <= FEW_LINES) {
    // Walk to the last piece starting at or before the offset (pieces start after each '\n').
    let lo = 0;
    let start = 0;
    while (lo + 1 < pieces.length) {
      const next = start + pieces[lo]!.end - pieces[lo]!.start + 1;
      if (next > rawOffset) break;
      start = next;
      lo++;
    }
    const p = pieces[lo]!;
    const within = rawOffset - start;
    return within <= p.end - p.start ? p.start + Math.max(0, within) : v.at.end;
  }
  let starts = pieceStarts.get(v);
  if (!starts) {
    starts = [];
    let acc = 0;
    for (const p of pieces) {
      starts.push(acc);
      acc += p.end - p.start + 1;
    }
    pieceStarts.set(v, starts);
  }
  // The last piece starting at or before the offset.
  const lo = lastAtOrBefore(starts, rawOffset);
  const p = pieces[lo]!;
  const within = rawOffset - starts[lo]!;
  if (within <= p.end - p.start) return p.start + Math.max(0, within);
  return v.at.end;
}

export function rawSpan(v: SupervisorValue, start: number, end: number): Span {
  const s = rawToSource(v, start);
  return { source: v.source, start: s, end: Math.max(s, rawToSource(v, end)) };
}

/** `%(here)s` replaced textually with the directory of the file the value is written in (expand_here). */
function hereReplace(env: Env, v: SupervisorValue): { text: string; segments: Segment[] } | undefined {
  const raw = v.raw;
  if (!env.hereTextual || !raw.includes('%(here)s')) return undefined;
  const here = path.posix.dirname(v.source.deployedPath);
  const segments: Segment[] = [];
  let out = '';
  let i = 0;
  for (;;) {
    const j = raw.indexOf('%(here)s', i);
    const end = j === -1 ? raw.length : j;
    if (end > i) segments.push({ outStart: out.length, outEnd: out.length + end - i, inStart: i, inEnd: end });
    out += raw.slice(i, end);
    if (j === -1) break;
    segments.push({ outStart: out.length, outEnd: out.length + here.length, inStart: j, inEnd: j + 8 });
    out += here;
    i = j + 8;
  }
  return { text: out, segments };
}

interface GetOptions {
  /** Name supervisord reports (`program:x.command`, `stdout_logfile`…); `section.key` when absent. */
  name?: string;
  /** Expand once (saneget), twice (saneget then expand), or not at all (do_expand=False). */
  times?: 0 | 1 | 2;
  /** Name used for the second expansion. */
  name2?: string;
  /** Wrap messages with "in section 'x'". */
  wrap?: boolean;
  section?: SupervisorSection;
}

/** `saneget` (+ a second `expand` for the keys supervisord expands twice). */
const identity = (x: number) => x;
const WRAP: GetOptions = { wrap: true };
const NO_WRAP: GetOptions = {};

const ABSENT: Got = { value: undefined, text: undefined, failed: false, map: identity };

function get(env: Env, section: SupervisorSection, key: string, names: Names, o: GetOptions = NO_WRAP): Got {
  const value = section.values.get(key);
  if (!value) return ABSENT;
  // Most values have no `%` at all: nothing to expand.
  if (!value.hasPercent) return { value, text: value.raw, failed: false, map: identity };
  const pre = hereReplace(env, value);
  let text: string | undefined = pre ? pre.text : value.raw;
  const maps: Segment[][] = pre ? [pre.segments] : [];
  const times = o.times ?? 1;
  const exp: Expansions = { names, envOpen: env.envOpen, dictText: () => dictText(names) };
  /** Offset in the current expansion's input (or, at the end, its output) → raw value offset. */
  const toRaw = (off: number, end = false) => {
    let x = off;
    for (let k = maps.length - 1; k >= 0; k--) x = mapOffset(maps[k]!, x, end);
    return x;
  };
  for (let t = 0; t < times && text !== undefined; t++) {
    const r = pyFormat(text, exp);
    if (!r.ok) {
      formatIssue(env, section, value, text, r, (t === 0 ? o.name : (o.name2 ?? o.name)) ?? `${section.name}.${key}`, names, o, toRaw);
      return { value, text: undefined, failed: true, map: identity };
    }
    for (const wd of r.wholeDict) {
      const name = (t === 0 ? o.name : (o.name2 ?? o.name)) ?? `${section.name}.${key}`;
      issue(
        env,
        'percent-s-expands-to-dict',
        `'%s' in ${pyRepr(name)} is replaced by the whole dictionary of expansion names`,
        rawSpan(value, toRaw(wd.index), toRaw(wd.index + wd.length, true)),
        {
          section,
          hint:
            'supervisord formats the value with its expansion names (`value % {…}`): a `%s` without a name becomes the text ' +
            "of that dictionary (`{'here': …, 'program_name': …}`). Write `%%s` for a literal `%s` (e.g. `date +%%s`).",
        },
      );
    }
    maps.push(r.segments);
    text = r.text;
  }
  if (value.expanded === undefined && text !== undefined) value.expanded = text;
  return { value, text, failed: false, map: toRaw };
}

/** supervisord's `expand` error: "Format string … contains names … / is badly formatted …". */
function formatIssue(
  env: Env,
  section: SupervisorSection,
  value: SupervisorValue,
  text: string,
  r: Extract<FormatResult, { ok: false }>,
  name: string,
  names: Names,
  o: GetOptions,
  toRaw: (off: number, end?: boolean) => number,
): void {
  const at = rawSpan(value, toRaw(r.index), toRaw(r.index + r.length, true));
  let msg: string;
  let hint: string;
  if (r.kind === 'key') {
    const available = [...names.keys()].sort(compareCodePoints);
    const avail = available.join(', ') + (env.envOpen ? (available.length ? ', ' : '') + 'ENV_<name> for each variable of supervisord’s environment' : '');
    msg = `Format string ${pyRepr(text)} for ${pyRepr(name)} contains names (${r.detail}) which cannot be expanded. Available names: ${avail}`;
    hint =
      'supervisord refuses to start. `%(name)s` is only for the names above; write a literal percent sign as `%%`' +
      (r.key?.startsWith('ENV_')
        ? ', and make sure the variable is in supervisord’s environment or its [supervisord] environment.'
        : '. If this file is a template that a deployment tool fills in, lint the generated file.');
  } else {
    msg = `Format string ${pyRepr(text)} for ${pyRepr(name)} is badly formatted: ${r.detail}`;
    hint = 'supervisord refuses to start: every `%` in a value starts a Python format; write a literal percent sign as `%%`.';
  }
  issue(env, 'format-string-error', o.wrap ? wrapIn(section, msg) : msg, at, { hint, section });
}

/** `str(expansions)`: the dict a lone `%s` turns into (in supervisord's insertion order). */
function dictText(names: Names): string {
  const parts: string[] = [];
  for (const [k, v] of names) {
    const val = v.value === undefined ? "'…'" : v.type === 'str' ? pyRepr(v.value) : String(v.value);
    parts.push(`${pyRepr(k)}: ${val}`);
  }
  return `{${parts.join(', ')}}`;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface ConvertOptions {
  wrap: boolean;
  hint?: string;
  /** Replace supervisord's message (e.g. 'Invalid sockchown value %s'). */
  message?: (error: string) => string;
}

/** Record a converter failure on a value. Returns the converted value (undefined when failed/unknown). */
function convert<T>(env: Env, section: SupervisorSection, got: Got, kind: string, r: Converted<T>, o: ConvertOptions): T | undefined {
  if (r.ok === true) return r.value;
  if (r.ok === 'unknown' || !got.value) return undefined;
  let msg = o.message ? o.message(r.error) : r.error;
  if (o.wrap) msg = wrapIn(section, msg);
  let hint = o.hint ?? HINTS[kind] ?? '';
  if (kind === 'invalid-user') hint += ` Checked ${usersFiles(env)}; users from LDAP or other NSS sources are not visible there.`;
  issue(env, kind, msg, got.value.at, { hint, section });
  return undefined;
}

const HINTS: Record<string, string> = {
  'bad-boolean': 'supervisord refuses to start. Booleans are true/false, yes/no, on/off or 1/0 (any case).',
  'bad-integer': 'supervisord refuses to start: this setting must be a whole number.',
  'bad-autorestart': 'supervisord refuses to start. autorestart is true, false or unexpected.',
  'bad-signal': 'supervisord refuses to start. Use a signal name (TERM, QUIT, INT, HUP, KILL, USR1, USR2…, with or without SIG) or number.',
  'bad-exitcodes': 'supervisord refuses to start. exitcodes is a comma-separated list of numbers from 0 to 255.',
  'bad-byte-size': 'supervisord refuses to start. Sizes are a number with an optional KB, MB or GB suffix (`50MB`, not `50M`).',
  'bad-octal': 'supervisord refuses to start: the value must be an octal number such as 022 or 0700.',
  'bad-environment':
    'supervisord refuses to start. environment is KEY=value pairs separated by commas; quote values that contain anything but letters, digits and `_/.+-():` (KEY="a b,c").',
  'invalid-user': 'supervisord refuses to start: the user must exist on the host.',
  'invalid-program-name': 'supervisord refuses to start: program and group names cannot contain spaces, colons or slashes.',
  'bad-value': 'supervisord refuses to start.',
};

// ---------------------------------------------------------------------------------------------
// [supervisord]

function supervisordSection(env: Env, s: SupervisorSection): void {
  const names = baseNames(env);
  const g = (key: string, times: 0 | 1 | 2 = 1) => get(env, s, key, names, { name: `supervisord.${key}`, times, name2: key });
  const simple = (key: string, kind: string, fn: (v: string) => Converted<unknown>) => {
    const got = g(key);
    if (got.text !== undefined && got.value) convert(env, s, got, kind, fn(got.text), { wrap: false });
  };
  simple('minfds', 'bad-integer', integer);
  simple('minprocs', 'bad-integer', integer);
  dirCheck(env, s, g('directory'), 'directory');
  g('user');
  simple('umask', 'bad-octal', octalType);
  dirCheck(env, s, g('logfile'), 'dirpath');
  simple('logfile_maxbytes', 'bad-byte-size', byteSize);
  simple('logfile_backups', 'bad-integer', integer);
  simple('loglevel', 'bad-value', loggingLevel);
  dirCheck(env, s, g('pidfile'), 'dirpath');
  g('identifier');
  simple('nodaemon', 'bad-boolean', boolean);
  simple('silent', 'bad-boolean', boolean);
  dirCheck(env, s, g('childlogdir'), 'directory');
  simple('nocleanup', 'bad-boolean', boolean);
  simple('strip_ansi', 'bad-boolean', boolean);
  const envGot = get(env, s, 'environment', names, { name: 'supervisord.environment', times: 2, name2: 'environment' });
  if (envGot.value && envGot.text !== undefined) {
    const d = environmentDict(env, s, envGot, false);
    if (d) for (const [k, v] of Object.entries(d)) env.globalEnv.set(`ENV_${k}`, str(v));
  } else if (envGot.value && envGot.text === undefined && !envGot.failed) {
    // Unknown environment: its names may be anything.
    env.envOpen = true;
  }
}

function dirCheck(env: Env, s: SupervisorSection, got: Got, how: 'directory' | 'dirpath', wrap = false): void {
  // Without host checks no directory is known to be missing: nothing to work out.
  if (!got.value || got.text === undefined || !env.ctx.fs.hostChecks) return;
  const r = how === 'directory' ? existingDirectory(got.text, env.ctx.fs) : existingDirpath(got.text, env.ctx.fs);
  if (r.ok === false) {
    const checked = 'checked' in r ? r.checked : undefined;
    issue(env, 'missing-log-directory', wrap ? wrapIn(s, r.error) : r.error, got.value.at, {
      hint:
        `supervisord refuses to start: it does not create directories.${checked ? ` ${checked} is not a directory on the host.` : ''} ` +
        'Create it (owned by the user that writes there) or point the setting at an existing directory.',
    });
  }
}

function environmentDict(env: Env, s: SupervisorSection, got: Got, wrap: boolean): Record<string, string> | undefined {
  if (!got.value || got.text === undefined) return undefined;
  const r = dictOfKeyValuePairs(got.text);
  if (r.ok === true) return r.value;
  if (r.ok === false) {
    const at = r.at !== undefined ? rawSpan(got.value, got.map(r.at), got.value.raw.length) : got.value.at;
    const msg = wrap ? wrapIn(s, r.error) : r.error;
    let hint = HINTS['bad-environment']!;
    if (r.error === 'No closing quotation' && /\s[#;]/.test(got.value.at.source.text.slice(got.value.at.start, lineEnd(got.value)))) {
      hint += ' Here a ` #` or ` ;` inside the quotes started a comment, which cut the value short.';
    }
    issue(env, 'bad-environment', msg, { ...at, end: Math.max(at.end, at.start + 1) }, { hint });
  }
  return undefined;
}

function lineEnd(v: SupervisorValue): number {
  const t = v.source.text;
  const nl = t.indexOf('\n', v.at.end);
  return nl === -1 ? t.length : nl;
}

// ---------------------------------------------------------------------------------------------
// Plugins, groups, programs

function plugin(env: Env, s: SupervisorSection, factoryKey: string): void {
  const names = baseNames(env, false);
  const f = get(env, s, factoryKey, names, { name: `${s.name}.${factoryKey}` });
  if (!f.value) {
    issue(env, 'section-error', `section [${s.name}] does not specify a ${factoryKey}`, s.headerAt, {
      hint: `supervisord refuses to start. Add \`${factoryKey} = supervisor.rpcinterface:make_main_rpcinterface\`.`,
    });
    return;
  }
  if (f.text !== undefined) importCheck(env, s, f, f.text, 'The standard value is supervisor.rpcinterface:make_main_rpcinterface.');
  for (const k of s.values.keys()) if (k !== factoryKey) get(env, s, k, names, { name: `${s.name}.${k}` });
}

function importCheck(env: Env, s: SupervisorSection, got: Got, spec: string, advice: string): void {
  const r = importSpec(spec);
  if (r.ok !== false || !got.value) return;
  const msg = r.error === UNRESOLVED ? `${spec} cannot be resolved within [${s.name}]` : r.error;
  issue(env, 'bad-value', msg, got.value.at, {
    hint: `supervisord refuses to start: it imports this \`module:attribute\` spec and cannot. ${advice}`,
  });
}

function processGroups(env: Env, sections: SupervisorSection[], byName: Map<string, SupervisorSection>): void {
  const excluded = new Set<SupervisorSection>();
  // supervisord builds the same names for each read here; get() only reads them.
  const common = baseNames(env);
  for (const s of sections) {
    if (s.type !== 'group') continue;
    const nameOk = processOrGroupName(s.suffix ?? '');
    if (nameOk.ok === false) issue(env, 'invalid-program-name', nameOk.error, s.headerAt, { hint: HINTS['invalid-program-name']! });
    const groupName = nameOk.ok === true ? nameOk.value : (s.suffix ?? '');
    const progs = get(env, s, 'programs', common, { name: `${s.name}.programs` });
    const pr = get(env, s, 'priority', common, { name: `${s.name}.priority` });
    if (pr.text !== undefined && pr.value) convert(env, s, pr, 'bad-integer', integer(pr.text), { wrap: false });
    if (progs.value && progs.text === undefined) continue;
    // supervisord reuses its loop variable: after the first program, messages name the previous program's section.
    let shownName = s.name;
    for (const program of listOfStrings(progs.text)) {
      const ps = byName.get(`program:${program}`);
      const fs = byName.get(`fcgi-program:${program}`);
      if (!ps && !fs) {
        issue(env, 'section-error', `[${shownName}] names unknown program or fcgi-program ${program}`, progs.value!.at, {
          hint: `supervisord refuses to start: there is no [program:${program}] section.`,
        });
        continue;
      }
      if (ps && fs) {
        issue(env, 'section-error', `[${shownName}] name ${program} is ambiguous (exists as program and fcgi-program)`, progs.value!.at, {
          hint: 'supervisord refuses to start; rename one of the two sections.',
        });
        continue;
      }
      const target = (ps ?? fs)!;
      shownName = target.name;
      excluded.add(target);
      processesFromSection(env, target, groupName, 'program', s);
    }
  }
  for (const s of sections) {
    if (s.type !== 'program' || excluded.has(s)) continue;
    const nameOk = processOrGroupName(s.suffix ?? '');
    if (nameOk.ok === false) {
      issue(env, 'invalid-program-name', nameOk.error, s.headerAt, { hint: HINTS['invalid-program-name']! });
      continue;
    }
    const pr = get(env, s, 'priority', common, { name: `${s.name}.priority` });
    if (pr.text !== undefined && pr.value) convert(env, s, pr, 'bad-integer', integer(pr.text), { wrap: false });
    processesFromSection(env, s, nameOk.value, 'program');
  }
  for (const s of sections) {
    if (s.type !== 'eventlistener') continue;
    eventListener(env, s);
  }
  for (const s of sections) {
    if (s.type !== 'fcgi-program' || excluded.has(s)) continue;
    fcgiProgram(env, s);
  }
}

function eventListener(env: Env, s: SupervisorSection): void {
  const names = baseNames(env);
  const g = (key: string) => get(env, s, key, names, { name: `${s.name}.${key}` });
  const pr = g('priority');
  if (pr.text !== undefined && pr.value) convert(env, s, pr, 'bad-integer', integer(pr.text), { wrap: false });
  const bs = g('buffer_size');
  if (bs.text !== undefined && bs.value) {
    const n = convert(env, s, bs, 'bad-integer', integer(bs.text), { wrap: false });
    if (n !== undefined && n < 1) {
      issue(env, 'bad-value', `[${s.name}] section sets invalid buffer_size (${n})`, bs.value.at, {
        hint: 'supervisord refuses to start: buffer_size must be at least 1.',
      });
    }
  }
  const rh = g('result_handler');
  if (rh.text !== undefined && rh.value) importCheck(env, s, rh, rh.text, 'The default is supervisor.dispatchers:default_handler.');
  const ev = g('events');
  if (!ev.failed && !(ev.value && ev.text === undefined)) {
    const { names: evNames, unknown } = eventNames(ev.text ?? '');
    if (evNames.length === 0) {
      issue(env, 'section-error', `[${s.name}] section requires an "events" line`, ev.value?.at ?? s.headerAt, {
        hint: 'supervisord refuses to start: an event listener must subscribe to events (e.g. `events = PROCESS_STATE`).',
      });
    }
    for (const u of unknown) {
      issue(env, 'bad-value', `Unknown event type ${u} in [${s.name}] events`, ev.value!.at, {
        hint: 'supervisord refuses to start. Event types are PROCESS_STATE, PROCESS_STATE_EXITED, TICK_60, … (see supervisor’s events documentation).',
      });
    }
  }
  const rs = g('redirect_stderr');
  if (rs.text !== undefined && rs.value) {
    const b = convert(env, s, rs, 'bad-boolean', boolean(rs.text), { wrap: false });
    if (b === true) {
      issue(
        env,
        'section-error',
        `[${s.name}] section sets redirect_stderr=true but this is not allowed because it will interfere with the eventlistener protocol`,
        rs.value.at,
        { hint: 'supervisord refuses to start; remove redirect_stderr from the event listener.' },
      );
    }
  }
  processesFromSection(env, s, s.suffix ?? '', 'eventlistener');
}

function fcgiProgram(env: Env, s: SupervisorSection): void {
  const nameOk = processOrGroupName(s.suffix ?? '');
  if (nameOk.ok === false) {
    issue(env, 'invalid-program-name', nameOk.error, s.headerAt, { hint: HINTS['invalid-program-name']! });
    return;
  }
  const names = baseNames(env);
  const g = (key: string, extra?: Names) => get(env, s, key, extra ?? names, { name: `${s.name}.${key}` });
  const pr = g('priority');
  if (pr.text !== undefined && pr.value) convert(env, s, pr, 'bad-integer', integer(pr.text), { wrap: false });
  const user = g('user');
  if (user.text !== undefined && user.value) convert(env, s, user, 'invalid-user', nameToUid(user.text, passwd(env)), { wrap: false });
  const bl = g('socket_backlog');
  if (bl.text !== undefined && bl.value) {
    const n = convert(env, s, bl, 'bad-integer', integer(bl.text), { wrap: false });
    if (n !== undefined && (n < 1 || n > 65535)) {
      issue(env, 'bad-value', `Invalid socket_backlog value ${n}`, bl.value.at, { hint: 'supervisord refuses to start: the backlog is 1-65535.' });
    }
  }
  const owner = g('socket_owner');
  if (owner.text !== undefined && owner.value) {
    convert(env, s, owner, 'invalid-user', colonSeparatedUserGroup(owner.text, passwd(env), groups(env)), {
      wrap: false,
      message: () => `Invalid socket_owner value ${owner.text}`,
    });
  }
  const mode = g('socket_mode');
  if (mode.text !== undefined && mode.value) {
    convert(env, s, mode, 'bad-octal', octalType(mode.text), { wrap: false, message: () => `Invalid socket_mode value ${mode.text}` });
  }
  const sockNames = new Map(names);
  sockNames.set('program_name', str(nameOk.value));
  const sock = g('socket', sockNames);
  if (!sock.failed) {
    if (!sock.value || sock.text === '') {
      issue(env, 'section-error', `[${s.name}] section requires a "socket" line`, sock.value?.at ?? s.headerAt, {
        hint: 'supervisord refuses to start: an fcgi-program needs `socket = unix:///path` or `socket = tcp://host:port`.',
      });
    } else if (sock.text !== undefined) {
      const err = fcgiSocketError(sock.text, owner.value !== undefined || mode.value !== undefined);
      if (err) issue(env, 'bad-value', `${err} in [${s.name}] socket`, sock.value.at, { hint: 'supervisord refuses to start.' });
    }
  }
  processesFromSection(env, s, nameOk.value, 'fcgi-program');
}

function fcgiSocketError(sock: string, ownerOrMode: boolean): string | undefined {
  if (sock.startsWith('unix://')) {
    const p = sock.slice(7);
    if (!p.startsWith('/')) return `('Unix socket path %s is not an absolute path', ${pyRepr(p)})`;
    return undefined;
  }
  if (ownerOrMode) return 'socket_owner and socket_mode params should only be used with a Unix domain socket';
  const m = /^tcp:\/\/([^\s:]+):(\d+)$/.exec(sock);
  if (m) {
    const port = Number(m[2]);
    if (port < 1) return `${port} is below lower bound (1)`;
    if (port > 65535) return `${port} is above upper bound (65535)`;
    return undefined;
  }
  return `('Bad socket format %s', ${pyRepr(sock)})`;
}

/** Names for sections without a `%` in any value: never looked at, never filled. */
const NO_NAMES: Names = new Map();

/** Whether any value of the section (one of its occurrences, or one of [DEFAULT]'s) may have a `%` to expand. */
function hasPercent(s: SupervisorSection, defaults: SupervisorSection | undefined): boolean {
  return s.hasPercent || (defaults !== undefined && defaults.hasPercent);
}

/** `_processes_from_section` (supervisor/options.py:893). */
function processesFromSection(
  env: Env,
  s: SupervisorSection,
  groupName: string,
  type: SupervisorProgram['type'],
  group?: SupervisorSection,
): void {
  const nameOk = processOrGroupName(s.suffix ?? '');
  if (nameOk.ok === false) {
    issue(env, 'invalid-program-name', wrapIn(s, nameOk.error), s.headerAt, { hint: HINTS['invalid-program-name']! });
    return;
  }
  const programName = nameOk.value;
  // Every field set here, in one order: thousands of programs share one object shape.
  const program: SupervisorProgram = {
    section: s,
    type,
    name: programName,
    groupName,
    group,
    numprocs: undefined,
    autostart: undefined,
    autorestart: undefined,
    startsecs: undefined,
    startretries: undefined,
    stopsignal: undefined,
    stopwaitsecs: undefined,
    directory: undefined,
    environment: undefined,
    command: undefined,
    uwsgi: undefined,
  };
  env.config.programs.push(program);

  // The names are only looked at to expand a value with a `%`: most programs have none, and
  // then none are built (NO_NAMES stays empty: every `set` below checks `expands`).
  const expands = hasPercent(s, env.config.defaults);
  const common: Names = expands ? baseNames(env, true) : NO_NAMES;
  if (expands) {
    common.set('program_name', str(programName));
    common.set('host_node_name', HOST_NODE_NAME);
    common.set('group_name', str(groupName));
  }
  const read = new ProgramReader(env, s, common);

  read.defaulted('priority', integer, 999);
  program.autostart = read.defaulted('autostart', boolean, true);
  program.autorestart = read.defaulted<'true' | 'false' | 'unexpected'>('autorestart', autoRestart, 'unexpected');
  program.startsecs = read.defaulted('startsecs', integer, 1);
  program.startretries = read.defaulted('startretries', integer, 3);
  program.stopsignal = read.defaulted('stopsignal', signalNumber, 15);
  program.stopwaitsecs = read.defaulted('stopwaitsecs', integer, 10);
  const stopasgroup = read.defaulted('stopasgroup', boolean, false);
  const killasgroup = lookup(s, 'killasgroup') ? read.convert('killasgroup', 'bad-boolean', boolean) : stopasgroup;
  read.defaulted('exitcodes', listOfExitcodes, [0]);
  const redirect = read.defaulted('redirect_stderr', boolean, false);
  const numprocs = read.defaulted('numprocs', integer, 1);
  const numprocsStart = read.defaulted('numprocs_start', integer, 0);
  program.numprocs = numprocs;
  const envValue = lookup(s, 'environment');
  read.defaulted('stdout_capture_maxbytes', byteSize, 0);
  read.defaulted('stdout_events_enabled', boolean, false);
  read.defaulted('stderr_capture_maxbytes', byteSize, 0);
  read.defaulted('stderr_events_enabled', boolean, false);
  read.get('serverurl');
  const user = read.get('user');
  if (user.text !== undefined && user.value) convert(env, s, user, 'invalid-user', nameToUid(user.text, passwd(env)), WRAP_CONVERT);
  const umask = read.get('umask');
  if (umask.text !== undefined && umask.value) convert(env, s, umask, 'bad-octal', octalType(umask.text), WRAP_CONVERT);
  const pn = lookup(s, 'process_name');
  const processName = pn ? pn.raw : '%(program_name)s';
  if (pn) {
    const r = processOrGroupName(processName);
    if (r.ok === false) issue(env, 'invalid-program-name', wrapIn(s, r.error), pn.at, { hint: HINTS['invalid-program-name']! });
  }
  if (numprocs !== undefined && numprocs > 1 && !processName.includes('%(process_num)')) {
    issue(
      env,
      'numprocs-without-process-num',
      wrapIn(s, '%(process_num) must be present within process_name when numprocs > 1'),
      pn?.at ?? lookup(s, 'numprocs')!.at,
      {
        hint: 'supervisord refuses to start: each of the processes needs its own name. Add `process_name = %(program_name)s_%(process_num)02d`.',
        related: pn ? [{ at: lookup(s, 'numprocs')!.at, message: `numprocs = ${numprocs}` }] : [],
      },
    );
  }
  if (stopasgroup === true && killasgroup === false) {
    issue(env, 'section-error', wrapIn(s, 'Cannot set stopasgroup=true and killasgroup=false'), lookup(s, 'killasgroup')!.at, {
      hint: 'supervisord refuses to start: stopping a process group but killing only the leader would leave children behind. Remove killasgroup or set it to true.',
    });
  }
  // The per-process loop: nothing below runs when numprocs is 0 (or unknown: stay silent).
  if (numprocs === undefined || numprocsStart === undefined || numprocs <= 0) {
    return;
  }
  const processNum = numprocsStart;
  // supervisord adds these to the same dict (common_expansions), as here.
  const loopNames: Names = common;
  if (expands) {
    loopNames.set('process_num', int(processNum));
    loopNames.set('numprocs', int(numprocs));
  }
  const envGot = get(env, s, 'environment', loopNames, { name: 'environment', times: envValue ? 1 : 0, wrap: true });
  let programEnv: Record<string, string> | undefined = envValue ? undefined : {};
  if (envValue && envGot.text !== undefined) programEnv = environmentDict(env, s, envGot, true);
  const cmdNames: Names = loopNames;
  if (programEnv && expands) for (const k in programEnv) cmdNames.set(`ENV_${k}`, str(programEnv[k]));
  const envUnknown = envValue !== undefined && programEnv === undefined;
  if (programEnv) program.environment = programEnv;
  read.envUnknown = envUnknown;
  const dir = read.processGet('directory');
  if (dir.text !== undefined) program.directory = dir.text;
  const logs: Record<string, ReturnType<typeof logfileName> | undefined> = {};
  for (const { stream: k, logfile, backups, maxbytes: maxbytesKey, syslog, getOptions } of LOG_STREAMS) {
    const lf = read.processGet(logfile, getOptions);
    if (lf.value && lf.text !== undefined) {
      const name = logfileName(lf.text);
      logs[k] = name;
      if (name.type === 'path') dirCheck(env, s, lf, 'dirpath', true);
      if (name.type === 'syslog') {
        issue(
          env,
          'log-setting-warning',
          `For [${s.name}], ${k}_logfile=syslog but this is deprecated and will be removed.  Use ${k}_syslog=true to enable syslog instead.`,
          lf.value.at,
          { hint: `supervisord logs this warning. Write \`${k}_logfile = none\` and \`${k}_syslog = true\`.` },
        );
      }
    } else if (!lf.value) logs[k] = { type: 'auto' };
    read.processConvert(backups, integer);
    const maxbytes = read.processConvert(maxbytesKey, byteSize, 50 * 1024 * 1024);
    read.processConvert(syslog, boolean);
    if (logs[k]?.type === 'auto' && maxbytes === 0) {
      const mb = lookup(s, maxbytesKey);
      issue(
        env,
        'log-setting-warning',
        `For [${s.name}], AUTO logging used for ${k}_logfile without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally`,
        mb?.at ?? s.headerAt,
        { hint: 'supervisord logs this warning: the automatic log file grows without limit.' },
      );
    }
  }
  if (redirect === true) {
    const se = lookup(s, 'stderr_logfile');
    const l = logs.stderr;
    if (se && l && l.type !== 'auto' && l.type !== 'none' && l.type !== 'syslog') {
      issue(
        env,
        'log-setting-warning',
        `For [${s.name}], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored`,
        se.at,
        { hint: 'supervisord logs this warning: with redirect_stderr=true stderr goes to the stdout log. Remove stderr_logfile or redirect_stderr.' },
      );
    }
  }
  const cmd = read.processGet('command');
  if (!cmd.value) {
    issue(env, 'missing-command', wrapIn(s, `program section ${s.name} does not specify a command`), s.headerAt, {
      hint: 'supervisord refuses to start. Add `command = /absolute/path/to/program --its --arguments`.',
    });
  } else if (!cmd.failed) {
    program.command = makeCommand(cmd);
    cmd.value.expanded = cmd.text;
  }
  // The process name is expanded last (name=expand(process_name, ...)).
  if (pn) {
    const saved = env.envOpen;
    if (envUnknown) env.envOpen = true;
    const r = get(env, s, 'process_name', cmdNames, { name: 'process_name', wrap: true });
    env.envOpen = saved;
    void r;
  }
}

/**
 * Reads the values of one program section the way `_processes_from_section` does: first
 * with the common expansions, then (process*) with the per-process ones, which supervisord
 * adds to the same dict. One reader per program instead of a closure per helper.
 */
class ProgramReader {
  /** The program's `environment` could not be read: its `ENV_` names may exist. */
  envUnknown = false;

  constructor(
    private readonly env: Env,
    private readonly section: SupervisorSection,
    private readonly names: Names,
  ) {}

  /** `saneget` with the common expansions. */
  get(key: string): Got {
    return get(this.env, this.section, key, this.names, WRAP);
  }

  /** The converted value; undefined when absent, invalid (an issue is recorded) or unknown. */
  convert<T>(key: string, kind: string, fn: (v: string) => Converted<T>): T | undefined {
    const got = this.get(key);
    if (got.text === undefined || !got.value) return undefined;
    return convert(this.env, this.section, got, kind, fn(got.text), WRAP_CONVERT);
  }

  /** The converted value, or supervisord's default (`dflt`, already converted) when the key is absent. */
  defaulted<T>(key: string, fn: (v: string) => Converted<T>, dflt: T): T | undefined {
    const v = this.section.values.get(key);
    if (!v) return dflt;
    if (!v.hasPercent) {
      // No expansion: convert the text as written (the common case, kept short).
      const r = fn(v.raw);
      if (r.ok === true) return r.value;
    }
    return this.convert(key, KIND_OF[key] ?? 'bad-value', fn);
  }

  /** `saneget` in the per-process loop. */
  processGet(key: string, o: GetOptions = WRAP): Got {
    if (!this.envUnknown) return get(this.env, this.section, key, this.names, o);
    // Names from an environment we could not read may exist: treat ENV_ as open then.
    const saved = this.env.envOpen;
    this.env.envOpen = true;
    const r = get(this.env, this.section, key, this.names, o);
    this.env.envOpen = saved;
    return r;
  }

  /** `defaulted` in the per-process loop (`dflt` when absent, undefined when unknown). */
  processConvert<T>(key: string, fn: (v: string) => Converted<T>, dflt?: T): T | undefined {
    const v = this.section.values.get(key);
    if (!v) return dflt;
    if (!v.hasPercent) {
      const r = fn(v.raw);
      if (r.ok === true) return r.value;
    }
    const got = this.processGet(key);
    if (!got.value) return dflt;
    if (got.text === undefined) return undefined;
    return convert(this.env, this.section, got, KIND_OF[key] ?? 'bad-value', fn(got.text), WRAP_CONVERT);
  }
}

const HOST_NODE_NAME = str(undefined);
/**
 * The keys of each output stream, spelled out once (not rebuilt for every program). Log file
 * names are expanded twice (saneget, then expand with the key as name).
 */
const LOG_STREAMS = [
  {
    stream: 'stdout',
    logfile: 'stdout_logfile',
    backups: 'stdout_logfile_backups',
    maxbytes: 'stdout_logfile_maxbytes',
    syslog: 'stdout_syslog',
    getOptions: { wrap: true, times: 2, name2: 'stdout_logfile' } as GetOptions,
  },
  {
    stream: 'stderr',
    logfile: 'stderr_logfile',
    backups: 'stderr_logfile_backups',
    maxbytes: 'stderr_logfile_maxbytes',
    syslog: 'stderr_syslog',
    getOptions: { wrap: true, times: 2, name2: 'stderr_logfile' } as GetOptions,
  },
] as const;
const WRAP_CONVERT: ConvertOptions = { wrap: true };

const KIND_OF: Record<string, string> = {
  priority: 'bad-integer',
  autostart: 'bad-boolean',
  autorestart: 'bad-autorestart',
  startsecs: 'bad-integer',
  startretries: 'bad-integer',
  stopsignal: 'bad-signal',
  stopwaitsecs: 'bad-integer',
  stopasgroup: 'bad-boolean',
  killasgroup: 'bad-boolean',
  exitcodes: 'bad-exitcodes',
  redirect_stderr: 'bad-boolean',
  numprocs: 'bad-integer',
  numprocs_start: 'bad-integer',
  stdout_capture_maxbytes: 'bad-byte-size',
  stderr_capture_maxbytes: 'bad-byte-size',
  stdout_events_enabled: 'bad-boolean',
  stderr_events_enabled: 'bad-boolean',
  stdout_logfile_backups: 'bad-integer',
  stderr_logfile_backups: 'bad-integer',
  stdout_logfile_maxbytes: 'bad-byte-size',
  stderr_logfile_maxbytes: 'bad-byte-size',
  stdout_syslog: 'bad-boolean',
  stderr_syslog: 'bad-boolean',
};

function makeCommand(got: Got): SupervisorCommand {
  const v = got.value!;
  const cmd: SupervisorCommand = { value: v, text: got.text, argv: undefined };
  if (got.text === undefined) return cmd;
  const r = shlexSplit(got.text);
  if (!r.ok) {
    cmd.argvError = r.error;
    return cmd;
  }
  // The words become argv in place: their ranges move from the expanded text to the source
  // (rawSpan's arithmetic, without a Span object per word).
  const tokens = r.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const start = rawToSource(v, got.map(t.start));
    t.end = Math.max(start, rawToSource(v, got.map(t.end, true)));
    t.start = start;
  }
  cmd.argv = r.tokens;
  return cmd;
}

// ---------------------------------------------------------------------------------------------
// HTTP servers

function serverConfigs(env: Env, sections: SupervisorSection[]): void {
  const names = baseNames(env, false);
  const auth = (s: SupervisorSection) => {
    const u = get(env, s, 'username', names, { name: `${s.name}.username` });
    const p = get(env, s, 'password', names, { name: `${s.name}.password` });
    if ((u.value === undefined) !== (p.value === undefined)) {
      issue(
        env,
        'section-error',
        `Section [${s.name}] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified`,
        (u.value ?? p.value)!.at,
        { hint: 'supervisord refuses to start. Set both username and password, or neither.' },
      );
    }
  };
  for (const s of sections) {
    if (s.type !== 'inet_http_server') continue;
    auth(s);
    const port = get(env, s, 'port', names, { name: `${s.name}.port` });
    if (!port.value) {
      issue(env, 'section-error', `section [${s.name}] has no port value`, s.headerAt, {
        hint: 'supervisord refuses to start. Add `port = 127.0.0.1:9001`.',
      });
      continue;
    }
    if (port.text !== undefined) convert(env, s, port, 'bad-value', inetAddress(port.text), { wrap: false, hint: 'supervisord refuses to start. port is `host:port` or a port number.' });
  }
  for (const s of sections) {
    if (s.type !== 'unix_http_server') continue;
    const file = get(env, s, 'file', baseNames(env), { name: `${s.name}.file` });
    if (!file.value) {
      issue(env, 'section-error', `section [${s.name}] has no file value`, s.headerAt, {
        hint: 'supervisord refuses to start. Add `file = /var/run/supervisor.sock`.',
      });
      continue;
    }
    auth(s);
    const chown = get(env, s, 'chown', names, { name: `${s.name}.chown` });
    if (chown.value && chown.text !== undefined) {
      convert(env, s, chown, 'invalid-user', colonSeparatedUserGroup(chown.text, passwd(env), groups(env)), {
        wrap: false,
        message: () => `Invalid sockchown value ${chown.text}`,
      });
    }
    const chmod = get(env, s, 'chmod', names, { name: `${s.name}.chmod` });
    if (chmod.value && chmod.text !== undefined) {
      convert(env, s, chmod, 'bad-octal', octalType(chmod.text), { wrap: false, message: () => `Invalid chmod value ${chmod.text}` });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// [include]

/** The patterns of `[include] files` after expansion, each with its span. */
export function expandInclude(config: SupervisorConfig, files: SupervisorValue, ctx: LoadContext): Array<{ pattern: string; at: Span }> {
  const env: Env = {
    config,
    ctx,
    envOpen: Object.keys(ctx.config.env).length === 0,
    globalEnv: new Map(Object.entries(ctx.config.env).map(([k, v]) => [`ENV_${k}`, str(v)])),
    mainDir: path.posix.dirname(config.root.deployedPath),
    hereTextual: true,
    passwd: null,
    groups: null,
    seen: new Set(),
    muted: true,
  };
  const names = baseNames(env, true, { host_node_name: str(undefined) });
  const include = config.sections.find((s) => s.name === 'include')!;
  const got = get(env, include, 'files', names, { name: 'include.files' });
  if (got.text === undefined) return [];
  const out: Array<{ pattern: string; at: Span }> = [];
  const re = /\S+/g;
  for (let m = re.exec(got.text); m; m = re.exec(got.text)) {
    out.push({ pattern: m[0], at: rawSpan(files, got.map(m.index), got.map(m.index + m[0].length, true)) });
  }
  return out;
}
