/**
 * Corpus: every Django settings file of shared/corpus (MANIFEST kind `django`, under django/
 * and stacks/) goes through the Django front end and rules without an internal error, on its
 * own (as `stacklint check --kind django FILE`) and as part of its stack directory. Every file
 * parses without a syntax error (they are real, working settings) and, unless a star import
 * it cannot read leaves everything unknown, evaluates to some known settings. The findings are written to $TMPDIR/stacklint-corpus-django.txt for review.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { lint } from '../../../src/engine/lint.js';
import { isKnown } from '../../../src/parsers/django/values.js';
import { CORPUS, corpusEntries } from '../../helpers/paths.js';

const REPORT = path.join(os.tmpdir(), 'stacklint-corpus-django.txt');

const files = corpusEntries('django')
  .map((e) => e.file)
  .sort();

describe.skipIf(files.length === 0)('Django corpus', () => {
  const report: string[] = [];
  it.each(files.map((f) => [path.relative(CORPUS, f), f]))('%s', (_rel, file) => {
    const dir = path.dirname(file);
    const result = lint({ paths: [file], cwd: dir, config: defaultConfig(dir), kind: 'django' });
    expect(result.internalErrors.map((e) => `${e.where}: ${e.error.stack}`)).toEqual([]);
    const syntax = result.diagnostics.filter((d) => d.ruleId === 'django/python-syntax-error');
    expect(syntax.map((d) => `${d.range.start.line}: ${d.message}`)).toEqual([]);
    const s = result.project.django.find((d) => d.root.path === file);
    expect(s).toBeDefined();
    // A module whose namespace is open (an unreadable star import, locals().update) is all unknown by design.
    if (!s!.open) expect([...s!.settings.values()].some((x) => isKnown(x.value))).toBe(true);
    for (const d of result.diagnostics) report.push(`${path.relative(CORPUS, d.file)}:${d.range.start.line} ${d.ruleId} ${d.message}`);
    fs.writeFileSync(REPORT, report.join('\n') + '\n');
  });

  const stacks = [...new Set(files.filter((f) => f.includes(`${path.sep}stacks${path.sep}`)).map((f) => path.dirname(f)))];
  it.each(stacks.map((d) => [path.basename(d), d]))('stack %s as a whole', (_name, dir) => {
    const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
    expect(result.internalErrors.map((e) => `${e.where}: ${e.error.stack}`)).toEqual([]);
  });
});
