import type { Rule } from '../../core/rule.js';
import { configs, isAllInterfaces, sockets } from './_util.js';

export const publicUwsgiSocket: Rule = {
  meta: {
    id: 'uwsgi/public-uwsgi-socket',
    severity: 'warning',
    description: 'A uwsgi-protocol socket bound on every interface (":9000", "0.0.0.0:9000", also --uwsgi/-s on a command line): anyone who reaches the port talks the raw uwsgi protocol to the workers.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const s of sockets(c)) {
        if (s.family !== 'tcp' || s.host === undefined || !isAllInterfaces(s.host)) continue;
        if (s.protocol !== 'uwsgi' && s.protocol !== 'puwsgi') continue;
        ctx.report({
          at: s.opt.at,
          message: `the uwsgi socket "${s.address}" listens on every interface`,
          hint: `uWSGI binds ${s.host === '' ? `":${s.port}"` : `"${s.host}"`} to all addresses. The uwsgi protocol has no authentication and lets the client set any request variable (UWSGI_FILE, UWSGI_SCRIPT… can load code when dynamic apps are allowed). When nginx runs on the same host, bind 127.0.0.1:${(s.port ?? '').replace(/^(\d+).*$/s, '$1')} (or a unix socket); otherwise restrict the port with a firewall.`,
        });
      }
    }
  },
};
