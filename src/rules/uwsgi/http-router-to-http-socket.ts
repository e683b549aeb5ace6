import type { Rule } from '../../core/rule.js';
import { allValues, configs, sockets } from './_util.js';

export const httpRouterToHttpSocket: Rule = {
  meta: {
    id: 'uwsgi/http-router-to-http-socket',
    severity: 'error',
    description: 'An http router (http =) whose target, socket #0, is an http-socket: the router speaks the uwsgi protocol to an HTTP parser and every request hangs.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      if (c.incomplete) continue;
      const routers = [...allValues(c, 'http'), ...allValues(c, 'httprouter')].filter((o) => !o.conditional);
      if (!routers.length) continue;
      if (allValues(c, 'http-to').length || allValues(c, 'http-zerg').length) continue;
      const s0 = sockets(c)[0];
      if (!s0 || !s0.protocol.startsWith('http') || s0.opt.conditional) continue;
      const router = routers[0]!;
      ctx.report({
        at: router.keyAt,
        message: `the http router forwards to socket #0, "${s0.opt.name} = ${s0.opt.value}", which speaks HTTP, not uwsgi`,
        hint: `The http router (a separate gateway process) passes requests with the uwsgi protocol to the first socket; an HTTP socket reads them as garbage and the client waits until it times out. Use socket = (uwsgi protocol) for the workers behind "http =", or drop the router and serve HTTP with http-socket alone.`,
        related: [{ at: s0.opt.keyAt, message: 'socket #0 (HTTP protocol)' }],
      });
    }
  },
};
