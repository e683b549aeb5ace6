import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const invalidUser: Rule = {
  meta: {
    id: 'supervisor/invalid-user',
    severity: 'error',
    description: 'user (or chown, socket_owner) names a user or group that does not exist on the host.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'invalid-user');
  },
};
