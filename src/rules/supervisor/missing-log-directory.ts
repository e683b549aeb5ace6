import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const missingLogDirectory: Rule = {
  meta: {
    id: 'supervisor/missing-log-directory',
    severity: 'error',
    description: 'A log file, pid file or directory setting names a directory that does not exist on the host.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'missing-log-directory');
  },
};
