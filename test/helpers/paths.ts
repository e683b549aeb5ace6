/**
 * Where the tests find the repository and the shared material beside it (`../shared`, as CI
 * clones it), and the corpus manifest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED = path.resolve(REPO_ROOT, '../shared');
export const EXPERIMENTS = path.join(SHARED, 'facts/experiments');
export const CORPUS = path.join(SHARED, 'corpus');

export interface CorpusEntry {
  /** Path under the corpus directory, as MANIFEST.tsv names it. */
  rel: string;
  /** Absolute path. */
  file: string;
  /** MANIFEST.tsv's `kind`: nginx, uwsgi, supervisor, django or other. */
  kind: string;
  /** The public repository the file comes from. */
  repo: string;
}

/** Files of the corpus (all, or of one kind) from MANIFEST.tsv; none when the corpus is absent. */
export function corpusEntries(kind?: string): CorpusEntry[] {
  const manifest = path.join(CORPUS, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) return [];
  const lines = fs.readFileSync(manifest, 'utf8').split('\n');
  const head = lines[0]!.split('\t');
  const col = (name: string) => head.indexOf(name);
  const entries: CorpusEntry[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const c = line.split('\t');
    const rel = c[col('local_path')]!;
    const entry = { rel, file: path.join(CORPUS, rel), kind: c[col('kind')]!, repo: c[col('repo')]! };
    if (!kind || entry.kind === kind) entries.push(entry);
  }
  return entries;
}
