/**
 * The value domain of the settings evaluator: the Python values settings are made of
 * (str, int, float, bool, None, list, tuple, dict, pathlib.Path) and Unknown, plus the
 * few callables and modules the evaluator models (os, os.path, pathlib, django-environ,
 * python-decouple). Only the first group is ever a setting's value that rules read.
 *
 * Path semantics are POSIX (`posixpath` and `PurePosixPath` of Python 3.11): the deployed
 * host runs Linux.
 */

export type Value =
  | { k: 'str'; v: string }
  | { k: 'int'; v: number }
  | { k: 'float'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'none' }
  | { k: 'list'; items: Value[] }
  | { k: 'tuple'; items: Value[] }
  | { k: 'dict'; entries: Array<[Value, Value]> }
  /** pathlib.Path, kept as `str(path)`. */
  | { k: 'path'; v: string }
  | { k: 'unknown'; why?: string }
  // ---- evaluator internals: never treated as known setting values by rules
  /** A module: a modelled one (`os`, `environ`…), a project module (with its namespace), or one stacklint cannot see. */
  | { k: 'module'; name: string; ns?: ReadonlyMap<string, unknown>; opaque?: boolean }
  /** A callable the evaluator models, by qualified name (`os.path.join`, `str`, `environ.Env`). */
  | { k: 'func'; name: string }
  /** A method bound to a value (`'x'.format`, `env.bool`, `os.environ.get`). */
  | { k: 'method'; self: Value; name: string }
  /** `os.environ`. */
  | { k: 'environ' }
  /** A django-environ `Env` instance with its scheme (`Env(DEBUG=(bool, False))`). */
  | { k: 'env'; scheme: ReadonlyMap<string, { cast: Value | null; default?: Value }> }
  /** A django-environ `environ.Path`. */
  | { k: 'envpath'; v: string }
  /** A python-decouple `Csv(...)` cast. */
  | { k: 'csv'; cast: Value | null; delimiter: string; strip: string; post: Value | null }
  /** Something callable or otherwise opaque (user functions, classes, lambdas). */
  | { k: 'opaque'; what: string };

export const UNKNOWN: Value = { k: 'unknown' };
export const NONE: Value = { k: 'none' };
export const TRUE: Value = { k: 'bool', v: true };
export const FALSE: Value = { k: 'bool', v: false };

export const str = (v: string): Value => ({ k: 'str', v });
export const int = (v: number): Value => (Number.isSafeInteger(v) ? { k: 'int', v } : UNKNOWN);
export const bool = (v: boolean): Value => (v ? TRUE : FALSE);
export const path = (v: string): Value => ({ k: 'path', v: purePath(v) });
export const unknown = (why?: string): Value => (why ? { k: 'unknown', why } : UNKNOWN);

/** Whether a value is fully known data (no Unknown anywhere inside). */
export function isKnown(v: Value): boolean {
  switch (v.k) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
    case 'none':
    case 'path':
      return true;
    case 'list':
    case 'tuple':
      return v.items.every(isKnown);
    case 'dict':
      return v.entries.every(([a, b]) => isKnown(a) && isKnown(b));
    default:
      return false;
  }
}

/** Python truthiness, or undefined when unknown. */
export function truthy(v: Value): boolean | undefined {
  switch (v.k) {
    case 'str':
      return v.v.length > 0;
    case 'int':
    case 'float':
      return v.v !== 0;
    case 'bool':
      return v.v;
    case 'none':
      return false;
    case 'list':
    case 'tuple':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    case 'path':
    case 'module':
    case 'func':
    case 'method':
    case 'environ':
    case 'env':
    case 'envpath':
    case 'csv':
      return true;
    default:
      return undefined;
  }
}

function numeric(v: Value): number | undefined {
  if (v.k === 'int' || v.k === 'float') return v.v;
  if (v.k === 'bool') return v.v ? 1 : 0;
  return undefined;
}

