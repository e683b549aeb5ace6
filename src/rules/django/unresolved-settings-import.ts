import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const unresolvedSettingsImport: Rule = {
  meta: {
    id: 'django/unresolved-settings-import',
    severity: 'info',
    description: 'A star import stacklint cannot follow: the settings after it are not checked.',
    reads: ['django'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'django/unresolved-settings-import');
  },
};
