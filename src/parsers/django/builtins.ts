/**
 * What the evaluator knows about Python's operators, builtins and the libraries settings
 * files use: `os`, `os.path`, `pathlib`, django-environ (`environ.Env`, `environ.Path`),
 * python-decouple (`config`, `Csv`) and python-dotenv (→ Unknown). Everything else is
 * Unknown. Nothing here touches the filesystem or runs user code: `os.makedirs(...)` is a
 * no-op, `os.path.exists(...)` is Unknown.
 *
 * django-environ follows 0.4.4 (Debian bookworm's python3-django-environ) `Env.get_value`
 * / `parse_value`; python-decouple follows 3.6 `Config.get` / `Csv`.
 */
import type { EnvState } from './env.js';
import {
  abspath,
  basename,
  bool,
  dictGet,
  dirname,
  FALSE,
  int,
  isAbs,
  joinPath,
  NONE,
  normpath,
  path,
  pathDepth,
  pathJoin,
  pathName,
  pathParent,
  pathSuffix,
  pyEquals,
  pyRepr,
  pyStr,
  str,
  truthy,
  UNKNOWN,
  unknown,
  type Value,
} from './values.js';

export interface Host {
  readonly env: EnvState;
  /** Record an assumption the current value rests on. */
  note(s: string): void;
  /** The operation may raise at run time. */
  risk(): void;
  /** `sys.exit()`: the module stops here. */
  exit(): void;
  /** Any name may have been bound (`globals().update`). */
  openNamespace(why: string): void;
  /** A .env file may have been loaded into the environment. */
  taintEnv(why: string): void;
  /** Why python-decouple may read a repository file (.env / settings.ini), or null. */
  decoupleRepository(): string | null;
}

export interface CallArgs {
  pos: Value[];
  kw: Map<string, Value>;
  /** A `*x`/`**x` whose contents are unknown. */
  unknownSplat: boolean;
}

const mod = (name: string): Value => ({ k: 'module', name });
const fn = (name: string): Value => ({ k: 'func', name });

/** Attributes of the modules the evaluator models. */
const MODULES: Record<string, Record<string, Value>> = {
  os: {
    path: mod('os.path'),
    environ: { k: 'environ' },
    getenv: fn('os.getenv'),
    sep: str('/'),
    pardir: str('..'),
    curdir: str('.'),
    linesep: str('\n'),
    pathsep: str(':'),
    name: str('posix'),
    getcwd: fn('os.getcwd'),
    makedirs: fn('noop'),
    mkdir: fn('noop'),
  },
  'os.path': Object.fromEntries(
    ['join', 'dirname', 'basename', 'abspath', 'realpath', 'normpath', 'exists', 'isdir', 'isfile', 'islink', 'isabs', 'expanduser', 'split', 'splitext', 'getsize'].map(
      (n) => [n, fn(`os.path.${n}`)],
    ),
  ),
  pathlib: { Path: fn('pathlib.Path'), PosixPath: fn('pathlib.Path'), PurePath: fn('pathlib.Path'), PurePosixPath: fn('pathlib.Path') },
  environ: { Env: fn('environ.Env'), Path: fn('environ.Path') },
  decouple: { config: fn('decouple.config'), Csv: fn('decouple.Csv'), AutoConfig: fn('decouple.AutoConfig') },
  dotenv: { load_dotenv: fn('dotenv.load_dotenv'), find_dotenv: fn('unknown'), dotenv_values: fn('unknown') },
  sys: { exit: fn('sys.exit') },
};

/** Modules modelled here (`import os` binds these rather than looking for os.py in the project). */
export function isModelledModule(name: string): boolean {
  return name in MODULES;
}

/** The value `import name` gives for a modelled module. */
export function moduleValue(name: string): Value {
  return mod(name);
}

const BUILTIN_NAMES = [
  'str', 'int', 'float', 'bool', 'list', 'tuple', 'dict', 'len', 'repr', 'print', 'globals', 'locals',
  'vars', 'exec', 'eval', 'setattr', 'exit', 'quit', 'open', 'isinstance', 'getattr', 'hasattr', 'range',
  'sorted', 'min', 'max', 'sum', 'any', 'all', 'map', 'filter', 'zip', 'enumerate', 'set', 'frozenset',
  'object', 'type', 'Exception', 'ImportError', 'ModuleNotFoundError', 'KeyError', 'ValueError',
  'TypeError', 'AttributeError', 'IOError', 'OSError', 'NameError', 'RuntimeError', 'format', 'abs',
  'round', 'reversed', 'id', 'hash', 'iter', 'next', 'callable', 'chr', 'ord', 'super', 'property',
  'staticmethod', 'classmethod', 'NotImplemented', 'FileNotFoundError', 'ImproperlyConfigured', 'bytes',
];
const BUILTINS = new Set(BUILTIN_NAMES);

