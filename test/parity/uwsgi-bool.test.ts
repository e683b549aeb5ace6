/**
 * Parity: booleans. For each value of `master = …`, Debian's uWSGI says whether the master
 * process is off ("*** WARNING: you are running uWSGI without its master process manager ***",
 * printed before it exits for want of a socket); stacklint's uwsgiBool and the
 * uwsgi/boolean-value rule must agree (FACTS §7, q7/bool.ini).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUwsgi, optionBool, effectiveValue } from '../../src/parsers/uwsgi/index.js';
import { cleanEnv, HAVE_UWSGI, loadContext, runUwsgi, tempDir } from '../parsers/uwsgi/real-uwsgi.js';

const VALUES = ['true', '1', 'yes', 'on', 'TRUE', '', 'false ; comment', '0 # off', '00', 'disable', 'none', 'off!', 'false', '0', 'no', 'off', 'OFF', 'False', 'nO'];

describe.skipIf(!HAVE_UWSGI)('uWSGI boolean parity', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('uwsgi-bool');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  VALUES.forEach((v, i) => {
    it(`master = ${JSON.stringify(v)}`, async () => {
      const file = path.join(dir, `b${i}.ini`);
      fs.writeFileSync(file, `[uwsgi]\nmaster = ${v}\n`);
      const run = await runUwsgi(['--ini', file], { cwd: dir, env: cleanEnv() });
      const realOn = !run.output.includes('without its master process manager');
      const ctx = loadContext({});
      const r = ctx.fs.read(file);
      const [c] = loadUwsgi([r.ok ? r.source : (undefined as never)], ctx);
      expect(optionBool(effectiveValue(c!, 'master'))).toBe(realOn);
    });
  });
});
