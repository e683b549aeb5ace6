/**
 * Django front end: finds the settings module(s), evaluates them statically (never
 * importing or running them), and records every setting with its value, span and
 * derivation.
 *
 * Discovery (see docs/rules/django/README.md):
 * - `settings.py`, `settings/*.py` and Python files that assign several well-known
 *   settings are settings modules (sniff ≥ 0.5, found in directories too);
 * - `wsgi.py`, `asgi.py`, `manage.py` are entry points, not settings: they rate 0.3 (below the
 *   discovery threshold, so a directory walk does not pick them up, but one named on the
 *   command line is still taken as Django). An entry point given as a root is followed to the
 *   module its `os.environ.setdefault('DJANGO_SETTINGS_MODULE', …)` names;
 * - a settings module that another evaluated settings module imports (`from .base import *`)
 *   is evaluated as part of that module, not on its own, so its findings are reported once,
 *   in the context where Django reads it.
 */
import * as path from 'node:path';
import type { ParseProblem } from '../../core/diagnostic.js';
import type { LoadContext, Project } from '../../core/project.js';
import type { SourceFile, Span } from '../../core/source.js';
import { EnvState, type EnvEntry } from './env.js';
import { Evaluator } from './evaluate.js';
import { deploymentsOf, ENTRY_FILES, inferModule, manageDir, resolveDotted, settingsModuleIn, type Deployment } from './locate.js';
import type { DjangoSettings, OpenReason, Setting, SettingsOrigin } from './model.js';
import { SYNTAX_ERROR } from './python/lexer.js';
import { FALSE, NONE, str, UNKNOWN, unknown, type Value } from './values.js';

export type { DjangoSettings, Setting, Derivation, Value } from './model.js';
export { SYNTAX_ERROR } from './python/lexer.js';
export { IMPORT_CYCLE, UNRESOLVED_IMPORT } from './evaluate.js';

export const SETTINGS_MODULE_NOT_FOUND = 'django/settings-module-not-found';

// ---------------------------------------------------------------------------------------
// Sniffing

/** Settings only Django reads (Flask and Scrapy configurations also have DEBUG, SECRET_KEY…). */
const DJANGO_ONLY = [
  'INSTALLED_APPS', 'MIDDLEWARE', 'MIDDLEWARE_CLASSES', 'ROOT_URLCONF', 'WSGI_APPLICATION', 'ALLOWED_HOSTS', 'STATIC_URL',
  'STATIC_ROOT', 'STATICFILES_DIRS', 'MEDIA_ROOT', 'MEDIA_URL', 'TEMPLATES', 'DATABASES', 'AUTH_PASSWORD_VALIDATORS',
  'DEFAULT_AUTO_FIELD', 'AUTH_USER_MODEL', 'STATICFILES_STORAGE',
];
const GENERIC = ['SECRET_KEY', 'DEBUG', 'TIME_ZONE', 'LANGUAGE_CODE', 'USE_TZ', 'LOGGING'];
const MARKERS = new RegExp(`^(${[...DJANGO_ONLY, ...GENERIC].join('|')})\\s*(?::[^=\\n]*)?[+]?=`, 'gm');
const DJANGO_ONLY_SET = new Set(DJANGO_ONLY);

