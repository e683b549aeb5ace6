/**
 * Parity for the rules that claim uWSGI refuses or warns: for each case Debian's uWSGI prints
 * the words stacklint quotes (and stops when stacklint says it does), and stacklint reports
 * the finding under the rule; the fixed variant makes uWSGI get past that point and stacklint
 * stay silent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { lint } from '../../src/engine/lint.js';
import { cleanEnv, HAVE_UWSGI, runUwsgi, tempDir } from '../parsers/uwsgi/real-uwsgi.js';

interface Case {
  rule: string;
  /** Ini text; `{{dir}}` is the case directory. */
  bad: string;
  good: string;
  /** What uWSGI prints for the bad one. */
  says: string;
  /** uWSGI stops before printing its configuration. */
  exits: boolean;
}

const CASES: Case[] = [
  { rule: 'uwsgi/chmod-socket', bad: 'chmod-socket = 0660', good: 'chmod-socket = 660', says: 'invalid chmod value: 0660', exits: true },
  { rule: 'uwsgi/chmod-socket', bad: 'chmod-socket =', good: 'chmod-socket = 1', says: 'invalid chmod value: ', exits: true },
  { rule: 'uwsgi/strict-mode', bad: 'strict = true\nbase = /srv\nchdir2 = %(base)', good: 'strict = true\nset-ph = base=/srv\nchdir2 = %(base)', says: '[strict-mode] unknown config directive: base', exits: true },
  { rule: 'uwsgi/strict-mode', bad: 'strict = true\nwsgi-file = x.py\nplugins = python3', good: 'strict = true\nplugins = python3\nwsgi-file = x.py', says: '[strict-mode] unknown config directive: wsgi-file', exits: true },
  { rule: 'uwsgi/placeholder', bad: 'set-ph = base', good: 'set-ph = base=1', says: 'invalid placeholder/--set value', exits: true },
  { rule: 'uwsgi/placeholder', bad: 'set-ph = master=1', good: 'set-ph = mymaster=1', says: 'you cannot use master as a placeholder, it is already available as an option', exits: true },
  { rule: 'uwsgi/at-file', bad: 'env = K=@({{dir}}/missing.txt)', good: 'env = K=@({{dir}}/present.txt)', says: 'open("{{dir}}/missing.txt"): No such file or directory', exits: true },
  { rule: 'uwsgi/config-load', bad: 'ini = {{dir}}/missing.ini', good: 'ini = {{dir}}/present.ini', says: 'realpath() of {{dir}}/missing.ini failed: No such file or directory', exits: true },
  { rule: 'uwsgi/missing-section', bad: '', good: '', says: 'Can\'t find section "uwsgi"', exits: false },
  { rule: 'uwsgi/section-header', bad: '', good: '', says: 'Can\'t find section "uwsgi"', exits: false },
  {
    rule: 'uwsgi/unix-socket-path-length',
    bad: `socket = {{dir}}/${'s'.repeat(110)}.sock`,
    good: 'socket = {{dir}}/app.sock',
    says: 'invalid socket name',
    exits: false,
  },
];

describe.skipIf(!HAVE_UWSGI)('uWSGI refusals stacklint reports', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('uwsgi-rules');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  CASES.forEach((c, i) => {
    it(`${c.rule}: ${JSON.stringify(c.bad || c.rule)}`, async () => {
      const dir = path.join(root, `c${i}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'present.txt'), 'x\n');
      fs.writeFileSync(path.join(dir, 'present.ini'), '[uwsgi]\nfrom_present = 1\n');
      const header = c.rule === 'uwsgi/missing-section' ? ['[app]', 'processes = 2'] : c.rule === 'uwsgi/section-header' ? ['[uwsgi] ; main', 'processes = 2'] : ['[uwsgi]'];
      const goodHeader = c.rule === 'uwsgi/missing-section' || c.rule === 'uwsgi/section-header' ? ['[uwsgi]', 'processes = 2'] : ['[uwsgi]'];
      const bad = path.join(dir, 'bad.ini');
      const good = path.join(dir, 'good.ini');
      fs.writeFileSync(bad, [...header, c.bad.replaceAll('{{dir}}', dir), ''].join('\n'));
      fs.writeFileSync(good, [...goodHeader, c.good.replaceAll('{{dir}}', dir), ''].join('\n'));
      const says = c.says.replaceAll('{{dir}}', dir);

      const realBad = await runUwsgi(['--ini', bad, '--show-config'], { cwd: dir, env: cleanEnv() });
      expect(realBad.output).toContain(says);
      if (c.exits) expect(realBad.lines, realBad.output).toBeUndefined();
      const realGood = await runUwsgi(['--ini', good, '--show-config'], { cwd: dir, env: cleanEnv() });
      expect(realGood.output).not.toContain(says);

      const ours = (file: string) => lint({ paths: [file], cwd: dir, config: defaultConfig(dir), kind: 'uwsgi' }).diagnostics.filter((d) => d.ruleId === c.rule);
      expect(ours(bad).length, `stacklint should report ${c.rule}`).toBeGreaterThan(0);
      expect(ours(good).map((d) => d.message)).toEqual([]);
    });
  });
});
