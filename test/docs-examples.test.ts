/**
 * Every rule has a docs page, and the page's examples run as tests (Biome-style): each
 * `invalid` block must make the rule fire, each `valid` block must not.
 *
 * Fence info string: `<lang> valid|invalid [case=<name>] [file=<relative path>]`. Blocks
 * with the same `case=` form one multi-file case whose first block's file is linted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsPath, type FileKind, type Rule } from '../src/core/rule.js';
import { allRules } from '../src/rules/index.js';
import { runCase, type RuleCase } from './helpers/rule-tester.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_FILE: Record<string, string> = {
  nginx: 'nginx.conf',
  uwsgi: 'uwsgi.ini',
  supervisor: 'supervisord.conf',
  django: 'settings.py',
};

interface Example {
  expect: 'valid' | 'invalid';
  case: RuleCase;
  line: number;
}

export function parseExamples(markdown: string, rule: Rule): Example[] {
  const kind = rule.meta.id.split('/')[0]!;
  const examples: Example[] = [];
  const byCase = new Map<string, Example>();
  const fence = /^```([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    const words = m[1]!.trim().split(/\s+/);
    const expectWord = words.find((w) => w === 'valid' || w === 'invalid') as 'valid' | 'invalid' | undefined;
    if (!expectWord) continue;
    const attr = (name: string) => words.find((w) => w.startsWith(name + '='))?.slice(name.length + 1);
    const file = attr('file') ?? DEFAULT_FILE[kind] ?? 'input';
    const caseName = attr('case');
    const line = markdown.slice(0, m.index).split('\n').length;
    const existing = caseName ? byCase.get(`${expectWord}:${caseName}`) : undefined;
    if (existing) {
      existing.case.files[file] = m[2]!;
      continue;
    }
    const kindAttr = attr('kind') as FileKind | undefined;
    const ex: Example = {
      expect: expectWord,
      line,
      case: { name: caseName ?? `line ${line}`, files: { [file]: m[2]! }, ...(kindAttr ? { kind: kindAttr } : {}) },
    };
    if (caseName) byCase.set(`${expectWord}:${caseName}`, ex);
    examples.push(ex);
  }
  return examples;
}

describe('rule registry', () => {
  it('names every rule <kind>/<name> with a name unique across kinds, one module per rule', () => {
    const names = allRules.map((r) => r.meta.id.split('/')[1]);
    expect(new Set(names).size).toBe(names.length);
    for (const r of allRules) {
      expect(r.meta.id).toMatch(/^(core|nginx|uwsgi|supervisor|django)\/[a-z0-9-]+$/);
      const [kind, name] = r.meta.id.split('/');
      expect(fs.existsSync(path.join(ROOT, 'src/rules', kind!, `${name}.ts`)), r.meta.id).toBe(true);
    }
    const files = fs
      .readdirSync(path.join(ROOT, 'src/rules'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !path.basename(f).startsWith('_') && path.basename(f) !== 'index.ts');
    expect(files.length).toBe(allRules.length);
  });
});

describe('rule docs', () => {
  for (const rule of allRules) {
    const page = path.join(ROOT, docsPath(rule.meta.id));
    describe(rule.meta.id, () => {
      it('has a docs page naming the rule', () => {
        expect(fs.existsSync(page), `${docsPath(rule.meta.id)} is missing`).toBe(true);
        expect(fs.readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${rule.meta.id}`);
      });
      if (!fs.existsSync(page)) return;
      const markdown = fs.readFileSync(page, 'utf8');
      const examples = parseExamples(markdown, rule);
      // A page may opt out when no text example can show the finding (a binary file).
      const optOut = /<!-- no-examples: .+ -->/.test(markdown);
      if (!optOut) {
        it('has at least one invalid and one valid example', () => {
          expect(examples.some((e) => e.expect === 'invalid')).toBe(true);
          expect(examples.some((e) => e.expect === 'valid')).toBe(true);
        });
      }
      for (const ex of examples) {
        it(`${ex.expect} example at line ${ex.line}`, () => {
          const { diagnostics } = runCase(rule, ex.case);
          if (ex.expect === 'invalid') expect(diagnostics.length, 'the rule should fire').toBeGreaterThan(0);
          else expect(diagnostics.map((d) => `${d.range.start.line}: ${d.message}`)).toEqual([]);
        });
      }
    });
  }
});
