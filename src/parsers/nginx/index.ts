/**
 * nginx front end entry points used by the engine.
 */
import type { LoadContext } from '../../core/project.js';
import type { SourceFile } from '../../core/source.js';
import type { NginxConfig } from './ast.js';
import { loadNginxConfigs } from './loader.js';

export type * from './ast.js';
export { sniffNginx } from './sniff.js';
export { parseNginx } from './parser.js';
export { NginxLoader } from './loader.js';

/**
 * Load nginx configs from candidate files. Files that another candidate includes are
 * linted in that context and are not configs of their own.
 */
export function loadNginx(candidates: SourceFile[], ctx: LoadContext): NginxConfig[] {
  return loadNginxConfigs(candidates, ctx);
}
