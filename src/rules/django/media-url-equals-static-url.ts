import type { Rule } from '../../core/rule.js';
import { djangoUrl } from '../../parsers/django/index.js';
import { truthy } from '../../parsers/django/values.js';
import { assumptionsText, get, related, spanOf, withRelated, wording } from './_util.js';

export const mediaUrlEqualsStaticUrl: Rule = {
  meta: {
    id: 'django/media-url-equals-static-url',
    severity: 'error',
    description: 'MEDIA_URL and STATIC_URL are the same URL.',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      const media = get(s, 'MEDIA_URL');
      const stat = get(s, 'STATIC_URL');
      if (!stat.setting) continue;
      const m = djangoUrl(media.value);
      const st = djangoUrl(stat.value);
      if (m.k !== 'str' || st.k !== 'str' || truthy(st) !== true || m.v !== st.v) continue;
      ctx.report(
        withRelated(
          {
            at: media.setting ? spanOf(s, media) : stat.setting.at,
            message: `The MEDIA_URL and STATIC_URL settings must have different values: ${wording('MEDIA_URL', media, "'' (read as '/')")}, ${wording('STATIC_URL', stat)}`,
            hint:
              "Django's checks do not catch this; collectstatic and runserver stop with ImproperlyConfigured, and nginx cannot route uploads and static files from one URL prefix to two directories. Use e.g. '/static/' and '/media/'." +
              assumptionsText(media, stat),
          },
          related('STATIC_URL', stat),
        ),
      );
    }
  },
};
