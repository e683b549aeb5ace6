/**
 * supervisor front end entry points used by the engine.
 * STUB: replaced by the supervisor front end.
 */
import type { LoadContext } from '../../core/project.js';
import type { SourceFile } from '../../core/source.js';
import type { SupervisorConfig } from './model.js';

export type { SupervisorConfig } from './model.js';

/** How sure we are that a file is of this kind (0 = not at all, 1 = certain), from its name and text. */
export function sniffSupervisor(_path: string, _text: string): number {
  return 0;
}

/** Load the roots the engine found; files reached from another root (includes, imports) are not roots of their own. */
export function loadSupervisor(roots: SourceFile[], _ctx: LoadContext): SupervisorConfig[] {
  return roots.map((root) => ({ kind: 'supervisor', root, files: [root], sections: [], problems: [] }));
}
