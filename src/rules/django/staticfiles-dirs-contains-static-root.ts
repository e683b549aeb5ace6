import type { Rule } from '../../core/rule.js';
import { display } from '../../parsers/django/values.js';
import { assumptionsText, related, staticRootAgainstDirs, withRelated, wording } from './_util.js';

export const staticfilesDirsContainsStaticRoot: Rule = {
  meta: {
    id: 'django/staticfiles-dirs-contains-static-root',
    severity: 'error',
    description: 'A STATICFILES_DIRS entry is the STATIC_ROOT directory (staticfiles.E002).',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      for (const { root, dirs, entry, rootPath, dirPath } of staticRootAgainstDirs(s)) {
        if (rootPath !== dirPath) continue;
        ctx.report(
          withRelated(
            {
              at: root.setting.at,
              message: `The STATICFILES_DIRS setting should not contain the STATIC_ROOT setting (staticfiles.E002): ${wording('STATIC_ROOT', root)}, and STATICFILES_DIRS has ${display(entry.dir)}`,
              hint:
                'STATIC_ROOT is where collectstatic copies files to; STATICFILES_DIRS are where it copies them from. Keep your source assets in a directory of their own (e.g. BASE_DIR / "assets") and let STATIC_ROOT be a separate, generated directory.' +
                assumptionsText(root, dirs),
            },
            related('STATICFILES_DIRS', dirs),
          ),
        );
        break;
      }
    }
  },
};
