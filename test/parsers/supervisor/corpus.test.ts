/**
 * supervisor files of shared/corpus (MANIFEST.tsv kind `supervisor`) and a tutorial-shaped
 * fixture: recognised as supervisor, read without internal errors with and without host
 * checks; findings per rule are printed for a human to judge.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { lint } from '../../../src/engine/lint.js';
import { sniffSupervisor } from '../../../src/parsers/supervisor/index.js';
import { corpusEntries, REPO_ROOT } from '../../helpers/paths.js';

const list = corpusEntries('supervisor').map((e) => e.file);
const HAVE = list.length > 0;

describe.skipIf(!HAVE)('supervisor corpus', () => {

  it('recognises every supervisor file of the corpus', () => {
    const missed = list.filter((f) => sniffSupervisor(f, fs.readFileSync(f, 'utf8')) < 0.5);
    expect(missed).toEqual([]);
  });

  for (const hostChecks of [true, false]) {
    it(`reads every file without internal errors (${hostChecks ? 'host checks' : '--no-fs'})`, () => {
      const counts: Record<string, number> = {};
      for (const f of list) {
        const config = defaultConfig(path.dirname(f));
        config.hostChecks = hostChecks;
        const r = lint({ paths: [f], cwd: path.dirname(f), config, kind: 'supervisor' });
        expect(r.internalErrors.map((e) => `${f}: ${e.where}: ${e.error.stack}`)).toEqual([]);
        for (const d of r.diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
      }
      console.log(`supervisor corpus (${list.length} files, ${hostChecks ? 'host checks' : '--no-fs'}):`, counts);
      expect(list.length).toBeGreaterThan(40);
    });
  }
});

describe('tutorial-shaped program section', () => {
  it('reports the tight restart loop and the instant SIGKILL', () => {
    const f = path.join(REPO_ROOT, 'test/fixtures/supervisor/tutorial-uwsgi-program.conf');
    const config = defaultConfig(path.dirname(f));
    config.hostChecks = false;
    const r = lint({ paths: [f], cwd: path.dirname(f), config });
    expect(r.internalErrors).toEqual([]);
    const ids = r.diagnostics.filter((d) => d.ruleId.startsWith('supervisor/')).map((d) => `${d.range.start.line} ${d.ruleId}`);
    expect(ids).toEqual(['6 supervisor/startsecs-restart-loop', '7 supervisor/stopwaitsecs-zero']);
  });
});
