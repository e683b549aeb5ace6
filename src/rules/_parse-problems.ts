/**
 * Front ends keep what they find while reading (syntax errors, unreadable includes…) as
 * ParseProblems on their results; the rule that owns each id reports them through this,
 * so they get the rule's severity and can be configured like any finding.
 */
import type { ParseProblem } from '../core/diagnostic.js';
import type { Project } from '../core/project.js';
import type { RuleContext } from '../core/rule.js';

/**
 * A project's parse problems by rule id. About twenty rules report parse problems; with
 * hundreds of configs, walking all of them once per rule cost more than the reporting.
 */
const problemsByRule = new WeakMap<Project, Map<string, ParseProblem[]>>();

/** Group the project's parse problems by rule id (again: the engine calls this before each run of the rules). */
export function indexParseProblems(project: Project): Map<string, ParseProblem[]> {
  const index = new Map<string, ParseProblem[]>();
  const add = (problems: readonly ParseProblem[]) => {
    for (const p of problems) {
      const list = index.get(p.ruleId);
      if (list) list.push(p);
      else index.set(p.ruleId, [p]);
    }
  };
  add(project.inputProblems);
  for (const c of project.nginx) {
    add(c.problems);
    for (const f of c.files) add(f.problems);
  }
  for (const c of project.uwsgi) add(c.problems);
  for (const c of project.supervisor) add(c.problems);
  for (const c of project.django) add(c.problems);
  problemsByRule.set(project, index);
  return index;
}

/** Report every parse problem recorded under `ruleId`. */
export function reportParseProblems(ctx: RuleContext, ruleId: string): void {
  const index = problemsByRule.get(ctx.project) ?? indexParseProblems(ctx.project);
  for (const p of index.get(ruleId) ?? []) ctx.report(p);
}
