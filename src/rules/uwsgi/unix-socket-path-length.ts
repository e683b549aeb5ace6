import type { Rule } from '../../core/rule.js';
import { classifyAddress, configs, optionsOfKind } from './_util.js';

const MAX = 102;

export const unixSocketPathLength: Rule = {
  meta: {
    id: 'uwsgi/unix-socket-path-length',
    severity: 'error',
    description: 'A unix socket path longer than 102 bytes: uWSGI refuses it ("invalid socket name") and exits.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const o of [...optionsOfKind(c, 'socket'), ...optionsOfKind(c, 'router')]) {
        if (o.unknown) continue;
        const a = classifyAddress(o);
        if (a.family !== 'unix') continue;
        const bytes = Buffer.byteLength(a.address, 'utf8');
        if (bytes <= MAX) continue;
        ctx.report({
          at: o.at,
          message: `the unix socket path is ${bytes} bytes long; uWSGI allows at most ${MAX}: invalid socket name`,
          hint: 'bind_to_unix (core/socket.c:163) keeps room in sockaddr_un and refuses longer paths, then uWSGI exits. Use a shorter path (e.g. under /run/uwsgi/).',
        });
      }
    }
  },
};
