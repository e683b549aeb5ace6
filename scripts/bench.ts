/**
 * `npm run bench`: generated inputs, wall time and peak RSS of `stacklint check` (the built
 * CLI, cold: a new process per run, median of several), beside `nginx -t` when installed.
 * Budgets come from the issues; a line ends in "ok" or "OVER BUDGET".
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateNginxConfig } from './bench/nginx.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/stacklint.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Measure {
  wallMs: number;
  /** user + system CPU time: steadier than wall time when the machine is busy. */
  cpuMs: number | undefined;
  rssMb: number | undefined;
  code: number | null;
}

/** Run a command once; wall time from here, peak RSS from GNU time when available. */
function measureOnce(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Measure {
  const rssFile = path.join(os.tmpdir(), `stacklint-bench-rss-${process.pid}`);
  const argv = GNU_TIME ? ['-f', '%U %S %M', '-o', rssFile, cmd, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(GNU_TIME ?? cmd, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  let rssMb: number | undefined;
  let cpuMs: number | undefined;
  if (GNU_TIME && fs.existsSync(rssFile)) {
    const [user, sys, kb] = (fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    rssMb = Number.isFinite(kb) ? kb! / 1024 : undefined;
    cpuMs = Number.isFinite(user) && Number.isFinite(sys) ? (user! + sys!) * 1000 : undefined;
    fs.rmSync(rssFile, { force: true });
  }
  return { wallMs, cpuMs, rssMb, code: r.status };
}

function measure(cmd: string, args: string[], cwd = ROOT, runs = RUNS): Measure {
  measureOnce(cmd, args, cwd); // warm the page cache (and write the code cache), not the process
  return summarize(Array.from({ length: runs }, () => measureOnce(cmd, args, cwd)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall and cpu time, peak RSS of several runs. */
function summarize(all: Measure[]): Measure {
  const byWall = [...all].sort((a, b) => a.wallMs - b.wallMs);
  const mid = byWall[Math.floor(byWall.length / 2)]!;
  const rss = Math.max(...all.map((m) => m.rssMb ?? 0));
  return {
    wallMs: mid.wallMs,
    cpuMs: GNU_TIME ? median(all.map((m) => m.cpuMs ?? 0)) : undefined,
    rssMb: GNU_TIME ? rss : undefined,
    code: mid.code,
  };
}

function fmt(m: Measure): string {
  const cpu = m.cpuMs === undefined ? '' : ` (cpu ${m.cpuMs.toFixed(0)} ms)`;
  return `${m.wallMs.toFixed(0).padStart(6)} ms${cpu.padEnd(16)} ${m.rssMb === undefined ? '   n/a' : m.rssMb.toFixed(0).padStart(4) + ' MB'}`;
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'OVER BUDGET';
}

const results: string[] = [];
function line(s: string) {
  results.push(s);
  console.log(s);
}

async function optional<T>(modulePath: string): Promise<T | undefined> {
  try {
    return (await import(modulePath)) as T;
  } catch (e) {
    console.log(`(skipping ${modulePath}: ${(e as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

async function main() {
  if (!fs.existsSync(CLI)) throw new Error('run `npm run build` first');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-bench-'));
  const nginx = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined;
  line(`stacklint bench — node ${process.version}, ${os.cpus().length} cores, median of ${RUNS} cold runs, load average ${os.loadavg()[0]!.toFixed(1)}`);
  line('(wall time is what the budgets name; cpu = user+system of the process, steadier on a busy machine)');
  line('');

  // 1. The bundled example stack, cold, as the README runs it (default stylish output),
  // alternated with an empty Node.js start-up for scale.
  const exampleArgs = [CLI, 'check', 'examples/mysite'];
  const startup = (env: NodeJS.ProcessEnv) => {
    measureOnce(process.execPath, exampleArgs, ROOT, env);
    const runs = Array.from({ length: RUNS * 2 }, () => ({
      node: measureOnce(process.execPath, ['-e', '0'], ROOT, env),
      example: measureOnce(process.execPath, exampleArgs, ROOT, env),
    }));
    return { example: summarize(runs.map((r) => r.example)), node: summarize(runs.map((r) => r.node)) };
  };
  const asIs = startup(process.env);
  line(`example stack (examples/mysite)        ${fmt(asIs.example)}   budget 200 ms: ${verdict(asIs.example.wallMs <= 200)}`);
  line(`  node -e 0 (Node.js start-up alone)     ${fmt(asIs.node)}`);
  // Node.js reads and parses the certificates of NODE_EXTRA_CA_CERTS when it starts, before
  // any script runs (this machine's environment sets it: ~80 ms of every node start here).
  // stacklint opens no TLS connection; the start-up without it is what users see elsewhere.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _certs, ...withoutExtraCerts } = process.env;
    const clean = startup(withoutExtraCerts);
    line(`  same, without NODE_EXTRA_CA_CERTS      ${fmt(clean.example)}   budget 200 ms: ${verdict(clean.example.wallMs <= 200)}`);
    line(`  node -e 0 without NODE_EXTRA_CA_CERTS  ${fmt(clean.node)}`);
  }

  // 2. nginx configs of N servers.
  let nginx5000: Measure | undefined;
  let nginx5000File = '';
  for (const n of [100, 1000, 5000]) {
    const dir = path.join(work, `nginx-${n}`);
    const file = generateNginxConfig(dir, n);
    const size = (fs.statSync(file).size / 1e6).toFixed(1);
    const m = measure(process.execPath, [CLI, 'check', '--no-fs', '--format', 'json', file]);
    let s = `nginx N=${String(n).padEnd(5)} (${size.padStart(4)} MB)       ${fmt(m)}  exit ${m.code}`;
    if (n === 5000) {
      nginx5000 = m;
      nginx5000File = file;
      s += `   budget 1000 ms / 300 MB: ${verdict(m.wallMs <= 1000 && (m.rssMb ?? 0) <= 300)}`;
    }
    line(s);
    if (nginx) {
      const t = measure(nginx, ['-t', '-q', '-p', dir + '/', '-c', file, '-g', 'error_log stderr;'], ROOT, n === 5000 ? 3 : RUNS);
      line(`  nginx -t on the same file              ${fmt(t)}  exit ${t.code}`);
    }
  }

  // 3. uWSGI inis + supervisord.conf together with the 5,000-server nginx config.
  type UwsgiGen = { generateUwsgiInis(dir: string, count: number): string[] };
  type SupGen = { generateSupervisorConf(dir: string, programs: number): string };
  const uw = await optional<UwsgiGen>('./bench/uwsgi.js');
  const sup = await optional<SupGen>('./bench/supervisor.js');
  if (uw && sup && nginx5000) {
    const iniDir = path.join(work, 'uwsgi');
    uw.generateUwsgiInis(iniDir, 500);
    const supFile = sup.generateSupervisorConf(path.join(work, 'supervisor'), 2000);
    // Alternate the two runs, so that both see the same machine (its speed drifts by a
    // quarter over minutes here), and take the median of the per-pair differences.
    const nginxArgs = [CLI, 'check', '--no-fs', '--format', 'json', nginx5000File];
    const bothArgs = [...nginxArgs, iniDir, supFile];
    measureOnce(process.execPath, bothArgs, ROOT);
    const pairs = Array.from({ length: RUNS }, () => ({ alone: measureOnce(process.execPath, nginxArgs, ROOT), both: measureOnce(process.execPath, bothArgs, ROOT) }));
    const both = summarize(pairs.map((p) => p.both));
    const alone = summarize(pairs.map((p) => p.alone));
    const extra = median(pairs.map((p) => p.both.wallMs - p.alone.wallMs));
    line(`nginx 5000 + 500 uWSGI inis + 2,000 supervisor programs ${fmt(both)}`);
    line(`  the nginx 5000 run alone, alternated    ${fmt(alone)}`);
    line(`  beyond the nginx run (median of pairs) ${extra.toFixed(0).padStart(6)} ms            budget 500 ms: ${verdict(extra <= 500)}`);
    // The same inputs without the nginx config: what a uWSGI + supervisor repository waits for.
    const usOnly = measure(process.execPath, [CLI, 'check', '--no-fs', '--format', 'json', iniDir, supFile]);
    line(`  the uWSGI inis + supervisord.conf alone ${fmt(usOnly)}`);
  }

  // 4. Django: a 5,000-line settings module with 20 star-imported parts.
  type DjGen = { generateSplitSettings(dir: string): string };
  const dj = await optional<DjGen>('./bench/django.js');
  if (dj) {
    const main = dj.generateSplitSettings(path.join(work, 'django'));
    const m = measure(process.execPath, [CLI, 'check', '--no-fs', '--format', 'json', '--kind', 'django', main]);
    line(`Django split settings (CLI, cold)       ${fmt(m)}  exit ${m.code}`);
    const evalMs = await djangoInProcess(main);
    line(`  evaluation in-process: first ${evalMs.first.toFixed(1)} ms, warm ${evalMs.warm.toFixed(1)} ms   budget 50 ms: ${verdict(evalMs.first <= 50)}`);
  }

  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.bench/last.txt'), results.join('\n') + '\n');
}

/** Time the Django front end alone (load + evaluate), first call and warm. */
async function djangoInProcess(main: string): Promise<{ first: number; warm: number }> {
  const { loadDjango } = (await import('../src/parsers/django/index.js')) as typeof import('../src/parsers/django/index.js');
  const { FsView } = await import('../src/core/fs.js');
  const { defaultConfig } = await import('../src/core/config.js');
  const { createProject } = await import('../src/engine/lint.js');
  const once = () => {
    const config = defaultConfig(path.dirname(main));
    config.hostChecks = false;
    const fsView = new FsView([], false);
    const project = createProject(config);
    const read = fsView.read(main);
    if (!read.ok) throw new Error(read.message);
    const t = process.hrtime.bigint();
    loadDjango([read.source], { fs: fsView, config }, project);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const first = once();
  const warm = Math.min(...Array.from({ length: 10 }, once));
  return { first, warm };
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
