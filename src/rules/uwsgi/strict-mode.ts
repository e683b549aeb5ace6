import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const strictMode: Rule = {
  meta: {
    id: 'uwsgi/strict-mode',
    severity: 'error',
    description: 'Under strict = true, an option uWSGI does not know at the point it reads it (a custom placeholder key, a plugin option before the plugins line): uWSGI exits.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'uwsgi/strict-mode');
  },
};
