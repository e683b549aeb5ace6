import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

/** An included file exists but cannot be used: no permission to read it, or it is binary. */
export const includeUnreadable: Rule = {
  meta: {
    id: 'nginx/include-unreadable',
    severity: 'error',
    description: 'An included file cannot be read (permission denied) or is not text.',
    reads: ['nginx'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'nginx/include-unreadable');
  },
};
