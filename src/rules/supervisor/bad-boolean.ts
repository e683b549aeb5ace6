import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badBoolean: Rule = {
  meta: {
    id: 'supervisor/bad-boolean',
    severity: 'error',
    description: 'A boolean setting is not one of true/false, yes/no, on/off, 1/0.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-boolean');
  },
};
