import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const badByteSize: Rule = {
  meta: {
    id: 'supervisor/bad-byte-size',
    severity: 'error',
    description: 'A size is not a number with an optional KB, MB or GB suffix (e.g. `50M`).',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'bad-byte-size');
  },
};
