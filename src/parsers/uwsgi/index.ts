/**
 * uwsgi front end entry points used by the engine.
 * STUB: replaced by the uwsgi front end.
 */
import type { LoadContext } from '../../core/project.js';
import type { SourceFile } from '../../core/source.js';
import type { UwsgiConfig } from './model.js';

export type { UwsgiConfig } from './model.js';

/** How sure we are that a file is of this kind (0 = not at all, 1 = certain), from its name and text. */
export function sniffUwsgi(_path: string, _text: string): number {
  return 0;
}

/** Load the roots the engine found; files reached from another root (includes, imports) are not roots of their own. */
export function loadUwsgi(roots: SourceFile[], _ctx: LoadContext): UwsgiConfig[] {
  return roots.map((root) => ({ kind: 'uwsgi', root, files: [root], options: [], problems: [] }));
}
