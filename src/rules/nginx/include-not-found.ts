import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

/** An `include` of a file that does not exist (or is a directory): nginx refuses to start (FACTS §3). */
export const includeNotFound: Rule = {
  meta: {
    id: 'nginx/include-not-found',
    severity: 'error',
    description: 'An include names a file that does not exist, or a directory.',
    reads: ['nginx'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'nginx/include-not-found');
  },
};
