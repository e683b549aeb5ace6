import type { Rule } from '../../core/rule.js';
import type { Span } from '../../core/source.js';
import { reportParseProblems } from '../_parse-problems.js';
import { configs } from './_util.js';

const REF = /%\(([^()\s]+)\)/g;
/** Options whose values use %(var) for their own run-time variables (request log formats). */
const RUNTIME_VARS = /(^|-)(log-?format|logformat|format)(-|$)|encoder|alarm/;

export const placeholder: Rule = {
  meta: {
    id: 'uwsgi/placeholder',
    severity: 'error',
    description:
      'A %(name) placeholder that uWSGI cannot expand: a cycle (uWSGI grows the value until it runs out of memory), an invalid set/set-placeholder, a name that is never defined, or a reference in an inherit file.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    reportParseProblems(ctx, 'uwsgi/placeholder');
    for (const c of configs(ctx)) {
      if (c.stopped) continue;
      // Every option and placeholder name, gathered when a reference needs it (most values
      // have no reference left after the passes).
      let defined: Set<string> | undefined;
      for (const o of c.options) {
        if (o.origin === 'env' || o.unknown || o.conditional || !o.value.includes('%(') || RUNTIME_VARS.test(o.name)) continue;
        REF.lastIndex = 0;
        for (let m = REF.exec(o.value); m; m = REF.exec(o.value)) {
          const name = m[1]!;
          const at = refSpan(o.raw, o.at, m[0]);
          if (o.inherited) {
            ctx.report({
              at,
              severity: 'warning',
              message: `${m[0]} is not expanded: the value comes from an inherit file`,
              hint: 'uWSGI reads inherit files while it applies options, after the $(), @() and %() passes, so their values keep placeholders literally. Load the file with ini = (read immediately) instead, or write the value out.',
            });
            continue;
          }
          if (c.incomplete) continue;
          defined ??= new Set(c.options.map((d) => d.name));
          if (defined.has(name)) continue;
          ctx.report({
            at,
            severity: 'warning',
            message: `placeholder ${m[0]} is not defined, so uWSGI keeps the text "${m[0]}" literally`,
            hint: `No option or placeholder named "${name}" is set anywhere in this configuration. Define it (${name} = …, or set-placeholder = ${name}=…) or fix the name.`,
          });
        }
      }
    }
  },
};

function refSpan(raw: string, at: Span, ref: string): Span {
  const i = raw.indexOf(ref);
  if (i === -1 || at.source.text.slice(at.start, at.end) !== raw) return at;
  return { source: at.source, start: at.start + i, end: at.start + i + ref.length };
}
