import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const unreadableFile: Rule = {
  meta: {
    id: 'core/unreadable-file',
    severity: 'error',
    description: 'A file named on the command line cannot be read.',
    reads: [],
  },
  check(ctx) {
    reportParseProblems(ctx, 'core/unreadable-file');
  },
};
