import type { Rule } from '../../core/rule.js';
import { display } from '../../parsers/django/values.js';
import { assumptionsText, related, staticRootAgainstDirs, withRelated, wording } from './_util.js';

export const staticRootInsideStaticfilesDirs: Rule = {
  meta: {
    id: 'django/static-root-inside-staticfiles-dirs',
    severity: 'warning',
    description: 'STATIC_ROOT is inside a STATICFILES_DIRS directory: every collectstatic copies the previous collection into itself.',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      for (const { root, dirs, entry, rootPath, dirPath } of staticRootAgainstDirs(s)) {
        if (!(dirPath === '/' ? rootPath !== '/' && rootPath.startsWith('/') : rootPath.startsWith(dirPath + '/'))) continue;
        ctx.report(
          withRelated(
            {
              at: root.setting.at,
              message: `STATIC_ROOT is inside the STATICFILES_DIRS directory ${display(entry.dir)}: ${wording('STATIC_ROOT', root)}`,
              hint:
                "Django's check (staticfiles.E002) only catches the same directory, not one inside it. collectstatic finds the previous collection under the source directory and copies it again, " +
                `so ${rootPath.slice(dirPath.length + 1)}/ nests one level deeper on every run. Move STATIC_ROOT out of the source directory.` +
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
