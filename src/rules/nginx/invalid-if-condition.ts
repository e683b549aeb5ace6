import type { Rule } from '../../core/rule.js';
import { named } from '../../parsers/nginx/analysis.js';
import { analyses, argSpan, leadingQuantifier, pcreQuantifierMessage, term } from './_structure.js';
import { checkCondition } from './_if-condition.js';

export const invalidIfCondition: Rule = {
  meta: {
    id: 'nginx/invalid-if-condition',
    severity: 'error',
    description: 'An "if" condition nginx cannot parse.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const v of named(a, 'if')) {
        const d = v.d;
        const l = v.lookup;
        if (d.name !== 'if' || !l || l.kind !== 'ok' || l.entry.module !== 'ngx_http_rewrite_module') continue;
        if (term(d) !== '{' || d.argCount === 0) continue;
        const values: string[] = [];
        for (let k = 0; k < d.argCount; k++) values.push(d.argValue(k));
        const r = checkCondition(values);
        if (r.problem) {
          ctx.report({
            at: argSpan(d, r.problem.word),
            message: r.problem.message,
            hint:
              'nginx accepts "($variable)", "($variable = value)", "($variable != value)", "($variable ~ regex)" (also ~*, !~, !~*) ' +
              'and "(-f path)" (also -d, -e, -x and their ! forms). Operators must be separate words: "($a = b)", not "($a=b)".',
          });
        } else if (r.regex && leadingQuantifier(r.regex.pattern)) {
          ctx.report({
            at: argSpan(d, r.regex.word),
            message: pcreQuantifierMessage(r.regex.pattern),
            hint: 'A regex cannot start with "*", "+" or "?"; escape it ("\\*") or write "~*" without a space for a case-insensitive match.',
          });
        }
      }
    }
  },
};
