import type { Rule } from '../../core/rule.js';
import { analyses, wordSpan } from './_structure.js';

export const invalidFlagValue: Rule = {
  meta: {
    id: 'nginx/invalid-flag-value',
    severity: 'error',
    description: 'An on/off directive with a value other than "on" or "off".',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const { d } of a.flagValue) {
        const w = d.args[0]!;
        const fix = /^(yes|true|1|enabled?)$/i.test(w.value) ? 'on' : /^(no|false|0|disabled?|none)$/i.test(w.value) ? 'off' : undefined;
        ctx.report({
          at: wordSpan(d, w),
          message: `invalid value "${w.value}" in "${d.name}" directive, it must be "on" or "off"`,
          hint: `nginx accepts only "on" or "off" (in any case) here${fix ? `; write "${fix}"` : ''}.`,
          ...(fix ? { fix: { description: `Replace with "${fix}"`, edits: [{ at: wordSpan(d, w), text: fix }] } } : {}),
        });
      }
    }
  },
};
