import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const unrecognizedFile: Rule = {
  meta: {
    id: 'core/unrecognized-file',
    severity: 'warning',
    description: 'A file named on the command line is not recognised as any supported kind.',
    reads: [],
  },
  check(ctx) {
    reportParseProblems(ctx, 'core/unrecognized-file');
  },
};
