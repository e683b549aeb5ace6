/**
 * The engine: discover files, load every front end, run every enabled rule, and return
 * sorted, de-duplicated diagnostics. The CLI and the language server only present this.
 */
import { compareDiagnostics, toDiagnostic, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { FsView } from '../core/fs.js';
import type { StackConfig } from '../core/config.js';
import type { LoadContext, Project } from '../core/project.js';
import type { FileKind, Rule, RuleContext } from '../core/rule.js';
import { allRules } from '../rules/index.js';
import { indexParseProblems } from '../rules/_parse-problems.js';
import { discover } from './discover.js';
import { loadNginx } from '../parsers/nginx/index.js';
import { loadUwsgi } from '../parsers/uwsgi/index.js';
import { loadSupervisor } from '../parsers/supervisor/index.js';
import { loadDjango } from '../parsers/django/index.js';

export interface LintOptions {
  paths: string[];
  cwd: string;
  config: StackConfig;
  /** Treat every given file as this kind. */
  kind?: FileKind;
  /** Rules to run (all registered rules by default). */
  rules?: Rule[];
}

/** A bug in stacklint (a rule or front end threw). Reported separately; the CLI exits 2. */
export interface InternalError {
  where: string;
  error: Error;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  project: Project;
  /** Paths given that do not exist. */
  missing: string[];
  internalErrors: InternalError[];
}

export function createProject(config: StackConfig): Project {
  return {
    fs: new FsView(config.map, config.hostChecks),
    config,
    nginx: [],
    uwsgi: [],
    supervisor: [],
    django: [],
    inputProblems: [],
  };
}

export function lint(options: LintOptions): LintResult {
  const project = createProject(options.config);
  const internalErrors: InternalError[] = [];
  const found = discover(options.paths, options.cwd, project.fs, options.kind);
  project.inputProblems.push(...found.problems);
  const ctx: LoadContext = { fs: project.fs, config: options.config };
  const guard = <T>(where: string, fn: () => T[]): T[] => {
    try {
      return fn();
    } catch (e) {
      internalErrors.push({ where, error: e as Error });
      return [];
    }
  };
  if (found.roots.nginx.length) project.nginx = guard('nginx front end', () => loadNginx(found.roots.nginx, ctx));
  if (found.roots.uwsgi.length) project.uwsgi = guard('uWSGI front end', () => loadUwsgi(found.roots.uwsgi, ctx));
  if (found.roots.supervisor.length)
    project.supervisor = guard('supervisor front end', () => loadSupervisor(found.roots.supervisor, ctx));
  // Django last: it may take DJANGO_SETTINGS_MODULE and environments from the others.
  if (found.roots.django.length) project.django = guard('Django front end', () => loadDjango(found.roots.django, ctx, project));

  const { diagnostics, internalErrors: ruleErrors } = runRules(project, options.rules ?? allRules);
  return { diagnostics, project, missing: found.missing, internalErrors: [...internalErrors, ...ruleErrors] };
}

/** Run rules over a loaded project (also used by the rule tester and the language server). */
export function runRules(project: Project, rules: Rule[]): { diagnostics: Diagnostic[]; internalErrors: InternalError[] } {
  const diagnostics: Diagnostic[] = [];
  const internalErrors: InternalError[] = [];
  const seen = new Set<string>();
  const problemsByRule = indexParseProblems(project);
  for (const rule of rules) {
    const setting = project.config.rules[rule.meta.id];
    if (setting?.severity === 'off') continue;
    const severity: Severity = setting?.severity ?? rule.meta.severity;
    const ctx: RuleContext = {
      project,
      config: project.config,
      options: setting?.options ?? {},
      report(r) {
        const d = toDiagnostic(rule.meta.id, severity, r);
        // A file included from many places is checked at each site; report each finding once.
        const key = `${d.ruleId}\0${d.file}\0${d.range.start.offset}\0${d.range.end.offset}\0${d.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        diagnostics.push(d);
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      internalErrors.push({ where: `rule ${rule.meta.id}`, error: e as Error });
    }
  }
  // A front end reporting under an id no rule owns would lose findings silently: that is a bug.
  const known = new Set(allRules.map((r) => r.meta.id));
  for (const [ruleId, problems] of problemsByRule) {
    if (known.has(ruleId)) continue;
    for (const p of problems) {
      internalErrors.push({ where: 'engine', error: new Error(`problem reported under unregistered rule id "${ruleId}": ${p.message}`) });
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, internalErrors };
}