/** How sure we are that a file is a Django settings module (0 = not at all, 1 = certain), from its name and text. */
export function sniffDjango(filePath: string, text: string): number {
  const base = path.basename(filePath);
  if (!base.endsWith('.py')) return 0;
  if (ENTRY_FILES.has(base)) return 0.3;
  let specific = 0;
  let generic = 0;
  MARKERS.lastIndex = 0;
  const seen = new Set<string>();
  for (let m = MARKERS.exec(text); m && seen.size < 4; m = MARKERS.exec(text)) {
    if (seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    if (DJANGO_ONLY_SET.has(m[1]!)) specific++;
    else generic++;
  }
  const starImport = /^\s*from\s+\S+\s+import\s+\*/m.test(text);
  const mentionsDjango = /\bdjango\b/.test(text);
  const djangoish = specific > 0 || starImport || mentionsDjango;
  const found = specific > 0 ? specific + generic : 0;
  if (base === 'settings.py') return djangoish || text.trim() === '' ? 0.9 : 0.4;
  const dir = path.basename(path.dirname(filePath));
  if (dir === 'settings') {
    if (base === '__init__.py') return specific > 0 || starImport ? 0.8 : 0.2;
    return djangoish ? 0.8 : 0.4;
  }
  if (found >= 3) return 0.8;
  if (/(^|_)settings(_|\.py$)/.test(base) && djangoish) return 0.7;
  if (found === 2) return 0.6;
  return found === 1 ? 0.3 : 0.1;
}

// ---------------------------------------------------------------------------------------
// Defaults and helpers for rules

/** Django 3.2 defaults (conf/global_settings.py) of the settings the rules read. */
export const DJANGO_DEFAULTS: Record<string, Value> = {
  DEBUG: FALSE,
  ALLOWED_HOSTS: { k: 'list', items: [] },
  SECRET_KEY: str(''),
  STATIC_ROOT: NONE,
  STATIC_URL: NONE,
  MEDIA_ROOT: str(''),
  MEDIA_URL: str(''),
  STATICFILES_DIRS: { k: 'list', items: [] },
  INSTALLED_APPS: { k: 'list', items: [] },
  WSGI_APPLICATION: NONE,
};

export interface SettingLookup {
  value: Value;
  /** The statement that set it (undefined for Django's default). */
  setting?: Setting;
  isDefault: boolean;
}

/** A setting's value as Django reads it: the module's value, else Django's default (Unknown when the namespace is open). */
export function settingValue(s: DjangoSettings, name: string): SettingLookup {
  const setting = s.settings.get(name);
  if (setting) return { value: setting.value, setting, isDefault: false };
  if (s.open) return { value: unknown(s.open.message), isDefault: false };
  return { value: DJANGO_DEFAULTS[name] ?? UNKNOWN, isDefault: true };
}

/** STATIC_URL / MEDIA_URL as Django returns them: relative values get the script prefix (`/`). */
export function djangoUrl(v: Value): Value {
  if (v.k !== 'str') return v;
  if (/^(https?:\/\/|\/)/.test(v.v)) return v;
  return str('/' + v.v);
}

// ---------------------------------------------------------------------------------------
// Loading

interface RootPlan {
  source: SourceFile;
  module: string | undefined;
  rootLocal: string;
  origin: SettingsOrigin;
  named: boolean;
  deployment?: Deployment;
}

/** Load the roots the engine found; files reached from another root (imports) are not roots of their own. */
export function loadDjango(roots: SourceFile[], ctx: LoadContext, project: Project): DjangoSettings[] {
  const deployments = deploymentsOf(ctx, project);
  const configEnv = new Map<string, EnvEntry>();
  for (const [k, v] of Object.entries(ctx.config.env)) configEnv.set(k, { value: v, what: 'configuration' });
  const extraProblems: ParseProblem[] = [];

  // Explicit module names: uWSGI/supervisor env, then the configuration.
  const named: Array<{ module: string; at?: Span; how: SettingsOrigin['how']; rootsLocal: string[]; deployment?: Deployment }> = [];
  for (const d of deployments) {
    if (!d.dsm) continue;
    const rootsLocal = [d.cwd?.path, ...d.pythonpath].filter((x): x is string => !!x).map((p) => ctx.fs.toLocal(p));
    named.push({ module: d.dsm.module, ...(d.dsm.at ? { at: d.dsm.at } : {}), how: d.dsm.how, rootsLocal, deployment: d });
  }
  const configured = ctx.config.django.settingsModule;

  // Entry points given as roots, and those next to settings roots.
  const settingsRoots: SourceFile[] = [];
  const entries: SourceFile[] = [];
  for (const r of roots) (ENTRY_FILES.has(path.basename(r.path)) ? entries : settingsRoots).push(r);
  const entryFiles = new Map<string, SourceFile>();
  const addEntry = (local: string) => {
    if (entryFiles.has(local) || ctx.fs.kindOf(local) !== 'file') return;
    const read = ctx.fs.read(local);
    if (read.ok && !read.source.decode.binary) entryFiles.set(local, read.source);
  };
  for (const e of entries) entryFiles.set(e.path, e);
  for (const r of settingsRoots) {
    const dir = path.dirname(r.path);
    for (const n of ['wsgi.py', 'asgi.py']) addEntry(path.join(dir, n));
    const m = manageDir(ctx, r.path);
    if (m) addEntry(path.join(m, 'manage.py'));
  }
  for (const d of deployments) {
    if (d.wsgiFile) addEntry(ctx.fs.toLocal(d.wsgiFile.startsWith('/') || !d.cwd ? d.wsgiFile : path.posix.join(d.cwd.path, d.wsgiFile)));
    if (d.wsgiModule && d.cwd) {
      const f = resolveDotted(ctx, ctx.fs.toLocal(d.cwd.path), d.wsgiModule);
      if (f) addEntry(f);
    }
  }
  const entryNamed: Array<{ module: string; at: Span; how: SettingsOrigin['how']; rootsLocal: string[] }> = [];
  for (const [local, src] of entryFiles) {
    const found = settingsModuleIn(src);
    if (!found) continue;
    const base = path.basename(local);
    const rootsLocal: string[] = [];
    const m = base === 'manage.py' ? path.dirname(local) : manageDir(ctx, local);
    if (m) rootsLocal.push(m);
    rootsLocal.push(path.dirname(path.dirname(local)), path.dirname(local));
    entryNamed.push({ module: found.module, at: found.at, how: base as SettingsOrigin['how'], rootsLocal });
  }

  // Resolve every named module to a file.
  const plans = new Map<string, RootPlan>();
  const planFor = (local: string, module: string, rootLocal: string, origin: SettingsOrigin, deployment?: Deployment) => {
    const prev = plans.get(local);
    if (prev?.named) return;
    const read = prev ? { ok: true as const, source: prev.source } : ctx.fs.read(local);
    if (!read.ok) return;
    const plan: RootPlan = { source: read.source, module, rootLocal, origin, named: true };
    if (deployment) plan.deployment = deployment;
    plans.set(local, plan);
  };
  const tryResolve = (module: string, rootsLocal: string[]): { file: string; root: string } | undefined => {
    for (const r of rootsLocal) {
      const f = resolveDotted(ctx, r, module);
      if (f) return { file: f, root: r };
    }
    return undefined;
  };
  const fallbackRoots = settingsRoots.map((r) => inferModule(ctx, r.path).root);
  for (const n of named) {
    const hit = tryResolve(n.module, [...n.rootsLocal, ...fallbackRoots]);
    if (hit) planFor(hit.file, n.module, hit.root, { how: n.how, ...(n.at ? { at: n.at } : {}) }, n.deployment);
    else if (n.at && n.rootsLocal.some((r) => ctx.fs.kindOf(r) === 'directory') && ctx.fs.hostChecks) {
      extraProblems.push(notFound(n.module, n.at, n.how, n.rootsLocal.map((r) => ctx.fs.toDeployed(r))));
    }
  }
  if (configured) {
    const rootsLocal = [...fallbackRoots, ...entryNamed.flatMap((e) => e.rootsLocal)];
    const hit = tryResolve(configured, rootsLocal);
    if (hit) planFor(hit.file, configured, hit.root, { how: 'configuration' });
  }
  const namedByStack = named.length > 0;
  for (const e of entryNamed) {
    // wsgi.py's setdefault loses to a module set in the process environment.
    if (namedByStack || configured) {
      const hit = tryResolve(e.module, e.rootsLocal);
      if (hit && !plans.has(hit.file)) continue;
    }
    const hit = tryResolve(e.module, e.rootsLocal);
    if (hit) planFor(hit.file, e.module, hit.root, { how: e.how, at: e.at });
    else if (entries.some((x) => x.path === e.at.source.path)) {
      extraProblems.push(notFound(e.module, e.at, e.how, e.rootsLocal.slice(0, 1).map((r) => ctx.fs.toDeployed(r))));
    }
  }
  const anyNamed = plans.size > 0 || namedByStack || !!configured;
  for (const r of settingsRoots) {
    if (plans.has(r.path)) continue;
    const inf = inferModule(ctx, r.path);
    plans.set(r.path, { source: r, module: inf.module || undefined, rootLocal: inf.root, origin: { how: roots.length === 1 ? 'command line' : 'discovery' }, named: false });
  }
  // An entry point that led nowhere is still reported (as an unevaluated file) through its problems.
  const lone = settingsRoots.length === 1 && !anyNamed;

  // Evaluate: named (deployed) modules first, then the rest in path order.
  const ordered = [...plans.values()].sort((a, b) => Number(b.named) - Number(a.named) || (a.source.path < b.source.path ? -1 : 1));
  const results: DjangoSettings[] = [];
  const covered = new Set<string>();
  for (const plan of ordered) {
    if (covered.has(plan.source.path) && !plan.named) continue;
    const s = evaluateRoot(plan, ctx, deployments, configEnv, lone);
    for (const f of s.files) covered.add(f.path);
    results.push(s);
  }
  // Drop a root that another root imports (it was evaluated there, in its importer's context).
  const kept = results.filter((r, i) =>
    !results.some((o, j) => j !== i && o.files.slice(1).some((f) => f.path === r.root.path) && (o.deployed || !r.deployed) && !(j > i && r.files.slice(1).some((f) => f.path === o.root.path))),
  );
  if (extraProblems.length) {
    if (kept[0]) kept[0].problems.push(...extraProblems);
    else {
      const src = extraProblems[0]!.at.source;
      kept.push(emptySettings(src, extraProblems));
    }
  }
  return kept;
}

function notFound(module: string, at: Span, how: string, roots: string[]): ParseProblem {
  return {
    ruleId: SETTINGS_MODULE_NOT_FOUND,
    at,
    message: `DJANGO_SETTINGS_MODULE '${module}' (${how}) does not resolve to a file: no ${module.split('.').join('/')}.py or ${module.split('.').join('/')}/__init__.py under ${roots.join(', ') || 'the project root'}`,
    hint: 'Django imports this module at start-up and fails with ModuleNotFoundError. Check the dotted name against the project layout and the working directory (uWSGI chdir, supervisor directory).',
  };
}

function emptySettings(source: SourceFile, problems: ParseProblem[]): DjangoSettings {
  return {
    kind: 'django',
    root: source,
    files: [source],
    problems,
    settings: new Map(),
    open: { at: { source, start: 0, end: 0 }, message: 'the settings module was not found' },
    deployed: false,
    origin: { how: 'discovery' },
    env: new Map(),
  };
}

/** Settings modules that are not what a deployment runs: development variants, and the shared base of split settings. */
const NOT_DEPLOYED_NAME =
  /^(dev|devel|develop|development|local|test|tests|testing|ci|debug|base|common|defaults?|shared|app|global|components?)([_.-].*)?\.py$|[_-](dev|develop|development|local|test|tests|testing|ci|base|common|defaults?|shared)\.py$/;

function evaluateRoot(plan: RootPlan, ctx: LoadContext, deployments: Deployment[], configEnv: Map<string, EnvEntry>, lone: boolean): DjangoSettings {
  const source = plan.source;
  const rootDeployed = ctx.fs.toDeployed(plan.rootLocal);
  // The process this settings module runs in.
  let dep = plan.deployment;
  if (!dep) {
    const byModule = deployments.filter((d) => d.dsm && d.dsm.module === plan.module);
    const byCwd = deployments.filter((d) => d.cwd && d.cwd.path === rootDeployed);
    dep = byModule[0] ?? byCwd[0] ?? (deployments.length === 1 && !deployments[0]!.dsm ? deployments[0] : undefined);
  }
  const env = new Map(configEnv);
  if (dep) for (const [k, v] of dep.env) env.set(k, v);
  const state = new EnvState(env);
  const searchPath = [plan.rootLocal, ...(dep?.pythonpath ?? []).map((p) => ctx.fs.toLocal(p))];
  const ev = new Evaluator({ fs: ctx.fs, env: state, searchPath });
  if (source.decode.binary) {
    // Discovery skips binary files; one reached here was named explicitly and is reported by core/binary-file.
  }
  const mod = ev.runModule(source, plan.module);
  const ns = ev.namespace(mod);
  const settings = new Map<string, Setting>();
  for (const [k, v] of ns.names) if (isUpper(k)) settings.set(k, v);
  const deployed = plan.named || ((lone || plan.origin.how === 'command line') && !NOT_DEPLOYED_NAME.test(path.basename(source.path)));
  const result: DjangoSettings = {
    kind: 'django',
    root: source,
    files: ev.files,
    problems: ev.problems,
    settings,
    open: ns.open as OpenReason | null,
    deployed,
    origin: plan.origin,
    projectRoot: rootDeployed,
    env,
  };
  if (plan.module) result.module = plan.module;
  if (dep?.cwd) result.cwd = dep.cwd;
  return result;
}

/** Python's `str.isupper()` for identifiers: some cased letter, none lower-case. */
function isUpper(name: string): boolean {
  let cased = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) cased = true;
    else if (c >= 0x80) return name.toUpperCase() === name && name.toLowerCase() !== name;
  }
  return cased;
}

export { SYNTAX_ERROR as PYTHON_SYNTAX_ERROR };
