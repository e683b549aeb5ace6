/**
 * The settings evaluator: runs a settings module *statically* over the value domain of
 * values.ts. It reads the syntax tree only; no user code is ever executed or imported.
 *
 * What it follows:
 * - module-level assignments (chained, tuple targets, annotated, augmented), `del`,
 *   subscript assignments and the list/dict methods settings use to grow values
 *   (`INSTALLED_APPS.append(…)`, `DATABASES['default'].update(…)`);
 * - `import` / `from … import …`: modelled modules (os, pathlib, environ, decouple, dotenv),
 *   and project modules found by file (relative imports from the module's package
 *   directory, absolute ones from the project root), evaluated in their own namespace once
 *   per run like `sys.modules`. A star import copies the public names (or `__all__`). An
 *   import cycle sees the partial namespace, as Python does;
 * - `if`/`elif`/`else`: a test with a known truth value selects its branch; otherwise every
 *   candidate branch is evaluated on its own copy and names the branches disagree on become
 *   Unknown. A branch that always raises is dropped;
 * - `try`: when nothing in the body can raise, the handlers are dead code; otherwise the
 *   body-and-else path and every handler path are merged the same way;
 * - `with`: the body runs (targets are Unknown);
 * - `def`, `class`, `for`, `while`, `match`: skipped; every name they may bind or mutate
 *   becomes Unknown.
 *
 * "May raise" is tracked coarsely (calls of unknown functions, failed lookups, imports that
 * cannot be found) to decide whether `except` handlers can run.
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { FsView } from '../../core/fs.js';
import type { SourceFile, Span } from '../../core/source.js';
import * as path from 'node:path';
import type { Expr, Stmt, Trailer } from './python/ast.js';
import { PyExprParser, PySyntaxError } from './python/expr-parser.js';
import { tokenizeFragment } from './python/lexer.js';
import { parsePython } from './python/parser.js';
import { literalValue, parseFString, splitLiteral, type FPart } from './python/strings.js';
import { binop, builtin, call, compare, getAttr, isModelledModule, moduleValue, subscript, unaryOp, type CallArgs, type Host } from './builtins.js';
import type { EnvState } from './env.js';
import { Setting, spanText, type OpenReason } from './model.js';
import { dictGet, int, isKnown, NONE, pyRepr, pyStr, sameValue, str, truthy, UNKNOWN, unknown, type Value } from './values.js';

export const IMPORT_CYCLE = 'django/settings-import-cycle';
export const UNRESOLVED_IMPORT = 'django/unresolved-settings-import';

/** Deepest expression nesting evaluated (deeper parts are Unknown). The parser already caps brackets at 200. */
const MAX_EVAL_DEPTH = 1500;

class Scope {
  readonly vars = new Map<string, Setting | null>();
  open: OpenReason | null = null;
  constructor(readonly parent: Scope | null) {}

  lookup(name: string): Setting | null | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  openReason(): OpenReason | null {
    for (let s: Scope | null = this; s; s = s.parent) if (s.open) return s.open;
    return null;
  }

  /** Every visible binding (the nearest one per name). */
  flatten(): Map<string, Setting> {
    const out = new Map<string, Setting>();
    if (!this.parent) {
      for (const [k, v] of this.vars) if (v) out.set(k, v);
      return out;
    }
    const seen = new Set<string>();
    for (let s: Scope | null = this; s; s = s.parent) {
      for (const [k, v] of s.vars) {
        if (seen.has(k)) continue;
        seen.add(k);
        if (v) out.set(k, v);
      }
    }
    return out;
  }
}

export interface ModuleRecord {
  localPath: string;
  source: SourceFile;
  /** Dotted module name, when known. */
  name: string | undefined;
  scope: Scope;
  state: 'loading' | 'done';
  /** Executing the module may raise (so importing it may). */
  mayRaise: boolean;
}

export interface EvaluatorOptions {
  fs: FsView;
  env: EnvState;
  /** Local directories searched for absolute imports, in order (sys.path). */
  searchPath: string[];
}

type Flow = 'ok' | 'raise';

interface Frame {
  mod: ModuleRecord;
  notes: Set<string>;
}

