import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const sectionError: Rule = {
  meta: {
    id: 'supervisor/section-error',
    severity: 'error',
    description: 'A section supervisord rejects as a whole: a required setting is missing, a group names an unknown program, settings contradict each other.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'section-error');
  },
};
