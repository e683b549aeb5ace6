import type { Rule } from '../../core/rule.js';
import { describeArgs, type ArgCheck } from '../../parsers/nginx/directives.js';
import { analyses, headSpan } from './_structure.js';

/** More words than the directive takes: the usual causes. */
function tooMany(check: ArgCheck, n: number): boolean {
  if (check.kind === 'flag') return n > 1;
  if (check.kind === 'set') return n > 31 - Math.clz32(check.counts) - 1;
  return false;
}

export const invalidArgumentCount: Rule = {
  meta: {
    id: 'nginx/invalid-argument-count',
    severity: 'error',
    description: 'A directive with more or fewer arguments than nginx accepts.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const { d, lookup } of a.argCount) {
        if (lookup?.kind !== 'ok' || !lookup.entry.argCheck) continue;
        const check = lookup.entry.argCheck;
        let hint = `"${d.name}" takes ${describeArgs(check)}; here it has ${d.args.length}.`;
        if (tooMany(check, d.args.length)) hint += ' A value containing spaces must be quoted, and a missing ";" makes the next line part of this directive.';
        ctx.report({ at: headSpan(d), message: `invalid number of arguments in "${d.name}" directive`, hint });
      }
    }
  },
};
