import type { Rule } from '../../core/rule.js';

/** Every uwsgi rule, one module each in this directory. */
export const uwsgiRules: Rule[] = [];