/** Python `==`, or undefined when unknown. */
export function pyEquals(a: Value, b: Value): boolean | undefined {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (a.k === 'unknown' || b.k === 'unknown') return undefined;
  if (a.k !== b.k) {
    // Distinct known kinds are never equal (Path('/x') != '/x', [] != ()).
    return isKnown(a) && isKnown(b) ? false : undefined;
  }
  switch (a.k) {
    case 'str':
    case 'path':
      return a.v === (b as { v: string }).v;
    case 'none':
      return true;
    case 'list':
    case 'tuple': {
      const bi = (b as { items: Value[] }).items;
      if (a.items.length !== bi.length) return false;
      let all: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const e = pyEquals(a.items[i]!, bi[i]!);
        if (e === false) return false;
        if (e === undefined) all = undefined;
      }
      return all;
    }
    case 'dict': {
      const be = (b as { entries: Array<[Value, Value]> }).entries;
      if (a.entries.length !== be.length) return isKnown(a) && isKnown(b) ? false : undefined;
      for (const [k, v] of a.entries) {
        const other = dictGet(b, k);
        if (other === undefined) return isKnown(a) && isKnown(b) ? false : undefined;
        const e = pyEquals(v, other);
        if (e !== true) return e;
      }
      return true;
    }
    default:
      return a === b ? true : undefined;
  }
}

/** Structural identity of two values (for merging branches): true only when surely the same. */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  return isKnown(a) && isKnown(b) && pyEquals(a, b) === true;
}

export function dictGet(d: Value, key: Value): Value | undefined {
  if (d.k !== 'dict') return undefined;
  for (let i = d.entries.length - 1; i >= 0; i--) {
    const [k, v] = d.entries[i]!;
    if (pyEquals(k, key) === true) return v;
  }
  return undefined;
}

export function dictSet(d: Value & { k: 'dict' }, key: Value, value: Value): Value {
  const entries = d.entries.filter(([k]) => pyEquals(k, key) !== true);
  entries.push([key, value]);
  return { k: 'dict', entries };
}

// ---------------------------------------------------------------------------------------
// str() and repr()

export function pyRepr(v: Value): string | undefined {
  switch (v.k) {
    case 'str':
      return reprStr(v.v);
    case 'int':
      return String(v.v);
    case 'float':
      return reprFloat(v.v);
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'path':
      return `PosixPath(${reprStr(v.v)})`;
    case 'list':
    case 'tuple': {
      const parts: string[] = [];
      for (const i of v.items) {
        const r = pyRepr(i);
        if (r === undefined) return undefined;
        parts.push(r);
      }
      if (v.k === 'list') return `[${parts.join(', ')}]`;
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    }
    case 'dict': {
      const parts: string[] = [];
      for (const [k, x] of v.entries) {
        const a = pyRepr(k);
        const b = pyRepr(x);
        if (a === undefined || b === undefined) return undefined;
        parts.push(`${a}: ${b}`);
      }
      return `{${parts.join(', ')}}`;
    }
    default:
      return undefined;
  }
}

/** Python `str(v)`, or undefined when unknown. */
export function pyStr(v: Value): string | undefined {
  switch (v.k) {
    case 'str':
    case 'path':
      return v.v;
    case 'envpath':
      return v.v;
    default:
      return pyRepr(v);
  }
}

export function reprStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  let s = String(x);
  // JavaScript and Python agree on the shortest digits; Python switches to exponent
  // notation from 1e16 and writes exponents with two digits at least.
  if (!s.includes('e') && Math.abs(x) >= 1e16) s = x.toExponential();
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** How a value is shown in messages: paths bare, strings quoted, the rest as Python repr. */
export function display(v: Value): string {
  if (v.k === 'path') return v.v;
  if (v.k === 'envpath') return v.v;
  return pyRepr(v) ?? '<unknown>';
}

// ---------------------------------------------------------------------------------------
// posixpath

export function isAbs(p: string): boolean {
  return p.startsWith('/');
}

