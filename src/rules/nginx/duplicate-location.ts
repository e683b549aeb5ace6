import type { Rule } from '../../core/rule.js';
import { named } from '../../parsers/nginx/analysis.js';
import type { Visit } from '../../parsers/nginx/walk.js';
import { analyses, argSpan, locationOf, term } from './_structure.js';

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
      const seen = new Map<number, { exact: Map<string, Visit>; inclusive: Map<string, Visit> }>();
      for (const v of named(a, 'location')) {
        const d = v.d;
        if (v.lookup?.kind !== 'ok' || term(d) !== '{') continue;
        if (v.frame.context !== 'server' && v.frame.context !== 'location') continue;
        const loc = locationOf(v);
        if (!loc || loc.invalidModifier) continue;
        if (loc.kind !== 'exact' && loc.kind !== 'prefix' && loc.kind !== 'noregex') continue;
        let level = seen.get(v.frame.id);
        if (!level) seen.set(v.frame.id, (level = { exact: new Map(), inclusive: new Map() }));
        const map = loc.kind === 'exact' ? level.exact : level.inclusive;
        const pv = map.get(loc.name);
        if (!pv) {
          map.set(loc.name, v);
          continue;
        }
        const prev = { loc: locationOf(pv)!, d: pv.d };
        const mixed = prev.loc.kind !== loc.kind;
        ctx.report({
          at: argSpan(d, loc.arg),
          message: `duplicate location "${loc.name}"`,
          hint: mixed
            ? `"location ${loc.name}" and "location ^~ ${loc.name}" are the same prefix location to nginx; keep one (with "^~" if regexes must not override it).`
            : 'nginx refuses two locations with the same path in one block; merge their directives into one.',
          related: [{ at: argSpan(prev.d, prev.loc.arg), message: `location "${prev.loc.name}" first defined here` }],
        });
      }
    }
  },
};
