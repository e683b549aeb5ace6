import type { Rule } from '../../core/rule.js';
import { named } from '../../parsers/nginx/analysis.js';
import { analyses, argSpan, isRegex, leadingQuantifier, locationOf, pcreQuantifierMessage, term } from './_structure.js';

export const locationModifier: Rule = {
  meta: {
    id: 'nginx/location-modifier',
    severity: 'error',
    description: 'A location modifier nginx does not know, or a regex location that cannot compile because it starts with a quantifier.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const v of named(a, 'location')) {
        const d = v.d;
        if (v.lookup?.kind !== 'ok' || term(d) !== '{') continue;
        const loc = locationOf(v);
        if (!loc) continue;
        if (loc.invalidModifier) {
          const m = d.argValue(0);
          const guess = m === '*~' ? '~*' : m === '!~' || m === '!~*' ? undefined : m === '^' ? '^~' : undefined;
          ctx.report({
            at: argSpan(d, 0),
            message: `invalid location modifier "${m}"`,
            hint:
              'With a separate modifier word nginx accepts only "=", "^~", "~" and "~*"' +
              (m.startsWith('@') ? '; a named location takes no pattern ("location @name { … }").' : guess ? `; did you mean "${guess}"?` : m.startsWith('!') ? '; there is no negated location: use a regex such as "~ ^/(?!admin/)".' : '.'),
          });
          continue;
        }
        if (isRegex(loc) && leadingQuantifier(loc.name)) {
          const spaced = d.argCount === 2 && d.argValue(0) === '~' && loc.name.startsWith('*');
          ctx.report({
            at: argSpan(d, loc.arg),
            message: pcreQuantifierMessage(loc.name),
            hint: spaced
              ? `"~ *…" is a case-sensitive regex starting with "*"; for a case-insensitive regex write "~*" without a space: location ~* ${loc.name.slice(1)} { … }.`
              : 'A regex cannot start with "*", "+" or "?"; escape it ("\\*") or anchor the pattern ("^…").',
          });
        }
      }
    }
  },
};
