import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const binaryFile: Rule = {
  meta: {
    id: 'core/binary-file',
    severity: 'error',
    description: 'A file named on the command line is binary, not a configuration.',
    reads: [],
  },
  check(ctx) {
    reportParseProblems(ctx, 'core/binary-file');
  },
};
