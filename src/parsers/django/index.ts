/**
 * django front end entry points used by the engine.
 * STUB: replaced by the django front end.
 */
import type { LoadContext, Project } from '../../core/project.js';
import type { SourceFile } from '../../core/source.js';
import type { DjangoSettings } from './model.js';

export type { DjangoSettings } from './model.js';

/** How sure we are that a file is of this kind (0 = not at all, 1 = certain), from its name and text. */
export function sniffDjango(_path: string, _text: string): number {
  return 0;
}

/**
 * Load the roots (the project is passed with nginx, uWSGI and supervisor already loaded, so
 * DJANGO_SETTINGS_MODULE and environments can be taken from uWSGI `env =` / supervisor
 * `environment=`).
 */
/** Load the roots the engine found; files reached from another root (includes, imports) are not roots of their own. */
export function loadDjango(roots: SourceFile[], _ctx: LoadContext, _project: Project): DjangoSettings[] {
  return roots.map((root) => ({ kind: 'django', root, files: [root], problems: [] }));
}
