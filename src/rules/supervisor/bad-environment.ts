import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badEnvironment: Rule = {
  meta: {
    id: 'supervisor/bad-environment',
    severity: 'error',
    description: 'environment is not a list of KEY=value pairs supervisord can parse.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-environment');
  },
};
