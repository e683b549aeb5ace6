import type { Rule } from '../../core/rule.js';
import { display, truthy } from '../../parsers/django/values.js';
import { assumptionsText, get, locations, related, staticDirOf, withRelated, wording } from './_util.js';

export const staticRootInsideStaticfilesDirs: Rule = {
  meta: {
    id: 'django/static-root-inside-staticfiles-dirs',
    severity: 'warning',
    description: 'STATIC_ROOT is inside a STATICFILES_DIRS directory: every collectstatic copies the previous collection into itself.',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      const root = get(s, 'STATIC_ROOT');
      const dirs = get(s, 'STATICFILES_DIRS');
      if (!root.setting || truthy(root.value) !== true) continue;
      const d = dirs.value;
      if (d.k !== 'list' && d.k !== 'tuple') continue;
      for (const item of d.items) {
        const entry = staticDirOf(item);
        if (!entry) continue;
        const locs = locations(root.value, entry.dir, s.cwd?.path);
        if (!locs) continue;
        const [r, dir] = locs;
        if (!(dir === '/' ? r !== '/' && r.startsWith('/') : r.startsWith(dir + '/'))) continue;
        ctx.report(
          withRelated(
            {
              at: root.setting.at,
              message: `STATIC_ROOT is inside the STATICFILES_DIRS directory ${display(entry.dir)}: ${wording('STATIC_ROOT', root)}`,
              hint:
                "Django's check (staticfiles.E002) only catches the same directory, not one inside it. collectstatic finds the previous collection under the source directory and copies it again, " +
                `so ${r.slice(dir.length + 1)}/ nests one level deeper on every run. Move STATIC_ROOT out of the source directory.` +
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
