/**
 * One shape for every rule's tests, after ESLint's RuleTester: a list of valid cases
 * (the rule stays silent) and invalid cases (the rule reports exactly these findings).
 * Each case is a small set of files written to a fresh temporary directory; `{{dir}}` in
 * a file's text or a path is replaced by that directory, for absolute paths.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type StackConfig } from '../../src/core/config.js';
import type { Diagnostic, Severity } from '../../src/core/diagnostic.js';
import type { FileKind, Rule } from '../../src/core/rule.js';
import { lint } from '../../src/engine/lint.js';

export interface RuleCase {
  name?: string;
  /** Relative path → text. The first file is linted unless `paths` says otherwise. */
  files: Record<string, string>;
  paths?: string[];
  kind?: FileKind;
  /** Adjust the configuration (path map, host checks, nginx options, env). */
  config?: (c: StackConfig, dir: string) => void;
}

export interface ExpectedFinding {
  message?: string | RegExp;
  /** Relative path of the file the finding is in (default: any). */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** The hint: text or pattern, or null for none. */
  hint?: string | RegExp | null;
  related?: Array<{ file?: string; line?: number; message?: string | RegExp }>;
  /** Expected fix text of the first edit. */
  fix?: string;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

export function runCase(rule: Rule, c: RuleCase, rules: Rule[] = [rule]): { diagnostics: Diagnostic[]; dir: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-rt-')));
  const names = Object.keys(c.files);
  for (const [rel, text] of Object.entries(c.files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text.replaceAll('{{dir}}', dir));
  }
  const config = defaultConfig(dir);
  c.config?.(config, dir);
  const paths = (c.paths ?? [names[0]!]).map((p) => path.resolve(dir, p.replaceAll('{{dir}}', dir)));
  const result = lint({ paths, cwd: dir, config, rules, ...(c.kind ? { kind: c.kind } : {}) });
  if (result.internalErrors.length) throw result.internalErrors[0]!.error;
  fs.rmSync(dir, { recursive: true, force: true });
  return { diagnostics: result.diagnostics.filter((d) => d.ruleId === rule.meta.id), dir };
}

function matches(actual: string, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

function show(ds: Diagnostic[], dir: string): string {
  return ds
    .map((d) => `${path.relative(dir, d.file)}:${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.message}`)
    .join('\n');
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { diagnostics, dir } = runCase(rule, c);
        expect(show(diagnostics, dir)).toBe('');
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { diagnostics, dir } = runCase(rule, c);
        expect(diagnostics.length, `expected ${c.errors.length} finding(s), got:\n${show(diagnostics, dir)}`).toBe(c.errors.length);
        c.errors.forEach((e, j) => {
          const d = diagnostics[j]!;
          const where = `finding #${j + 1}: ${show([d], dir)}`;
          expect(matches(d.message, e.message), `${where}\nexpected message ${String(e.message)}`).toBe(true);
          if (e.file !== undefined) expect(path.relative(dir, d.file), where).toBe(e.file);
          if (e.line !== undefined) expect(d.range.start.line, where).toBe(e.line);
          if (e.column !== undefined) expect(d.range.start.column, where).toBe(e.column);
          if (e.endLine !== undefined) expect(d.range.end.line, where).toBe(e.endLine);
          if (e.endColumn !== undefined) expect(d.range.end.column, where).toBe(e.endColumn);
          if (e.severity !== undefined) expect(d.severity, where).toBe(e.severity);
          if (e.hint === null) expect(d.hint, where).toBeUndefined();
          else if (e.hint !== undefined) expect(matches(d.hint ?? '', e.hint), `${where}\nexpected hint ${String(e.hint)}, got ${d.hint}`).toBe(true);
          if (e.fix !== undefined) expect(d.fix?.edits[0]?.text, where).toBe(e.fix);
          if (e.related) {
            expect(d.related.length, where).toBe(e.related.length);
            e.related.forEach((r, k) => {
              const a = d.related[k]!;
              if (r.file !== undefined) expect(path.relative(dir, a.file), where).toBe(r.file);
              if (r.line !== undefined) expect(a.range.start.line, where).toBe(r.line);
              expect(matches(a.message, r.message), where).toBe(true);
            });
          }
        });
      });
    });
  });
}