const SIMPLE_FIELD = /^(\s*)([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*$/;
const KEYWORD_NAMES = new Set(['None', 'True', 'False', 'lambda', 'not', 'await', 'yield']);

export class Evaluator implements Host {
  readonly modules = new Map<string, ModuleRecord>();
  readonly problems: ParseProblem[] = [];
  readonly files: SourceFile[] = [];
  readonly env: EnvState;
  private riskCount = 0;
  private exited = false;
  private depth = 0;
  private frame: Frame | undefined;
  private scope: Scope | undefined;
  private readonly exprParser = new PyExprParser();
  private readonly fstringCache = new Map<string, Expr | null>();
  private decoupleRepo: string | null | undefined;

  constructor(private readonly opts: EvaluatorOptions) {
    this.env = opts.env;
  }

  // ---- Host ----------------------------------------------------------------------------

  note(s: string): void {
    this.frame?.notes.add(s);
  }
  risk(): void {
    this.riskCount++;
  }
  exit(): void {
    this.exited = true;
  }
  openNamespace(why: string): void {
    const f = this.frame;
    if (!f || !this.scope) return;
    const at = this.currentStmt ? this.span(this.currentStmt.start, this.currentStmt.end) : { source: f.mod.source, start: 0, end: 0 };
    this.openScope(this.scope, { at, message: why });
  }
  taintEnv(why: string): void {
    this.env.tainted ??= why;
  }
  decoupleRepository(): string | null {
    if (this.decoupleRepo !== undefined) return this.decoupleRepo;
    this.decoupleRepo = null;
    const f = this.frame;
    if (!f) return null;
    // decouple's AutoConfig looks for settings.ini or .env from the caller's directory upwards.
    let dir = path.dirname(f.mod.localPath);
    for (let i = 0; i < 64; i++) {
      for (const name of ['settings.ini', '.env']) {
        const p = path.join(dir, name);
        if (this.opts.fs.kindOf(p) === 'file') {
          this.decoupleRepo = this.opts.fs.toDeployed(p);
          return this.decoupleRepo;
        }
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return null;
  }

  private currentStmt: Stmt | undefined;

  // ---- modules -------------------------------------------------------------------------

  /** Evaluate a module file (once per evaluator, like sys.modules). */
  runModule(source: SourceFile, name: string | undefined): ModuleRecord {
    const existing = this.modules.get(source.path);
    if (existing) return existing;
    const mod: ModuleRecord = { localPath: source.path, source, name, scope: new Scope(null), state: 'loading', mayRaise: false };
    this.modules.set(source.path, mod);
    this.files.push(source);
    const parsed = parsePython(source);
    this.problems.push(...parsed.problems);
    if (parsed.problems.length) mod.mayRaise = true;
    const savedFrame = this.frame;
    const savedScope = this.scope;
    const savedRisk = this.riskCount;
    const savedExit = this.exited;
    this.frame = { mod, notes: new Set() };
    this.exited = false;
    this.riskCount = 0;
    let flow: Flow;
    try {
      flow = this.block(parsed.body, mod.scope);
    } catch (e) {
      // Guards keep recursion shallow; should an input still exhaust the stack, the module's
      // names become unknown instead of failing the run.
      if (!(e instanceof RangeError)) throw e;
      this.openScope(mod.scope, { at: { source, start: 0, end: 0 }, message: 'the module is too complex to evaluate' });
      flow = 'ok';
    }
    if (flow === 'raise' || this.riskCount > 0) mod.mayRaise = true;
    mod.state = 'done';
    this.frame = savedFrame;
    this.scope = savedScope;
    this.riskCount = savedRisk;
    this.exited = savedExit;
    return mod;
  }

  /** The module's namespace after evaluation. */
  namespace(mod: ModuleRecord): { names: Map<string, Setting>; open: OpenReason | null } {
    return { names: mod.scope.flatten(), open: mod.scope.openReason() };
  }

  private resolveModule(from: ModuleRecord, level: number, dotted: string): { local: string; name: string | undefined } | undefined {
    const parts = dotted ? dotted.split('.') : [];
    const bases: Array<{ dir: string; prefix: string | undefined }> = [];
    if (level > 0) {
      let dir = path.dirname(from.localPath);
      let pkg = from.name ? from.name.split('.').slice(0, path.basename(from.localPath) === '__init__.py' ? undefined : -1) : undefined;
      for (let i = 1; i < level; i++) {
        dir = path.dirname(dir);
        pkg = pkg?.slice(0, -1);
      }
      bases.push({ dir, prefix: pkg && pkg.length ? pkg.join('.') : undefined });
    } else {
      for (const dir of this.opts.searchPath) bases.push({ dir, prefix: '' });
    }
    for (const b of bases) {
      const rel = parts.join('/');
      const cands = rel ? [path.join(b.dir, rel + '.py'), path.join(b.dir, rel, '__init__.py')] : [path.join(b.dir, '__init__.py')];
      for (const c of cands) {
        if (this.opts.fs.kindOf(c) === 'file') {
          const name = b.prefix === undefined ? undefined : [b.prefix, dotted].filter((x) => x).join('.');
          return { local: c, name };
        }
      }
    }
    return undefined;
  }

  private loadModule(from: ModuleRecord, level: number, dotted: string): ModuleRecord | 'unreadable' | undefined {
    const r = this.resolveModule(from, level, dotted);
    if (!r) return undefined;
    const read = this.opts.fs.read(r.local);
    if (!read.ok) return 'unreadable';
    return this.runModule(read.source, r.name);
  }

  // ---- statements ----------------------------------------------------------------------

  private block(stmts: Stmt[], scope: Scope): Flow {
    for (const s of stmts) {
      if (this.stmt(s, scope) === 'raise') return 'raise';
      if (this.exited) return 'raise';
    }
    return 'ok';
  }

  private span(start: number, end: number): Span {
    return { source: this.frame!.mod.source, start, end };
  }

  private text(start: number, end: number): string {
    return spanText(this.span(start, end));
  }

  /** The assumptions noted for the current statement. */
  private notes(): string[] | undefined {
    const n = this.frame!.notes;
    return n.size ? [...n] : undefined;
  }

  private stmt(s: Stmt, scope: Scope): Flow {
    this.scope = scope;
    this.currentStmt = s;
    const notes = this.frame!.notes;
    notes.clear();
    switch (s.t) {
      case 'assign': {
        const v = this.expr(s.value, scope);
        for (const t of s.targets) this.assign(t, v, scope, s.value);
        return 'ok';
      }
      case 'annassign':
        if (s.value) this.assign(s.target, this.expr(s.value, scope), scope, s.value);
        return 'ok';
      case 'augassign':
        this.augAssign(s, scope);
        return 'ok';
      case 'expr':
        this.exprStatement(s.value, scope);
        return 'ok';
      case 'import':
        for (const n of s.names) this.importName(n.name, n.asname, scope, n.start, n.end);
        return 'ok';
      case 'from':
        this.fromImport(s, scope);
        return 'ok';
      case 'if':
        return this.ifStmt(s, scope);
      case 'try':
        return this.tryStmt(s, scope);
      case 'with':
        for (const it of s.items) {
          this.expr(it.expr, scope);
          if (it.target) this.assign(it.target, unknown('a with-statement target'), scope, it.target);
        }
        return this.block(s.body, scope);
      case 'for':
      case 'while':
      case 'match': {
        if (s.t === 'while' && s.test && truthy(this.expr(s.test, scope)) === false) {
          return s.orelse ? this.block(s.orelse, scope) : 'ok';
        }
        const names = new Set<string>();
        if (s.t === 'for' && s.target) targetNames(s.target, names);
        collectBound(s.body, names);
        if (s.t !== 'match' && s.orelse) collectBound(s.orelse, names);
        this.forget(names, scope, s, `changed in the \`${s.t}\` loop at line ${this.lineOf(s.start)}`);
        return 'ok';
      }
      case 'def':
      case 'class':
        this.bind(scope, s.name, { k: 'opaque', what: s.t === 'def' ? 'function' : 'class' }, this.span(s.start, s.end), this.span(s.start, s.end), `${s.t} ${s.name}`);
        return 'ok';
      case 'del':
        for (const t of s.targets) this.del(t, scope);
        return 'ok';
      case 'raise':
        return 'raise';
      case 'assert': {
        const v = s.value ? truthy(this.expr(s.value, scope)) : undefined;
        if (v === false) return 'raise';
        if (v === undefined) this.risk();
        return 'ok';
      }
      case 'error': {
        const names = new Set(s.names);
        this.forget(names, scope, s, 'set by a statement with a syntax error');
        this.risk();
        return 'ok';
      }
      default:
        return 'ok';
    }
  }

  private lineOf(offset: number): number {
    return this.frame!.mod.source.positionAt(offset).line;
  }

  /** Bind each name to Unknown (a loop, a syntax error, a skipped block may have changed it). */
  private forget(names: Set<string>, scope: Scope, at: { start: number; end: number }, why: string): void {
    for (const n of names) {
      this.bind(scope, n, unknown(why), this.span(at.start, at.end), this.span(at.start, at.end));
    }
  }

  private bind(scope: Scope, name: string, value: Value, nameAt: Span, at: Span, expression?: string): void {
    scope.vars.set(name, new Setting(name, value, nameAt, at, expression, this.notes()));
  }

  private assign(target: Expr, value: Value, scope: Scope, valueExpr: Expr): void {
    switch (target.t) {
      case 'name':
        this.bind(scope, target.id, value, this.span(target.start, target.end), this.span(valueExpr.start, valueExpr.end));
        return;
      case 'tuple':
      case 'list': {
        const items = value.k === 'list' || value.k === 'tuple' ? value.items : undefined;
        const star = target.elts.findIndex((e) => e.t === 'starred');
        if (items && star < 0 && items.length === target.elts.length) {
          target.elts.forEach((e, i) => this.assign(e, items[i]!, scope, valueExpr));
          return;
        }
        if (items && star >= 0 && items.length >= target.elts.length - 1) {
          const after = target.elts.length - star - 1;
          target.elts.forEach((e, i) => {
            if (i < star) this.assign(e, items[i]!, scope, valueExpr);
            else if (i === star) this.assign((e as { value: Expr }).value, { k: 'list', items: items.slice(star, items.length - after) }, scope, valueExpr);
            else this.assign(e, items[items.length - (target.elts.length - i)]!, scope, valueExpr);
          });
          return;
        }
        if (items || value.k === 'str' || value.k === 'dict') this.risk();
        for (const e of target.elts) this.assign(e.t === 'starred' ? e.value : e, UNKNOWN, scope, valueExpr);
        return;
      }
      case 'starred':
        this.assign(target.value, UNKNOWN, scope, valueExpr);
        return;
      case 'postfix':
        this.assignPostfix(target, value, scope, valueExpr);
        return;
      default:
        return;
    }
  }

  /** `X[k]… = v`, `os.environ[K] = v`, `X.attr = v`. */
  private assignPostfix(target: Expr & { t: 'postfix' }, value: Value, scope: Scope, valueExpr: Expr): void {
    const base = target.base;
    const trailers = target.trailers;
    const last = trailers[trailers.length - 1]!;
    // os.environ['K'] = v
    if (last.t === 'index') {
      const container = this.postfixValue(base, trailers.slice(0, -1), scope);
      if (container.k === 'opaque' && container.what === 'namespace') {
        this.openNamespace('assigning through globals() may bind any name of the module');
        return;
      }
      if (container.k === 'environ') {
        const k = this.expr(last.index, scope);
        if (k.k === 'str' && value.k === 'str') this.env.set(k.v, value.v, 'os.environ');
        else this.taintEnv('os.environ was assigned a value stacklint cannot compute');
        return;
      }
    }
    if (base.t !== 'name') return;
    const cur = scope.lookup(base.id);
    if (!cur) return;
    if (trailers.every((t) => t.t === 'index')) {
      const keys = trailers.map((t) => this.expr((t as { index: Expr }).index, scope));
      const updated = setIn(cur.value, keys, value);
      this.rebind(scope, cur, updated, target, valueExpr);
      return;
    }
    if (cur.value.k === 'list' || cur.value.k === 'dict' || cur.value.k === 'tuple') {
      this.rebind(scope, cur, unknown(`changed by ${this.text(target.start, valueExpr.end)}`), target, valueExpr);
    }
  }

  private rebind(scope: Scope, cur: Setting, value: Value, target: Expr, valueExpr: Expr): void {
    const notes = this.frame!.notes;
    for (const n of cur.assumptions) notes.add(n);
    scope.vars.set(cur.name, new Setting(cur.name, value, cur.nameAt, this.span(target.start, valueExpr.end), undefined, this.notes()));
  }

  private augAssign(s: Stmt & { t: 'augassign' }, scope: Scope): void {
    const rhs = this.expr(s.value, scope);
    if (s.target.t !== 'name') {
      if (s.target.t === 'postfix' && s.target.base.t === 'name') {
        const cur = scope.lookup(s.target.base.id);
        if (cur && s.target.trailers.every((t) => t.t === 'index')) {
          const keys = s.target.trailers.map((t) => this.expr((t as { index: Expr }).index, scope));
          const old = getIn(cur.value, keys);
          const updated = setIn(cur.value, keys, old ? this.augValue(s.op, old, rhs) : UNKNOWN);
          this.rebind(scope, cur, updated, s.target, s.value);
        } else if (cur) this.rebind(scope, cur, UNKNOWN, s.target, s.value);
      }
      return;
    }
    const cur = scope.lookup(s.target.id);
    let old: Value;
    if (cur) {
      old = cur.value;
      for (const n of cur.assumptions) this.note(n);
    } else {
      old = scope.openReason() ? UNKNOWN : unknown('NameError');
      if (!scope.openReason()) this.risk();
    }
    const value = this.augValue(s.op, old, rhs);
    const expression = cur ? `${cur.expression} ${s.op} ${this.text(s.value.start, s.value.end)}` : this.text(s.start, s.end);
    const nameAt = this.span(s.target.start, s.target.end);
    scope.vars.set(s.target.id, new Setting(s.target.id, value, nameAt, this.span(s.start, s.end), expression.length > 160 ? undefined : expression, this.notes()));
  }

  private augValue(op: string, old: Value, rhs: Value): Value {
    // list += any iterable (list.extend)
    if (op === '+' && old.k === 'list' && (rhs.k === 'tuple' || rhs.k === 'list')) return { k: 'list', items: [...old.items, ...rhs.items] };
    return binop(this, op, old, rhs);
  }

  private del(t: Expr, scope: Scope): void {
    if (t.t === 'name') {
      if (!scope.lookup(t.id)) this.risk();
      scope.vars.set(t.id, null);
      return;
    }
    if (t.t === 'tuple' || t.t === 'list') {
      for (const e of t.elts) this.del(e, scope);
      return;
    }
    if (t.t === 'postfix' && t.base.t === 'name') {
      const cur = scope.lookup(t.base.id);
      if (!cur) return;
      if (t.trailers.length === 1 && t.trailers[0]!.t === 'index' && cur.value.k === 'dict') {
        const k = this.expr(t.trailers[0]!.index, scope);
        const entries = cur.value.entries.filter(([x]) => !sameValue(x, k));
        this.rebind(scope, cur, isKnown(k) ? { k: 'dict', entries } : UNKNOWN, t, t);
      } else this.rebind(scope, cur, UNKNOWN, t, t);
    }
  }

  /** An expression statement: method calls that mutate a named list/dict are applied. */
  private exprStatement(e: Expr, scope: Scope): void {
    if (e.t === 'postfix' && e.base.t === 'name') {
      const trailers = e.trailers;
      const last = trailers[trailers.length - 1]!;
      const method = trailers[trailers.length - 2];
      if (last.t === 'call' && method?.t === 'attr') {
        const cur = scope.lookup(e.base.id);
        const inner = trailers.slice(0, -2);
        if (cur && (cur.value.k === 'list' || cur.value.k === 'dict' || cur.value.k === 'unknown' || cur.value.k === 'tuple')) {
          if (inner.every((t) => t.t === 'index')) {
            const keys = inner.map((t) => this.expr((t as { index: Expr }).index, scope));
            const target = getIn(cur.value, keys);
            const args = this.args(last, scope);
            const r = target ? mutate(target, method.name, args) : undefined;
            if (r !== undefined) {
              if (r !== 'pure') this.rebind(scope, cur, setIn(cur.value, keys, r), e, e);
              return;
            }
          }
          this.rebind(scope, cur, unknown(`changed by ${this.text(e.start, e.end)}`), e, e);
          return;
        }
      }
    }
    this.expr(e, scope);
  }

  private importName(dotted: string, asname: string | null, scope: Scope, start: number, end: number): void {
    const top = dotted.split('.')[0]!;
    const at = this.span(start, end);
    if (asname) {
      this.bind(scope, asname, this.importedModule(dotted), at, at, `import ${dotted}`);
    } else {
      this.bind(scope, top, this.importedModule(top), at, at, `import ${dotted}`);
    }
  }

  private importedModule(dotted: string): Value {
    if (isModelledModule(dotted)) return moduleValue(dotted);
    this.risk();
    return { k: 'module', name: dotted, opaque: true };
  }

  private fromImport(s: Stmt & { t: 'from' }, scope: Scope): void {
    const mod = this.frame!.mod;
    const at = this.span(s.start, s.end);
    const modelled = s.level === 0 && isModelledModule(s.module);
    let target: ModuleRecord | 'unreadable' | undefined;
    if (!modelled && s.module !== '__future__') target = this.loadModule(mod, s.level, s.module);
    const written = '.'.repeat(s.level) + s.module;
    if (target && target !== 'unreadable') {
      if (target.mayRaise) this.risk();
      if (target.state === 'loading' && s.names === '*') this.reportCycle(target, s);
      const ns = target.scope;
      if (s.names === '*') {
        const flat = ns.flatten();
        const all = flat.get('__all__')?.value;
        const allNames = all && (all.k === 'list' || all.k === 'tuple') && all.items.every((i) => i.k === 'str') ? all.items.map((i) => (i as { v: string }).v) : undefined;
        for (const [k, v] of flat) if (allNames ? allNames.includes(k) : k.charCodeAt(0) !== 95) scope.vars.set(k, v);
        const open = ns.openReason();
        if (open) this.openScope(scope, open);
        else if (target.state === 'loading') {
          // A cycle: names the other module binds later are not visible here (Python sees the partial module).
        }
        return;
      }
      for (const n of s.names) {
        const v = ns.lookup(n.name);
        const local = n.asname ?? n.name;
        if (v) scope.vars.set(local, v);
        else {
          // Maybe a submodule (`from . import local_settings`) or a name the module gets at run time.
          this.risk();
          this.bind(scope, local, ns.openReason() ? UNKNOWN : { k: 'module', name: `${written}.${n.name}`, opaque: true }, this.span(n.start, n.end), at, `from ${written} import ${n.name}`);
        }
      }
      return;
    }
    if (modelled) {
      const m = moduleValue(s.module);
      if (s.names === '*') return;
      for (const n of s.names) {
        const v = getAttr(this, m, n.name);
        this.bind(scope, n.asname ?? n.name, v, this.span(n.start, n.end), at, `from ${written} import ${n.name}`);
      }
      return;
    }
    // A module stacklint cannot read: third-party, missing, or outside the project.
    this.risk();
    if (s.names === '*') {
      const message =
        target === 'unreadable'
          ? `\`from ${written} import *\` reads a module stacklint cannot read`
          : `\`from ${written} import *\` imports a module stacklint cannot find`;
      this.problems.push({
        ruleId: UNRESOLVED_IMPORT,
        at,
        message: `${message}; every setting after this line may come from it, so they are not checked`,
        hint:
          s.level > 0
            ? `The module would be ${written.replace(/^\.+/, '')}.py next to this file (or in a parent package). Lint it too by keeping it beside this file; if it only exists on the server, its settings cannot be checked.`
            : 'stacklint reads only modules of the project (found from the project root); settings from an installed package are not checked.',
      });
      this.openScope(scope, { at, message });
      return;
    }
    for (const n of s.names) {
      this.bind(scope, n.asname ?? n.name, unknown(`imported from ${written}`), this.span(n.start, n.end), at, `from ${written} import ${n.name}`);
    }
  }

  private reportCycle(target: ModuleRecord, s: Stmt): void {
    const here = this.frame!.mod;
    const key = `${here.localPath}\0${s.start}`;
    if (this.reportedCycles.has(key)) return;
    this.reportedCycles.add(key);
    this.problems.push({
      ruleId: IMPORT_CYCLE,
      at: this.span(s.start, s.end),
      message: `circular import: ${path.basename(target.localPath)} is still being executed when ${path.basename(here.localPath)} star-imports it, so only the names it bound before its own import are copied`,
      hint: 'Python does not fail here, but settings bound later in the other module are missing from this one. Import the shared module from both instead of from each other.',
      related: [{ at: { source: target.source, start: 0, end: 0 }, message: `${path.basename(target.localPath)} starts here` }],
    });
  }
  private readonly reportedCycles = new Set<string>();

  /** Mark a namespace as possibly holding any name: what is bound so far becomes Unknown. */
  private openScope(scope: Scope, reason: OpenReason): void {
    if (scope.open) return;
    for (const [k, v] of scope.flatten()) {
      scope.vars.set(k, new Setting(k, unknown(reason.message), v.nameAt, reason.at, v.expression, v.assumptions));
    }
    scope.open = reason;
  }

  // ---- control flow --------------------------------------------------------------------

  private ifStmt(s: Stmt & { t: 'if' }, scope: Scope): Flow {
    const candidates: Stmt[][] = [];
    let decided = false;
    for (const b of s.branches) {
      const t = truthy(this.expr(b.test, scope));
      if (t === false) continue;
      candidates.push(b.body);
      if (t === true) {
        decided = true;
        break;
      }
    }
    if (!decided) candidates.push(s.orelse ?? []);
    if (candidates.length === 1) return this.block(candidates[0]!, scope);
    return this.branches(
      scope,
      candidates.map((body) => (sc: Scope) => this.block(body, sc)),
      `the \`if\` at line ${this.lineOf(s.start)}`,
      s,
    );
  }

  private tryStmt(s: Stmt & { t: 'try' }, scope: Scope): Flow {
    const before = this.riskCount;
    const tryScope = new Scope(scope);
    const flow = this.block(s.body, tryScope);
    const raised = flow === 'raise' || this.riskCount > before;
    const exited = this.exited;
    this.exited = false;
    let result: Flow;
    if (!raised || s.handlers.length === 0) {
      // Handlers are dead code (or there are none): the body's effects stand.
      commit(tryScope, scope);
      result = flow;
      if (flow === 'ok' && s.orelse) result = this.block(s.orelse, scope);
    } else {
      // Either the body ran to its end (then `else`), or it stopped somewhere and a handler ran.
      const partial = new Scope(scope);
      for (const [k, v] of tryScope.vars) {
        const old = scope.lookup(k);
        if (old && v && sameValue(old.value, v.value)) partial.vars.set(k, v);
        else if (v || old) {
          const like = (v ?? old)!;
          partial.vars.set(k, new Setting(k, unknown(`set in the \`try\` at line ${this.lineOf(s.start)}, which may stop early`), like.nameAt, like.at, like.expression, like.assumptions));
        }
      }
      if (tryScope.open) partial.open = tryScope.open;
      const outs: Scope[] = [];
      if (flow === 'ok') {
        if (s.orelse) {
          if (this.block(s.orelse, tryScope) === 'ok') outs.push(tryScope);
        } else outs.push(tryScope);
      }
      for (const h of s.handlers) {
        const hs = new Scope(partial);
        this.scope = hs;
        if (h.name) this.bind(hs, h.name, unknown('the exception'), this.span(h.at.start, h.at.end), this.span(h.at.start, h.at.end), h.name);
        if (this.block(h.body, hs) === 'ok') outs.push(hs);
      }
      this.riskCount = before;
      result = this.merge(scope, outs, `the \`try\` at line ${this.lineOf(s.start)}`, s);
    }
    if (exited && !raised) this.exited = true;
    if (s.finalbody) {
      const f = this.block(s.finalbody, scope);
      if (f === 'raise') return 'raise';
    }
    return result;
  }

  /** Run each branch on its own copy of the namespace and merge the ones that complete. */
  private branches(scope: Scope, runs: Array<(s: Scope) => Flow>, what: string, at: { start: number; end: number }): Flow {
    const outs: Scope[] = [];
    for (const run of runs) {
      const sc = new Scope(scope);
      const savedExit = this.exited;
      const f = run(sc);
      const exited = this.exited;
      this.exited = savedExit;
      if (f === 'ok' && !exited) outs.push(sc);
    }
    return this.merge(scope, outs, what, at);
  }

  private merge(scope: Scope, outs: Scope[], what: string, at: { start: number; end: number }): Flow {
    this.scope = scope;
    if (outs.length === 0) return 'raise';
    if (outs.length === 1) {
      commitChain(outs[0]!, scope);
      return 'ok';
    }
    const names = new Set<string>();
    let open: OpenReason | null = null;
    for (const o of outs) {
      for (let s: Scope | null = o; s && s !== scope; s = s.parent) {
        for (const k of s.vars.keys()) names.add(k);
        open ??= s.open;
      }
    }
    for (const n of names) {
      const vals = outs.map((o) => o.lookup(n));
      const first = vals[0];
      if (vals.every((v) => v === first)) {
        scope.vars.set(n, first ?? null);
        continue;
      }
      if (first && vals.every((v) => v && sameValue(v.value, first.value))) {
        const notes = new Set<string>();
        for (const v of vals) for (const a of v!.assumptions) notes.add(a);
        scope.vars.set(n, new Setting(n, first.value, first.nameAt, first.at, first.expression, [...notes]));
        continue;
      }
      const like = vals.find((v) => v) ?? undefined;
      const sp = this.span(at.start, at.end);
      scope.vars.set(n, new Setting(n, unknown(`differs between the branches of ${what}`), like?.nameAt ?? sp, like?.at ?? sp, like?.expression ?? n, []));
    }
    if (open) this.openScope(scope, open);
    return 'ok';
  }

  // ---- expressions ---------------------------------------------------------------------

  expr(e: Expr, scope: Scope): Value {
    if (++this.depth > MAX_EVAL_DEPTH) {
      this.depth--;
      return unknown('too deeply nested');
    }
    try {
      return this.exprInner(e, scope);
    } finally {
      this.depth--;
    }
  }

  private exprInner(e: Expr, scope: Scope): Value {
    switch (e.t) {
      case 'name':
        return this.name(e.id, scope);
      case 'num':
        return parseNumber(e.raw);
      case 'const':
        return e.value === 'None' ? NONE : e.value === 'True' ? { k: 'bool', v: true } : e.value === 'False' ? { k: 'bool', v: false } : UNKNOWN;
      case 'str':
        return this.string(e, scope);
      case 'list':
      case 'tuple': {
        const items: Value[] = [];
        for (const x of e.elts) {
          if (x.t === 'starred') {
            const v = this.expr(x.value, scope);
            if (v.k === 'list' || v.k === 'tuple') items.push(...v.items);
            else if (v.k === 'str') items.push(...[...v.v].map(str));
            else return UNKNOWN;
          } else items.push(this.expr(x, scope));
        }
        return { k: e.t, items };
      }
      case 'set':
        for (const x of e.elts) this.expr(x.t === 'starred' ? x.value : x, scope);
        return unknown('a set');
      case 'dict': {
        // Later keys replace earlier equal ones (in their first position, as Python does).
        const entries: Array<[Value, Value]> = [];
        const index = new Map<string, number>();
        const put = (k: Value, v: Value): boolean => {
          const h = hashKey(k);
          if (h === undefined) return false;
          const at = index.get(h);
          if (at === undefined) {
            index.set(h, entries.length);
            entries.push([k, v]);
          } else entries[at] = [entries[at]![0], v];
          return true;
        };
        let ok = true;
        for (const it of e.items) {
          if (it.key === null) {
            const v = this.expr(it.value, scope);
            if (v.k !== 'dict') ok = false;
            else for (const [k, x] of v.entries) ok = put(k, x) && ok;
            continue;
          }
          const k = this.expr(it.key, scope);
          const v = this.expr(it.value, scope);
          ok = put(k, v) && ok;
        }
        return ok ? { k: 'dict', entries } : UNKNOWN;
      }
      case 'starred':
        return UNKNOWN;
      case 'unary': {
        let v = this.expr(e.operand, scope);
        for (let i = e.ops.length - 1; i >= 0; i--) v = unaryOp(e.ops[i]!, v);
        return v;
      }
      case 'chain': {
        let v = this.expr(e.operands[0]!, scope);
        for (let i = 0; i < e.ops.length; i++) v = binop(this, e.ops[i]!, v, this.expr(e.operands[i + 1]!, scope));
        return v;
      }
      case 'pow': {
        const vals = e.operands.map((o) => this.expr(o, scope));
        let v = vals[vals.length - 1]!;
        for (let i = vals.length - 2; i >= 0; i--) v = binop(this, '**', vals[i]!, v);
        return v;
      }
      case 'boolop': {
        let last: Value = UNKNOWN;
        let uncertain = false;
        for (const x of e.values) {
          const v = this.expr(x, scope);
          const t = truthy(v);
          last = v;
          if (t === undefined) {
            uncertain = true;
            continue;
          }
          if ((e.op === 'or' && t) || (e.op === 'and' && !t)) return uncertain ? UNKNOWN : v;
        }
        return uncertain ? UNKNOWN : last;
      }
      case 'compare': {
        let left = this.expr(e.operands[0]!, scope);
        let result: boolean | undefined = true;
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.expr(e.operands[i + 1]!, scope);
          const r = compare(e.ops[i]!, left, right);
          if (r === false) return { k: 'bool', v: false };
          if (r === undefined) result = undefined;
          left = right;
        }
        return result === undefined ? UNKNOWN : { k: 'bool', v: true };
      }
      case 'ifexp': {
        const candidates: Value[] = [];
        let decided = false;
        for (const b of e.branches) {
          const t = truthy(this.expr(b.test, scope));
          if (t === false) continue;
          candidates.push(this.expr(b.body, scope));
          if (t === true) {
            decided = true;
            break;
          }
        }
        if (!decided) candidates.push(this.expr(e.orelse, scope));
        const first = candidates[0]!;
        return candidates.every((c) => sameValue(c, first)) ? first : UNKNOWN;
      }
      case 'postfix':
        return this.postfixValue(e.base, e.trailers, scope);
      case 'walrus': {
        const v = this.expr(e.value, scope);
        if (e.target) this.bind(scope, e.target, v, this.span(e.start, e.end), this.span(e.value.start, e.value.end));
        return v;
      }
      case 'slice':
        return UNKNOWN;
      case 'opaque':
        if (e.what === 'lambda') return { k: 'opaque', what: 'lambda' };
        return unknown(e.what);
    }
  }

  private name(id: string, scope: Scope): Value {
    const b = scope.lookup(id);
    if (b) {
      for (const n of b.assumptions) this.note(n);
      return b.value;
    }
    const mod = this.frame!.mod;
    switch (id) {
      case '__file__':
        return str(mod.source.deployedPath);
      case '__name__':
        return mod.name ? str(mod.name) : UNKNOWN;
      case '__package__':
        return mod.name ? str(mod.name.split('.').slice(0, -1).join('.')) : UNKNOWN;
    }
    if (b === undefined && scope.openReason()) return UNKNOWN;
    const bi = builtin(id);
    if (bi && b === undefined) return bi;
    this.risk(); // NameError
    return unknown(`NameError: ${id}`);
  }

  private postfixValue(base: Expr, trailers: Trailer[], scope: Scope): Value {
    let v = this.expr(base, scope);
    for (const t of trailers) {
      if (t.t === 'attr') {
        v = v.k === 'module' && v.ns ? UNKNOWN : this.attr(v, t.name);
      } else if (t.t === 'index') {
        v = subscript(this, v, this.expr(t.index, scope));
      } else {
        const args = this.args(t, scope);
        v = call(this, v, args);
      }
    }
    return v;
  }

  private attr(v: Value, name: string): Value {
    if (v.k === 'unknown') return UNKNOWN;
    return getAttr(this, v, name);
  }

  private args(t: Trailer & { t: 'call' }, scope: Scope): CallArgs {
    const out: CallArgs = { pos: [], kw: new Map(), unknownSplat: false };
    for (const a of t.args) {
      const v = this.expr(a.value, scope);
      if (a.star === '*') {
        if (v.k === 'list' || v.k === 'tuple') out.pos.push(...v.items);
        else out.unknownSplat = true;
      } else if (a.star === '**') {
        if (v.k === 'dict' && v.entries.every(([k]) => k.k === 'str')) for (const [k, x] of v.entries) out.kw.set((k as { v: string }).v, x);
        else out.unknownSplat = true;
      } else if (a.name) out.kw.set(a.name, v);
      else out.pos.push(v);
    }
    return out;
  }

  private string(e: Expr & { t: 'str' }, scope: Scope): Value {
    let out = '';
    for (const p of e.pieces) {
      const raw = p.raw;
      const c0 = raw.charCodeAt(0);
      if ((c0 === 39 || c0 === 34) && raw.indexOf('\\') < 0) {
        // No prefix, no escapes: the text between the quotes.
        out += raw.length >= 6 && raw.charCodeAt(1) === c0 && raw.charCodeAt(2) === c0 ? raw.slice(3, -3) : raw.slice(1, -1);
        continue;
      }
      const info = splitLiteral(raw);
      if (info.bytes) return unknown('bytes');
      if (!info.f) {
        const v = literalValue(p.raw);
        if (v === undefined) return UNKNOWN;
        out += v;
        continue;
      }
      const parts = parseFString(p.raw);
      if (!parts) {
        this.risk();
        return UNKNOWN;
      }
      const s = this.fstring(parts, p.start, scope);
      if (s === undefined) return UNKNOWN;
      out += s;
    }
    return str(out);
  }

  private fstring(parts: FPart[], base: number, scope: Scope): string | undefined {
    let out = '';
    let ok = true;
    for (const part of parts) {
      if ('lit' in part) {
        out += part.lit;
        continue;
      }
      const expr = this.fieldExpr(base + part.exprStart, base + part.exprEnd);
      const v = expr ? this.expr(expr, scope) : UNKNOWN;
      if (part.spec) {
        // Evaluate nested fields for their effects; formatting with a spec is not modelled.
        this.fstring(part.spec, base, scope);
        if (part.spec.length) ok = false;
      }
      const text = this.frame!.mod.source.text.slice(base + part.exprStart, base + part.exprEnd);
      const conv = part.conversion ?? (part.debug && !part.spec ? 'r' : 's');
      const s = conv === 'r' ? pyRepr(v) : conv === 's' ? pyStr(v) : undefined;
      if (s === undefined) ok = false;
      out += (part.debug ? text + '=' : '') + (s ?? '');
    }
    return ok ? out : undefined;
  }

  private fieldExpr(start: number, end: number): Expr | undefined {
    const source = this.frame!.mod.source;
    const key = `${source.path}\0${start}`;
    const cached = this.fstringCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let result: Expr | null = null;
    const text = source.text.slice(start, end);
    const simple = SIMPLE_FIELD.exec(text);
    if (simple && !simple[2]!.split('.').some((p) => KEYWORD_NAMES.has(p))) {
      // `{NAME}` / `{a.b}`: no need to run the tokenizer.
      const lead = simple[1]!.length;
      const parts = simple[2]!.split('.');
      let at = start + lead;
      const base: Expr = { t: 'name', id: parts[0]!, start: at, end: at + parts[0]!.length };
      at = base.end;
      const trailers: Trailer[] = [];
      for (const p of parts.slice(1)) {
        trailers.push({ t: 'attr', name: p, nameStart: at + 1, start: at, end: at + 1 + p.length });
        at += 1 + p.length;
      }
      result = trailers.length ? { t: 'postfix', base, trailers, start: base.start, end: at } : base;
      this.fstringCache.set(key, result);
      return result;
    }
    const toks = tokenizeFragment(text, start);
    if (toks && toks.length) {
      try {
        result = this.exprParser.run(toks, 0, toks.length, (p) => p.testListStarExpr());
      } catch (e) {
        if (!(e instanceof PySyntaxError) && !(e instanceof RangeError)) throw e;
      }
    }
    this.fstringCache.set(key, result);
    return result ?? undefined;
  }
}

// ---------------------------------------------------------------------------------------

function commit(from: Scope, to: Scope): void {
  for (const [k, v] of from.vars) to.vars.set(k, v);
  if (from.open) to.open ??= from.open;
}

/** Commit an overlay chain (outermost last) down to `to`. */
function commitChain(from: Scope, to: Scope): void {
  const chain: Scope[] = [];
  for (let s: Scope | null = from; s && s !== to; s = s.parent) chain.push(s);
  for (let i = chain.length - 1; i >= 0; i--) commit(chain[i]!, to);
}

/** A key for dict literals: equal Python keys give equal strings (1 == 1.0 == True); undefined when not hashable/known. */
function hashKey(k: Value): string | undefined {
  switch (k.k) {
    case 'str':
      return 's' + k.v;
    case 'int':
    case 'float':
      return 'n' + k.v;
    case 'bool':
      return 'n' + (k.v ? 1 : 0);
    case 'none':
      return 'N';
    case 'path':
      return 'p' + k.v;
    case 'tuple': {
      let out = 't(';
      for (const x of k.items) {
        const h = hashKey(x);
        if (h === undefined) return undefined;
        out += h.length + ':' + h;
      }
      return out + ')';
    }
    default:
      return undefined;
  }
}

export function parseNumber(raw: string): Value {
  if (raw.length < 16 && /^(?:0|[1-9]\d*)$/.test(raw)) return int(Number(raw));
  const r = raw.replace(/_/g, '');
  if (/[jJ]$/.test(r)) return UNKNOWN;
  if (/^0[xX]/.test(r)) return int(parseInt(r.slice(2), 16));
  if (/^0[oO]/.test(r)) return int(parseInt(r.slice(2), 8));
  if (/^0[bB]/.test(r)) return int(parseInt(r.slice(2), 2));
  if (/[.eE]/.test(r)) {
    const f = Number(r);
    return Number.isFinite(f) ? { k: 'float', v: f } : UNKNOWN;
  }
  return /^\d+$/.test(r) ? int(Number(r)) : UNKNOWN;
}

/** Names bound by a target expression. */
function targetNames(t: Expr, out: Set<string>): void {
  if (t.t === 'name') out.add(t.id);
  else if (t.t === 'tuple' || t.t === 'list') for (const e of t.elts) targetNames(e, out);
  else if (t.t === 'starred') targetNames(t.value, out);
  else if (t.t === 'postfix' && t.base.t === 'name') out.add(t.base.id);
}

/** Every module-level name a block may bind or mutate (for blocks that are skipped). */
function collectBound(stmts: Stmt[], out: Set<string>): void {
  for (const s of stmts) {
    switch (s.t) {
      case 'assign':
        for (const t of s.targets) targetNames(t, out);
        break;
      case 'augassign':
      case 'annassign':
        targetNames(s.target, out);
        break;
      case 'expr':
        // NAME.method(...) may mutate NAME.
        if (s.value.t === 'postfix' && s.value.base.t === 'name' && s.value.trailers.some((t) => t.t === 'call')) out.add(s.value.base.id);
        break;
      case 'import':
        for (const n of s.names) out.add(n.asname ?? n.name.split('.')[0]!);
        break;
      case 'from':
        if (s.names !== '*') for (const n of s.names) out.add(n.asname ?? n.name);
        break;
      case 'def':
      case 'class':
        out.add(s.name);
        break;
      case 'del':
        for (const t of s.targets) targetNames(t, out);
        break;
      case 'error':
        for (const n of s.names) out.add(n);
        break;
      case 'if':
        for (const b of s.branches) collectBound(b.body, out);
        if (s.orelse) collectBound(s.orelse, out);
        break;
      case 'try':
        collectBound(s.body, out);
        for (const h of s.handlers) {
          if (h.name) out.add(h.name);
          collectBound(h.body, out);
        }
        if (s.orelse) collectBound(s.orelse, out);
        if (s.finalbody) collectBound(s.finalbody, out);
        break;
      case 'with':
        for (const it of s.items) if (it.target) targetNames(it.target, out);
        collectBound(s.body, out);
        break;
      case 'for':
        if (s.target) targetNames(s.target, out);
        collectBound(s.body, out);
        if (s.orelse) collectBound(s.orelse, out);
        break;
      case 'while':
        collectBound(s.body, out);
        if (s.orelse) collectBound(s.orelse, out);
        break;
      case 'match':
        collectBound(s.body, out);
        break;
    }
  }
}

function getIn(v: Value, keys: Value[]): Value | undefined {
  let cur: Value | undefined = v;
  for (const k of keys) {
    if (!cur) return undefined;
    if (cur.k === 'dict') cur = dictGet(cur, k);
    else if ((cur.k === 'list' || cur.k === 'tuple') && k.k === 'int') {
      const i = k.v < 0 ? cur.items.length + k.v : k.v;
      cur = cur.items[i];
    } else return undefined;
  }
  return cur;
}

function setIn(v: Value, keys: Value[], value: Value): Value {
  if (keys.length === 0) return value;
  const [k, ...rest] = keys as [Value, ...Value[]];
  if (v.k === 'dict' && isKnown(k)) {
    const cur = dictGet(v, k);
    const inner = rest.length ? (cur ? setIn(cur, rest, value) : UNKNOWN) : value;
    const entries = v.entries.filter(([x]) => !sameValue(x, k));
    entries.push([k, inner]);
    return { k: 'dict', entries };
  }
  if (v.k === 'list' && k.k === 'int') {
    const i = k.v < 0 ? v.items.length + k.v : k.v;
    if (i < 0 || i >= v.items.length) return UNKNOWN;
    const items = [...v.items];
    items[i] = rest.length ? setIn(items[i]!, rest, value) : value;
    return { k: 'list', items };
  }
  return UNKNOWN;
}

/**
 * A mutating method call on a known list or dict: the new value, 'pure' for methods that
 * change nothing, or undefined when not modelled.
 */
function mutate(target: Value, method: string, a: CallArgs): Value | 'pure' | undefined {
  if (a.unknownSplat) return undefined;
  if (target.k === 'list') {
    switch (method) {
      case 'append':
        return a.pos.length === 1 ? { k: 'list', items: [...target.items, a.pos[0]!] } : undefined;
      case 'extend': {
        const x = a.pos[0];
        return x && (x.k === 'list' || x.k === 'tuple') ? { k: 'list', items: [...target.items, ...x.items] } : undefined;
      }
      case 'insert': {
        const i = a.pos[0];
        if (!i || i.k !== 'int' || a.pos.length !== 2) return undefined;
        const items = [...target.items];
        const n = items.length;
        const at = i.v < 0 ? Math.max(0, n + i.v) : Math.min(n, i.v);
        items.splice(at, 0, a.pos[1]!);
        return { k: 'list', items };
      }
      case 'remove': {
        const x = a.pos[0];
        if (!x || !isKnown(x)) return undefined;
        const idx = target.items.findIndex((y) => sameValue(y, x));
        if (idx < 0) return undefined;
        const items = [...target.items];
        items.splice(idx, 1);
        return { k: 'list', items };
      }
      case 'clear':
        return { k: 'list', items: [] };
      case 'index':
      case 'count':
      case 'copy':
        return 'pure';
    }
    return undefined;
  }
  if (target.k === 'dict') {
    switch (method) {
      case 'update': {
        const x = a.pos[0];
        let d: Value = target;
        if (x) {
          if (x.k !== 'dict') return undefined;
          for (const [k, v] of x.entries) d = setIn(d, [k], v);
        }
        for (const [k, v] of a.kw) d = setIn(d, [str(k)], v);
        return d;
      }
      case 'setdefault': {
        const k = a.pos[0];
        if (!k || !isKnown(k)) return undefined;
        return dictGet(target, k) !== undefined ? 'pure' : setIn(target, [k], a.pos[1] ?? NONE);
      }
      case 'get':
      case 'keys':
      case 'values':
      case 'items':
      case 'copy':
        return 'pure';
    }
    return undefined;
  }
  if (target.k === 'tuple' && (method === 'index' || method === 'count')) return 'pure';
  return undefined;
}
