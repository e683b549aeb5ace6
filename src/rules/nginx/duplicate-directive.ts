import type { Rule } from '../../core/rule.js';
import { TABLE_SOURCE } from '../../parsers/nginx/directives.js';
import type { NginxDirective } from '../../parsers/nginx/ast.js';
import { named } from '../../parsers/nginx/analysis.js';
import { analyses, nameSpan, wordSpan, term } from './_structure.js';

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
        if (v.d.name !== 'upstream' || term(v.d) !== '{' || v.d.args.length !== 1) continue;
        const e = l.entry;
        const w = v.d.args[0]!;
        const key = `${e.type}\0${w.value.toLowerCase()}`;
        const prev = seen.get(key);
        if (!prev) {
          seen.set(key, v.d);
          continue;
        }
        ctx.report({
          at: wordSpan(v.d, w),
          message: `duplicate upstream "${w.value}"`,
          hint: 'Upstream names are compared without regard to case; rename one of the blocks or merge their servers.',
          related: [{ at: wordSpan(prev, prev.args[0]!), message: `upstream "${prev.args[0]!.value}" first defined here` }],
        });
      }
    }
  },
};
