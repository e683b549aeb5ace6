import type { Rule } from '../../core/rule.js';

/** Every nginx rule, one module each in this directory. */
export const nginxRules: Rule[] = [];
