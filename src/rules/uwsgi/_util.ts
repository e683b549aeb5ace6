/**
 * Helpers shared by the uWSGI rules: option lookups over a config, numeric parsing the way
 * uWSGI's option parsers do it, socket classification, master detection.
 */
import type { Project } from '../../core/project.js';
import type { RuleContext } from '../../core/rule.js';
import type { SourceFile, Span } from '../../core/source.js';
import { allValues, binaryOf as binaryOfProgram, effectiveValue, optionBool, optionsOfKind } from '../../parsers/uwsgi/index.js';
import type { UwsgiConfig, UwsgiOptionValue } from '../../parsers/uwsgi/model.js';

/**
 * Every uWSGI configuration of the project: ini files checked on their own, and the command
 * lines of supervisor programs that run uWSGI. An ini file that such a command line loads is
 * checked through the command line only (it knows the binary, the working directory and the
 * environment).
 */
const configsCache = new WeakMap<object, UwsgiConfig[]>();

export function configs(ctx: RuleContext): UwsgiConfig[] {
  const hit = configsCache.get(ctx.project);
  if (hit) return hit;
  const r = collectConfigs(ctx);
  configsCache.set(ctx.project, r);
  return r;
}

function collectConfigs(ctx: RuleContext): UwsgiConfig[] {
  const argv: UwsgiConfig[] = [];
  for (const s of ctx.project.supervisor) for (const p of s.programs ?? []) if (p.uwsgi) argv.push(p.uwsgi);
  if (!argv.length) return ctx.project.uwsgi;
  const covered = new Set<SourceFile>();
  for (const c of argv) for (const f of c.files) covered.add(f);
  return [...ctx.project.uwsgi.filter((c) => !covered.has(c.root)), ...argv];
}

/** A span that points at the option: the value for ini/argv values, the key otherwise. */
export function valueSpan(o: UwsgiOptionValue): Span {
  return o.at;
}

/** `key = value` or `--key value` as written, for messages. */
export function shown(o: UwsgiOptionValue): string {
  if (o.origin === 'argv') return o.noValue ? o.written : `${o.written} ${o.raw}`;
  if (o.origin === 'env') return `${o.written}=${o.raw}`;
  return `${o.written} = ${o.raw}`;
}

const LEADING_INT = /^[ \t\n\v\f\r]*([+-]?\d+)/;
const LEADING_SIGN_DIGITS = /^[ \t\n\v\f\r]*([+-]?)(\d+)/;

/** C `atoi`: leading whitespace, sign, digits; 0 when none. */
export function atoi(s: string): number {
  const m = LEADING_INT.exec(s);
  if (!m) return 0;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : 0;
}

/** C `strtoul(s, NULL, 10)` as a JS number (negative wraps like C; saturates at 2^64-1). */
export function strtoul(s: string): number {
  const m = LEADING_SIGN_DIGITS.exec(s);
  if (!m) return 0;
  const n = Number(m[2]);
  return m[1] === '-' ? 2 ** 64 - n : Math.min(n, 2 ** 64 - 1);
}

/** An integer option's value as uWSGI's parser reads it (no value = 1). */
export function intValue(o: UwsgiOptionValue): number | undefined {
  if (o.unknown) return undefined;
  if (o.noValue) return 1;
  const kind = o.entry?.kind;
  return kind === 'int' ? atoi(o.value) : strtoul(o.value);
}

/** Whether the master process is on: `master` (last value), or any option that implies it. */
export function masterState(c: UwsgiConfig): { on: boolean | undefined; by?: UwsgiOptionValue } {
  const m = effectiveValue(c, 'master');
  if (m && !m.conditional) {
    const b = optionBool(m);
    return b === undefined ? { on: undefined } : { on: b, by: m };
  }
  for (const o of c.options) {
    if (!o.known || o.placeholder) continue;
    const info = o.entry;
    if (info && info.flags.some((f) => f === 'UWSGI_OPT_MASTER' || f === 'UWSGI_OPT_LOG_MASTER' || f === 'UWSGI_OPT_REQ_LOG_MASTER')) return { on: true, by: o };
  }
  if (m) return { on: undefined };
  return { on: false };
}

export interface SocketInfo {
  opt: UwsgiOptionValue;
  /** Protocol the socket speaks (`uwsgi`, `http`, `http11`, `fastcgi`, …). */
  protocol: string;
  /** `unix`, `abstract`, `tcp`, `shared` (`=N`), or `unknown` (value not known statically). */
  family: 'unix' | 'abstract' | 'tcp' | 'shared' | 'unknown';
  address: string;
  host?: string;
  port?: string;
}

