import type { Rule } from '../../core/rule.js';
import { configs, effectiveValue, intValue, masterState } from './_util.js';

export const harakiriWithoutMaster: Rule = {
  meta: {
    id: 'uwsgi/harakiri-without-master',
    severity: 'warning',
    description: 'harakiri without the master process: a stuck worker kills itself and nobody respawns it.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      if (c.incomplete) continue;
      const h = effectiveValue(c, 'harakiri');
      if (!h || h.conditional) continue;
      const secs = intValue(h);
      if (secs === undefined || secs <= 0) continue;
      const m = masterState(c);
      if (m.on !== false) continue;
      ctx.report({
        at: h.keyAt,
        message: `harakiri = ${h.value} without the master process`,
        hint: 'Without master, harakiri is a SIGALRM inside the worker: it logs "F*CK !!! i must kill myself" and exits, and no master respawns it (with a single worker, uWSGI is gone). Add master = true.',
        ...(m.by ? { related: [{ at: m.by.at, message: 'master is off here' }] } : {}),
      });
    }
  },
};
