import type { Rule } from '../../core/rule.js';
import { named } from '../../parsers/nginx/analysis.js';
import { analyses } from './_structure.js';

export const missingEvents: Rule = {
  meta: {
    id: 'nginx/missing-events',
    severity: 'error',
    description: 'A main nginx.conf without an "events" block.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      // Only a main configuration; a snippet is included into one that may have it.
      if (a.config.rootContext !== 'main' || a.root.context !== 'main' || a.truncated) continue;
      if (named(a, 'events').some((v) => v.frame === a.root)) continue;
      // An include at the top level that we could not read might hold it.
      if (named(a, 'include').some((v) => v.frame === a.root && (!v.d.include || v.d.include.files.length === 0))) continue;
      const main = a.config.main;
      ctx.report({
        at: { source: main.source, start: 0, end: 0 },
        message: 'no "events" section in configuration',
        hint: 'nginx refuses to start without an "events" block at the top level of nginx.conf, even an empty one: add "events { }".',
      });
    }
  },
};
