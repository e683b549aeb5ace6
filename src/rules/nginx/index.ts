import type { Rule } from '../../core/rule.js';
import { frontEndRules } from './_frontend-rules.js';
import { structureRules } from './_structure-rules.js';

/** Every nginx rule, one module each in this directory. */
export const nginxRules: Rule[] = [...frontEndRules, ...structureRules];
