/**
 * The filesystem a configuration is written for.
 *
 * Configs kept in a repository name their deployed paths (`/etc/nginx/...`). A path map
 * (`--map /etc/nginx=deploy/nginx`) translates deployed paths to local ones; every front
 * end reads files and tests paths only through this view, so includes, log directories
 * and sockets are all resolved the same way. Each file is read and decoded once per run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceFile } from './source.js';

export interface PathMapping {
  /** Deployed (absolute) prefix, without trailing slash. */
  from: string;
  /** Local directory it is found in. */
  to: string;
}

export type ReadResult =
  | { ok: true; source: SourceFile }
  | { ok: false; code: string; message: string };

export type PathKind = 'file' | 'directory' | 'other' | 'missing' | 'unknown';

export class FsView {
  private readonly cache = new Map<string, ReadResult>();
  private readonly statCache = new Map<string, PathKind>();

  constructor(
    readonly mappings: PathMapping[] = [],
    /** When false, checks about the target host's filesystem are skipped (`--no-fs`). */
    readonly hostChecks = true,
  ) {
    // Longest prefix first, so /etc/nginx/conf.d beats /etc/nginx.
    this.mappings = [...mappings].sort((a, b) => b.from.length - a.from.length);
  }

  /** Local path for a deployed absolute path (identity when no mapping applies). */
  toLocal(deployed: string): string {
    for (const m of this.mappings) {
      if (deployed === m.from || deployed.startsWith(m.from + '/')) {
        return path.join(m.to, deployed.slice(m.from.length));
      }
    }
    return deployed;
  }

  /** Deployed path for a local path (inverse of toLocal). */
  toDeployed(local: string): string {
    const abs = path.resolve(local);
    for (const m of this.mappings) {
      const to = path.resolve(m.to);
      if (abs === to || abs.startsWith(to + path.sep)) {
        return m.from + abs.slice(to.length).split(path.sep).join('/');
      }
    }
    return abs;
  }

  /** Read a file by its local path. Never throws. */
  read(localPath: string): ReadResult {
    const abs = path.resolve(localPath);
    const hit = this.cache.get(abs);
    if (hit) return hit;
    let result: ReadResult;
    try {
      // A directory opens but fails to read (EISDIR): no stat of every file beforehand.
      const bytes = fs.readFileSync(abs);
      result = { ok: true, source: SourceFile.fromBytes(abs, bytes, this.toDeployed(abs)) };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      result =
        err.code === 'EISDIR'
          ? { ok: false, code: 'EISDIR', message: `"${abs}" is a directory` }
          : { ok: false, code: err.code ?? 'EIO', message: describeFsError(err, abs) };
    }
    this.cache.set(abs, result);
    return result;
  }

  /** Read a file by the path the configuration uses. */
  readDeployed(deployed: string): ReadResult {
    return this.read(this.toLocal(deployed));
  }

  /** What is at a local path. */
  kindOf(localPath: string): PathKind {
    const abs = path.resolve(localPath);
    const hit = this.statCache.get(abs);
    if (hit) return hit;
    let kind: PathKind;
    try {
      const st = fs.statSync(abs);
      kind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      kind = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unknown';
    }
    this.statCache.set(abs, kind);
    return kind;
  }

  /**
   * What is at a deployed path on the target host, or 'unknown' when host checks are off.
   * Rules must stay silent on 'unknown'.
   */
  hostKindOf(deployed: string): PathKind {
    if (!this.hostChecks) return 'unknown';
    return this.kindOf(this.toLocal(deployed));
  }

  /**
   * POSIX glob(3) without flags, as nginx and Python's glob use it: `*`, `?` and `[...]`
   * per path segment, no brace expansion, wildcards never match a leading dot. Matches
   * are returned as deployed paths, unsorted (each program sorts in its own way).
   */
  glob(deployedPattern: string): string[] {
    const segments = deployedPattern.split('/');
    let bases: string[] = [segments[0] === '' ? '/' : '.'];
    const start = segments[0] === '' ? 1 : 0;
    for (let i = start; i < segments.length; i++) {
      const seg = segments[i]!;
      const last = i === segments.length - 1;
      if (seg === '') {
        if (last) bases = bases.filter((b) => this.kindOf(this.toLocal(b)) === 'directory');
        continue;
      }
      const next: string[] = [];
      if (!hasGlobMagic(seg)) {
        for (const b of bases) {
          const p = joinDeployed(b, seg);
          if (last ? this.kindOf(this.toLocal(p)) !== 'missing' : this.kindOf(this.toLocal(p)) === 'directory') next.push(p);
        }
      } else {
        const re = globSegmentToRegExp(seg);
        for (const b of bases) {
          let names: string[];
          try {
            names = fs.readdirSync(this.toLocal(b));
          } catch {
            continue;
          }
          for (const n of names) {
            if (n.startsWith('.') && !seg.startsWith('.')) continue;
            if (!re.test(n)) continue;
            const p = joinDeployed(b, n);
            if (last || this.kindOf(this.toLocal(p)) === 'directory') next.push(p);
          }
        }
      }
      bases = next;
      if (bases.length === 0) break;
    }
    return bases;
  }
}

function joinDeployed(base: string, name: string): string {
  if (base === '/') return '/' + name;
  if (base === '.') return name;
  return base + '/' + name;
}

export function hasGlobMagic(p: string): boolean {
  return /[*?[]/.test(p);
}

/** fnmatch(3) for one path segment: `*`, `?`, `[...]` with `!`/`^` negation and ranges. */
export function globSegmentToRegExp(seg: string): RegExp {
  let re = '^';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      let neg = false;
      if (body[0] === '!' || body[0] === '^') {
        neg = true;
        body = body.slice(1);
      }
      re += '[' + (neg ? '^' : '') + body.replace(/[\\\]^]/g, '\\$&') + ']';
      i = close;
    } else if (c === '\\' && i + 1 < seg.length) {
      re += escapeRegExp(seg[++i]!);
    } else re += escapeRegExp(c);
  }
  try {
    return new RegExp(re + '$', 's');
  } catch {
    // An inverted range such as [z-a] matches nothing in fnmatch(3).
    return /(?!)/;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Compare strings by their UTF-8 bytes (C `strcmp`, what glob(3) sorts by under the C locale). */
export function compareBytewise(a: string, b: string): number {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}

function describeFsError(err: NodeJS.ErrnoException, abs: string): string {
  switch (err.code) {
    case 'ENOENT':
      return `"${abs}" does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `"${abs}" cannot be read (permission denied)`;
    case 'ENOTDIR':
      return `"${abs}" has a path component that is not a directory`;
    case 'ELOOP':
      return `"${abs}" is a symbolic link loop`;
    default:
      return `"${abs}" cannot be read (${err.code ?? err.message})`;
  }
}

/** Parse a `--map FROM=TO` value; TO is made absolute against `cwd`. */
export function parseMapping(spec: string, cwd: string): PathMapping | undefined {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) return undefined;
  const from = spec.slice(0, eq).replace(/\/+$/, '') || '/';
  if (!from.startsWith('/')) return undefined;
  return { from, to: path.resolve(cwd, spec.slice(eq + 1)) };
}
