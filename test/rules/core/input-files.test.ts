import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { lint } from '../../../src/engine/lint.js';
import { binaryFile } from '../../../src/rules/core/binary-file.js';
import { unrecognizedFile } from '../../../src/rules/core/unrecognized-file.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(binaryFile, {
  valid: [{ name: 'a text config', files: { 'nginx.conf': 'events {}\n' }, kind: 'nginx' }],
  invalid: [
    {
      name: 'NUL bytes',
      files: { 'app.conf': 'PK\u0003\u0004\u0000\u0000binary' },
      errors: [{ message: /binary file/, line: 1, column: 1 }],
    },
  ],
});

testRule(unrecognizedFile, {
  valid: [{ name: 'kind given', files: { 'notes.txt': 'events {}\n' }, kind: 'nginx' }],
  invalid: [{ name: 'prose', files: { 'notes.txt': 'just some notes\n' }, errors: [{ message: /not recognised/ }] }],
});

describe('core/unreadable-file', () => {
  it('reports a symbolic-link loop instead of throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-unreadable-'));
    fs.symlinkSync(path.join(dir, 'b.conf'), path.join(dir, 'a.conf'));
    fs.symlinkSync(path.join(dir, 'a.conf'), path.join(dir, 'b.conf'));
    const result = lint({ paths: [path.join(dir, 'a.conf')], cwd: dir, config: defaultConfig(dir) });
    expect(result.internalErrors).toEqual([]);
    const found = result.diagnostics.filter((d) => d.ruleId === 'core/unreadable-file');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/symbolic link loop/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('binary detection', () => {
  it('calls an ELF-like file binary but not a text file with a stray NUL', async () => {
    const { looksBinary } = await import('../../../src/core/source.js');
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
    expect(looksBinary(elf)).toBe(true);
    const text = new TextEncoder().encode('events {}\nhttp {\n  # a\u0000b\n  sendfile on;\n}\n'.repeat(3));
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(new TextEncoder().encode('plain text\n'))).toBe(false);
  });
});

describe('core/unreadable-file for directories', () => {
  it('reports a directory that cannot be listed instead of calling it clean', () => {
    // Root lists anything, so the CLI runs as an unprivileged user (the tests run as root).
    const cli = path.resolve(import.meta.dirname, '../../../bin/stacklint.cjs');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-locked-'));
    fs.chmodSync(dir, 0o755);
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'nginx.conf'), 'events {}\n');
    fs.chmodSync(locked, 0o000);
    try {
      const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, cli, 'check', '--format', 'json', dir], {
        encoding: 'utf8',
        cwd: '/',
        timeout: 30_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const doc = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; message: string }> };
      expect(doc.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
        ['core/unreadable-file', `cannot list the directory "${locked}" (permission denied or I/O error)`],
      ]);
    } finally {
      fs.chmodSync(locked, 0o755);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
