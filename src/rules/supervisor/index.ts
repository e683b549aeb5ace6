import type { Rule } from '../../core/rule.js';

/** Every supervisor rule, one module each in this directory. */
export const supervisorRules: Rule[] = [];
