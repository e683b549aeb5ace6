/**
 * The built CLI (`bin/stacklint.cjs`) for suites that run it as a user does: build it when it
 * is missing or older than the sources (`npm test` builds first; a lone `vitest run` of such
 * a suite builds here), and run it with a timeout so a hang is a failure, not a stuck run.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './paths.js';

export const CLI = path.join(REPO_ROOT, 'bin/stacklint.cjs');
/** What the build writes; bin/stacklint.cjs loads it. */
const BUNDLE = path.join(REPO_ROOT, 'dist/stacklint.cjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Build dist/stacklint.cjs unless it is newer than every file under src/ and data/. */
export function ensureBuilt(): void {
  const lock = path.join(REPO_ROOT, 'dist', '.tests-build.lock');
  const fresh = () =>
    fs.existsSync(BUNDLE) &&
    fs.statSync(BUNDLE).mtimeMs >= Math.max(newestMtime(path.join(REPO_ROOT, 'src')), newestMtime(path.join(REPO_ROOT, 'data')));
  if (fresh()) return;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another test file is building: wait for it.
      if (Date.now() > deadline) throw new Error(`stale build lock ${lock}`);
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    if (fresh()) return;
    const r = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 170_000 });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Run `node bin/stacklint.cjs ARGS`, optionally as another user (`runuser -u USER --`). */
export function runCli(args: string[], opts: { cwd: string; timeoutMs?: number; asUser?: string } = { cwd: REPO_ROOT }): CliRun {
  const argv = [process.execPath, CLI, ...args];
  const [cmd, ...rest] = opts.asUser ? ['runuser', '-u', opts.asUser, '--', ...argv] : argv;
  const t0 = Date.now();
  const r: SpawnSyncReturns<string> = spawnSync(cmd!, rest, {
    cwd: opts.cwd,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' },
  });
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    ms: Date.now() - t0,
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
  };
}

/** The run ended under control: no hang, signal, stack trace or internal error; exit 0, 1 or 2. */
export function expectControlled(r: CliRun): void {
  const where = `exit ${r.code} signal ${r.signal} after ${r.ms} ms\nstderr: ${r.stderr.slice(0, 2000)}`;
  expect(r.timedOut, where).toBe(false);
  expect(r.signal, where).toBeNull();
  expect([0, 1, 2], where).toContain(r.code);
  expect(r.stderr, where).not.toMatch(/^\s+at /m);
  expect(r.stderr.toLowerCase(), where).not.toContain('internal error');
}
