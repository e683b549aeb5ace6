import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const commandLine: Rule = {
  meta: {
    id: 'uwsgi/command-line',
    severity: 'error',
    description: 'A uWSGI command line that getopt_long refuses (unknown or ambiguous option, missing or unexpected argument): uWSGI exits with status 1.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'uwsgi/command-line');
  },
};
