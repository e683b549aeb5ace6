/**
 * supervisor/datatypes.py converters, with supervisord's own error texts. Converters that
 * depend on the target host (directories, users) return `unknown` when the host cannot be
 * inspected: rules stay silent then.
 */
import type { FsView } from '../../core/fs.js';
import { lazy } from '../../core/lazy.js';
import { pyInt, pyIntError, pyIntOctal, pyLower, pyRepr, pyStrip } from './pystr.js';
import { parseKeyValuePairs } from './shlex.js';
import { EVENT_TYPES, KNOWN_SPECS, LOG_LEVELS, SIGNALS, SIGNUMS } from './schema.js';

export type Converted<T> = { ok: true; value: T } | { ok: false; error: string } | { ok: 'unknown' };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = <T>(error: string): Converted<T> => ({ ok: false, error });
const UNKNOWN = { ok: 'unknown' } as const;

export const TRUTHY = ['yes', 'true', 'on', '1'];
export const FALSY = ['no', 'false', 'off', '0'];

export function integer(v: string): Converted<number> {
  const n = pyInt(v);
  return n === undefined ? fail(pyIntError(v)) : ok(n);
}

export function boolean(v: string): Converted<boolean> {
  const s = pyLower(v);
  if (TRUTHY.includes(s)) return ok(true);
  if (FALSY.includes(s)) return ok(false);
  return fail(`not a valid boolean value: ${pyRepr(v)}`);
}

export function autoRestart(v: string): Converted<'true' | 'false' | 'unexpected'> {
  const s = pyLower(v);
  if (TRUTHY.includes(s)) return ok('true');
  if (FALSY.includes(s)) return ok('false');
  if (s === 'unexpected') return ok('unexpected');
  return fail(`invalid 'autorestart' value ${pyRepr(s)}`);
}

export function signalNumber(v: string): Converted<number> {
  let num = pyInt(v);
  if (num === undefined) {
    let name = pyStrip(v).toUpperCase();
    if (!name.startsWith('SIG')) name = 'SIG' + name;
    num = SIGNALS[name];
    if (num === undefined) return fail(`value ${pyRepr(v)} is not a valid signal name`);
  }
  if (!SIGNUMS.has(num)) return fail(`value ${pyRepr(v)} is not a valid signal number`);
  return ok(num);
}

export function listOfExitcodes(v: string): Converted<number[]> {
  if (v === '') return ok([]);
  const out: number[] = [];
  for (const part of v.split(',')) {
    const n = pyInt(part);
    if (n === undefined || n > 255 || n < 0) return fail(`not a valid list of exit codes: ${pyRepr(v)}`);
    out.push(n);
  }
  return ok(out);
}

/** `byte_size`: an optional kb/mb/gb suffix (any case) multiplies the number before it. */
export function byteSize(v: string): Converted<number> {
  const s = pyLower(v);
  const suffix = s.slice(-2);
  const mult = suffix === 'kb' ? 1024 : suffix === 'mb' ? 1024 * 1024 : suffix === 'gb' ? 1024 * 1024 * 1024 : undefined;
  const digits = mult === undefined ? s : s.slice(0, -2);
  const n = pyInt(digits);
  return n === undefined ? fail(pyIntError(digits)) : ok(mult === undefined ? n : n * mult);
}

export function octalType(v: string): Converted<number> {
  const n = pyIntOctal(v);
  return n === undefined ? fail(`${v} can not be converted to an octal type`) : ok(n);
}

export function processOrGroupName(v: string): { ok: true; value: string } | { ok: false; error: string } {
  const s = pyStrip(v);
  const bad = s.includes(' ') ? ' ' : s.includes(':') ? ':' : s.includes('/') ? '/' : undefined;
  if (bad !== undefined) return { ok: false, error: `Invalid name: ${pyRepr(v)} because of character: ${pyRepr(bad)}` };
  return { ok: true, value: s };
}

export function listOfStrings(v: string | undefined): string[] {
  if (!v) return [];
  return v.split(',').map(pyStrip);
}

export function loggingLevel(v: string): Converted<string> {
  const s = pyLower(v);
  return LOG_LEVELS.has(s) ? ok(s) : fail(`bad logging level name ${pyRepr(v)}`);
}

export function dictOfKeyValuePairs(v: string): Converted<Record<string, string>> & { at?: number } {
  const r = parseKeyValuePairs(v);
  if (!r.ok) return { ok: false, error: r.error, at: r.at };
  return ok(r.dict);
}

