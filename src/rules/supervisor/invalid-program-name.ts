import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const invalidProgramName: Rule = {
  meta: {
    id: 'supervisor/invalid-program-name',
    severity: 'error',
    description: 'A program or group name contains a space, colon or slash.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'invalid-program-name');
  },
};
