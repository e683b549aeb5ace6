import type { Rule } from '../../core/rule.js';

/** Rules that report what the nginx front end finds while reading (syntax, includes). */
export const frontEndRules: Rule[] = [];
