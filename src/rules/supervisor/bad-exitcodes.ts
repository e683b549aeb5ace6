import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badExitcodes: Rule = {
  meta: {
    id: 'supervisor/bad-exitcodes',
    severity: 'error',
    description: 'exitcodes is not a comma-separated list of numbers from 0 to 255.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-exitcodes');
  },
};
