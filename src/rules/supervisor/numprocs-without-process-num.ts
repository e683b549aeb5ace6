import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const numprocsWithoutProcessNum: Rule = {
  meta: {
    id: 'supervisor/numprocs-without-process-num',
    severity: 'error',
    description: 'numprocs > 1 but process_name does not contain %(process_num).',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'numprocs-without-process-num');
  },
};
