import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const settingsImportCycle: Rule = {
  meta: {
    id: 'django/settings-import-cycle',
    severity: 'warning',
    description: 'Settings modules star-import each other: one of them sees only part of the other.',
    reads: ['django'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'django/settings-import-cycle');
  },
};
