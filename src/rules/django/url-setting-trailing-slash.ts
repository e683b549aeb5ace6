import type { Rule } from '../../core/rule.js';
import { djangoUrl } from '../../parsers/django/index.js';
import { assumptionsText, get, wording } from './_util.js';

export const urlSettingTrailingSlash: Rule = {
  meta: {
    id: 'django/url-setting-trailing-slash',
    severity: 'error',
    description: 'STATIC_URL or MEDIA_URL does not end with a slash (urls.E006).',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      for (const name of ['STATIC_URL', 'MEDIA_URL']) {
        const l = get(s, name);
        if (!l.setting) continue;
        const v = djangoUrl(l.value);
        if (v.k !== 'str' || v.v === '' || v.v.endsWith('/')) continue;
        ctx.report({
          at: l.setting.at,
          message: `The ${name} setting must end with a slash (urls.E006): ${wording(name, l)}`,
          hint: `Django joins file names to ${name} without adding a slash, so '${v.v}' + 'css/site.css' would give '${v.v}css/site.css'. Write '${v.v}/'.` + assumptionsText(l),
        });
      }
    }
  },
};
