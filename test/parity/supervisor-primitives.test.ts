/**
 * The Python building blocks supervisord's configuration goes through, compared with the real
 * ones under /usr/bin/python3 on seeded random inputs:
 * - UnhosedConfigParser reading a file (sections, lower-cased keys, values, errors),
 * - `value % expansions` (text or exception),
 * - `shlex.split` (command → argv) and `dict_of_key_value_pairs` (environment).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIni } from '../../src/parsers/supervisor/ini.js';
import { pyFormat, type Expansions } from '../../src/parsers/supervisor/pyformat.js';
import { pyRstrip } from '../../src/parsers/supervisor/pystr.js';
import { parseKeyValuePairs, shlexSplit } from '../../src/parsers/supervisor/shlex.js';
import { SourceFile } from '../../src/core/source.js';
import { rng } from '../helpers/rng.js';

const HAVE = fs.existsSync('/usr/lib/python3/dist-packages/supervisor/options.py');

function randomStrings(seed: number, count: number, alphabet: string[], maxLen: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(r() * maxLen);
    let s = '';
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(r() * alphabet.length)]!;
    out.push(s);
  }
  return out;
}

function python(script: string, input: unknown): unknown {
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe.skipIf(!HAVE)('supervisor parity: Python primitives', () => {
  it('shlex.split (command → argv)', () => {
    const inputs = randomStrings(1, 2000, ['a', 'b', ' ', ' ', '"', "'", '\\', '#', '\t', '\n', '=', 'é', '|', ';'], 14);
    const py = python(
      `import sys, json, shlex
out = []
for s in json.load(sys.stdin):
    try: out.append({"ok": True, "argv": shlex.split(s)})
    except ValueError as e: out.append({"ok": False, "error": str(e)})
print(json.dumps(out))`,
      inputs,
    ) as Array<{ ok: boolean; argv?: string[]; error?: string }>;
    const bad: string[] = [];
    inputs.forEach((s, i) => {
      const ours = shlexSplit(s);
      const want = py[i]!;
      const got = ours.ok ? { ok: true, argv: ours.tokens.map((t) => t.value) } : { ok: false, error: ours.error };
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${JSON.stringify(s)}: python ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 20), bad.join('\n')).toEqual([]);
  });

  it('dict_of_key_value_pairs (environment=)', () => {
    // Pairs of the usual shape (K=V,K2="v 2"), which are read without the token stream,
    // with the characters at the edge of that shape mixed in.
    const r = rng(21);
    const pick = (chars: string[]) => chars[Math.floor(r() * chars.length)]!;
    const usualShape = Array.from({ length: 1000 }, () => {
      const pairs: string[] = [];
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
        const key = pick(['A', 'PATH', 'x_1', 'a.b', 'K-2', '', 'é', 'A B']);
        const value = pick(['1', 'x/y:z', '"v 2"', "'v,3'", '""', '"a\'b"', "'x", '(a)+b', 'v w', '#c', '=']);
        pairs.push(`${key}=${value}`);
      }
      return pairs.join(pick([',', ',', ', ', ',,'])) + pick(['', '', ',']);
    });
    const inputs = [
      ...usualShape,
      ...randomStrings(2, 3000, ['A', 'b', '1', '=', '=', ',', ',', ' ', '"', "'", '#', '\n', 'é', '@', '/', ':', '-', '%', '.'], 16),
      'A=1,B',
      'A="x, y",B=2',
      'A=café',
      'DATABASE_URL=postgres://u:p@h/db',
      'A=b#c\nD=e',
    ];
    const py = python(
      `import sys, json
from supervisor.datatypes import dict_of_key_value_pairs
out = []
for s in json.load(sys.stdin):
    try: out.append({"ok": True, "d": dict_of_key_value_pairs(s)})
    except ValueError as e: out.append({"ok": False, "error": str(e)})
print(json.dumps(out))`,
      inputs,
    ) as Array<{ ok: boolean; d?: Record<string, string>; error?: string }>;
    const bad: string[] = [];
    inputs.forEach((s, i) => {
      const ours = parseKeyValuePairs(s);
      const want = py[i]!;
      const got = ours.ok ? { ok: true, d: { ...ours.dict } } : { ok: false, error: ours.error };
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${JSON.stringify(s)}: python ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 20), bad.join('\n')).toEqual([]);
  });

  it('value % expansions', () => {
    const inputs = randomStrings(3, 3000, ['%', '%', '(', ')', 'a', 'n', 's', 'd', 'r', 'x', '0', '5', '-', '.', '*', ' ', 'z', 'l', 'c', '#', '+'], 10);
    inputs.push('%(a)s', '%(n)05d', '%(a)%', '%s %s', '%(a)s %s', '%s %(a)s', '%(n)x', '%(a)10.1s|');
    const py = python(
      `import sys, json
d = {'a': 'x', 'n': 3}
out = []
for s in json.load(sys.stdin):
    try: out.append({"ok": True, "text": s % d})
    except KeyError as e: out.append({"ok": False, "kind": "key", "detail": str(e)})
    except Exception as e: out.append({"ok": False, "kind": "format", "detail": str(e)})
print(json.dumps(out))`,
      inputs,
    ) as Array<{ ok: boolean; text?: string; kind?: string; detail?: string }>;
    const exp: Expansions = {
      names: new Map([
        ['a', { type: 'str', value: 'x' }],
        ['n', { type: 'int', value: 3 }],
      ]),
      envOpen: false,
      dictText: () => "{'a': 'x', 'n': 3}",
    };
    const bad: string[] = [];
    inputs.forEach((s, i) => {
      const r = pyFormat(s, exp);
      const want = py[i]!;
      // Float formatting of ints (%e/%g of a number) is approximated; compare success only there.
      const got = r.ok ? { ok: true, text: r.text } : { ok: false, kind: r.kind, detail: r.detail };
      const same = want.ok && r.ok && /%[^%]*[eEgGfF]/.test(s) ? true : JSON.stringify(got) === JSON.stringify(want);
      if (!same) bad.push(`${JSON.stringify(s)}: python ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 20), bad.join('\n')).toEqual([]);
  });

  it('UnhosedConfigParser reading a file', () => {
    const lines = [
      '[program:a]',
      '[program:b]',
      '[DEFAULT]',
      '  [program:a]',
      'command=/bin/x',
      'Command = y ; c',
      'key: v # c',
      'key=a;b',
      'x=1 #c',
      '  continued',
      '\tcont2',
      '',
      '   ',
      '; comment',
      '# comment',
      '  ; indented comment',
      'bare',
      '=v',
      'k=',
      'k = "q #h"',
      'a#b=c',
      '[]',
      '[x] junk',
      'k:v=w',
      'K=V',
    ];
    const r = rng(4);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-svini-'));
    const files: string[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 800; i++) {
      const n = 1 + Math.floor(r() * 10);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(lines[Math.floor(r() * lines.length)]!);
      const eol = r() < 0.1 ? '\r\n' : r() < 0.05 ? '\r' : '\n';
      const text = parts.join(eol) + (r() < 0.8 ? eol : '');
      const f = path.join(dir, `f${i}.conf`);
      fs.writeFileSync(f, text);
      files.push(f);
      texts.push(text);
    }
    const py = python(
      `import sys, json
from supervisor.options import UnhosedConfigParser
import configparser
out = []
for f in json.load(sys.stdin):
    p = UnhosedConfigParser()
    try:
        p.read(f)
        err = None
    except configparser.MissingSectionHeaderError as e:
        err = ["missing", e.lineno]
    except configparser.ParsingError as e:
        err = ["parsing", [l for l, _ in e.errors]]
    secs = {s: dict(p._sections[s]) for s in p.sections()}
    out.append({"err": err, "sections": secs, "defaults": dict(p._defaults)})
print(json.dumps(out))`,
      files,
    ) as Array<{ err: null | [string, unknown]; sections: Record<string, Record<string, string>>; defaults: Record<string, string> }>;
    fs.rmSync(dir, { recursive: true, force: true });
    const bad: string[] = [];
    texts.forEach((text, i) => {
      const source = new SourceFile(files[i]!, text);
      const ini = readIni(source);
      const sections: Record<string, Record<string, string>> = {};
      const defaults: Record<string, string> = {};
      let cur: Record<string, string> | undefined;
      for (const st of ini.statements) {
        if (st.type === 'section') {
          cur = st.name === 'DEFAULT' ? defaults : (sections[st.name] ??= {});
          continue;
        }
        cur![st.key] = pyRstrip(st.pieces.map((p) => text.slice(p.start, p.end)).join('\n'));
      }
      let err: null | [string, unknown] = null;
      const missing = ini.problems.find((p) => p.message.startsWith('File contains no section headers'));
      if (missing) err = ['missing', Number(/line: (\d+)/.exec(missing.hint ?? '')![1])];
      else if (ini.problems.length) err = ['parsing', ini.problems.map((p) => Number(/\[line\s+(\d+)\]/.exec(p.message)![1]))];
      // A MissingSectionHeaderError leaves no sections behind in Python either way; compare the error only.
      const got = { err, sections: err?.[0] === 'missing' ? py[i]!.sections : sections, defaults: err?.[0] === 'missing' ? py[i]!.defaults : defaults };
      if (JSON.stringify(got) !== JSON.stringify(py[i])) bad.push(`${JSON.stringify(text)}:\n  python ${JSON.stringify(py[i])}\n  ours   ${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 10), bad.slice(0, 10).join('\n')).toEqual([]);
  });
});
