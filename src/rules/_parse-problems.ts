/**
 * Front ends keep what they find while reading (syntax errors, unreadable includes…) as
 * ParseProblems on their results; the rule that owns each id reports them through this,
 * so they get the rule's severity and can be configured like any finding.
 */
import type { ParseProblem } from '../core/diagnostic.js';
import type { Project } from '../core/project.js';
import type { RuleContext } from '../core/rule.js';

export function* parseProblems(project: Project): Generator<ParseProblem> {
  yield* project.inputProblems;
  for (const c of project.nginx) {
    yield* c.problems;
    for (const f of c.files) yield* f.problems;
  }
  for (const c of project.uwsgi) yield* c.problems;
  for (const c of project.supervisor) yield* c.problems;
  for (const c of project.django) yield* c.problems;
}

/** Report every parse problem recorded under `ruleId`. */
export function reportParseProblems(ctx: RuleContext, ruleId: string): void {
  for (const p of parseProblems(ctx.project)) if (p.ruleId === ruleId) ctx.report(p);
}
