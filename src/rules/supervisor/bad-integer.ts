import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badInteger: Rule = {
  meta: {
    id: 'supervisor/bad-integer',
    severity: 'error',
    description: 'A numeric setting is not a whole number.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-integer');
  },
};
