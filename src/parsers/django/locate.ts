/**
 * Finding the settings module and the process it runs in.
 *
 * DJANGO_SETTINGS_MODULE comes, most binding first, from: uWSGI `env =
 * DJANGO_SETTINGS_MODULE=…` and supervisor `environment=` (they set the process
 * environment, which `os.environ.setdefault` in wsgi.py does not override), the
 * configuration (`django.settingsModule`), and `os.environ.setdefault(…)` in wsgi.py /
 * asgi.py / manage.py. A dotted name resolves to `<root>/a/b.py` or `<root>/a/b/__init__.py`
 * where the root is the uWSGI `chdir` (or `pythonpath`), the supervisor `directory`, or the
 * directory of manage.py.
 *
 * The process's working directory (for relative STATIC_ROOT/MEDIA_ROOT) is the uWSGI
 * `chdir`, else the supervisor `directory`.
 */
import * as path from 'node:path';
import type { LoadContext, Project } from '../../core/project.js';
import type { SourceFile, Span } from '../../core/source.js';
import type { SupervisorProgram } from '../supervisor/model.js';
import type { Expr, Stmt, Trailer } from './python/ast.js';
import { parsePython } from './python/parser.js';
import { literalValue } from './python/strings.js';
import { parseSupervisorEnvironment, type EnvEntry } from './env.js';
import type { SettingsOrigin } from './model.js';

export const ENTRY_FILES = new Set(['wsgi.py', 'asgi.py', 'manage.py']);

/** One process that may run Django: a uWSGI configuration, a supervisor program, or the configuration. */
export interface Deployment {
  what: 'uWSGI' | 'supervisor' | 'configuration';
  /** Working directory (deployed path). */
  cwd?: { path: string; at: Span; what: string };
  env: Map<string, EnvEntry>;
  dsm?: { module: string; at?: Span; how: SettingsOrigin['how'] };
  /** WSGI entry named by uWSGI (`wsgi-file`, or `module` as a dotted name). */
  wsgiFile?: string;
  wsgiModule?: string;
  /** Extra import roots (uWSGI pythonpath), deployed paths. */
  pythonpath: string[];
}

interface UwsgiOptionLike {
  name: string;
  value: string;
  at: Span;
  unknown?: boolean;
  placeholder?: boolean;
}

function options(cfg: { options: UwsgiOptionLike[] }, names: string[]): UwsgiOptionLike[] {
  return cfg.options.filter((o) => names.includes(o.name) && !o.placeholder && !o.unknown);
}

function fromUwsgi(cfg: { options: UwsgiOptionLike[]; root: SourceFile }, base?: Deployment): Deployment {
  const d: Deployment = { what: 'uWSGI', env: new Map(base?.env ?? []), pythonpath: [] };
  if (base?.cwd) d.cwd = base.cwd;
  if (base?.dsm) d.dsm = base.dsm;
  const chdir = options(cfg, ['chdir']).pop();
  if (chdir && chdir.value.startsWith('/')) d.cwd = { path: chdir.value.replace(/\/+$/, '') || '/', at: chdir.at, what: 'uWSGI chdir' };
  for (const o of options(cfg, ['env'])) {
    const eq = o.value.indexOf('=');
    if (eq <= 0) continue;
    const k = o.value.slice(0, eq);
    d.env.set(k, { value: o.value.slice(eq + 1), what: 'uWSGI env', at: o.at });
    if (k === 'DJANGO_SETTINGS_MODULE') d.dsm = { module: o.value.slice(eq + 1).trim(), at: o.at, how: 'uWSGI env' };
  }
  const file = options(cfg, ['wsgi-file', 'file']).pop();
  if (file) d.wsgiFile = file.value;
  const mod = options(cfg, ['module', 'wsgi']).pop();
  if (mod) d.wsgiModule = mod.value.split(':')[0]!.trim();
  for (const o of options(cfg, ['pythonpath', 'python-path', 'pp'])) if (o.value.startsWith('/')) d.pythonpath.push(o.value);
  return d;
}

/** Every process of the stack that may run Django. */
export function deploymentsOf(ctx: LoadContext, project: Project): Deployment[] {
  const out: Deployment[] = [];
  const seenUwsgi = new Set<unknown>();
  for (const sup of project.supervisor) {
    const programs = sup.programs as SupervisorProgram[] | undefined;
    if (programs) {
      for (const p of programs) {
        if (p.type !== 'program') continue;
        const d: Deployment = { what: 'supervisor', env: new Map(), pythonpath: [] };
        const dirVal = p.section.values.get('directory');
        if (p.directory && p.directory.startsWith('/') && dirVal) d.cwd = { path: p.directory.replace(/\/+$/, '') || '/', at: dirVal.at, what: 'supervisor directory' };
        const envVal = p.section.values.get('environment');
        if (p.environment) {
          for (const [k, v] of Object.entries(p.environment)) {
            d.env.set(k, { value: v, what: 'supervisor environment', ...(envVal ? { at: envVal.at } : {}) });
            if (k === 'DJANGO_SETTINGS_MODULE') d.dsm = { module: v.trim(), ...(envVal ? { at: envVal.at } : {}), how: 'supervisor environment' };
          }
        }
        if (p.uwsgi) {
          seenUwsgi.add(p.uwsgi);
          const merged = fromUwsgi(p.uwsgi as unknown as { options: UwsgiOptionLike[]; root: SourceFile }, d);
          merged.what = 'supervisor';
          out.push(merged);
        } else out.push(d);
      }
      continue;
    }
    // Older model: read the sections directly.
    for (const s of sup.sections) {
      if (!s.name.startsWith('program:')) continue;
      const d: Deployment = { what: 'supervisor', env: new Map(), pythonpath: [] };
      const dir = s.values.get('directory');
      const dv = dir?.expanded;
      if (dir && dv && dv.startsWith('/')) d.cwd = { path: dv.replace(/\/+$/, '') || '/', at: dir.at, what: 'supervisor directory' };
      const env = s.values.get('environment');
      const parsed = env?.expanded !== undefined ? parseSupervisorEnvironment(env.expanded) : undefined;
      if (env && parsed) {
        for (const [k, v] of parsed) {
          d.env.set(k, { value: v, what: 'supervisor environment', at: env.at });
          if (k === 'DJANGO_SETTINGS_MODULE') d.dsm = { module: v.trim(), at: env.at, how: 'supervisor environment' };
        }
      }
      out.push(d);
    }
  }
  for (const u of project.uwsgi) {
    if (seenUwsgi.has(u)) continue;
    out.push(fromUwsgi(u as unknown as { options: UwsgiOptionLike[]; root: SourceFile }));
  }
  void ctx;
  return out;
}

