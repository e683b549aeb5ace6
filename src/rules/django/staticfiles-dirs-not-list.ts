import type { Rule } from '../../core/rule.js';
import { isKnown } from '../../parsers/django/values.js';
import { assumptionsText, get, wording } from './_util.js';

export const staticfilesDirsNotList: Rule = {
  meta: {
    id: 'django/staticfiles-dirs-not-list',
    severity: 'error',
    description: 'STATICFILES_DIRS is not a list or tuple (staticfiles.E001).',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      const dirs = get(s, 'STATICFILES_DIRS');
      const v = dirs.value;
      if (!dirs.setting || !isKnown(v) || v.k === 'list' || v.k === 'tuple') continue;
      ctx.report({
        at: dirs.setting.at,
        message: `The STATICFILES_DIRS setting is not a tuple or list (staticfiles.E001): ${wording('STATICFILES_DIRS', dirs)}`,
        hint:
          'Perhaps you forgot a trailing comma? `(x)` is just x; a one-element tuple is `(x,)`, or use a list `[x]`. ' +
          '`manage.py check` and `collectstatic` stop on this error, and the finders iterate over the characters of a string.' +
          assumptionsText(dirs),
      });
    }
  },
};
