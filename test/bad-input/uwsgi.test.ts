/**
 * Bad input for the uWSGI front end and rules: every input gives diagnostics (or none), never
 * an internal error, a stack trace or a hang; big inputs stay fast.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { tempDir, writeUnder } from '../helpers/scratch.js';
import { FsView } from '../../src/core/fs.js';
import { SourceFile } from '../../src/core/source.js';
import type { FileKind } from '../../src/core/rule.js';
import { lint } from '../../src/engine/lint.js';
import { parseUwsgiCommandLine } from '../../src/parsers/uwsgi/index.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('uwsgi-bad');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, data: string | Buffer): string {
  return writeUnder(dir, rel, data);
}

function run(file: string, kind: FileKind | undefined = 'uwsgi') {
  const started = performance.now();
  const r = lint({ paths: [file], cwd: dir, config: defaultConfig(dir), ...(kind ? { kind } : {}) });
  const ms = performance.now() - started;
  expect(r.internalErrors.map((e) => `${e.where}: ${e.error.stack}`)).toEqual([]);
  return { ...r, ms, ids: r.diagnostics.map((d) => d.ruleId) };
}

describe('uWSGI bad input', () => {
  it('a binary file named on the command line', () => {
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
    const r = run(write('blob.ini', bin));
    expect(r.ids).toContain('core/binary-file');
  });

  it('a binary file loaded with ini =', () => {
    write('inc/blob.bin.ini', Buffer.from([0, 1, 2, 0x5b, 0x75, 0, 0xff, 0xfe, 10, 0]));
    const r = run(write('inc/main.ini', '[uwsgi]\nini = %dblob.bin.ini\nmaster = true\n'));
    expect(r.diagnostics.filter((d) => d.ruleId === 'uwsgi/file-encoding').map((d) => d.message)).toContainEqual(expect.stringMatching(/is a binary file/));
  });

  it('invalid UTF-8: reported, the rest still read', () => {
    const text = Buffer.concat([Buffer.from('[uwsgi]\nchdir = /srv/caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\nproceses = 4\n')]);
    const r = run(write('latin1.ini', text));
    expect(r.ids).toContain('uwsgi/file-encoding');
    expect(r.ids).toContain('uwsgi/unknown-option');
  });

  it('a 100,000-line ini file (linear: 5x the lines of a 20,000-line file cost well under 12x)', () => {
    const make = (n: number) => {
      const lines = ['[uwsgi]', 'plugins = python3', 'base = /srv/app'];
      for (let i = 0; i < n; i++) {
        const k = i % 5;
        lines.push(
          k === 0 ? `env = VAR${i}=%(base)/${i}` : k === 1 ? `custom-key-${i} = ${i}` : k === 2 ? `processes = ${i % 16}` : k === 3 ? `; comment ${i}` : `route = ^/p${i}$ last:`,
        );
      }
      return lines.join('\n');
    };
    const small = run(write('big20k.ini', make(20_000)));
    const r = run(write('huge.ini', make(100_000)));
    expect(r.ms).toBeLessThan(12 * small.ms + 1000);
    expect(r.ids.filter((id) => id === 'uwsgi/unknown-option').length).toBe(20_000);
  });

  it('a single 1 MB line', () => {
    const r = run(write('longline.ini', '[uwsgi]\nenv = X=' + 'a%'.repeat(500_000) + '\n'));
    expect(r.ms).toBeLessThan(10_000);
    // 100 listed, the rest summed up.
    expect(r.ids.filter((id) => id === 'uwsgi/unknown-magic-variable').length).toBe(101);
  });

  it('placeholder cycles stop with a finding', () => {
    const r = run(write('cycle.ini', '[uwsgi]\na = x%(b)\nb = y%(c)\nc = z%(a)\nd = %(d)%(d)\n'));
    expect(r.diagnostics.filter((d) => d.ruleId === 'uwsgi/placeholder').map((d) => d.message)).toEqual(['the placeholders in "a" expand without end']);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('a self-reference doubling at every step', () => {
    const r = run(write('double.ini', '[uwsgi]\na = -%(a)%(a)\n'));
    expect(r.ids).toContain('uwsgi/placeholder');
  });

  it('a deep @(file) chain and an @(file) cycle', () => {
    for (let i = 0; i < 300; i++) write(`at/f${i}.txt`, i === 299 ? 'end\n' : `${i}-@(${path.join(dir, 'at', `f${i + 1}.txt`)})\n`);
    const r = run(write('at/chain.ini', `[uwsgi]\nenv = X=@(${path.join(dir, 'at/f0.txt')})\n`));
    expect(r.ids).not.toContain('uwsgi/at-file');
    write('at/x.txt', `x@(${path.join(dir, 'at/y.txt')})\n`);
    write('at/y.txt', `y@(${path.join(dir, 'at/x.txt')})\n`);
    const c = run(write('at/cycle.ini', `[uwsgi]\nenv = X=@(${path.join(dir, 'at/x.txt')})\n`));
    expect(c.diagnostics.find((d) => d.ruleId === 'uwsgi/at-file')?.message).toMatch(/expand without end/);
  });

  it('a deep ini include chain and an include cycle', () => {
    for (let i = 0; i < 1000; i++) write(`deep/d${i}.ini`, i === 999 ? '[uwsgi]\nmaster = true\n' : `[uwsgi]\nini = %dd${i + 1}.ini\n`);
    const r = run(write('deep/root.ini', '[uwsgi]\nini = %dd0.ini\n'));
    expect(r.diagnostics.find((d) => d.ruleId === 'uwsgi/config-load')?.message).toMatch(/nest more than 500 levels/);
    write('loop/a.ini', '[uwsgi]\nini = %db.ini\n');
    write('loop/b.ini', '[uwsgi]\nini = %da.ini\n');
    const c = run(write('loop/root.ini', '[uwsgi]\nini = %da.ini\n'));
    expect(c.ids).toContain('uwsgi/config-load');
  });

  it('deeply nested parentheses and odd magic', () => {
    const r = run(write('parens.ini', '[uwsgi]\nx = %(' + '('.repeat(10_000) + ')'.repeat(10_000) + '\ny = %' + '%('.repeat(10_000) + '\nz = $(' + '$('.repeat(5000) + '\n'));
    expect(r.ms).toBeLessThan(10_000);
  });

  it('sections, headers and keys of every odd shape', () => {
    const r = run(write('odd.ini', '[\n[]\n[[uwsgi]]\n=\n= value\n[uwsgi]\n=\n==\n =x\n[uwsgi\n\r\n\t\n%\n%'));
    expect(r.internalErrors).toEqual([]);
  });

  it('command lines of every odd shape', () => {
    const ctx = { fs: new FsView([], true), config: defaultConfig(dir) };
    const lines = [
      [''],
      ['uwsgi', ''],
      ['uwsgi', '-'],
      ['uwsgi', '--'],
      ['uwsgi', '--='],
      ['uwsgi', '---'],
      ['uwsgi', '-' + 'M'.repeat(10_000)],
      ['uwsgi', '--ini'],
      ['uwsgi', '--ini', ':'],
      ['uwsgi', '--ini', ':x'],
      ['uwsgi', '--ini', 'http://example.com/x.ini:sec'],
      ['uwsgi', '--set', 'x'],
      ['uwsgi', '--plugin', ',,,'],
      ['uwsgi', '--if-env', 'X', '--master', '--endif'],
      ['uwsgi', ...Array.from({ length: 5000 }, (_, i) => `--env=K${i}=%(k)`)],
    ];
    for (const args of lines) {
      const text = args.join(' ');
      let off = 0;
      const words = args.map((value) => {
        const start = text.indexOf(value, off);
        off = start + value.length;
        return { value, start, end: off };
      });
      const c = parseUwsgiCommandLine(words, new SourceFile(path.join(dir, 'cmd'), text), ctx);
      expect(c.kind).toBe('uwsgi');
    }
  });
});
