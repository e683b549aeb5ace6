/**
 * nginx front end entry points used by the engine.
 * STUB: replaced by the nginx front end.
 */
import type { LoadContext } from '../../core/project.js';
import type { SourceFile } from '../../core/source.js';
import type { NginxConfig } from './ast.js';

export type * from './ast.js';

/** How sure we are that a file is an nginx config (0..1), from its name and text. */
export function sniffNginx(_path: string, _text: string): number {
  return 0;
}

/**
 * Load nginx configs from candidate files. Files that another candidate includes are
 * linted in that context and are not configs of their own.
 */
export function loadNginx(candidates: SourceFile[], _ctx: LoadContext): NginxConfig[] {
  return candidates.map((main) => {
    const file = { source: main, children: [], problems: [] };
    return { kind: 'nginx', main: file, files: [file], rootContext: 'main', rootContextReason: 'stub', problems: [] };
  });
}
