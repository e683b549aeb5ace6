/**
 * Bad input for the Django front end: every input gives diagnostics (or none), never an
 * internal error, a stack trace or a hang; big and deep inputs stay fast.
 */
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { tempDir, writeUnder } from '../helpers/scratch.js';
import { SourceFile } from '../../src/core/source.js';
import type { FileKind } from '../../src/core/rule.js';
import { lint } from '../../src/engine/lint.js';
import { parsePython } from '../../src/parsers/django/python/parser.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('django-bad');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, data: string | Buffer): string {
  return writeUnder(dir, rel, data);
}

function run(file: string, kind: FileKind | undefined = 'django') {
  const started = performance.now();
  const r = lint({ paths: [file], cwd: dir, config: defaultConfig(dir), ...(kind ? { kind } : {}) });
  const ms = performance.now() - started;
  expect(r.internalErrors.map((e) => `${e.where}: ${e.error.stack}`)).toEqual([]);
  const syntax = r.diagnostics.filter((d) => d.ruleId === 'django/python-syntax-error');
  return { ...r, ms, ids: r.diagnostics.map((d) => d.ruleId), syntax: syntax.map((d) => `${d.range.start.line}: ${d.message}`) };
}

describe('Django bad input', () => {
  it('syntax errors everywhere: each reported, the rest still evaluated', () => {
    const r = run(
      write(
        'errors/settings.py',
        [
          'DEBUG = (',
          'ALLOWED_HOSTS = []',
          'def f(:',
          '    pass',
          'class',
          'X = [1, 2',
          '  Y = 3',
          'STATIC_URL = "/static"',
          'if True',
          '    pass',
          'Z = 1 +* 2',
          '',
        ].join('\n'),
      ),
    );
    expect(r.syntax.length).toBeGreaterThanOrEqual(5);
    // STATIC_URL after the errors is still read (E006 fires).
    expect(r.ids).toContain('django/url-setting-trailing-slash');
  });

  it('a Python 2 settings file', () => {
    const r = run(
      write(
        'py2/settings.py',
        [
          '# -*- coding: utf-8 -*-',
          'import os',
          'BASE_DIR = os.path.dirname(os.path.abspath(__file__))',
          'print "loading settings"',
          'try:',
          '    from local_settings import *',
          'except ImportError, e:',
          '    print >>sys.stderr, "no local settings: %s" % e',
          'FILE_UPLOAD_PERMISSIONS = 0644',
          'SECRET_KEY = ur"abc"',
          'exec "X = 1"',
          'raise ValueError, "bad"',
          'DEBUG = `1` <> 2',
          'STATIC_URL = "/static/"',
          '',
        ].join('\n'),
      ),
    );
    expect(r.syntax.length).toBeGreaterThanOrEqual(8);
    const hints = r.diagnostics.filter((d) => /Python 2/.test(d.hint ?? '')).length;
    expect(hints).toBeGreaterThanOrEqual(6);
  });

  it('mixed tabs and spaces', () => {
    const r = run(write('tabs/settings.py', 'if True:\n\tDEBUG = False\n        ALLOWED_HOSTS = []\nif 1:\n    \tX = 1\n\tY = 2\n'));
    expect(r.syntax.filter((s) => /inconsistent use of tabs and spaces/.test(s)).length).toBe(2);
  });

  it('a 10,000-line settings file, in time linear in its size', () => {
    const settings = (size: number) => {
      const lines: string[] = ['import os', 'BASE_DIR = os.path.dirname(os.path.abspath(__file__))'];
      for (let i = 0; lines.length < size; i++) {
        lines.push(`SETTING_${i} = os.path.join(BASE_DIR, "dir${i}")`);
        lines.push(`LIST_${i} = ["a", "b", {"k": ${i}, "v": f"{BASE_DIR}/x"}]`);
        lines.push(`if SETTING_${i}.endswith("7"):\n    FLAG_${i} = True\nelse:\n    FLAG_${i} = False`);
      }
      lines.push('STATIC_URL = "/static"');
      return lines.join('\n') + '\n';
    };
    const small = run(write('small/settings.py', settings(1000)));
    const r = run(write('big/settings.py', settings(10_000)));
    expect(r.ids).toContain('django/url-setting-trailing-slash');
    // Ten times the lines may take ten times as long (twenty, for a busy machine), not a hundred.
    expect(r.ms).toBeLessThan(20 * small.ms + 2000);
  });

  it('1,000-deep expressions', () => {
    const n = 1000;
    const src = [
      `A = ${'('.repeat(n)}1${')'.repeat(n)}`,
      `B = ${'['.repeat(n)}${']'.repeat(n)}`,
      `C = ${'-'.repeat(n)}1`,
      `D = ${'not '.repeat(n)}True`,
      `E = ${Array.from({ length: n }, () => '1').join(' if X else ')}`,
      `F = ${'lambda: '.repeat(n)}1`,
      `G = ${Array.from({ length: n }, () => '2').join(' ** ')}`,
      `H = ${Array.from({ length: 10 * n }, () => '1').join(' + ')}`,
      `I = X${'.a'.repeat(10 * n)}`,
      `J = f"${'{'.repeat(2)}${'x'.repeat(n)}${'}'.repeat(2)}"`,
      `K = ${'{"a": '.repeat(150)}1${'}'.repeat(150)}`,
      `L = ${Array.from({ length: n }, (_, i) => `"s${i}"`).join(' ')}`,
      'STATIC_URL = "/static"',
      '',
    ].join('\n');
    const r = run(write('deep/settings.py', src));
    expect(r.syntax).toEqual(['1: too many nested parentheses', '2: too many nested parentheses']);
    expect(r.ids).toContain('django/url-setting-trailing-slash');
    const s = r.project.django[0]!;
    expect(s.settings.get('C')?.value).toEqual({ k: 'int', v: 1 });
    expect(s.settings.get('D')?.value).toEqual({ k: 'bool', v: true });
    expect(s.settings.get('H')?.value).toEqual({ k: 'int', v: 10 * n });
    expect(s.settings.get('K')?.value.k).toBe('dict');
  });

  it('deep block nesting: CPython refuses more than 100 levels', () => {
    const lines: string[] = [];
    for (let i = 0; i < 150; i++) lines.push(`${' '.repeat(i)}if True:`);
    lines.push(`${' '.repeat(150)}X = 1`);
    lines.push('STATIC_URL = "/static/"');
    const r = run(write('nest/settings.py', lines.join('\n') + '\n'));
    expect(r.syntax.some((s) => /too many levels of indentation/.test(s))).toBe(true);
  });

  it('a binary file named on the command line, and one reached by a star import', () => {
    const bin = Buffer.alloc(2048);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
    expect(run(write('bin/settings.py', bin)).ids).toContain('core/binary-file');
    write('bin2/blob.py', bin);
    const r = run(write('bin2/settings.py', 'from .blob import *\nSTATIC_URL = "/static/"\n'));
    expect(r.syntax).toEqual(['1: source code string cannot contain null bytes']);
  });

  it('invalid UTF-8, with and without an encoding declaration', () => {
    const r = run(write('utf/settings.py', Buffer.from('NAME = "caf\xe9"\nSTATIC_URL = "/static"\n', 'latin1')));
    expect(r.syntax.length).toBe(1);
    expect(r.syntax[0]).toMatch(/Non-UTF-8 code/);
    expect(r.ids).toContain('django/url-setting-trailing-slash');
    const ok = run(write('utf2/settings.py', Buffer.from('# coding: latin-1\nNAME = "caf\xe9"\n', 'latin1')));
    expect(ok.syntax).toEqual([]);
  });

  it('a star-import cycle of three modules terminates and is reported', () => {
    write('cyc/a.py', 'from .b import *\nA = 1\n');
    write('cyc/b.py', 'from .c import *\nB = 2\n');
    write('cyc/c.py', 'from .a import *\nC = 3\n');
    const r = run(write('cyc/settings.py', 'from .a import *\nfrom .settings import *\nSTATIC_URL = "/static/"\n'));
    expect(r.ids.filter((i) => i === 'django/settings-import-cycle').length).toBe(2);
    const s = r.project.django.find((d) => d.root.path.endsWith('settings.py'))!;
    expect(['A', 'B', 'C'].map((n) => s.settings.get(n)?.value)).toEqual([1, 2, 3].map((v) => ({ k: 'int', v })));
  });

  it('an empty file, a file of comments, a lone backslash, a BOM only', () => {
    for (const [name, text] of [
      ['empty', ''],
      ['comments', '# just a comment\n\n   # another\n'],
      ['backslash', 'X = 1 \\'],
      ['bom', '\uFEFF'],
      ['crlf', 'X = 1\r\nY = (\r\n 2)\r\n'],
      ['cr', 'X = 1\rY = 2\r'],
    ]) {
      run(write(`small-${name}/settings.py`, text!));
    }
  });

  it('huge literals and an unterminated triple quote in a big file, in time linear in its size', () => {
    const text = (n: number) => `X = "${'a'.repeat(20 * n)}"\nY = """${'b\n'.repeat(n)}`;
    const small = run(write('huge-small/settings.py', text(5000)));
    const r = run(write('huge/settings.py', text(50_000)));
    expect(r.syntax.length).toBe(1);
    expect(r.ms).toBeLessThan(20 * small.ms + 2000);
  });

  it('random token soup never throws', () => {
    const vocab = ['(', ')', '[', ']', '{', '}', ':', ',', '=', '+=', 'if', 'else', 'elif', 'try', 'except', 'finally', 'with', 'as', 'def', 'class', 'for', 'in',
      'while', 'lambda', 'not', 'and', 'or', 'import', 'from', '*', '**', '.', 'x', 'Y', '1', '0x1f', '"s"', "f'{x}'", "'''t'''", '\n', '\n    ', '\n\t', '\\\n', '#c', ';', '@', ':=', 'return', 'yield', 'del', 'global', '...', 'None', '→', '$', '`', '\0'];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      let text = '';
      const len = 5 + rnd(80);
      for (let j = 0; j < len; j++) text += vocab[rnd(vocab.length)] + (rnd(3) ? ' ' : '');
      const src = new SourceFile(`/fuzz/${i}.py`, text);
      expect(() => parsePython(src)).not.toThrow();
    }
  });
});
