import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const settingsModuleNotFound: Rule = {
  meta: {
    id: 'django/settings-module-not-found',
    severity: 'error',
    description: 'DJANGO_SETTINGS_MODULE names a module that does not exist under the project root.',
    reads: ['django', 'uwsgi', 'supervisor'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'django/settings-module-not-found');
  },
};
