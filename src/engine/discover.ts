/**
 * Which files to lint, and as what.
 *
 * Discovery rules (documented in docs/discovery.md):
 * - A file named on the command line is always linted: its kind comes from `--kind`, or
 *   from the front end that recognises it most surely (names first, then content).
 * - In a directory, files are found recursively, skipping dot-directories, `node_modules`,
 *   `__pycache__` and virtualenvs (a directory holding `pyvenv.cfg` or `site-packages`).
 *   Candidates are `*.conf`, `*.ini`, `*.py`, `nginx.conf`-like names, and extension-less
 *   files under `sites-*`/`conf.d`; each is kept only when a front end claims it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParseProblem } from '../core/diagnostic.js';
import type { FsView } from '../core/fs.js';
import type { FileKind } from '../core/rule.js';
import { SourceFile } from '../core/source.js';
import { sniffNginx } from '../parsers/nginx/index.js';
import { sniffUwsgi } from '../parsers/uwsgi/index.js';
import { sniffSupervisor } from '../parsers/supervisor/index.js';
import { sniffDjango } from '../parsers/django/index.js';

export const FILE_KINDS: FileKind[] = ['nginx', 'uwsgi', 'supervisor', 'django'];

const SNIFFERS: Record<FileKind, (p: string, text: string) => number> = {
  nginx: sniffNginx,
  uwsgi: sniffUwsgi,
  supervisor: sniffSupervisor,
  django: sniffDjango,
};

/** Below this, a discovered file is left alone. */
const DISCOVERY_THRESHOLD = 0.5;
const SKIP_DIRS = new Set(['node_modules', '__pycache__', 'site-packages', 'dist-packages']);

export interface Discovery {
  roots: Record<FileKind, SourceFile[]>;
  problems: ParseProblem[];
  /** Paths that could not be linted at all (missing), for the CLI to report as usage errors. */
  missing: string[];
}

export function classify(source: SourceFile): { kind: FileKind; score: number } | undefined {
  let best: { kind: FileKind; score: number } | undefined;
  const sample = source.text.length > 65536 ? source.text.slice(0, 65536) : source.text;
  for (const kind of FILE_KINDS) {
    const score = SNIFFERS[kind](source.path, sample);
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  return best;
}

export function discover(paths: string[], cwd: string, fsView: FsView, forcedKind?: FileKind): Discovery {
  const result: Discovery = {
    roots: { nginx: [], uwsgi: [], supervisor: [], django: [] },
    problems: [],
    missing: [],
  };
  const seen = new Set<string>();
  const add = (kind: FileKind, source: SourceFile) => {
    if (seen.has(source.path)) return;
    seen.add(source.path);
    result.roots[kind].push(source);
  };

  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    const kind = fsView.kindOf(abs);
    if (kind === 'missing') {
      result.missing.push(given);
      continue;
    }
    if (kind === 'directory') {
      const unreadable: string[] = [];
      for (const file of walk(abs, unreadable)) {
        const read = fsView.read(file);
        if (!read.ok || read.source.decode.binary) continue;
        if (forcedKind) {
          if (SNIFFERS[forcedKind](file, read.source.text) >= DISCOVERY_THRESHOLD) add(forcedKind, read.source);
          continue;
        }
        const c = classify(read.source);
        if (c && c.score >= DISCOVERY_THRESHOLD) add(c.kind, read.source);
      }
      // A directory that cannot be listed would otherwise look clean.
      for (const dir of unreadable) result.problems.push(fileProblem('core/unreadable-file', dir, `cannot list the directory "${dir}" (permission denied or I/O error)`));
      continue;
    }
    const read = fsView.read(abs);
    if (!read.ok) {
      result.problems.push(fileProblem('core/unreadable-file', abs, `cannot read ${read.message}`));
      continue;
    }
    const source = read.source;
    if (source.decode.binary) {
      result.problems.push(
        wholeFileProblem(
          'core/binary-file',
          source,
          'this is a binary file (it contains NUL bytes), not a configuration file',
          'Check the path; stacklint reads nginx, uWSGI, supervisor and Django settings files.',
        ),
      );
      continue;
    }
    const k = forcedKind ?? classify(source)?.kind;
    if (!k) {
      result.problems.push(
        wholeFileProblem(
          'core/unrecognized-file',
          source,
          'not recognised as an nginx, uWSGI, supervisor or Django settings file',
          'Name the kind with --kind nginx|uwsgi|supervisor|django.',
        ),
      );
      continue;
    }
    add(k, source);
  }
  return result;
}

/** A problem with a file as a whole, reported at its start. */
function wholeFileProblem(ruleId: string, source: SourceFile, message: string, hint?: string): ParseProblem {
  return { ruleId, at: { source, start: 0, end: 0 }, message, ...(hint ? { hint } : {}) };
}

function fileProblem(ruleId: string, file: string, message: string): ParseProblem {
  // An unreadable file has no text.
  return wholeFileProblem(ruleId, new SourceFile(file, ''), message);
}

function isCandidate(file: string): boolean {
  const base = path.basename(file);
  const dir = path.basename(path.dirname(file));
  if (/\.(conf|ini|py)$/.test(base)) return true;
  if (/^nginx/.test(base) && !base.includes('.')) return true;
  return !base.includes('.') && (dir.startsWith('sites-') || dir === 'conf.d');
}

/** Files under a directory, sorted, depth-first, skipping tool and virtualenv directories. */
function* walk(dir: string, unreadable: string[]): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    unreadable.push(dir);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.some((e) => e.name === 'pyvenv.cfg')) return;
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      yield* walk(p, unreadable);
    } else if (e.isFile() && isCandidate(p)) {
      yield p;
    }
  }
}
