import type { Rule } from '../../core/rule.js';
import { analyses, complete, wordSpan } from './_structure.js';
import { duplicates } from './_duplicates.js';

/** Handlers that parse their one argument with ngx_conf_set_flag_slot (src/core/ngx_conf_file.c:1026). */
const FLAG_HANDLERS = new Set(['ngx_conf_set_flag_slot', 'ngx_http_ssl_enable', 'ngx_mail_ssl_enable']);

export const invalidFlagValue: Rule = {
  meta: {
    id: 'nginx/invalid-flag-value',
    severity: 'error',
    description: 'An on/off directive with a value other than "on" or "off".',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      const dups = duplicates(a);
      for (const v of a.visits) {
        const l = v.lookup;
        if (!l || l.kind !== 'ok' || !complete(v.d) || v.d.terminator !== ';') continue;
        if (!FLAG_HANDLERS.has(l.entry.handler ?? '') || v.d.args.length !== 1) continue;
        const w = v.d.args[0]!;
        const low = w.value.toLowerCase();
        if (low === 'on' || low === 'off') continue;
        if (dups.has(v)) continue; // nginx reports "is duplicate" before looking at the value
        const fix = /^(yes|true|1|enabled?)$/i.test(w.value) ? 'on' : /^(no|false|0|disabled?|none)$/i.test(w.value) ? 'off' : undefined;
        ctx.report({
          at: wordSpan(v.d, w),
          message: `invalid value "${w.value}" in "${v.d.name}" directive, it must be "on" or "off"`,
          hint: `nginx accepts only "on" or "off" (in any case) here${fix ? `; write "${fix}"` : ''}.`,
          ...(fix ? { fix: { description: `Replace with "${fix}"`, edits: [{ at: wordSpan(v.d, w), text: fix }] } } : {}),
        });
      }
    }
  },
};
