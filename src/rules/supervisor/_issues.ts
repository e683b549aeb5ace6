/**
 * Most supervisor rules report what the supervisord model (src/parsers/supervisor/semantics.ts)
 * found while converting the configuration the way supervisord does: each issue carries the
 * class of the rule that reports it.
 */
import type { RuleContext } from '../../core/rule.js';

export function reportIssues(ctx: RuleContext, kind: string): void {
  for (const c of ctx.project.supervisor) {
    for (const i of c.issues) {
      if (i.kind !== kind) continue;
      ctx.report({ at: i.at, message: i.message, ...(i.hint ? { hint: i.hint } : {}), ...(i.related ? { related: i.related } : {}) });
    }
  }
}
