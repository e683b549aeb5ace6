/**
 * Where stacklint's own files are: the directory holding its package.json. Found by walking
 * up from this module, so it works from `src/` (tests), `dist/src/` (tsc output) and the
 * single-file bundle `dist/stacklint.cjs` alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'stacklint') return (cached = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`stacklint: cannot find its package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** A file under the package's `data/` directory (generated upstream tables). */
export function dataFile(...parts: string[]): string {
  return path.join(packageRoot(), 'data', ...parts);
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
