import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const atFile: Rule = {
  meta: {
    id: 'uwsgi/at-file',
    severity: 'error',
    description: 'An @(file) reference names a file that does not exist: uWSGI exits at startup.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'uwsgi/at-file');
  },
};
