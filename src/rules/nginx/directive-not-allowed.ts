import type { Rule } from '../../core/rule.js';
import { contextLabel, DIRECTIVE_CONTEXTS, TABLE_SOURCE, type Directive } from '../../parsers/nginx/directives.js';
import type { Visit } from '../../parsers/nginx/walk.js';
import { named } from '../../parsers/nginx/analysis.js';
import { analyses, locationOf, nameSpan, parseLocation, statementKey } from './_structure.js';

/** Contexts where any entry of the name is allowed, in table order, as words for a hint. */
function allowedIn(entries: Directive[]): string {
  const out: string[] = [];
  for (const c of DIRECTIVE_CONTEXTS) {
    if (entries.some((e) => e.contexts.includes(c) || e.contexts.includes('any'))) out.push(`"${contextLabel(c)}"`);
  }
  return out.join(', ');
}

function where(v: Visit): string {
  const owner = v.frame.owner;
  if (!owner) return `at the top level of ${v.frame.context === 'main' ? 'the main configuration' : `a ${contextLabel(v.frame.context)} snippet`}`;
  const head = [owner.name, ...owner.args.map((w) => w.raw)].join(' ');
  return `inside "${head.length > 40 ? `${head.slice(0, 39)}…` : head}" (${contextLabel(v.frame.context)} context)`;
}

export const directiveNotAllowed: Rule = {
  meta: {
    id: 'nginx/directive-not-allowed',
    severity: 'error',
    description: 'A known directive in a block where nginx does not accept it.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const v of a.notAllowed) {
        if (v.lenient || v.lookup?.kind !== 'not-allowed') continue;
        const d = v.d;
        const fromSource = v.lookup.entries.filter((e) => e.source === TABLE_SOURCE);
        const pool = fromSource.length ? fromSource : v.lookup.entries;
        let hint = `nginx accepts "${d.name}" in ${allowedIn(pool)}; here it is ${where(v)}.`;
        if (v.frame.context === 'if-in-server' && pool.some((e) => e.contexts.includes('if-in-location')))
          hint += ' An "if" at server level accepts only the rewrite module\'s directives (return, rewrite, set, break, if).';
        ctx.report({ at: nameSpan(d), message: `"${d.name}" directive is not allowed here`, hint });
      }
      for (const v of a.availability) {
        // Documented here for a newer nginx (or NGINX Plus), refused by 1.22.1.
        if (v.lenient || v.lookup?.kind !== 'ok' || v.lookup.entry.source !== 'reference-lib') continue;
        const d = v.d;
        const own = a.db.entries(d.name).filter((x) => x.source === TABLE_SOURCE);
        if (!own.length) continue; // a name only newer nginx knows: unknown-directive
        ctx.report({
          at: nameSpan(d),
          severity: 'info',
          message: `"${d.name}" directive is not allowed here in ${TABLE_SOURCE}`,
          hint: `Newer nginx versions (or NGINX Plus) accept "${d.name}" ${where(v)}; ${TABLE_SOURCE} accepts it only in ${allowedIn(own)}.`,
        });
      }
      // the "alias" directive cannot be used inside the named location (ngx_http_core_root
      // checks this after the duplicate check, which the duplicate rule reports). A statement
      // that is a duplicate at any of its visits (a file included twice) is left to that rule.
      const dup = new Set(a.duplicates.map((x) => statementKey(x.visit.d)));
      for (const v of named(a, 'alias')) {
        if (v.lookup?.kind !== 'ok' || v.lookup.entry.handler !== 'ngx_http_core_root' || (dup.size > 0 && dup.has(statementKey(v.d)))) continue;
        const owner = v.frame.owner;
        if (owner?.name !== 'location' || v.frame.context !== 'location') continue;
        const loc = v.frame.ownerVisit ? locationOf(v.frame.ownerVisit) : parseLocation(owner);
        if (loc && !loc.invalidModifier && loc.kind === 'named') {
          ctx.report({
            at: nameSpan(v.d),
            message: 'the "alias" directive cannot be used inside the named location',
            hint: `A named location ("${loc.name}") has no URI prefix to replace; use "root" here, or move "alias" into a prefix location.`,
          });
        }
      }
    }
  },
};
