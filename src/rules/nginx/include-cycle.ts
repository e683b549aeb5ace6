import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

/** Includes that loop back to a file being included: nginx recurses until it crashes. */
export const includeCycle: Rule = {
  meta: {
    id: 'nginx/include-cycle',
    severity: 'error',
    description: 'A file includes itself, directly or through other files (often a glob that matches its own file).',
    reads: ['nginx'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'nginx/include-cycle');
  },
};
