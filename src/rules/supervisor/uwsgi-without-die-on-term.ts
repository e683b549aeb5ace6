import type { Rule } from '../../core/rule.js';
import { effectiveValue, isOptionOn } from '../../parsers/uwsgi/index.js';
import { own, SIGNAL_NAMES } from './_util.js';

const TERM = 15;
const INT = 2;
const QUIT = 3;

export const uwsgiWithoutDieOnTerm: Rule = {
  meta: {
    id: 'supervisor/uwsgi-without-die-on-term',
    severity: 'warning',
    description: 'supervisord stops a uWSGI master with a signal uWSGI takes as "reload" (TERM without die-on-term, QUIT with it), so the stop ends in SIGKILL.',
    reads: ['supervisor', 'uwsgi'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        const u = p.uwsgi;
        if (!u || p.stopsignal === undefined) continue;
        const master = effectiveValue(u, 'master');
        if (isOptionOn(u, 'master') !== true) continue;
        const dieOnTerm = isOptionOn(u, 'die-on-term');
        if (dieOnTerm === undefined) continue;
        // exit-on-reload turns every reload into an exit.
        if (isOptionOn(u, 'exit-on-reload') !== false) continue;
        const sig = p.stopsignal;
        // core/master.c: TERM = reload unless die-on-term; with die-on-term QUIT = reload. INT always shuts down.
        const reloads = dieOnTerm ? sig === QUIT || sig === 1 : sig === TERM || sig === 1;
        if (!reloads || sig === INT) continue;
        const sigName = SIGNAL_NAMES[sig] ?? String(sig);
        const ss = own(p, 'stopsignal');
        const related = [];
        if (master) related.push({ at: master.keyAt, message: 'uWSGI master mode is enabled here' });
        const dot = effectiveValue(u, 'die-on-term');
        if (dot) related.push({ at: dot.keyAt, message: 'die-on-term is enabled here' });
        ctx.report({
          at: ss?.at ?? p.command!.value.at,
          message: dieOnTerm
            ? `supervisord stops this uWSGI master with SIG${sigName}, which uWSGI with die-on-term takes as a reload`
            : `supervisord stops this uWSGI master with SIG${sigName}${ss ? '' : ' (the default stopsignal)'}, which uWSGI takes as a reload (no die-on-term)`,
          hint:
            'A uWSGI master reloads on ' + (dieOnTerm ? 'SIGQUIT/SIGHUP when die-on-term is set' : 'SIGTERM ("brutally killing workers… binary reloading uWSGI")') +
            `, so the stop does not finish: supervisord waits stopwaitsecs (${p.stopwaitsecs ?? 10} s) and then SIGKILLs the master, ` +
            'whose workers are left to notice on their own. ' +
            (dieOnTerm ? 'Use stopsignal=INT (or TERM) with die-on-term.' : 'Add `die-on-term = true` to the uWSGI configuration, or set stopsignal=INT (or QUIT) here.'),
          related,
        });
      }
    }
  },
};
