import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

/** `\$` in a value that takes variables: nginx has no escape for `$` (FACTS §6). */
export const escapedDollar: Rule = {
  meta: {
    id: 'nginx/escaped-dollar',
    severity: 'warning',
    description: '"\\$" used as if it escaped "$": nginx keeps the backslash and still reads the variable.',
    reads: ['nginx'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'nginx/escaped-dollar');
  },
};
