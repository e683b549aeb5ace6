import type { Rule } from '../../core/rule.js';
import { own } from './_util.js';

export const startsecsRestartLoop: Rule = {
  meta: {
    id: 'supervisor/startsecs-restart-loop',
    severity: 'warning',
    description: 'startsecs=0 with a restarting autorestart: a program that dies at once is respawned in a tight loop, never FATAL.',
    reads: ['supervisor'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        if (p.startsecs !== 0 || (p.autorestart !== 'true' && p.autorestart !== 'unexpected')) continue;
        const at = own(p, 'startsecs')!.at;
        const ar = own(p, 'autorestart');
        ctx.report({
          at,
          message: `startsecs=0 with autorestart=${p.autorestart}${ar ? '' : ' (the default)'}: a program that exits right away is restarted in a tight loop`,
          hint:
            'With startsecs=0 supervisord counts every start as successful, so startretries never applies and the program never ' +
            'goes FATAL: a crashing program is respawned without pause (629 restarts in 30 s observed with /bin/false). ' +
            'Keep startsecs at 1 or more (the default is 1).',
          ...(ar ? { related: [{ at: ar.at, message: `autorestart=${ar.raw}` }] } : {}),
        });
      }
    }
  },
};
