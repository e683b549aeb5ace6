import type { Rule } from '../../core/rule.js';
import { reportParseProblems } from '../_parse-problems.js';

export const configLoad: Rule = {
  meta: {
    id: 'uwsgi/config-load',
    severity: 'error',
    description: 'A configuration file uWSGI is told to load (--ini, ini =, include, a bare argument) cannot be read: uWSGI exits at startup.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'uwsgi/config-load');
  },
};
