/**
 * The CLI as a user runs it: the built `dist/src/cli/main.js` (npm test builds first).
 * Exit status 0 = clean, 1 = errors or too many warnings, 2 = usage or internal error.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin/stacklint.cjs');
let dir: string;

function run(args: string[], env: Record<string, string> = {}, cwd = dir) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('build first: npm test runs tsc before vitest');
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-cli-')));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'plain prose\n');
  fs.writeFileSync(path.join(dir, 'blob.conf'), Buffer.from([0x50, 0x4b, 0, 0, 1, 2]));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stacklint CLI', () => {
  it('prints its version and help with exit 0', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = run(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });

  it('exits 2 on a usage error', () => {
    const r = run(['check', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(run(['check', '--max-warnings', 'many', 'notes.txt']).code).toBe(2);
    expect(run(['check', '--map', 'relative=x', 'notes.txt']).code).toBe(2);
  });

  it('exits 2 when a path does not exist, naming it', () => {
    const r = run(['check', 'no-such-file.conf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-file.conf: no such file or directory');
  });

  it('exits 1 on errors and prints a code frame, the rule id and a summary', () => {
    const r = run(['check', 'blob.conf'], { NO_COLOR: '1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('blob.conf');
    expect(r.stdout).toContain('core/binary-file');
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 0 with warnings only, 1 when they exceed --max-warnings', () => {
    expect(run(['check', 'notes.txt']).code).toBe(0);
    const r = run(['check', '--max-warnings', '0', 'notes.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('exceed --max-warnings 0');
  });

  it('colours only when asked or on a TTY, and honours NO_COLOR', () => {
    expect(run(['check', 'notes.txt']).stdout).not.toMatch(/\u001b\[/);
    expect(run(['check', '--color', 'notes.txt']).stdout).toMatch(/\u001b\[/);
    expect(run(['check', 'notes.txt'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('writes machine-readable JSON', () => {
    const r = run(['check', '--format', 'json', 'notes.txt', 'blob.conf']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.summary).toMatchObject({ errors: 1, warnings: 1 });
    const d = doc.diagnostics.find((x: { ruleId: string }) => x.ruleId === 'core/binary-file');
    expect(d.range.start).toEqual({ offset: 0, line: 1, column: 1 });
    expect(d.docs).toMatch(/docs\/rules\/core\/binary-file\.md$/);
  });

  it('reads .stacklintrc.json and lets it turn a rule off', () => {
    const sub = path.join(dir, 'cfg');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, 'notes.txt'), 'prose\n');
    fs.writeFileSync(path.join(sub, '.stacklintrc.json'), JSON.stringify({ rules: { 'core/unrecognized-file': 'off' } }));
    const r = run(['check', '--format', 'json', 'cfg/notes.txt']);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
    fs.writeFileSync(path.join(sub, '.stacklintrc.json'), '{"rules": {"core/unrecognized-file": "loud"}}');
    const bad = run(['check', 'cfg/notes.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/must be "error", "warning", "info", "off"/);
  });

  it('stops quietly with its exit status when the reader of its output goes away (`| head`)', async () => {
    // Output well beyond a pipe's 64 KiB buffer, so the write meets the closed pipe.
    const many = path.join(dir, 'many');
    fs.mkdirSync(many, { recursive: true });
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(many, `app${i}.ini`), '[uwsgi]\nbuffer-size = 32k\nmaster = false ; off\n');
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', 'many'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('lists the rules', () => {
    const r = run(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.stdout).map((m: { id: string }) => m.id);
    expect(ids).toContain('core/binary-file');
  });
});

describe('the V8 code cache of bin/stacklint.cjs', () => {
  it('is written by a check run, named after what it covers, remade when a run needs more', () => {
    const install = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-install-')));
    try {
      for (const f of ['bin/stacklint.cjs', 'dist/stacklint.cjs', 'package.json']) {
        fs.mkdirSync(path.join(install, path.dirname(f)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, f), path.join(install, f));
      }
      fs.cpSync(path.join(ROOT, 'data'), path.join(install, 'data'), { recursive: true });
      const cacheDir = path.join(install, 'node_modules/.cache/stacklint');
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(path.join(cacheDir, 'stale.bin'), 'from an earlier build');
      const bin = path.join(install, 'bin/stacklint.cjs');
      const runInstalled = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      const key = `-${process.version}-${process.arch}`;
      const cacheFiles = () => fs.readdirSync(cacheDir).map((f) => f.slice(f.indexOf(key) + key.length));

      expect(runInstalled(['--version']).status).toBe(0);
      expect(fs.readdirSync(cacheDir)).toEqual(['stale.bin']);

      fs.writeFileSync(path.join(dir, 'app.ini'), '[uwsgi]\nmaster = true\n');
      expect(runInstalled(['check', 'app.ini']).status).toBe(0);
      expect(cacheFiles()).toEqual(['.stylish+uwsgi.bin']);
      const first = fs.statSync(path.join(cacheDir, fs.readdirSync(cacheDir)[0]!)).mtimeMs;

      // A run within what the cache covers reads it and leaves it alone.
      expect(runInstalled(['check', 'app.ini']).status).toBe(0);
      expect(fs.statSync(path.join(cacheDir, fs.readdirSync(cacheDir)[0]!)).mtimeMs).toBe(first);

      // A run that needs more (another kind, another format) makes it again, covering both.
      fs.writeFileSync(path.join(dir, 'nginx.conf'), 'events {}\n');
      const wider = runInstalled(['check', '--format', 'json', 'app.ini', 'nginx.conf']);
      expect(wider.status).toBe(0);
      expect(JSON.parse(wider.stdout).files).toHaveLength(2);
      expect(cacheFiles()).toEqual(['.json+nginx+stylish+uwsgi.bin']);
    } finally {
      fs.rmSync(install, { recursive: true, force: true });
    }
  });
});
