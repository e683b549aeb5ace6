import type { Rule } from '../../core/rule.js';
import { configs, effectiveValue, intValue } from './_util.js';

/** Below this, recycling "every N requests" is usually meant literally (leak workarounds, tests). */
const SMALL = 100;

export const maxRequestsLifetime: Rule = {
  meta: {
    id: 'uwsgi/max-requests-lifetime',
    severity: 'info',
    description: 'A small max-requests without min-worker-lifetime: uWSGI recycles a worker only after it has run 10 seconds, so "every N requests" does not hold under load.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      const mr = effectiveValue(c, 'max-requests');
      if (!mr || mr.conditional || c.incomplete) continue;
      const n = intValue(mr);
      if (n === undefined || n <= 0 || n > SMALL) continue;
      if (effectiveValue(c, 'min-worker-lifetime')) continue;
      ctx.report({
        at: mr.at,
        message: `max-requests = ${n} only recycles workers that have lived 10 seconds (min-worker-lifetime)`,
        hint: `uWSGI checks max-requests after each request but respawns the worker only once it is older than min-worker-lifetime, whose default is 10 s (core/init.c:135; --help wrongly says 60). A worker serving ${n} requests in less than 10 s keeps serving. Set min-worker-lifetime (e.g. 1) if the count matters, or raise max-requests if it does not.`,
      });
    }
  },
};
