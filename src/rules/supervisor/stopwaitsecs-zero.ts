import type { Rule } from '../../core/rule.js';
import { own } from './_util.js';

export const stopwaitsecsZero: Rule = {
  meta: {
    id: 'supervisor/stopwaitsecs-zero',
    severity: 'warning',
    description: 'stopwaitsecs=0 (or less): supervisord sends SIGKILL right after the stop signal, so the program never stops cleanly.',
    reads: ['supervisor'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        if (p.stopwaitsecs === undefined || p.stopwaitsecs > 0) continue;
        const v = own(p, 'stopwaitsecs');
        if (!v) continue;
        ctx.report({
          at: v.at,
          message: `stopwaitsecs=${v.raw}: the program is killed with SIGKILL without time to shut down`,
          hint:
            'supervisord sends stopsignal, then SIGKILL once stopwaitsecs have passed (checked about once a second): with 0 ' +
            'in-flight requests are cut, buffers are not flushed and children may be orphaned. Give it time to exit ' +
            '(the default is 10 seconds; more than the longest request for web servers).',
        });
      }
    }
  },
};
