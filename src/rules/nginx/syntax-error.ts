import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

/** Syntax errors found by the nginx lexer and parser, in nginx's own words (FACTS §6). */
export const syntaxError: Rule = {
  meta: {
    id: 'nginx/syntax-error',
    severity: 'error',
    description: 'nginx cannot read the file: unbalanced braces, a missing ";", a stray quote, a token over 4096 bytes.',
    reads: ['nginx'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'nginx/syntax-error');
  },
};