/** Resolve a dotted module name under a local directory. */
export function resolveDotted(ctx: LoadContext, rootLocal: string, dotted: string): string | undefined {
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(dotted)) return undefined;
  const rel = dotted.split('.').join('/');
  for (const c of [path.join(rootLocal, rel + '.py'), path.join(rootLocal, rel, '__init__.py')]) {
    if (ctx.fs.kindOf(c) === 'file') return c;
  }
  return undefined;
}

/** `os.environ.setdefault('DJANGO_SETTINGS_MODULE', '…')` (or an assignment) in an entry file, anywhere in it. */
export function settingsModuleIn(source: SourceFile): { module: string; at: Span } | undefined {
  if (!source.text.includes('DJANGO_SETTINGS_MODULE')) return undefined;
  const parsed = parsePython(source);
  let found: { module: string; at: Span } | undefined;
  const visit = (stmts: Stmt[], depth: number): void => {
    if (depth > 20) return;
    for (const s of stmts) {
      if (found) return;
      if (s.t === 'expr') checkCall(s.value);
      else if (s.t === 'assign') {
        const t = s.targets[0];
        if (t && isEnvironItem(t) && s.value.t === 'str') {
          const v = literalValue(s.value.pieces.map((p) => p.raw)[0] ?? '');
          if (v) found = { module: v, at: { source, start: s.value.start, end: s.value.end } };
        }
      } else if (s.t === 'if') {
        for (const b of s.branches) visit(b.body, depth + 1);
        if (s.orelse) visit(s.orelse, depth + 1);
      } else if (s.t === 'def' || s.t === 'with' || s.t === 'try') {
        if (s.t === 'try') {
          visit(s.body, depth + 1);
          for (const h of s.handlers) visit(h.body, depth + 1);
        } else visit(s.body, depth + 1);
      }
    }
  };
  const checkCall = (e: Expr): void => {
    if (e.t !== 'postfix' || e.trailers.length !== 3) return;
    const [a, b, c] = e.trailers as Trailer[];
    if (!a) return;
    if (e.base.t !== 'name' || e.base.id !== 'os' || a.t !== 'attr' || a.name !== 'environ' || b?.t !== 'attr' || b.name !== 'setdefault' || c?.t !== 'call') return;
    const [k, v] = c.args;
    if (!k || !v || k.value.t !== 'str' || v.value.t !== 'str') return;
    if (literalValue(k.value.pieces[0]!.raw) !== 'DJANGO_SETTINGS_MODULE') return;
    const m = v.value.pieces.length === 1 ? literalValue(v.value.pieces[0]!.raw) : undefined;
    if (m) found = { module: m, at: { source, start: v.value.start, end: v.value.end } };
  };
  visit(parsed.body, 0);
  return found;
}

function isEnvironItem(t: Expr): boolean {
  if (t.t !== 'postfix' || t.base.t !== 'name' || t.base.id !== 'os' || t.trailers.length !== 2) return false;
  const [a, b] = t.trailers;
  return a?.t === 'attr' && a.name === 'environ' && b?.t === 'index' && b.index.t === 'str' && literalValue(b.index.pieces[0]!.raw) === 'DJANGO_SETTINGS_MODULE';
}

/** The directory holding manage.py above a file (up to four levels), or undefined. */
export function manageDir(ctx: LoadContext, fileLocal: string): string | undefined {
  let dir = path.dirname(fileLocal);
  for (let i = 0; i < 5; i++) {
    if (ctx.fs.kindOf(path.join(dir, 'manage.py')) === 'file') return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Project root and dotted module name of a settings file, inferred from the files around it. */
export function inferModule(ctx: LoadContext, fileLocal: string): { root: string; module: string } {
  const noExt = fileLocal.replace(/\.py$/, '');
  const asModule = (root: string) => {
    const rel = path.relative(root, noExt).split(path.sep);
    if (rel[rel.length - 1] === '__init__') rel.pop();
    return rel.join('.');
  };
  const m = manageDir(ctx, fileLocal);
  if (m) return { root: m, module: asModule(m) };
  let dir = path.dirname(fileLocal);
  while (ctx.fs.kindOf(path.join(dir, '__init__.py')) === 'file') {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return { root: dir, module: asModule(dir) };
}
