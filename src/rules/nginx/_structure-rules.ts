import type { Rule } from '../../core/rule.js';
import { directiveNotAllowed } from './directive-not-allowed.js';
import { directiveTerminator } from './directive-terminator.js';
import { duplicateDirective } from './duplicate-directive.js';
import { duplicateLocation } from './duplicate-location.js';
import { invalidArgumentCount } from './invalid-argument-count.js';
import { invalidBlockEntry } from './invalid-block-entry.js';
import { invalidFlagValue } from './invalid-flag-value.js';
import { invalidIfCondition } from './invalid-if-condition.js';
import { locationModifier } from './location-modifier.js';
import { locationNesting } from './location-nesting.js';
import { missingEvents } from './missing-events.js';
import { unknownDirective } from './unknown-directive.js';

/** Structural rules at parity with nginx -t (directives, contexts, arguments, locations). */
export const structureRules: Rule[] = [
  unknownDirective,
  directiveNotAllowed,
  directiveTerminator,
  invalidArgumentCount,
  invalidFlagValue,
  duplicateDirective,
  locationModifier,
  locationNesting,
  duplicateLocation,
  invalidBlockEntry,
  invalidIfCondition,
  missingEvents,
];