/** `posixpath.normpath`. */
export function normpath(p: string): string {
  if (p === '') return '.';
  let initial = p.startsWith('/') ? 1 : 0;
  if (initial && p.startsWith('//') && !p.startsWith('///')) initial = 2;
  const out: string[] = [];
  for (const comp of p.split('/')) {
    if (comp === '' || comp === '.') continue;
    if (comp !== '..' || (!initial && out.length === 0) || (out.length > 0 && out[out.length - 1] === '..')) out.push(comp);
    else if (out.length > 0) out.pop();
  }
  const r = '/'.repeat(initial) + out.join('/');
  return r || '.';
}

/** `posixpath.join`. */
export function joinPath(a: string, ...rest: string[]): string {
  let p = a;
  for (const b of rest) {
    if (b.startsWith('/')) p = b;
    else if (p === '' || p.endsWith('/')) p += b;
    else p += '/' + b;
  }
  return p;
}

/** `posixpath.dirname`. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return head;
}

/** `posixpath.basename`. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `os.path.abspath` of an absolute path (relative ones depend on the working directory). */
export function abspath(p: string, cwd?: string): string | undefined {
  if (!isAbs(p)) {
    if (cwd === undefined) return undefined;
    p = joinPath(cwd, p);
  }
  return normpath(p);
}

// ---------------------------------------------------------------------------------------
// pathlib.PurePosixPath

/** `str(PurePosixPath(p))`: repeated and trailing slashes and `.` parts dropped, `..` kept. */
export function purePath(p: string): string {
  if (isPurePath(p)) return p;
  let root = '';
  if (p.startsWith('/')) root = p.startsWith('//') && !p.startsWith('///') ? '//' : '/';
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  const s = root + parts.join('/');
  return s || '.';
}

/** Whether `p` is already in PurePosixPath's normal form (no empty or `.` parts, no trailing slash). */
function isPurePath(p: string): boolean {
  const n = p.length;
  if (n === 0) return false;
  if (p === '.' || p === '/' || p === '//') return true;
  let start = p.charCodeAt(0) === 47 ? 1 : 0;
  if (start === 1 && p.charCodeAt(1) === 47) {
    if (p.charCodeAt(2) === 47) return false;
    start = 2;
  }
  let partStart = start;
  for (let i = start; i <= n; i++) {
    const c = i === n ? 47 : p.charCodeAt(i);
    if (c === 47) {
      const len = i - partStart;
      if (len === 0) return false;
      if (len === 1 && p.charCodeAt(partStart) === 46) return false;
      partStart = i + 1;
    }
  }
  return true;
}

/** `PurePosixPath(a) / b` (an absolute `b` replaces `a`). */
export function pathJoin(a: string, b: string): string {
  if (b.startsWith('/')) return purePath(b);
  if (b !== '' && b !== '.' && b !== '..' && !b.includes('/')) return a === '.' ? b : a.endsWith('/') ? a + b : a + '/' + b;
  if (a === '.') return purePath(b);
  return purePath(a + '/' + b);
}

/** `PurePosixPath(p).parent`. */
export function pathParent(p: string): string {
  if (p === '/' || p === '//' || p === '.') return p;
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  if (i === 1 && p.startsWith('//')) return '//';
  return p.slice(0, i);
}

/** Number of parents a path has (`len(p.parents)`). */
export function pathDepth(p: string): number {
  let n = 0;
  for (let q = p; pathParent(q) !== q; q = pathParent(q)) n++;
  return n;
}

export function pathName(p: string): string {
  if (p === '/' || p === '//' || p === '.') return '';
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Path `suffix` (`.tar` for `a.tar`; '' for none). */
export function pathSuffix(p: string): string {
  const name = pathName(p);
  const i = name.lastIndexOf('.');
  return i > 0 && i < name.length - 1 ? name.slice(i) : '';
}

/**
 * The absolute, normalised form of a filesystem location for comparisons (what
 * `os.path.abspath` gives; relative paths need the working directory, else undefined).
 */
export function locationOf(v: Value, cwd?: string): string | undefined {
  if (v.k !== 'str' && v.k !== 'path') return undefined;
  return abspath(v.v, cwd);
}
