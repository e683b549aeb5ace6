import type { Rule } from '../../core/rule.js';
import { pyEquals, truthy } from '../../parsers/django/values.js';
import { assumptionsText, get, locations, related, withRelated, wording } from './_util.js';

export const mediaRootEqualsStaticRoot: Rule = {
  meta: {
    id: 'django/media-root-equals-static-root',
    severity: 'error',
    description: 'MEDIA_ROOT and STATIC_ROOT are the same directory (Django only notices when the raw values are equal).',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      const media = get(s, 'MEDIA_ROOT');
      const stat = get(s, 'STATIC_ROOT');
      if (!media.setting || !stat.setting) continue;
      if (truthy(media.value) !== true || truthy(stat.value) !== true) continue;
      const locs = locations(media.value, stat.value, s.cwd?.path);
      if (!locs || locs[0] !== locs[1]) continue;
      const djangoSees = pyEquals(media.value, stat.value) === true;
      ctx.report(
        withRelated(
          {
            at: media.setting.at,
            message: djangoSees
              ? `The MEDIA_ROOT and STATIC_ROOT settings must have different values: ${wording('MEDIA_ROOT', media)}, ${wording('STATIC_ROOT', stat)}`
              : `MEDIA_ROOT and STATIC_ROOT are the same directory (${locs[0]}): ${wording('MEDIA_ROOT', media)}, ${wording('STATIC_ROOT', stat)}`,
            hint:
              (djangoSees
                ? 'collectstatic and runserver stop with ImproperlyConfigured. '
                : "Django's own check compares the raw values (a Path never equals a str, '/x/' is not '/x'), so it lets this through. ") +
              'User uploads and collected static files would mix in one directory: collectstatic --clear deletes uploads, and an upload can overwrite a static file. Give each its own directory.' +
              assumptionsText(media, stat),
          },
          related('STATIC_ROOT', stat),
        ),
      );
    }
  },
};