export function builtin(name: string): Value | undefined {
  if (BUILTINS.has(name)) return fn(name);
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Attributes

const STR_METHODS = new Set([
  'lower', 'upper', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'replace', 'startswith', 'endswith',
  'format', 'join', 'removeprefix', 'removesuffix', 'title', 'capitalize', 'splitlines', 'encode', 'isdigit',
]);
const PATH_METHODS = new Set([
  'resolve', 'absolute', 'joinpath', 'exists', 'is_dir', 'is_file', 'as_posix', 'expanduser', 'with_name',
  'with_suffix', 'mkdir', 'read_text', 'open', 'glob', 'iterdir', 'relative_to', 'is_absolute',
]);
const ENV_METHODS = new Set([
  'str', 'bool', 'int', 'float', 'list', 'tuple', 'dict', 'json', 'url', 'db', 'db_url', 'cache', 'cache_url',
  'email', 'email_url', 'search_url', 'path', 'read_env', 'get_value', 'parse_value', 'unicode', 'bytes',
]);

export function getAttr(host: Host, v: Value, attr: string): Value {
  switch (v.k) {
    case 'module': {
      if (v.ns) return UNKNOWN; // project modules are handled by the evaluator
      const table = MODULES[v.name];
      const a = table?.[attr];
      if (a) return a;
      if (table && v.name === 'os' && attr === 'environb') return UNKNOWN;
      if (!table) return v.opaque ? UNKNOWN : unknown(`${v.name}.${attr}`);
      return unknown(`${v.name}.${attr}`);
    }
    case 'str':
      return STR_METHODS.has(attr) ? { k: 'method', self: v, name: attr } : UNKNOWN;
    case 'path':
      switch (attr) {
        case 'parent':
          return path(pathParent(v.v));
        case 'name':
          return str(pathName(v.v));
        case 'suffix':
          return str(pathSuffix(v.v));
        case 'stem': {
          const n = pathName(v.v);
          const s = pathSuffix(v.v);
          return str(s ? n.slice(0, -s.length) : n);
        }
        case 'parents':
          return { k: 'method', self: v, name: '@parents' };
        case 'root':
          return str(v.v.startsWith('//') && !v.v.startsWith('///') ? '//' : v.v.startsWith('/') ? '/' : '');
      }
      return PATH_METHODS.has(attr) ? { k: 'method', self: v, name: attr } : UNKNOWN;
    case 'list':
    case 'tuple':
    case 'dict':
      return { k: 'method', self: v, name: attr };
    case 'environ':
      return { k: 'method', self: v, name: attr };
    case 'env':
      return ENV_METHODS.has(attr) ? { k: 'method', self: v, name: attr } : UNKNOWN;
    case 'envpath':
      if (attr === 'root') return str(v.v);
      return { k: 'method', self: v, name: attr };
    case 'opaque':
      if (v.what === 'namespace' && ['update', 'setdefault', 'pop', 'clear', '__setitem__'].includes(attr)) return { k: 'method', self: v, name: attr };
      return UNKNOWN;
    case 'func':
      if (v.name === 'pathlib.Path' && (attr === 'cwd' || attr === 'home')) return fn('unknown');
      if (v.name === 'environ.Env' && attr === 'read_env') return fn('environ.Env.read_env');
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

// ---------------------------------------------------------------------------------------
// Subscripts

export function subscript(host: Host, v: Value, index: Value): Value {
  switch (v.k) {
    case 'list':
    case 'tuple':
    case 'str': {
      if (index.k !== 'int' && index.k !== 'bool') return UNKNOWN;
      const n = index.k === 'int' ? index.v : index.v ? 1 : 0;
      const len = v.k === 'str' ? v.v.length : v.items.length;
      const i = n < 0 ? len + n : n;
      if (i < 0 || i >= len) {
        host.risk();
        return unknown('index out of range');
      }
      return v.k === 'str' ? str(v.v[i]!) : v.items[i]!;
    }
    case 'dict': {
      const r = dictGet(v, index);
      if (r !== undefined) return r;
      host.risk();
      return UNKNOWN;
    }
    case 'environ': {
      if (index.k !== 'str') {
        host.risk();
        return UNKNOWN;
      }
      const l = host.env.lookup(index.v);
      if (l.kind === 'set') return str(l.entry.value);
      host.risk();
      return unknown(`os.environ[${pyRepr(index)}]`);
    }
    case 'method':
      if (v.name === '@parents' && v.self.k === 'path' && index.k === 'int') {
        const depth = pathDepth(v.self.v);
        const i = index.v < 0 ? depth + index.v : index.v;
        if (i < 0 || i >= depth) {
          host.risk();
          return unknown('IndexError');
        }
        let p = v.self.v;
        for (let k = 0; k <= i; k++) p = pathParent(p);
        return path(p);
      }
      return UNKNOWN;
    default:
      host.risk();
      return UNKNOWN;
  }
}

// ---------------------------------------------------------------------------------------
// Operators

function num(v: Value): number | undefined {
  if (v.k === 'int' || v.k === 'float') return v.v;
  if (v.k === 'bool') return v.v ? 1 : 0;
  return undefined;
}

function isIntLike(v: Value): boolean {
  return v.k === 'int' || v.k === 'bool';
}

function arith(op: string, a: Value, b: Value): Value {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return UNKNOWN;
  const ints = isIntLike(a) && isIntLike(b);
  const mk = (r: number, asInt: boolean): Value => (asInt ? int(r) : Number.isFinite(r) ? { k: 'float', v: r } : UNKNOWN);
  switch (op) {
    case '+':
      return mk(x + y, ints);
    case '-':
      return mk(x - y, ints);
    case '*':
      return mk(x * y, ints);
    case '/':
      return y === 0 ? UNKNOWN : mk(x / y, false);
    case '//':
      return y === 0 ? UNKNOWN : mk(Math.floor(x / y), ints);
    case '%':
      return y === 0 ? UNKNOWN : mk(((x % y) + y) % y, ints);
    case '**':
      return ints && y < 0 ? mk(x ** y, false) : mk(x ** y, ints);
  }
  if (!ints) return UNKNOWN;
  switch (op) {
    case '|':
      return int(x | y);
    case '&':
      return int(x & y);
    case '^':
      return int(x ^ y);
    case '<<':
      return y < 0 || y > 31 ? UNKNOWN : int(x * 2 ** y);
    case '>>':
      return y < 0 ? UNKNOWN : int(Math.floor(x / 2 ** y));
  }
  return UNKNOWN;
}

export function binop(host: Host, op: string, a: Value, b: Value): Value {
  if (a.k === 'unknown' || b.k === 'unknown') return UNKNOWN;
  switch (op) {
    case '+':
      if (a.k === 'str' && b.k === 'str') return str(a.v + b.v);
      if (a.k === 'list' && b.k === 'list') return { k: 'list', items: [...a.items, ...b.items] };
      if (a.k === 'tuple' && b.k === 'tuple') return { k: 'tuple', items: [...a.items, ...b.items] };
      break;
    case '/':
      if (a.k === 'path' && (b.k === 'str' || b.k === 'path')) return path(pathJoin(a.v, b.v));
      if (a.k === 'str' && b.k === 'path') return path(pathJoin(a.v, b.v));
      break;
    case '-':
      // environ.Path(...) - n: n levels up.
      if (a.k === 'envpath' && b.k === 'int') {
        return { k: 'envpath', v: normpath(joinPath(a.v, '../'.repeat(b.v))) };
      }
      break;
    case '%':
      if (a.k === 'str') return percentFormat(a.v, b);
      break;
    case '*':
      if ((a.k === 'str' || a.k === 'list' || a.k === 'tuple') && b.k === 'int') return repeat(a, b.v);
      if ((b.k === 'str' || b.k === 'list' || b.k === 'tuple') && a.k === 'int') return repeat(b, a.v);
      break;
    case '|':
      if (a.k === 'dict' && b.k === 'dict') {
        let d: Value = a;
        for (const [k, v] of b.entries) d = dictSetValue(d, k, v);
        return d;
      }
      break;
  }
  const r = arith(op, a, b);
  if (r.k === 'unknown' && (num(a) === undefined || num(b) === undefined)) host.risk();
  return r;
}

function dictSetValue(d: Value, k: Value, v: Value): Value {
  if (d.k !== 'dict') return UNKNOWN;
  const entries = d.entries.filter(([x]) => pyEquals(x, k) !== true);
  entries.push([k, v]);
  return { k: 'dict', entries };
}

function repeat(v: Value, n: number): Value {
  if (n < 0) n = 0;
  if (n > 1000) return UNKNOWN;
  if (v.k === 'str') return v.v.length * n > 100_000 ? UNKNOWN : str(v.v.repeat(n));
  if (v.k === 'list' || v.k === 'tuple') {
    const items: Value[] = [];
    for (let i = 0; i < n; i++) items.push(...v.items);
    return { k: v.k, items };
  }
  return UNKNOWN;
}

export function unaryOp(op: string, v: Value): Value {
  if (op === 'not') {
    const t = truthy(v);
    return t === undefined ? UNKNOWN : bool(!t);
  }
  const x = num(v);
  if (x === undefined) return UNKNOWN;
  switch (op) {
    case '-':
      return v.k === 'float' ? { k: 'float', v: -x } : int(-x);
    case '+':
      return v.k === 'float' ? v : int(x);
    case '~':
      return v.k === 'float' ? UNKNOWN : int(-x - 1);
  }
  return UNKNOWN;
}

/** One comparison, or undefined when unknown. */
export function compare(op: string, a: Value, b: Value): boolean | undefined {
  switch (op) {
    case '==':
      return pyEquals(a, b);
    case '!=': {
      const e = pyEquals(a, b);
      return e === undefined ? undefined : !e;
    }
    case 'is':
    case 'is not': {
      let r: boolean | undefined;
      if (a.k === 'none' || b.k === 'none') r = a.k === 'unknown' || b.k === 'unknown' ? undefined : a.k === b.k;
      else if (a.k === 'bool' && b.k === 'bool') r = a.v === b.v;
      if (r === undefined) return undefined;
      return op === 'is' ? r : !r;
    }
    case 'in':
    case 'not in': {
      const r = contains(b, a);
      if (r === undefined) return undefined;
      return op === 'in' ? r : !r;
    }
  }
  const x = num(a);
  const y = num(b);
  let c: number | undefined;
  if (x !== undefined && y !== undefined) c = x < y ? -1 : x > y ? 1 : 0;
  else if (a.k === 'str' && b.k === 'str') c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  if (c === undefined) return undefined;
  switch (op) {
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
  }
  return undefined;
}

function contains(container: Value, item: Value): boolean | undefined {
  switch (container.k) {
    case 'str':
      return item.k === 'str' ? container.v.includes(item.v) : undefined;
    case 'list':
    case 'tuple': {
      let unknownSeen = false;
      for (const x of container.items) {
        const e = pyEquals(x, item);
        if (e === true) return true;
        if (e === undefined) unknownSeen = true;
      }
      return unknownSeen ? undefined : false;
    }
    case 'dict':
      return dictGet(container, item) !== undefined ? true : item.k === 'unknown' ? undefined : false;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Formatting

/** `fmt % args` for %s %r %d %i %% and %(name)s; anything fancier is Unknown. */
export function percentFormat(fmt: string, args: Value): Value {
  const positional = args.k === 'tuple' ? args.items : null;
  let idx = 0;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    let j = i + 1;
    let key: string | null = null;
    if (fmt[j] === '(') {
      const close = fmt.indexOf(')', j);
      if (close < 0) return UNKNOWN;
      key = fmt.slice(j + 1, close);
      j = close + 1;
    }
    const conv = fmt[j];
    if (conv === '%' && key === null) {
      out += '%';
      i = j;
      continue;
    }
    if (conv !== 's' && conv !== 'r' && conv !== 'd' && conv !== 'i') return UNKNOWN;
    let v: Value | undefined;
    if (key !== null) v = args.k === 'dict' ? dictGet(args, str(key)) : undefined;
    else if (positional) v = positional[idx++];
    else if (idx++ === 0) v = args;
    if (!v) return UNKNOWN;
    let s: string | undefined;
    if (conv === 's') s = pyStr(v);
    else if (conv === 'r') s = pyRepr(v);
    else s = v.k === 'int' ? String(v.v) : v.k === 'bool' ? (v.v ? '1' : '0') : v.k === 'float' ? String(Math.trunc(v.v)) : undefined;
    if (s === undefined) return UNKNOWN;
    out += s;
    i = j;
  }
  if (positional && idx !== positional.length) return UNKNOWN;
  return str(out);
}

/** `fmt.format(*pos, **kw)` for `{}`, `{0}`, `{name}` with optional !r/!s; format specs are Unknown. */
export function strFormat(fmt: string, pos: Value[], kw: Map<string, Value>): Value {
  let out = '';
  let auto = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i++;
        continue;
      }
      const close = fmt.indexOf('}', i);
      if (close < 0) return UNKNOWN;
      let field = fmt.slice(i + 1, close);
      let conv: string | null = null;
      const bang = field.indexOf('!');
      if (bang >= 0) {
        conv = field.slice(bang + 1);
        field = field.slice(0, bang);
      }
      if (field.includes(':') || field.includes('.') || field.includes('[')) return UNKNOWN;
      let v: Value | undefined;
      if (field === '') v = pos[auto++];
      else if (/^\d+$/.test(field)) v = pos[Number(field)];
      else v = kw.get(field);
      if (!v) return UNKNOWN;
      const s = conv === 'r' ? pyRepr(v) : conv === null || conv === 's' ? pyStr(v) : undefined;
      if (s === undefined) return UNKNOWN;
      out += s;
      i = close;
    } else if (c === '}') {
      if (fmt[i + 1] !== '}') return UNKNOWN;
      out += '}';
      i++;
    } else out += c;
  }
  return str(out);
}

// ---------------------------------------------------------------------------------------
// Calls

function arg(a: CallArgs, i: number, name?: string): Value | undefined {
  return a.pos[i] ?? (name ? a.kw.get(name) : undefined);
}

function pathString(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.k === 'str' || v.k === 'path' || v.k === 'envpath') return v.v;
  return undefined;
}

