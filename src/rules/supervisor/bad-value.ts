import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badValue: Rule = {
  meta: {
    id: 'supervisor/bad-value',
    severity: 'error',
    description: 'A value supervisord cannot convert: log level, port, FastCGI socket, event type, buffer size, import spec.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-value');
  },
};
