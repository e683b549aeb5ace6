import type { Rule } from '../../core/rule.js';
import { analyses, nameSpan, term } from './_structure.js';

export const directiveTerminator: Rule = {
  meta: {
    id: 'nginx/directive-terminator',
    severity: 'error',
    description: 'A block directive ended by ";" or a simple directive followed by "{".',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const { d } of a.terminator) {
        if (term(d) === ';') {
          ctx.report({
            at: nameSpan(d),
            message: `directive "${d.name}" has no opening "{"`,
            hint: `"${d.name}" opens a block: write ${d.name}${d.args.length ? ' …' : ''} { … }.`,
          });
        } else {
          ctx.report({
            at: nameSpan(d),
            message: `directive "${d.name}" is not terminated by ";"`,
            hint: `"${d.name}" takes no block. End it with ";"; a "{" inside a value (a regex such as a{2}) must be quoted.`,
          });
        }
      }
    }
  },
};
