/**
 * The one shape every rule has: metadata plus a check function.
 *
 * A rule reads the whole project (every parsed file of the stack, of every kind) and
 * reports findings with a primary span and, for cross-file findings, related spans in
 * other files. Front-end problems (syntax errors, unreadable files) are reported by
 * rules too, so that every diagnostic has an id, a docs page and a severity the user
 * can change.
 */
import type { Report, Severity } from './diagnostic.js';
import type { Project } from './project.js';
import type { StackConfig } from './config.js';

export type FileKind = 'nginx' | 'uwsgi' | 'supervisor' | 'django';

export interface RuleMeta {
  /** `<kind>/<name>`; the name is unique across kinds and names the docs page. */
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** The file kinds the rule reads (more than one for cross-file rules). */
  reads: FileKind[];
  /** Set when some reports carry a fix. */
  fixable?: boolean;
}

export interface RuleContext {
  readonly project: Project;
  readonly config: StackConfig;
  /** Options from the configuration for this rule (`rules: { id: [severity, options] }`). */
  readonly options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Docs page of a rule, relative to the repository root. */
export function docsPath(id: string): string {
  const [kind, name] = id.split('/');
  return `docs/rules/${kind}/${name}.md`;
}

export function docsUrl(id: string): string {
  return `https://github.com/stacklint/stacklint/blob/main/${docsPath(id)}`;
}
