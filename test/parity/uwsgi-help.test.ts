/**
 * Parity: the option table against the live Debian binary's --help (core, with the python3
 * plugin, with the http plugin): the same names in the same order, the same short options,
 * the same help texts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ALL_OPTION_NAMES, optionEntries } from '../../src/parsers/uwsgi/options.js';
import { HAVE_UWSGI, UWSGI_BIN } from '../parsers/uwsgi/real-uwsgi.js';

interface HelpLine {
  name: string;
  short?: string;
  help: string;
}

function help(args: string[]): HelpLine[] {
  const r = spawnSync(UWSGI_BIN, [...args, '--help'], { encoding: 'utf8', timeout: 10_000, env: { PATH: '/usr/bin:/bin' } });
  const out: HelpLine[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^ {4}(?:-(.)\|)?--(\S+)\s+(.*)$/.exec(line);
    if (!m) continue;
    out.push({ name: m[2]!, help: m[3]!.trimEnd(), ...(m[1] ? { short: m[1] } : {}) });
  }
  return out;
}

function table(plugin: string): HelpLine[] {
  const out: HelpLine[] = [];
  for (const name of ALL_OPTION_NAMES) {
    for (const e of optionEntries(name)!) {
      if (e.plugin !== plugin || e.debian === false) continue;
      out.push({ name, help: e.help.trimEnd(), ...(e.short ? { short: e.short } : {}) });
    }
  }
  return out;
}

describe.skipIf(!HAVE_UWSGI)('uWSGI --help parity', () => {
  const core = help([]);
  it('core options', () => {
    expect(core.length).toBe(776);
    expect(core).toEqual(table('core'));
  });
  for (const [plugin, dir, count] of [
    ['python3', 'python', 68],
    ['http', 'http', 49],
  ] as const) {
    it(`${plugin} plugin options`, () => {
      const all = help(['--plugin', plugin]);
      const own = all.slice(core.length);
      expect(all.slice(0, core.length)).toEqual(core);
      expect(own.length).toBe(count);
      expect(own).toEqual(table(dir));
    });
  }
});
