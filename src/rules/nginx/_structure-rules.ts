import type { Rule } from '../../core/rule.js';

/** Structural rules at parity with nginx -t (directives, contexts, arguments, locations). */
export const structureRules: Rule[] = [];
