/**
 * Corpus: every file of `shared/corpus` (real configs from public repositories, see
 * MANIFEST.tsv) goes through the engine without an internal error — each file on its own
 * (with its manifest kind; `other` files are sniffed like the CLI does) and each stack
 * directory as a whole, as `stacklint check stacks/<name>/` reads it.
 *
 * For nginx files it also prints the findings per rule id, and writes every finding to
 * $TMPDIR/stacklint-corpus-nginx.txt, so a human can judge them (findings we would not
 * defend are listed in the project's disagreement notes).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/core/config.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import type { FileKind } from '../src/core/rule.js';
import { lint, type LintResult } from '../src/engine/lint.js';
import { CORPUS, corpusEntries } from './helpers/paths.js';

const KINDS = new Set<string>(['nginx', 'uwsgi', 'supervisor', 'django']);
const NGINX_REPORT = path.join(os.tmpdir(), 'stacklint-corpus-nginx.txt');

function run(paths: string[], cwd: string, kind?: FileKind): LintResult {
  return lint({ paths, cwd, config: defaultConfig(cwd), ...(kind ? { kind } : {}) });
}

function internal(r: LintResult): string {
  return r.internalErrors.map((e) => `${e.where}: ${e.error.stack ?? e.error.message}`).join('\n\n');
}

const entries = corpusEntries();
const stacks = fs
  .readdirSync(path.join(CORPUS, 'stacks'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('corpus: every file without an internal error', () => {
  it('has the corpus', () => {
    expect(entries.length).toBeGreaterThan(300);
    for (const e of entries) expect(fs.existsSync(e.file), e.rel).toBe(true);
  });

  it.each(entries.map((e) => [e.rel, e] as const))('%s', (_rel, e) => {
    const r = run([e.file], path.dirname(e.file), KINDS.has(e.kind) ? (e.kind as FileKind) : undefined);
    expect(internal(r)).toBe('');
    expect(r.missing).toEqual([]);
  });
});

describe('corpus: every stack directory as a whole', () => {
  it.each(stacks)('stacks/%s', (name) => {
    const dir = path.join(CORPUS, 'stacks', name);
    const r = run([dir], dir);
    expect(internal(r)).toBe('');
  });
});

describe('corpus: nginx findings for human review', () => {
  it('summarises the nginx findings per rule id', () => {
    const nginx = entries.filter((e) => e.kind === 'nginx');
    const byRule = new Map<string, { error: number; warning: number; info: number; files: Set<string> }>();
    const lines: string[] = [];
    let withFindings = 0;
    for (const e of nginx) {
      const r = run([e.file], path.dirname(e.file), 'nginx');
      expect(internal(r), e.rel).toBe('');
      const root = r.project.nginx[0];
      const ds: Diagnostic[] = r.diagnostics;
      if (ds.length) withFindings++;
      lines.push(`## ${e.rel}  (root context: ${root?.rootContext ?? '?'}${root ? ` — ${root.rootContextReason}` : ''})`);
      for (const d of ds) {
        const s = byRule.get(d.ruleId) ?? { error: 0, warning: 0, info: 0, files: new Set<string>() };
        s[d.severity]++;
        s.files.add(e.rel);
        byRule.set(d.ruleId, s);
        const file = d.file === e.file ? '' : `${path.relative(CORPUS, d.file)}:`;
        lines.push(`  ${file}${d.range.start.line}:${d.range.start.column} ${d.severity} [${d.ruleId}] ${d.message}`);
      }
    }
    fs.writeFileSync(NGINX_REPORT, lines.join('\n') + '\n');
    const table = [...byRule]
      .sort((a, b) => b[1].files.size - a[1].files.size || (a[0] < b[0] ? -1 : 1))
      .map(([id, s]) => `  ${id.padEnd(36)} ${String(s.error).padStart(4)} err ${String(s.warning).padStart(4)} warn ${String(s.info).padStart(4)} info in ${s.files.size} files`);
    console.log(`corpus nginx: ${nginx.length} files, ${withFindings} with findings; per rule:\n${table.join('\n')}\nevery finding: ${NGINX_REPORT}`);
    expect(nginx.length).toBeGreaterThan(100);
  });
});
