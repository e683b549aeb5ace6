import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const parseError: Rule = {
  meta: {
    id: 'supervisor/parse-error',
    severity: 'error',
    description: "The file is not valid for supervisord's configuration parser (no section header, a line without = or :, not UTF-8).",
    reads: ['supervisor'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'supervisor/parse-error');
  },
};
