/**
 * Parity: stacklint's nginx front end and structural rules against the real `nginx -t`
 * (Debian nginx 1.22.1) on the same files.
 *
 * (a) every experiment of FACTS §1–§6 (`shared/facts/experiments/nginx`, `/srv/facts`
 *     paths rewritten to a temp copy);
 * (b) a few hundred mutants, generated deterministically from valid seeds (ours under
 *     test/fixtures/nginx/parity, and the corpus files that pass `nginx -t` as a main file
 *     or included in http/server): dropped `;` `{` `}`, misspelt names, directives moved to
 *     another context, wrong argument counts, bad flag values, `"a"b`, open quotes,
 *     duplicates.
 *
 * Agreement (see helpers/nginx-compare.ts): both accept, or stacklint has an error with
 * nginx's exact message on nginx's line. nginx failures that come from a directive's
 * handler checking argument values (ports, hosts, regexes, log files) are outside the
 * foundation: they are classified, counted and printed, never silently dropped.
 * Everything else must agree. A report of every comparison is written to
 * $TMPDIR/stacklint-nginx-parity.txt.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, runStacklint, showDiagnostic, showNginx, type Comparison } from './helpers/nginx-compare.js';
import { mutants, MUTATION_KINDS, tokenizeSeed, type MutationKind } from './helpers/nginx-mutate.js';
import { nginxAvailable, runNginxBatch, type NginxJob } from './helpers/nginx-runner.js';
import { prepareExperiments, provideEtcNginx, wrapper, type SeedMode } from './helpers/nginx-workspace.js';
import { corpusEntries, EXPERIMENTS, REPO_ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/scratch.js';

const available = nginxAvailable();
if (!available.ok) throw new Error(`nginx parity suite cannot run: ${available.reason}`);

const SEED_DIR = path.join(REPO_ROOT, 'test/fixtures/nginx/parity');
const OWN_SEEDS: Array<{ name: string; file: string; mode: SeedMode; count: number }> = [
  { name: 'django-uwsgi', file: 'django-uwsgi.conf', mode: 'main', count: 90 },
  { name: 'gunicorn-proxy', file: 'gunicorn-proxy.conf', mode: 'main', count: 90 },
  { name: 'django-site', file: 'sites/django-site.conf', mode: 'http', count: 50 },
];
const PER_CORPUS_SEED = 6;
const REPORT = path.join(os.tmpdir(), 'stacklint-nginx-parity.txt');

let work: string;
const report: string[] = [];

function describeComparison(label: string, c: Comparison, input?: string): string {
  const lines = [`## ${label}: ${c.verdict} (${c.reason})`, `nginx:     ${showNginx(c.nginx)}`];
  if (c.errors.length === 0) lines.push('stacklint: no errors');
  for (const d of c.errors.slice(0, 6)) lines.push(`stacklint: ${showDiagnostic(d)}`);
  for (const ie of c.internalErrors) lines.push(`internal:  ${ie.split('\n').slice(0, 4).join(' | ')}`);
  if (input !== undefined) lines.push('input:', input.length > 3000 ? input.slice(0, 3000) + '\n…' : input);
  return lines.join('\n');
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

beforeAll(() => {
  work = tempDir('nginx-parity');
});
afterAll(() => {
  fs.writeFileSync(REPORT, report.join('\n\n') + '\n');
  fs.rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------
// (a) The FACTS experiments

/** Main files of the experiments (included-only files are left to their includers). */
function experimentMains(factsRoot: string): Array<{ label: string; conf: string; prefix: string }> {
  const n = path.join(factsRoot, 'nginx');
  const out: Array<{ label: string; conf: string; prefix: string }> = [];
  const add = (dir: string, filter: (f: string) => boolean, prefix: string) => {
    for (const f of fs.readdirSync(path.join(n, dir)).sort()) {
      if (!f.endsWith('.conf') || !filter(f)) continue;
      out.push({ label: `${dir}/${f}`, conf: path.join(n, dir, f), prefix: path.join(n, prefix) + '/' });
    }
  };
  add('q1', () => true, 'q1');
  add('q1/edge', () => true, 'q1');
  add('q2', () => true, 'q2');
  add('q3/conf', () => true, 'q3'); // FACTS §3: nginx -t -p q3/ -c conf/…
  add('q4', () => true, 'q4');
  add('q5', (f) => f.startsWith('t_') || f === 'run.conf', 'q5');
  add('q6', () => true, 'q6');
  return out;
}

