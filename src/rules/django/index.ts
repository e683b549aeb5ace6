import type { Rule } from '../../core/rule.js';

/** Every django rule, one module each in this directory. */
export const djangoRules: Rule[] = [];
