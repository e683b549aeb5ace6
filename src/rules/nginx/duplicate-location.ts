import type { Rule } from '../../core/rule.js';
import type { NginxDirective } from '../../parsers/nginx/ast.js';
import { analyses, complete, parseLocation, wordSpan, type LocationName } from './_structure.js';

export const duplicateLocation: Rule = {
  meta: {
    id: 'nginx/duplicate-location',
    severity: 'error',
    description: 'Two prefix (or two exact) locations with the same path in one block.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      // ngx_http_join_exact_locations (src/http/ngx_http.c:1000): among the static locations
      // of one parent, two exact ones or two inclusive ones (prefix or ^~) with the same name.
      const seen = new Map<string, { d: NginxDirective; loc: LocationName }>();
      for (const v of a.visits) {
        const d = v.d;
        if (d.name !== 'location' || v.lookup?.kind !== 'ok' || !complete(d) || d.terminator !== '{') continue;
        if (v.frame.context !== 'server' && v.frame.context !== 'location') continue;
        const loc = parseLocation(d);
        if (!loc || loc.invalidModifier) continue;
        if (loc.kind !== 'exact' && loc.kind !== 'prefix' && loc.kind !== 'noregex') continue;
        const cls = loc.kind === 'exact' ? 'exact' : 'inclusive';
        const key = `${v.frame.id}\0${cls}\0${loc.name}`;
        const prev = seen.get(key);
        if (!prev) {
          seen.set(key, { d, loc });
          continue;
        }
        const mixed = prev.loc.kind !== loc.kind;
        ctx.report({
          at: wordSpan(d, loc.word),
          message: `duplicate location "${loc.name}"`,
          hint: mixed
            ? `"location ${loc.name}" and "location ^~ ${loc.name}" are the same prefix location to nginx; keep one (with "^~" if regexes must not override it).`
            : 'nginx refuses two locations with the same path in one block; merge their directives into one.',
          related: [{ at: wordSpan(prev.d, prev.loc.word), message: `location "${prev.loc.name}" first defined here` }],
        });
      }
    }
  },
};