describe('nginx -t parity: FACTS experiments', () => {
  // The list is fixed by the shared tree; computed at collection time from the originals.
  const labels = experimentMains(EXPERIMENTS).map((e) => e.label);
  const results = new Map<string, Comparison>();

  beforeAll(() => {
    const facts = prepareExperiments(work);
    const mains = experimentMains(facts);
    const outcomes = runNginxBatch(mains.map((m): NginxJob => ({ conf: m.conf, prefix: m.prefix })));
    mains.forEach((m, i) => {
      const c = compare(outcomes[i]!, runStacklint(m.conf, m.prefix));
      results.set(m.label, c);
      report.push(describeComparison(`experiment ${m.label}`, c));
    });
    const counts = { agree: 0, 'out-of-scope': 0, disagree: 0 };
    for (const c of results.values()) counts[c.verdict]++;
    const valid = [...results.values()].filter((c) => c.nginx.ok).length;
    console.log(
      `parity (experiments): ${results.size} files (${valid} valid, ${results.size - valid} invalid for nginx), ` +
        `${counts.agree} agree, ${counts['out-of-scope']} handler-level out of scope, ${counts.disagree} disagree`,
    );
  });

  it('found the experiments', () => {
    expect(labels.length).toBeGreaterThan(80);
  });

  it.each(labels)('%s', (label) => {
    const c = results.get(label)!;
    expect(c, `no result for ${label}`).toBeDefined();
    expect(c.verdict, describeComparison(label, c)).not.toBe('disagree');
  });
});

// ---------------------------------------------------------------------------------------
// (b) Mutants

interface Seed {
  name: string;
  text: string;
  mode: SeedMode;
  count: number;
}

interface MutantCase {
  label: string;
  kind: MutationKind | 'seed';
  what: string;
  conf: string;
  file: string;
  prefix: string;
  text: string;
}

/** Write one input for a seed directory: the file itself and, for snippets, its main file. */
function writeInput(dir: string, base: string, mode: SeedMode, text: string): { conf: string; file: string } {
  if (mode === 'main') {
    const conf = path.join(dir, `${base}.conf`);
    fs.writeFileSync(conf, text);
    return { conf, file: conf };
  }
  const file = path.join(dir, `${base}.site.conf`);
  fs.writeFileSync(file, text);
  const conf = path.join(dir, `${base}.conf`);
  fs.writeFileSync(conf, wrapper(mode, path.basename(file)));
  return { conf, file };
}

/** Corpus nginx files that nginx -t accepts as a main file, or included in http or server. */
function corpusSeeds(root: string): { seeds: Seed[]; tried: number; untokenizable: string[] } {
  const dir = path.join(root, 'corpus-scan');
  fs.mkdirSync(dir);
  provideEtcNginx(dir);
  const files = corpusEntries('nginx');
  const modes: SeedMode[] = ['main', 'http', 'server'];
  const jobs: NginxJob[] = [];
  files.forEach((f, i) => {
    const text = fs.readFileSync(f.file, 'utf8');
    for (const mode of modes) jobs.push({ conf: writeInput(dir, `c${i}-${mode}`, mode, text).conf, prefix: dir });
  });
  const outcomes = runNginxBatch(jobs);
  const seeds: Seed[] = [];
  const untokenizable: string[] = [];
  files.forEach((f, i) => {
    const okMode = modes.find((_, k) => outcomes[i * modes.length + k]!.ok);
    if (!okMode) return;
    const text = fs.readFileSync(f.file, 'utf8');
    const rel = path.relative(path.dirname(path.dirname(f.file)), f.file);
    try {
      if (tokenizeSeed(text).length < 3) return; // nothing to mutate
    } catch {
      untokenizable.push(rel);
      return;
    }
    seeds.push({ name: `corpus:${rel}`, text, mode: okMode, count: PER_CORPUS_SEED });
  });
  return { seeds, tried: files.length, untokenizable };
}

