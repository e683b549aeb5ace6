import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const missingCommand: Rule = {
  meta: {
    id: 'supervisor/missing-command',
    severity: 'error',
    description: 'A program section has no command.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'missing-command');
  },
};
