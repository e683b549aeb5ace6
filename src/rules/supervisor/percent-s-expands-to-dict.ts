import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const percentSExpandsToDict: Rule = {
  meta: {
    id: 'supervisor/percent-s-expands-to-dict',
    severity: 'warning',
    description: 'A lone %s in a value, which supervisord replaces with the text of its expansion dictionary.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'percent-s-expands-to-dict');
  },
};
