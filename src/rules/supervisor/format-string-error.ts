import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const formatStringError: Rule = {
  meta: {
    id: 'supervisor/format-string-error',
    severity: 'error',
    description: 'A value contains a %-format supervisord cannot expand (unknown name, lone %).',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'format-string-error');
  },
};
