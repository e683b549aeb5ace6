/**
 * Corpus: every uWSGI file of shared/corpus (MANIFEST kind `uwsgi`, stacks included) goes
 * through the uWSGI front end and every rule without an internal error, on its own and with
 * host checks off (--no-fs). Findings per rule are printed and written to
 * $TMPDIR/stacklint-corpus-uwsgi.txt for review.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { lint } from '../../../src/engine/lint.js';
import { CORPUS, corpusEntries } from '../../helpers/paths.js';

const REPORT = path.join(os.tmpdir(), 'stacklint-corpus-uwsgi.txt');

const files = corpusEntries('uwsgi').map((e) => e.file);

describe.skipIf(files.length === 0)('uWSGI corpus', () => {
  it(`${files.length} files through the front end and rules`, () => {
    const out: string[] = [];
    const perRule = new Map<string, number>();
    for (const hostChecks of [true, false]) {
      const config = defaultConfig(CORPUS);
      config.hostChecks = hostChecks;
      const r = lint({ paths: files, cwd: CORPUS, config, kind: 'uwsgi' });
      expect(r.internalErrors.map((e) => `${e.where}: ${e.error.stack}`)).toEqual([]);
      if (hostChecks) continue;
      for (const d of r.diagnostics) {
        perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
        out.push(`${path.relative(CORPUS, d.file)}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId} ${d.message}`);
      }
    }
    fs.writeFileSync(REPORT, out.join('\n') + '\n');
    console.log(`uWSGI corpus (--no-fs), ${files.length} files: ` + [...perRule].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
    const parsed = lint({ paths: files, cwd: CORPUS, config: defaultConfig(CORPUS), kind: 'uwsgi' }).project.uwsgi;
    // Every file yields a configuration with options (none of them is empty or unreadable).
    expect(parsed.filter((c) => c.options.length === 0).map((c) => c.root.path)).toEqual([]);
  });
});
