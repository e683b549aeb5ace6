import type { Rule } from '../../core/rule.js';
import { named } from '../../parsers/nginx/analysis.js';
import { analyses, argSpan, isRegex, locationOf, parseLocation, term } from './_structure.js';

export const locationNesting: Rule = {
  meta: {
    id: 'nginx/location-nesting',
    severity: 'error',
    description: 'A location nested where nginx refuses it: outside its parent prefix, inside an exact or named location, or a named location below server level.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const v of named(a, 'location')) {
        const d = v.d;
        // ngx_http_core_location (src/http/ngx_http_core_module.c:3089-3121) checks nesting
        // only when the parent block is a location (cmd_type NGX_HTTP_LOC_CONF).
        const parent = v.frame.owner;
        if (v.frame.context !== 'location' || !parent || parent.name !== 'location') continue;
        if (v.lookup?.kind !== 'ok' || term(d) !== '{') continue;
        const loc = locationOf(v);
        const ploc = v.frame.ownerVisit ? locationOf(v.frame.ownerVisit) : parseLocation(parent);
        if (!loc || !ploc || loc.invalidModifier || ploc.invalidModifier) continue;
        const related = [{ at: argSpan(parent, ploc.arg), message: `parent location "${ploc.name}"` }];
        const at = argSpan(d, loc.arg);
        if (ploc.kind === 'exact') {
          ctx.report({
            at,
            message: `location "${loc.name}" cannot be inside the exact location "${ploc.name}"`,
            hint: 'An exact-match location ("=") matches one URI only, so nothing can be nested in it; move this location beside it.',
            related,
          });
        } else if (ploc.kind === 'named') {
          ctx.report({
            at,
            message: `location "${loc.name}" cannot be inside the named location "${ploc.name}"`,
            hint: 'Named locations are targets of internal redirects and cannot contain other locations.',
            related,
          });
        } else if (loc.kind === 'named') {
          ctx.report({
            at,
            message: `named location "${loc.name}" can be on the server level only`,
            hint: 'Move the named location out of the enclosing location, directly into the server block.',
            related,
          });
        } else if (!isRegex(loc) && !loc.name.startsWith(ploc.name)) {
          ctx.report({
            at,
            message: `location "${loc.name}" is outside location "${ploc.name}"`,
            hint: isRegex(ploc)
              ? 'A prefix location nested in a regex location must start with the regex text itself; nest a regex location or move this one to the server level.'
              : `A nested prefix location must start with its parent's prefix ("${ploc.name}…"); prefixes are compared byte for byte (case-sensitive).`,
            related,
          });
        }
      }
    }
  },
};
