import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const pythonSyntaxError: Rule = {
  meta: {
    id: 'django/python-syntax-error',
    severity: 'error',
    description: 'A settings module (or a module it imports) is not valid Python 3: Django cannot import it.',
    reads: ['django'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'django/python-syntax-error');
  },
};
