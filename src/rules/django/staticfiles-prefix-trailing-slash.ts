import type { Rule } from '../../core/rule.js';
import { pyRepr } from '../../parsers/django/values.js';
import { assumptionsText, get, staticDirOf } from './_util.js';

export const staticfilesPrefixTrailingSlash: Rule = {
  meta: {
    id: 'django/staticfiles-prefix-trailing-slash',
    severity: 'error',
    description: 'A STATICFILES_DIRS prefix ends with a slash (staticfiles.E003).',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      const dirs = get(s, 'STATICFILES_DIRS');
      const d = dirs.value;
      if (!dirs.setting || (d.k !== 'list' && d.k !== 'tuple')) continue;
      for (const item of d.items) {
        const entry = staticDirOf(item);
        const p = entry?.prefix;
        if (!p || p.k !== 'str' || !p.v.endsWith('/')) continue;
        ctx.report({
          at: dirs.setting.at,
          message: `The prefix ${pyRepr(p)} in the STATICFILES_DIRS setting must not end with a slash (staticfiles.E003).`,
          hint: `The prefix becomes a directory under STATIC_ROOT and a path segment under STATIC_URL; write it without the slash: ${pyRepr({ k: 'str', v: p.v.replace(/\/+$/, '') })}.` + assumptionsText(dirs),
        });
      }
    }
  },
};
