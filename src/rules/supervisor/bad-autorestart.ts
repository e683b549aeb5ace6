import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badAutorestart: Rule = {
  meta: {
    id: 'supervisor/bad-autorestart',
    severity: 'error',
    description: 'autorestart is not true, false or unexpected.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-autorestart');
  },
};
