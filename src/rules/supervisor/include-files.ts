import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const includeFiles: Rule = {
  meta: {
    id: 'supervisor/include-files',
    severity: 'warning',
    description: "[include] problems supervisord only logs or ignores: a glob that matches nothing, an unreadable file, an [include] inside an included file.",
    reads: ['supervisor'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'supervisor/include-files');
  },
};