function portNumber(v: string): Converted<number> {
  const n = pyInt(v);
  if (n === undefined) return fail(pyIntError(v));
  if (n < 1) return fail(`${n} is below lower bound (1)`);
  if (n > 0xffff) return fail(`${n} is above upper bound (65535)`);
  return ok(n);
}

export function inetAddress(v: string): Converted<{ host: string; port: number }> {
  let host = '';
  let portText = v;
  if (v.includes(':')) {
    const i = v.lastIndexOf(':');
    host = v.slice(0, i);
    portText = v.slice(i + 1);
    if (!portText) return fail(`no port number specified in ${pyRepr(portText)}`);
    const p = portNumber(portText);
    if (p.ok !== true) return p as Converted<never>;
    return ok({ host: host.toLowerCase(), port: p.value });
  }
  const p = portNumber(portText);
  if (p.ok !== true) return fail(`not a valid port number: ${pyRepr(v)} `);
  return ok({ host: '', port: p.value });
}

/**
 * The tail of an entry point (`module:attrs [extras]`) and a Python identifier. Specs are
 * nearly always ASCII, where letters and digits are [A-Za-z] and [0-9]: the Unicode forms
 * are made only for a spec that needs them (creating them costs every start; core/lazy.ts).
 */
const ENTRY_POINT_TAIL = {
  ascii: /^\s*([A-Za-z0-9_.]+)\s*(?::\s*([A-Za-z0-9_.]+))?\s*(\[.*\])?\s*$/,
  unicode: lazy(() => /^\s*([\p{L}\p{N}_.]+)\s*(?::\s*([\p{L}\p{N}_.]+))?\s*(\[.*\])?\s*$/u),
};
const IDENTIFIER = {
  ascii: /^[A-Za-z_][A-Za-z0-9_]*$/,
  unicode: lazy(() => /^[\p{L}_][\p{L}\p{N}_]*$/u),
};
const NON_ASCII = /[^\x00-\x7f]/;

/** Marker error of `importSpec`: the module or attribute cannot be imported. */
export const UNRESOLVED = 'cannot be resolved';

/**
 * `import_spec` (pkg_resources `EntryPoint.parse("x=" + spec).resolve()`): a malformed spec
 * is a ValueError, a module that cannot exist an ImportError; only supervisor's own modules
 * can be checked further.
 */
export function importSpec(v: string): Converted<string> {
  const src = 'x=' + v;
  const unicode = NON_ASCII.test(src);
  const tail = unicode ? ENTRY_POINT_TAIL.unicode() : ENTRY_POINT_TAIL.ascii;
  const identifier = unicode ? IDENTIFIER.unicode() : IDENTIFIER.ascii;
  let m: RegExpExecArray | null = null;
  // The entry point name is the shortest prefix before an '=' that lets the rest parse.
  for (let i = src.indexOf('='); i !== -1 && !m; i = src.indexOf('=', i + 1)) m = tail.exec(src.slice(i + 1));
  if (!m) return fail(`("EntryPoint must be in 'name=module:attrs [extras]' format", ${pyRepr(src)})`);
  const module = m[1]!;
  const attr = m[2];
  const parts = module.split('.');
  if (parts.some((p) => !identifier.test(p))) return fail(UNRESOLVED);
  if (parts[0] !== 'supervisor') return UNKNOWN;
  if (parts.length > 1 && !SUPERVISOR_MODULES.has(parts.slice(1).join('.'))) return fail(UNRESOLVED);
  const known = KNOWN_SPECS[module];
  if (!attr) return ok(v);
  if (!known) return UNKNOWN;
  return known.has(attr.split('.')[0]!) ? ok(v) : fail(UNRESOLVED);
}

/** Modules of the supervisor 4.2.5 package (`supervisor.X`). */
const SUPERVISOR_MODULES = new Set(
  'childutils compat confecho datatypes dispatchers events http http_client loggers options pidproxy poller process rpcinterface socket_manager states supervisorctl supervisord templating web xmlrpc medusa scripts tests ui skel'.split(' '),
);

export function eventNames(v: string): { names: string[]; unknown: string[] } {
  const names = [...new Set(listOfStrings(v).map((x) => x.toUpperCase()))];
  return { names, unknown: names.filter((n) => !EVENT_TYPES.has(n)) };
}

