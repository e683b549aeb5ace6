import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badOctal: Rule = {
  meta: {
    id: 'supervisor/bad-octal',
    severity: 'error',
    description: 'umask, chmod or socket_mode is not an octal number.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-octal');
  },
};