/**
 * Every socket option in order (socket #0 first), with its protocol: `socket`/`-s` speaks
 * `protocol =`/`socket-protocol =` when set, else uwsgi (socket.c:9); the others speak
 * the protocol their table entry names.
 */
export function sockets(c: UwsgiConfig): SocketInfo[] {
  const proto = effectiveValue(c, 'protocol');
  const defaultProtocol = proto && !proto.unknown && proto.value ? proto.value : 'uwsgi';
  const out: SocketInfo[] = [];
  for (const o of optionsOfKind(c, 'socket')) {
    const info = o.entry!;
    if (info.parser === 'uwsgi_opt_add_shared_socket') continue;
    const data = unquote(info.data);
    const protocol = data === 'NULL' ? defaultProtocol : data;
    const a = classifyAddress(o);
    out.push({ opt: o, protocol, family: a.family, address: a.address, host: a.host, port: a.port });
  }
  return out;
}

/** A table entry's `data` without its C string quotes (`"http"` → `http`): each one that is there. */
function unquote(data: string): string {
  const start = data.charCodeAt(0) === 34 /* " */ ? 1 : 0;
  const end = data.length > start && data.charCodeAt(data.length - 1) === 34 ? data.length - 1 : data.length;
  return start === 0 && end === data.length ? data : data.slice(start, end);
}

export function classifyAddress(o: UwsgiOptionValue): Omit<SocketInfo, 'opt' | 'protocol'> {
  const address = o.value;
  if (o.unknown) return { family: 'unknown', address };
  if (address.startsWith('=')) return { family: 'shared', address };
  if (address.startsWith('@') || address.startsWith('\\0')) return { family: 'abstract', address };
  const colon = address.lastIndexOf(':');
  if (colon === -1) return { family: 'unix', address };
  let host = address.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { family: 'tcp', address, host, port: address.slice(colon + 1) };
}

/** A TCP host that means every interface. */
export function isAllInterfaces(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '*' || host === '::' || host === '0';
}

/** Names referenced by one text (values repeat across configurations: memoized). */
const textNames = new Map<string, string[]>();
const REF = /%\(([^()]*)\)/g;

function namesIn(text: string): string[] {
  let names = textNames.get(text);
  if (!names) {
    names = [];
    REF.lastIndex = 0;
    for (let m = REF.exec(text); m; m = REF.exec(text)) for (const w of m[1]!.split(' ')) if (w) names.push(w);
    if (textNames.size > 50_000) textNames.clear();
    textNames.set(text, names);
  }
  return names;
}

/** Every `%(key)` name (and each word of `%(a + b)` expressions) used anywhere in the config. */
const namesCache = new WeakMap<UwsgiConfig, Set<string>>();

/** Computed once per config: unknown-option and inline-comment both ask for it. */
export function placeholderNames(c: UwsgiConfig): Set<string> {
  const hit = namesCache.get(c);
  if (hit) return hit;
  const names = new Set<string>();
  namesCache.set(c, names);
  for (const o of c.options) {
    if (o.raw.includes('%(')) for (const n of namesIn(o.raw)) names.add(n);
    if (o.value !== o.raw && o.value.includes('%(')) for (const n of namesIn(o.value)) names.add(n);
  }
  return names;
}

export { allValues, effectiveValue, optionBool, optionsOfKind };

/**
 * Whether a supervisor program in the project runs this configuration with a uWSGI that has
 * python and http built in (a pip or source build: a virtualenv's `bin/uwsgi`), or with
 * Debian's `uwsgi_python3`, in which case plugin requirements of Debian's build do not apply.
 */
export function runByBuiltInPython(ctx: RuleContext, c: UwsgiConfig): boolean {
  const target = c.root.deployedPath;
  const base = target.slice(target.lastIndexOf('/') + 1);
  return builtInPythonCommands(ctx.project).some((text) => text.includes(base));
}

/** The command lines of the project's supervisor programs whose uWSGI has python built in (once per project, not per config). */
const commandsCache = new WeakMap<Project, string[]>();

function builtInPythonCommands(project: Project): string[] {
  const hit = commandsCache.get(project);
  if (hit) return hit;
  const found: string[] = [];
  for (const s of project.supervisor) {
    for (const sec of s.sections) {
      for (const v of sec.occurrences) {
        if (v.key !== 'command') continue;
        const text = v.expanded ?? v.raw;
        const program = text.trim().split(/\s+/)[0] ?? '';
        const b = binaryOfProgram(program);
        if (b.binary === 'embedded' || b.implicitPlugins.some((p) => p.startsWith('python'))) found.push(text);
      }
    }
  }
  commandsCache.set(project, found);
  return found;
}