/** The target host's users, read from its /etc/passwd through the path map (undefined: cannot know). */
export interface Passwd {
  names: Set<string>;
  uids: Set<number>;
}

export function readPasswd(fs: FsView): Passwd | undefined {
  if (fs.hostKindOf('/etc/passwd') !== 'file') return undefined;
  const r = fs.readDeployed('/etc/passwd');
  if (!r.ok) return undefined;
  const names = new Set<string>();
  const uids = new Set<number>();
  for (const line of r.source.text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || !f[0]) continue;
    names.add(f[0]);
    const uid = Number(f[2]);
    if (Number.isInteger(uid)) uids.add(uid);
  }
  return { names, uids };
}

export function readGroups(fs: FsView): Passwd | undefined {
  if (fs.hostKindOf('/etc/group') !== 'file') return undefined;
  const r = fs.readDeployed('/etc/group');
  if (!r.ok) return undefined;
  const names = new Set<string>();
  const uids = new Set<number>();
  for (const line of r.source.text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || !f[0]) continue;
    names.add(f[0]);
    const gid = Number(f[2]);
    if (Number.isInteger(gid)) uids.add(gid);
  }
  return { names, uids };
}

export function nameToUid(v: string, passwd: Passwd | undefined): Converted<number | string> {
  if (!passwd) return UNKNOWN;
  const n = pyInt(v);
  if (n !== undefined) return passwd.uids.has(n) ? ok(n) : fail(`Invalid user id ${v}`);
  return passwd.names.has(v) ? ok(v) : fail(`Invalid user name ${v}`);
}

function nameToGid(v: string, groups: Passwd | undefined): Converted<number | string> {
  if (!groups) return UNKNOWN;
  const n = pyInt(v);
  if (n !== undefined) return groups.uids.has(n) ? ok(n) : fail(`Invalid group id ${v}`);
  return groups.names.has(v) ? ok(v) : fail(`Invalid group name ${v}`);
}

export function colonSeparatedUserGroup(v: string, passwd: Passwd | undefined, groups: Passwd | undefined): Converted<string> {
  const i = v.indexOf(':');
  const u = nameToUid(i === -1 ? v : v.slice(0, i), passwd);
  if (u.ok === false) return fail(`Invalid user:group definition ${v}`);
  if (i !== -1) {
    const g = nameToGid(v.slice(i + 1), groups);
    if (g.ok === false) return fail(`Invalid user:group definition ${v}`);
    if (g.ok === 'unknown') return UNKNOWN;
  }
  return u.ok === 'unknown' ? UNKNOWN : ok(v);
}

/** `os.path.dirname` (posixpath). */
export function pyDirname(p: string): string {
  const i = p.lastIndexOf('/') + 1;
  if (i === 0) return '';
  // Strip trailing slashes unless the head is only slashes.
  let e = i;
  while (e > 0 && p.charCodeAt(e - 1) === 47) e--;
  return e === 0 ? p.slice(0, i) : p.slice(0, e);
}

/** `existing_dirpath`: the directory part of the path must exist (relative paths: supervisord's cwd, unknown). */
export function existingDirpath(v: string, fs: FsView): Converted<string> & { checked?: string } {
  if (v.startsWith('~')) return UNKNOWN;
  const dir = pyDirname(v);
  if (!dir) return ok(v);
  if (!dir.startsWith('/')) return UNKNOWN;
  const kind = fs.hostKindOf(dir);
  if (kind === 'unknown') return UNKNOWN;
  if (kind === 'directory') return ok(v);
  return { ok: false, error: `The directory named as part of the path ${v} does not exist`, checked: dir };
}

export function existingDirectory(v: string, fs: FsView): Converted<string> & { checked?: string } {
  if (v.startsWith('~') || !v.startsWith('/')) return UNKNOWN;
  const kind = fs.hostKindOf(v);
  if (kind === 'unknown') return UNKNOWN;
  if (kind === 'directory') return ok(v);
  return { ok: false, error: `${v} is not an existing directory`, checked: v };
}

export type LogfileName = { type: 'none' } | { type: 'auto' } | { type: 'syslog' } | { type: 'path'; path: string };

export function logfileName(v: string): LogfileName {
  const s = pyLower(v);
  if (s === 'none' || s === 'off') return { type: 'none' };
  if (s === 'auto') return { type: 'auto' };
  if (s === 'syslog') return { type: 'syslog' };
  return { type: 'path', path: v };
}
