/** Temporary directories for tests that write files. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A new directory under the system temp dir, by its real path (macOS /tmp is a symlink). */
export function tempDir(tag: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `stacklint-${tag}-`)));
}

/** Write a file under `dir`, creating its parent directories; returns its absolute path. */
export function writeUnder(dir: string, rel: string, data: string | Buffer): string {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}
