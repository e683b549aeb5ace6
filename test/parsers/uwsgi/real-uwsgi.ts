/**
 * Run Debian's real uWSGI (`/usr/bin/uwsgi`) and read back the options it derived, for the
 * parity suites (test/parity/uwsgi*.test.ts).
 *
 * `--show-config` prints every exported option after the `$()`, `@()` and `%()` passes
 * (core/uwsgi.c:1026). Without a socket uWSGI then exits by itself ("The -s/--socket option
 * is missing and stdin is not a socket."), in a few milliseconds. When a case does bind a
 * socket (only 127.0.0.1 or a unix socket in a temp dir), the process group is killed as
 * soon as the configuration has been printed. Each run has a hard timeout.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config.js';
import { FsView } from '../../../src/core/fs.js';
import type { LoadContext } from '../../../src/core/project.js';
import type { UwsgiConfig } from '../../../src/parsers/uwsgi/model.js';

export const UWSGI_BIN = '/usr/bin/uwsgi';
export const HAVE_UWSGI = fs.existsSync(UWSGI_BIN);

export interface UwsgiRun {
  /** `key = value` lines of show-config, or undefined when uWSGI stopped before printing them. */
  lines?: string[];
  output: string;
  code: number | null;
}

const START = ';uWSGI instance configuration\n[uwsgi]\n';
const END = ';end of configuration';

export function runUwsgi(args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs?: number; bin?: string }): Promise<UwsgiRun> {
  return new Promise((resolve) => {
    const child = spawn(opts.bin ?? UWSGI_BIN, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let done = false;
    const finish = (code: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      const s = output.indexOf(START);
      const e = s === -1 ? -1 : output.indexOf(END, s);
      const run: UwsgiRun = { output, code };
      if (s !== -1 && e !== -1) run.lines = output.slice(s + START.length, e).replace(/\n$/, '').split('\n');
      resolve(run);
    };
    const onData = (d: Buffer) => {
      output += d.toString('utf8');
      if (output.includes(END)) setTimeout(() => finish(null), 20);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => setTimeout(() => finish(code), 20));
    const timer = setTimeout(() => finish(null), opts.timeoutMs ?? 5000);
  });
}

/** The show-config lines stacklint's model predicts (unknown values as `null`). */
export function predictedLines(c: UwsgiConfig): Array<{ key: string; value: string | null }> {
  const out: Array<{ key: string; value: string | null }> = [];
  for (const o of c.options) {
    if (o.unknown) {
      out.push({ key: o.name, value: null });
      continue;
    }
    // A value holding newlines (from an @(file)) prints as several lines.
    const lines = (o.noValue ? 'true' : o.value).split('\n');
    out.push({ key: o.name, value: lines[0]! });
    for (const l of lines.slice(1)) out.push({ key: '', value: l });
  }
  return out;
}

/** Compare show-config with the model; returns a list of differences (empty when equal). */
export function compareLines(actual: string[], c: UwsgiConfig): string[] {
  const predicted = predictedLines(c);
  const diffs: string[] = [];
  const n = Math.max(actual.length, predicted.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const p = predicted[i];
    if (a === undefined) {
      diffs.push(`#${i}: uWSGI has no line, stacklint has ${p!.key} = ${p!.value}`);
      continue;
    }
    if (p === undefined) {
      diffs.push(`#${i}: uWSGI has "${a}", stacklint has nothing`);
      continue;
    }
    if (p.value === null) {
      if (!a.startsWith(`${p.key} = `)) diffs.push(`#${i}: uWSGI "${a}" vs stacklint key ${p.key} (unknown value)`);
      continue;
    }
    const expected = p.key === '' ? p.value : `${p.key} = ${p.value}`;
    if (a !== expected) diffs.push(`#${i}: uWSGI "${a}" vs stacklint "${expected}"`);
  }
  return diffs;
}

export function tempDir(tag: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `stacklint-${tag}-`)));
}

export function loadContext(env: Record<string, string>, hostChecks = true): LoadContext {
  const config = defaultConfig('/');
  config.env = env;
  config.hostChecks = hostChecks;
  return { fs: new FsView([], hostChecks), config };
}

/** A minimal environment for uWSGI runs (no UWSGI_* from the test runner). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', ...extra };
}
