import { distance } from 'fastest-levenshtein';
import type { Rule } from '../../core/rule.js';
import { SECTION_PREFIXES } from '../../parsers/supervisor/schema.js';

/** A corrected header for a misspelled one (`programs:web` → `program:web`), or undefined. */
function correction(name: string): string | undefined {
  const colon = name.indexOf(':');
  const head = colon === -1 ? name : name.slice(0, colon + 1);
  const rest = colon === -1 ? '' : name.slice(colon + 1);
  if (colon === -1 && ['program', 'group', 'eventlistener', 'fcgi-program', 'rpcinterface', 'ctlplugin'].includes(name.toLowerCase())) {
    return `${name.toLowerCase()}:name`;
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const p of SECTION_PREFIXES) {
    const takesName = p.endsWith(':');
    if (takesName !== (colon !== -1)) continue;
    const d = distance(head.toLowerCase(), p);
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  if (best === undefined || bestD > 2 || bestD === 0 && head === best) return undefined;
  return best + rest;
}

export const unknownSection: Rule = {
  meta: {
    id: 'supervisor/unknown-section',
    severity: 'warning',
    description: 'A section supervisord does not know (e.g. `[programs:web]`, `[program]`), which it ignores entirely.',
    reads: ['supervisor'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      for (const s of c.sections) {
        if (s.type) continue;
        const fix = correction(s.name);
        let hint = 'supervisord ignores sections it does not know, with everything in them.';
        if (s.name === 'uwsgi') hint += ' uWSGI settings belong in the uWSGI ini file (`uwsgi --ini file`), not in supervisord.conf.';
        else if (fix) hint += ` Did you mean [${fix}]?`;
        else hint += ' Sections are [supervisord], [supervisorctl], [unix_http_server], [inet_http_server], [include], [program:x], [group:x], [eventlistener:x], [fcgi-program:x] and [rpcinterface:x].';
        for (const h of s.headers) {
          ctx.report({ at: h, message: `unknown section [${s.name}]${fix ? `; did you mean [${fix}]?` : ''}`, hint });
        }
      }
    }
  },
};
