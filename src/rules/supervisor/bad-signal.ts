import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badSignal: Rule = {
  meta: {
    id: 'supervisor/bad-signal',
    severity: 'error',
    description: 'stopsignal is not a signal name or number supervisord knows.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-signal');
  },
};
