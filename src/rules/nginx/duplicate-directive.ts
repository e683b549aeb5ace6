import type { Rule } from '../../core/rule.js';
import { TABLE_SOURCE } from '../../parsers/nginx/directives.js';
import type { NginxDirective } from '../../parsers/nginx/ast.js';
import { named } from '../../parsers/nginx/analysis.js';
import { analyses, argSpan, nameSpan, term } from './_structure.js';

export const duplicateDirective: Rule = {
  meta: {
    id: 'nginx/duplicate-directive',
    severity: 'error',
    description: 'A directive that takes one value set twice at the same level, or an upstream defined twice.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const dup of a.duplicates) {
        const d = dup.visit.d;
        const root = d.name === 'root' || d.name === 'alias';
        ctx.report({
          at: nameSpan(d),
          message: dup.message,
          hint: root
            ? 'A location has one document root: "root" (path = root + URI) or "alias" (path = alias + the URI without the location prefix), not both and not twice.'
            : `"${d.name}" takes one value per block; nginx refuses the second. Keep one (an inner block can override a value set in an outer one).`,
          related: [{ at: nameSpan(dup.first), message: `"${dup.first.name}" first set here` }],
        });
      }
      // duplicate upstream "NAME" (ngx_http_upstream_add, case-insensitive host comparison).
      const seen = new Map<string, NginxDirective>();
      for (const v of named(a, 'upstream')) {
        const l = v.lookup;
        if (!l || l.kind !== 'ok' || l.entry.source !== TABLE_SOURCE) continue;
        if (v.d.name !== 'upstream' || term(v.d) !== '{' || v.d.argCount !== 1) continue;
        const e = l.entry;
        const upstream = v.d.argValue(0);
        const key = `${e.type}\0${upstream.toLowerCase()}`;
        const prev = seen.get(key);
        if (!prev) {
          seen.set(key, v.d);
          continue;
        }
        ctx.report({
          at: argSpan(v.d, 0),
          message: `duplicate upstream "${upstream}"`,
          hint: 'Upstream names are compared without regard to case; rename one of the blocks or merge their servers.',
          related: [{ at: argSpan(prev, 0), message: `upstream "${prev.argValue(0)}" first defined here` }],
        });
      }
    }
  },
};
