import type { Rule } from '../../core/rule.js';
import { truthy } from '../../parsers/django/values.js';
import { assumptionsText, get, related, spanOf, withRelated, wording } from './_util.js';

const STATICFILES_APP = /^django\.contrib\.staticfiles(\.apps\.StaticFilesConfig)?$/;

export const staticRootUnset: Rule = {
  meta: {
    id: 'django/static-root-unset',
    severity: 'warning',
    description: 'django.contrib.staticfiles is installed but STATIC_ROOT is not set: collectstatic has nowhere to copy to.',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      if (!s.deployed) continue;
      const apps = get(s, 'INSTALLED_APPS');
      const a = apps.value;
      if (!apps.setting || (a.k !== 'list' && a.k !== 'tuple')) continue;
      if (!a.items.some((x) => x.k === 'str' && STATICFILES_APP.test(x.v))) continue;
      const root = get(s, 'STATIC_ROOT');
      if (truthy(root.value) !== false) continue;
      ctx.report(
        withRelated(
          {
            at: root.setting ? spanOf(s, root) : apps.setting.at,
            message: `You're using the staticfiles app without having set the STATIC_ROOT setting to a filesystem path: ${wording('STATIC_ROOT', root)}`,
            hint:
              "Django's checks do not catch this; `manage.py collectstatic` fails with ImproperlyConfigured, so the files the web server should serve are never collected. " +
              "Set STATIC_ROOT to the directory nginx serves STATIC_URL from, e.g. STATIC_ROOT = BASE_DIR / 'staticfiles'." +
              assumptionsText(root),
          },
          related('INSTALLED_APPS', apps),
        ),
      );
    }
  },
};