describe('nginx -t parity: mutants of valid configurations', () => {
  const cases: MutantCase[] = [];
  const results: Comparison[] = [];

  beforeAll(() => {
    const own: Seed[] = OWN_SEEDS.map((s) => ({ name: s.name, text: fs.readFileSync(path.join(SEED_DIR, s.file), 'utf8'), mode: s.mode, count: s.count }));
    const corpus = corpusSeeds(work);
    console.log(
      `parity seeds: ${own.length} own, ${corpus.seeds.length} of ${corpus.tried} corpus nginx files pass nginx -t` +
        (corpus.untokenizable.length ? ` (${corpus.untokenizable.length} not readable by the seed tokenizer: ${corpus.untokenizable.join(', ')})` : ''),
    );
    [...own, ...corpus.seeds].forEach((seed, si) => {
      const dir = path.join(work, `seed${si}`);
      fs.mkdirSync(dir);
      provideEtcNginx(dir);
      const seedInput = writeInput(dir, 'seed', seed.mode, seed.text);
      cases.push({ label: `${seed.name} (seed)`, kind: 'seed', what: 'the seed itself', ...seedInput, prefix: dir + '/', text: seed.text });
      mutants(seed.text, seed.count, hash(seed.name)).forEach((m, mi) => {
        const input = writeInput(dir, `m${String(mi).padStart(3, '0')}`, seed.mode, m.text);
        cases.push({ label: `${seed.name} #${mi} ${m.kind}`, kind: m.kind, what: m.what, ...input, prefix: dir + '/', text: m.text });
      });
    });
    const outcomes = runNginxBatch(cases.map((c) => ({ conf: c.conf, prefix: c.prefix })));
    cases.forEach((c, i) => {
      const cmp = compare(outcomes[i]!, runStacklint(c.conf, c.prefix));
      results.push(cmp);
      if (cmp.verdict !== 'agree' || c.kind === 'seed') report.push(describeComparison(`${c.label}: ${c.what}`, cmp, cmp.verdict === 'disagree' ? c.text : undefined));
    });

    const muts = results.filter((_, i) => cases[i]!.kind !== 'seed');
    const n = (v: string, xs = muts) => xs.filter((c) => c.verdict === v).length;
    const invalid = muts.filter((c) => !c.nginx.ok).length;
    console.log(
      `parity: ${muts.length} mutants (${invalid} rejected by nginx -t, ${muts.length - invalid} accepted), ` +
        `${n('agree')} agree, ${n('out-of-scope')} handler-level out of scope, ${n('disagree')} disagree`,
    );
    const byKind = MUTATION_KINDS.map((k) => {
      const xs = results.filter((_, i) => cases[i]!.kind === k);
      return `${k} ${xs.length}/${n('agree', xs)}/${n('out-of-scope', xs)}/${n('disagree', xs)}`;
    });
    console.log(`parity by mutation (total/agree/out-of-scope/disagree): ${byKind.join(', ')}`);
    const reasons = new Map<string, number>();
    for (const c of muts) if (c.verdict === 'out-of-scope') reasons.set(`${c.reason}: ${c.nginx.error?.message.replace(/"[^"]*"/g, '"…"')}`, (reasons.get(`${c.reason}: ${c.nginx.error?.message.replace(/"[^"]*"/g, '"…"')}`) ?? 0) + 1);
    console.log(`out of scope:\n${[...reasons].map(([r, k]) => `  ${k} × ${r}`).join('\n')}`);
    const seeds = results.filter((_, i) => cases[i]!.kind === 'seed');
    console.log(`parity seeds: ${seeds.length} seeds, ${n('agree', seeds)} agree, ${n('disagree', seeds)} disagree; details in ${REPORT}`);
  });

  it('generates a few hundred mutants, most of which nginx rejects', () => {
    const muts = cases.filter((c) => c.kind !== 'seed');
    expect(muts.length).toBeGreaterThanOrEqual(300);
    expect(results.filter((c, i) => cases[i]!.kind !== 'seed' && !c.nginx.ok).length).toBeGreaterThan(muts.length / 2);
    for (const k of MUTATION_KINDS) expect(muts.some((c) => c.kind === k), k).toBe(true);
  });

  it('every seed passes nginx -t and stacklint reports no error on it', () => {
    const bad = results.filter((c, i) => cases[i]!.kind === 'seed' && c.verdict !== 'agree');
    expect(bad.map((c) => describeComparison(cases[results.indexOf(c)]!.label, c)).join('\n\n')).toBe('');
  });

  it.each(MUTATION_KINDS)('structural mutants agree: %s', (kind) => {
    const bad: string[] = [];
    cases.forEach((c, i) => {
      if (c.kind !== kind) return;
      const r = results[i]!;
      if (r.verdict === 'disagree') bad.push(describeComparison(`${c.label}: ${c.what}`, r));
    });
    expect(bad.join('\n\n')).toBe('');
  });
});
