import type { Rule } from '../../core/rule.js';
import { allValues, configs } from './_util.js';

const THREE_OCTAL_DIGITS = /^[0-7]{3}$/;

export const chmodSocket: Rule = {
  meta: {
    id: 'uwsgi/chmod-socket',
    severity: 'error',
    description: 'A chmod-socket (-C) value other than three octal digits or 1: uWSGI exits with "invalid chmod value".',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const o of allValues(c, 'chmod-socket')) {
        if (o.unknown || o.noValue || o.placeholder || o.conditional) continue;
        const v = o.value;
        if (v === '1' || THREE_OCTAL_DIGITS.test(v)) continue;
        const suggestion = /^0[0-7]{3}$/.test(v) ? ` Write "${v.slice(1)}".` : /^[0-7]{3}\s/.test(v) ? ` Write "${v.slice(0, 3)}".` : '';
        ctx.report({
          at: o.origin === 'ini' && v === '' ? o.keyAt : o.at,
          message: `invalid chmod value: ${v}`,
          hint: `uWSGI accepts exactly three octal digits (660, 666), or 1, and otherwise exits at startup (uwsgi_opt_chmod_socket).${suggestion}${v === '' && o.origin === 'ini' ? ' An empty value in an ini file is not the same as the bare --chmod-socket flag (which means 666).' : ''}`,
        });
      }
    }
  },
};