function strings(vs: Value[]): string[] | undefined {
  const out: string[] = [];
  for (const v of vs) {
    const s = pathString(v);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

export function call(host: Host, f: Value, a: CallArgs): Value {
  if (a.unknownSplat && f.k !== 'func') return UNKNOWN;
  switch (f.k) {
    case 'func':
      return callFunc(host, f.name, a);
    case 'method':
      return callMethod(host, f.self, f.name, a);
    case 'env':
      return envGet(host, f, a, null);
    case 'envpath': {
      const parts = strings(a.pos);
      if (!parts) return UNKNOWN;
      return str(normpath(joinPath(f.v, ...parts)));
    }
    case 'csv':
      return csvCast(host, f, arg(a, 0));
    default:
      host.risk();
      return UNKNOWN;
  }
}

function callFunc(host: Host, name: string, a: CallArgs): Value {
  if (a.unknownSplat && name !== 'print' && name !== 'noop') {
    host.risk();
    return UNKNOWN;
  }
  const x = a.pos[0];
  switch (name) {
    case 'noop':
    case 'print':
      return NONE;
    case 'str':
      if (!x) return str('');
      if (a.pos.length > 1) return UNKNOWN;
      {
        const s = pyStr(x);
        return s === undefined ? UNKNOWN : str(s);
      }
    case 'repr': {
      const s = x ? pyRepr(x) : undefined;
      return s === undefined ? UNKNOWN : str(s);
    }
    case 'int':
      if (!x) return int(0);
      if (a.pos.length > 1 || a.kw.size) return UNKNOWN;
      if (x.k === 'int') return x;
      if (x.k === 'bool') return int(x.v ? 1 : 0);
      if (x.k === 'float') return int(Math.trunc(x.v));
      if (x.k === 'str') {
        const t = x.v.trim();
        if (/^[+-]?\d+(_\d+)*$/.test(t)) return int(Number(t.replace(/_/g, '')));
        host.risk();
        return UNKNOWN;
      }
      host.risk();
      return UNKNOWN;
    case 'float':
      if (!x) return { k: 'float', v: 0 };
      if (x.k === 'int' || x.k === 'float') return { k: 'float', v: x.v };
      if (x.k === 'bool') return { k: 'float', v: x.v ? 1 : 0 };
      if (x.k === 'str' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(x.v)) return { k: 'float', v: Number(x.v) };
      host.risk();
      return UNKNOWN;
    case 'bool': {
      if (!x) return FALSE;
      const t = truthy(x);
      return t === undefined ? UNKNOWN : bool(t);
    }
    case 'list':
    case 'tuple': {
      if (!x) return { k: name, items: [] };
      const items = iterate(x);
      if (!items) {
        if (x.k !== 'unknown') host.risk();
        return UNKNOWN;
      }
      return { k: name, items };
    }
    case 'dict': {
      let d: Value = { k: 'dict', entries: [] };
      if (x) {
        if (x.k === 'dict') d = x;
        else return UNKNOWN;
      }
      for (const [k, v] of a.kw) d = dictSetValue(d, str(k), v);
      return d;
    }
    case 'len': {
      if (!x) return UNKNOWN;
      if (x.k === 'str') return int(x.v.length);
      if (x.k === 'list' || x.k === 'tuple') return int(x.items.length);
      if (x.k === 'dict') return int(x.entries.length);
      return UNKNOWN;
    }
    case 'globals':
    case 'locals':
    case 'vars':
      // Reading it changes nothing; writing through it (`.update`, `[k] = v`) may bind any name.
      return a.pos.length ? UNKNOWN : { k: 'opaque', what: 'namespace' };
    case 'exec':
    case 'eval':
    case 'setattr':
      host.openNamespace(`${name}() may bind any name`);
      host.risk();
      return UNKNOWN;
    case 'exit':
    case 'quit':
    case 'sys.exit':
      host.exit();
      return UNKNOWN;
    case 'os.getenv':
      return envLookup(host, 'os.getenv', arg(a, 0, 'key'), a.pos.length > 1 ? a.pos[1] : a.kw.get('default'), a.pos.length > 1 || a.kw.has('default'));
    case 'os.getcwd':
      return UNKNOWN;
    case 'os.path.join': {
      const parts = strings(a.pos);
      if (!parts || parts.length === 0) return UNKNOWN;
      return str(joinPath(parts[0]!, ...parts.slice(1)));
    }
    case 'os.path.dirname':
    case 'os.path.basename':
    case 'os.path.normpath':
    case 'os.path.abspath':
    case 'os.path.realpath':
    case 'os.path.isabs':
    case 'os.path.expanduser':
    case 'os.path.split':
    case 'os.path.splitext': {
      const p = pathString(x);
      if (p === undefined) return UNKNOWN;
      switch (name) {
        case 'os.path.dirname':
          return str(dirname(p));
        case 'os.path.basename':
          return str(basename(p));
        case 'os.path.normpath':
          return str(normpath(p));
        case 'os.path.abspath':
        case 'os.path.realpath': {
          // realpath: symbolic links on the deployed host are not known; taken as none.
          const r = abspath(p);
          if (r === undefined) return unknown('relative to the working directory');
          if (name === 'os.path.realpath') host.note(`${p} is taken to contain no symbolic links`);
          return str(r);
        }
        case 'os.path.isabs':
          return bool(isAbs(p));
        case 'os.path.expanduser':
          return p.startsWith('~') ? UNKNOWN : str(p);
        case 'os.path.split':
          return { k: 'tuple', items: [str(dirname(p)), str(basename(p))] };
        case 'os.path.splitext': {
          const b = basename(p);
          const dot = b.lastIndexOf('.');
          const cut = dot > 0 && b.slice(0, dot).replace(/\./g, '') !== '' ? p.length - (b.length - dot) : p.length;
          return { k: 'tuple', items: [str(p.slice(0, cut)), str(p.slice(cut))] };
        }
      }
      return UNKNOWN;
    }
    case 'pathlib.Path': {
      if (a.pos.length === 0) return path('.');
      const parts = strings(a.pos);
      if (!parts) return UNKNOWN;
      let p = '.';
      for (const s of parts) p = pathJoin(p, s);
      return path(p);
    }
    case 'environ.Env': {
      const scheme = new Map<string, { cast: Value | null; default?: Value }>();
      for (const [k, v] of a.kw) {
        if (v.k === 'tuple' && v.items.length === 2) scheme.set(k, { cast: v.items[0]!, default: v.items[1]! });
        else if (v.k === 'tuple' && v.items.length === 1) scheme.set(k, { cast: v.items[0]! });
        else scheme.set(k, { cast: v });
      }
      return { k: 'env', scheme };
    }
    case 'environ.Env.read_env':
    case 'dotenv.load_dotenv':
      host.taintEnv(`${name === 'dotenv.load_dotenv' ? 'load_dotenv()' : 'read_env()'} may set it from a .env file`);
      return UNKNOWN;
    case 'environ.Path': {
      const parts = strings(a.pos);
      if (!parts || parts.length === 0) return UNKNOWN;
      const r = abspath(joinPath(parts[0]!, ...parts.slice(1)));
      return r === undefined ? UNKNOWN : { k: 'envpath', v: r };
    }
    case 'decouple.config':
      return decoupleConfig(host, a);
    case 'decouple.Csv':
      return {
        k: 'csv',
        cast: arg(a, 0, 'cast') ?? null,
        delimiter: pathString(arg(a, 1, 'delimiter')) ?? ',',
        strip: pathString(arg(a, 2, 'strip')) ?? ' \t\n\r\x0b\x0c',
        post: arg(a, 3, 'post_process') ?? null,
      };
    case 'decouple.AutoConfig':
      return fn('unknown');
    default:
      host.risk();
      return UNKNOWN;
  }
}

function iterate(v: Value): Value[] | undefined {
  if (v.k === 'list' || v.k === 'tuple') return v.items;
  if (v.k === 'str') return [...v.v].map(str);
  if (v.k === 'dict') return v.entries.map(([k]) => k);
  return undefined;
}

function callMethod(host: Host, self: Value, name: string, a: CallArgs): Value {
  switch (self.k) {
    case 'str':
      return strMethod(host, self.v, name, a);
    case 'path':
      return pathMethod(host, self.v, name, a);
    case 'dict':
      if (name === 'get') {
        const k = a.pos[0];
        if (!k) return UNKNOWN;
        return dictGet(self, k) ?? (k.k === 'unknown' || !isHashableKnown(k) ? UNKNOWN : (a.pos[1] ?? NONE));
      }
      if (name === 'copy') return self;
      return UNKNOWN;
    case 'list':
    case 'tuple':
      if (name === 'copy' && self.k === 'list') return self;
      if (name === 'index' || name === 'count') return UNKNOWN;
      return UNKNOWN;
    case 'environ':
      switch (name) {
        case 'get':
          return envLookup(host, 'os.environ.get', arg(a, 0, 'key'), a.pos.length > 1 ? a.pos[1] : a.kw.get('default'), a.pos.length > 1 || a.kw.has('default'));
        case 'setdefault': {
          const k = arg(a, 0, 'key');
          const d = a.pos.length > 1 ? a.pos[1]! : (a.kw.get('default') ?? NONE);
          if (!k || k.k !== 'str') return UNKNOWN;
          const l = host.env.lookup(k.v);
          if (l.kind === 'set') return str(l.entry.value);
          if (l.kind === 'unknown') return UNKNOWN;
          if (d.k === 'str') {
            host.env.set(k.v, d.v, 'os.environ.setdefault');
            return d;
          }
          return UNKNOWN;
        }
        case 'update':
        case 'pop':
        case 'clear':
          host.taintEnv(`os.environ.${name}() changed the environment`);
          return UNKNOWN;
        default:
          return UNKNOWN;
      }
    case 'env':
      if (name === 'read_env') {
        host.taintEnv('read_env() may set it from a .env file');
        return UNKNOWN;
      }
      return envGet(host, self, a, name);
    case 'opaque':
      if (self.what === 'namespace') host.openNamespace(`\`…().${name}(…)\` may bind any name of the module`);
      return UNKNOWN;
    case 'envpath':
      if (name === 'path' || name === 'file') {
        const parts = strings(a.pos);
        if (!parts) return UNKNOWN;
        const p = normpath(joinPath(self.v, ...parts));
        return name === 'path' ? { k: 'envpath', v: p } : UNKNOWN;
      }
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function isHashableKnown(v: Value): boolean {
  return v.k === 'str' || v.k === 'int' || v.k === 'bool' || v.k === 'none' || v.k === 'float' || v.k === 'path';
}

function strMethod(host: Host, s: string, name: string, a: CallArgs): Value {
  const x = a.pos[0];
  const xs = x?.k === 'str' ? x.v : undefined;
  switch (name) {
    case 'lower':
      return str(s.toLowerCase());
    case 'upper':
      return str(s.toUpperCase());
    case 'strip':
    case 'lstrip':
    case 'rstrip': {
      if (x && x.k !== 'str' && x.k !== 'none') return UNKNOWN;
      const chars = xs;
      let b = 0;
      let e = s.length;
      const strip = (c: string) => (chars === undefined ? /\s/.test(c) : chars.includes(c));
      if (name !== 'rstrip') while (b < e && strip(s[b]!)) b++;
      if (name !== 'lstrip') while (e > b && strip(s[e - 1]!)) e--;
      return str(s.slice(b, e));
    }
    case 'split': {
      const sep = x ?? a.kw.get('sep');
      const maxArg = a.pos[1] ?? a.kw.get('maxsplit');
      const max = maxArg ? (maxArg.k === 'int' ? maxArg.v : NaN) : -1;
      if (Number.isNaN(max)) return UNKNOWN;
      let parts: string[];
      if (!sep || sep.k === 'none') {
        parts = s.trim() === '' ? [] : s.trim().split(/\s+/);
        if (max >= 0 && parts.length > max + 1) return UNKNOWN;
      } else if (sep.k === 'str' && sep.v !== '') {
        parts = s.split(sep.v);
        if (max >= 0 && parts.length > max + 1) parts = [...parts.slice(0, max), parts.slice(max).join(sep.v)];
      } else return UNKNOWN;
      return { k: 'list', items: parts.map(str) };
    }
    case 'replace':
      if (xs === undefined || a.pos[1]?.k !== 'str' || a.pos.length > 2) return UNKNOWN;
      return str(s.split(xs).join(a.pos[1].v));
    case 'startswith':
    case 'endswith': {
      const opts = x?.k === 'tuple' ? x.items : x ? [x] : [];
      if (!opts.length || opts.some((o) => o.k !== 'str') || a.pos.length > 1) return UNKNOWN;
      return bool(opts.some((o) => (name === 'startswith' ? s.startsWith((o as { v: string }).v) : s.endsWith((o as { v: string }).v))));
    }
    case 'format':
      return strFormat(s, a.pos, a.kw);
    case 'join': {
      const items = x ? iterate(x) : undefined;
      if (!items || items.some((i) => i.k !== 'str')) return UNKNOWN;
      return str(items.map((i) => (i as { v: string }).v).join(s));
    }
    case 'removeprefix':
      return xs === undefined ? UNKNOWN : str(s.startsWith(xs) ? s.slice(xs.length) : s);
    case 'removesuffix':
      return xs === undefined ? UNKNOWN : str(xs && s.endsWith(xs) ? s.slice(0, -xs.length) : s);
    case 'isdigit':
      return bool(/^\d+$/.test(s));
    default:
      void host;
      return UNKNOWN;
  }
}

function pathMethod(host: Host, p: string, name: string, a: CallArgs): Value {
  switch (name) {
    case 'resolve': {
      // Symbolic links on the deployed host are not known; taken as none.
      const r = abspath(p);
      return r === undefined ? unknown('relative to the working directory') : path(r);
    }
    case 'absolute':
      return isAbs(p) ? path(p) : unknown('relative to the working directory');
    case 'is_absolute':
      return bool(isAbs(p));
    case 'joinpath': {
      const parts = strings(a.pos);
      if (!parts) return UNKNOWN;
      let r = p;
      for (const s of parts) r = pathJoin(r, s);
      return path(r);
    }
    case 'as_posix':
      return str(p);
    case 'expanduser':
      return p.startsWith('~') ? UNKNOWN : path(p);
    case 'with_name': {
      const n = pathString(a.pos[0]);
      if (n === undefined || pathName(p) === '') return UNKNOWN;
      return path(pathJoin(pathParent(p), n));
    }
    case 'mkdir':
      return NONE;
    default:
      void host;
      return UNKNOWN;
  }
}

/** `os.environ.get(K, d)` / `os.getenv(K, d)`. */
function envLookup(host: Host, what: string, key: Value | undefined, dflt: Value | undefined, hasDefault: boolean): Value {
  if (!key || key.k !== 'str') return UNKNOWN;
  const l = host.env.lookup(key.v);
  if (l.kind === 'set') {
    host.note(`${key.v} is set by ${l.entry.what}`);
    return str(l.entry.value);
  }
  if (l.kind === 'unknown') return unknown(`${key.v}: ${l.why}`);
  if (!hasDefault) return unknown(`${what}(${pyRepr(key)}) with no default`);
  host.note(`${key.v} is not set in the environment (the default is used)`);
  return dflt ?? NONE;
}

const ENVIRON_TRUE = new Set(['true', 'on', 'ok', 'y', 'yes', '1']);

/** django-environ 0.4.4 `Env.parse_value`. */
function envParse(host: Host, value: string, cast: Value | null): Value {
  if (!cast || cast.k === 'none') return str(value);
  if (cast.k === 'func') {
    switch (cast.name) {
      case 'bool': {
        const t = value.trim();
        if (/^[+-]?\d+$/.test(t)) return bool(Number(t) !== 0);
        return bool(ENVIRON_TRUE.has(value.toLowerCase()));
      }
      case 'str':
        return str(value);
      case 'int':
      case 'float':
        return callFunc(host, cast.name, { pos: [str(value)], kw: new Map(), unknownSplat: false });
      case 'list':
        return { k: 'list', items: value.split(',').filter((x) => x).map(str) };
      case 'tuple':
        return { k: 'tuple', items: value.replace(/^\(|\)$/g, '').split(',').filter((x) => x).map(str) };
    }
    return UNKNOWN;
  }
  if (cast.k === 'list' && cast.items.length === 1) {
    const items = value.split(',').filter((x) => x).map((x) => envParse(host, x, cast.items[0]!));
    return { k: 'list', items };
  }
  return UNKNOWN;
}

/** `env(var, cast=, default=)` and `env.bool/int/str/list(var, default=)`. */
function envGet(host: Host, env: Value & { k: 'env' }, a: CallArgs, method: string | null): Value {
  const key = arg(a, 0, 'var');
  if (!key || key.k !== 'str') return UNKNOWN;
  let cast: Value | null = null;
  let dflt: Value | undefined;
  if (method === null || method === 'get_value') {
    cast = arg(a, 1, 'cast') ?? null;
    dflt = a.pos.length > 2 ? a.pos[2] : a.kw.get('default');
  } else {
    const simple: Record<string, string> = { str: 'str', bool: 'bool', int: 'int', float: 'float', unicode: 'str' };
    if (simple[method]) cast = { k: 'func', name: simple[method]! };
    else if (method === 'list' || method === 'tuple') {
      const inner = arg(a, 1, 'cast');
      cast = inner && inner.k !== 'none' ? { k: 'list', items: [inner] } : { k: 'func', name: method };
      if (method === 'tuple' && inner) return UNKNOWN;
    } else return UNKNOWN; // db, cache, url, json, path…: not modelled
    dflt = method === 'list' || method === 'tuple' ? (a.pos.length > 2 ? a.pos[2] : a.kw.get('default')) : a.pos.length > 1 ? a.pos[1] : a.kw.get('default');
  }
  const scheme = env.scheme.get(key.v);
  if (scheme) {
    if (scheme.default !== undefined) {
      if (!cast) cast = scheme.cast;
      if (dflt === undefined) dflt = scheme.default;
    } else if (!cast) cast = scheme.cast;
  }
  const l = host.env.lookup(key.v);
  if (l.kind === 'unknown') return unknown(`${key.v}: ${l.why}`);
  if (l.kind === 'set') {
    host.note(`${key.v} is set by ${l.entry.what}`);
    let v = l.entry.value;
    if (v.startsWith('$')) {
      const proxied = host.env.lookup(v.slice(1));
      if (proxied.kind !== 'set') return UNKNOWN;
      v = proxied.entry.value;
    }
    return envParse(host, v, cast);
  }
  if (dflt === undefined) {
    // ImproperlyConfigured: Set the X environment variable.
    host.risk();
    return unknown(`env(${pyRepr(key)}) with no default`);
  }
  host.note(`${key.v} is not set in the environment (the default is used)`);
  // The default is returned as given (parse_default is off for these calls).
  if (dflt.k === 'str' && dflt.v.startsWith('$')) return UNKNOWN;
  return dflt;
}

const DECOUPLE_BOOLEANS: Record<string, boolean> = {
  '1': true, yes: true, true: true, on: true, '0': false, no: false, false: false, off: false, '': false,
};

/** python-decouple 3.6 `config(option, default=undefined, cast=undefined)`. */
function decoupleConfig(host: Host, a: CallArgs): Value {
  const key = arg(a, 0, 'option');
  if (!key || key.k !== 'str') return UNKNOWN;
  const dflt = a.pos.length > 1 ? a.pos[1] : a.kw.get('default');
  const cast = a.pos.length > 2 ? a.pos[2] : a.kw.get('cast');
  const l = host.env.lookup(key.v);
  let value: Value;
  if (l.kind === 'set') {
    host.note(`${key.v} is set by ${l.entry.what}`);
    value = str(l.entry.value);
  } else if (l.kind === 'unknown') return unknown(`${key.v}: ${l.why}`);
  else {
    const repo = host.decoupleRepository();
    if (repo) return unknown(`${key.v} may be set in ${repo}`);
    if (dflt === undefined) {
      host.risk(); // UndefinedValueError
      return unknown(`config(${pyRepr(key)}) with no default`);
    }
    host.note(`${key.v} is not set in the environment (the default is used)`);
    value = dflt;
  }
  if (!cast) return value;
  return decoupleCast(host, cast, value);
}

function decoupleCast(host: Host, cast: Value, value: Value): Value {
  if (cast.k === 'func' && cast.name === 'bool') {
    const s = pyStr(value);
    if (s === undefined) return UNKNOWN;
    const b = DECOUPLE_BOOLEANS[s.toLowerCase()];
    if (b === undefined) {
      host.risk();
      return UNKNOWN;
    }
    return bool(b);
  }
  if (cast.k === 'csv') return csvCast(host, cast, value);
  return call(host, cast, { pos: [value], kw: new Map(), unknownSplat: false });
}

/** decouple `Csv()(value)`: a shlex split on the delimiter (quotes are not modelled), each item stripped and cast. */
function csvCast(host: Host, csv: Value & { k: 'csv' }, value: Value | undefined): Value {
  if (!value || value.k !== 'str' || /['"\\]/.test(value.v)) return UNKNOWN;
  if (csv.post && !(csv.post.k === 'func' && (csv.post.name === 'list' || csv.post.name === 'tuple'))) return UNKNOWN;
  const delims = csv.delimiter;
  const items: Value[] = [];
  let cur = '';
  const flush = () => {
    if (cur !== '') {
      let s = cur;
      let b = 0;
      let e = s.length;
      while (b < e && csv.strip.includes(s[b]!)) b++;
      while (e > b && csv.strip.includes(s[e - 1]!)) e--;
      s = s.slice(b, e);
      items.push(csv.cast && csv.cast.k !== 'none' ? call(host, csv.cast, { pos: [str(s)], kw: new Map(), unknownSplat: false }) : str(s));
    }
    cur = '';
  };
  for (const ch of value.v) {
    if (delims.includes(ch)) flush();
    else cur += ch;
  }
  flush();
  const kind = csv.post?.k === 'func' && csv.post.name === 'tuple' ? 'tuple' : 'list';
  return { k: kind, items };
}

