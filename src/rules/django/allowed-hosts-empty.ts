import type { Rule } from '../../core/rule.js';
import { truthy } from '../../parsers/django/values.js';
import { assumptionsText, get, related, spanOf, withRelated, wording } from './_util.js';

export const allowedHostsEmpty: Rule = {
  meta: {
    id: 'django/allowed-hosts-empty',
    severity: 'error',
    description: 'ALLOWED_HOSTS is empty while DEBUG is off: Django answers every request with 400 Bad Request.',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      if (!s.deployed) continue;
      const hosts = get(s, 'ALLOWED_HOSTS');
      const debug = get(s, 'DEBUG');
      const h = hosts.value;
      if ((h.k !== 'list' && h.k !== 'tuple') || h.items.length !== 0) continue;
      if (truthy(debug.value) !== false) continue;
      ctx.report(
        withRelated(
          {
            at: spanOf(s, hosts),
            message: `ALLOWED_HOSTS must not be empty in deployment: ${wording('ALLOWED_HOSTS', hosts)}, and ${wording('DEBUG', debug)}`,
            hint:
              "With DEBUG off, Django checks the Host header of every request against ALLOWED_HOSTS; when the list is empty nothing matches and every request gets 400 Bad Request (DisallowedHost). " +
              "List the site's host names, e.g. ALLOWED_HOSTS = ['example.com']." +
              assumptionsText(hosts, debug),
          },
          related('DEBUG', debug),
        ),
      );
    }
  },
};
