import type { Rule } from '../../core/rule.js';
import { escapedDollar } from './escaped-dollar.js';
import { includeCycle } from './include-cycle.js';
import { includeNotFound } from './include-not-found.js';
import { includeUnreadable } from './include-unreadable.js';
import { syntaxError } from './syntax-error.js';

/** Rules that report what the nginx front end finds while reading (syntax, includes). */
export const frontEndRules: Rule[] = [syntaxError, includeNotFound, includeUnreadable, includeCycle, escapedDollar];
