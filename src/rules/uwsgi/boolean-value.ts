import type { Rule } from '../../core/rule.js';
import { uwsgiBool } from '../../parsers/uwsgi/index.js';
import { configs, optionsOfKind } from './_util.js';

/** Text that a reader takes for "off" but uWSGI does not (`false ; x`, `disable`, `none`, `00`). */
const LOOKS_FALSE = /^(false|off|no|0+|none|null|nil|disabled?|n|f|nope|never)(?![\w-])/i;
const BOOL_KINDS = ['bool', 'bool-inverted'] as const;

export const booleanValue: Rule = {
  meta: {
    id: 'uwsgi/boolean-value',
    severity: 'error',
    description:
      'A boolean option whose value reads as "off" but that uWSGI turns on: only exactly false, off, no (any case) or 0 mean false; "false ; comment", "disable", "none", "00" are all true.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const kind of BOOL_KINDS) {
        for (const o of optionsOfKind(c, kind)) {
          if (o.unknown || o.noValue) continue;
          const v = o.value;
          if (!uwsgiBool(v) || !LOOKS_FALSE.test(v.trim())) continue;
          const inverted = kind === 'bool-inverted';
          ctx.report({
            at: o.at,
            message: inverted
              ? `"${o.name} = ${v}" reads as false, but uWSGI takes it as true (so ${o.name} turns its setting off)`
              : `"${o.name} = ${v}" reads as false, but uWSGI turns ${o.name} on`,
            hint: `uWSGI's boolean parser (uwsgi_opt_true) treats a value as false only when it is exactly false, off, no (in any case) or 0; anything else, comments included, means true. Write "${o.name} = false" on a line of its own, or remove the line.`,
          });
        }
      }
    }
  },
};
