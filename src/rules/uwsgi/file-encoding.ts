import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const fileEncoding: Rule = {
  meta: {
    id: 'uwsgi/file-encoding',
    severity: 'warning',
    description: 'An ini file uWSGI reads is binary, not valid UTF-8, or starts with a byte-order mark that hides its first section header.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'uwsgi/file-encoding');
  },
};
