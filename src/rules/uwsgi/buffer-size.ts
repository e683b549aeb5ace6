import type { Rule } from '../../core/rule.js';
import { allValues, configs, strtoul } from './_util.js';

const SUFFIX = /^\s*(\d+)\s*([kKmMgG][bB]?|[bB]ytes?)\b/;

export const bufferSize: Rule = {
  meta: {
    id: 'uwsgi/buffer-size',
    severity: 'error',
    description: 'buffer-size (-b) with a unit suffix (32k is 32 bytes) or above 65535 (uWSGI clamps it): requests larger than the real size are refused.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const o of allValues(c, 'buffer-size')) {
        if (o.unknown || o.noValue || o.placeholder) continue;
        const m = SUFFIX.exec(o.value);
        const n = strtoul(o.value);
        if (m) {
          ctx.report({
            at: o.at,
            message: `buffer-size "${o.value}" is ${n} byte${n === 1 ? '' : 's'}: uWSGI ignores the "${m[2]}" suffix`,
            hint: `buffer-size is read with strtoul (set_16bit): only the leading digits count. With ${n} bytes every request whose headers do not fit is refused with "invalid request block size". Write the size in bytes, e.g. ${Math.min(65535, Number(m[1]) * (/^[kK]/.test(m[2]!) ? 1024 : 1024 * 1024))}.`,
          });
        } else if (n > 65535) {
          ctx.report({
            at: o.at,
            severity: 'warning',
            message: `buffer-size ${n} is above 65535: uWSGI uses 65535`,
            hint: 'buffer-size is a 16-bit value (set_16bit clamps larger numbers to 65535); the uwsgi protocol cannot carry a larger header block anyway. Write 65535 or less.',
          });
        }
      }
    }
  },
};
