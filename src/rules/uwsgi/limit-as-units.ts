import type { Rule } from '../../core/rule.js';
import { configs, optionsOfKind, strtoul } from './_util.js';

const SUFFIX = /^\s*(\d+)\s*([kKgGtT][bB]?|[bB](ytes?)?)\b/;
/** 1 TiB in MB: a larger per-process limit almost certainly was written in bytes. */
const LOOKS_LIKE_BYTES = 1024 * 1024;

export const limitAsUnits: Rule = {
  meta: {
    id: 'uwsgi/limit-as-units',
    severity: 'warning',
    description: 'limit-as (and reload-on-as/-rss, evil-reload-on-as/-rss) take megabytes: a unit suffix is ignored and a byte count becomes a limit a million times too large.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const o of optionsOfKind(c, 'megabytes')) {
        if (o.unknown || o.noValue) continue;
        const n = strtoul(o.value);
        const m = SUFFIX.exec(o.value);
        if (m) {
          ctx.report({
            at: o.at,
            message: `${o.name} "${o.value}" means ${n} MB: uWSGI ignores the "${m[2]}" suffix`,
            hint: `${o.name} is read with strtoul and multiplied by 1 MiB (set_megabytes), so only the leading digits count, always as megabytes. Write the limit in MB.`,
          });
        } else if (n >= LOOKS_LIKE_BYTES) {
          ctx.report({
            at: o.at,
            message: `${o.name} ${n} is ${n} MB (${Math.round(n / 1024 / 1024)} TB): the value looks like bytes`,
            hint: `${o.name} is in megabytes (uWSGI logs "your process address space limit is … (N MB)"). ${n} bytes is ${Math.round(n / 1024 / 1024)} MB: write that.`,
          });
        }
      }
    }
  },
};
