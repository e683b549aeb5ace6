/**
 * Run the real `nginx -t` on many configuration files, quickly and without touching the
 * system's nginx.
 *
 * `nginx -t` is not read-only: it writes its pid file (/run/nginx.pid on Debian), creates
 * and chowns the temp directories compiled in (/var/lib/nginx/*), tests the lock file and
 * opens log files (/var/log/nginx/*). So every batch runs inside a private mount namespace
 * (`unshare -m`, private propagation) with empty tmpfs mounted over /run, /var/lib/nginx
 * and /var/log/nginx: the configs under test may name those paths, and nothing outside
 * the namespace sees the writes. Tests run as root (CI and the dev container), which
 * `unshare -m` needs.
 *
 * A batch is one `unshare` process running a shell loop in two parallel lanes (2 cores);
 * one `nginx -t` costs ~3-5 ms there.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const NGINX_BIN = '/usr/sbin/nginx';

export interface NginxJob {
  /** Absolute path of the main configuration file (`-c`). */
  conf: string;
  /** Absolute prefix directory (`-p`), with or without trailing slash. */
  prefix: string;
}

export interface NginxLogLine {
  level: string;
  message: string;
  /** File and line nginx names (`in FILE:LINE`), when it names one. */
  file?: string;
  line?: number;
}

export interface NginxOutcome {
  job: NginxJob;
  /** `nginx -t` exit status 0. */
  ok: boolean;
  status: number;
  stderr: string;
  /** Every `[level]` line nginx logged. */
  log: NginxLogLine[];
  /** The error that made the test fail (nginx stops at the first one): first emerg/alert/crit line. */
  error?: NginxLogLine;
}

const LOG_LINE = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(\w+)\] \d+#\d+: (.*)$/;
const WHERE = /^(.*) in (\/.*):(\d+)$/s;

export function parseNginxStderr(stderr: string): NginxLogLine[] {
  const out: NginxLogLine[] = [];
  for (const raw of stderr.split('\n')) {
    const m = LOG_LINE.exec(raw);
    if (!m) continue;
    const line: NginxLogLine = { level: m[1]!, message: m[2]! };
    const w = WHERE.exec(line.message);
    if (w) {
      line.message = w[1]!;
      line.file = w[2]!;
      line.line = Number(w[3]);
    }
    out.push(line);
  }
  return out;
}

const FATAL = new Set(['emerg', 'alert', 'crit']);

let namespaceChecked: boolean | undefined;

/** Whether batches can run (nginx installed, private mount namespace available). */
export function nginxAvailable(): { ok: boolean; reason?: string } {
  if (!fs.existsSync(NGINX_BIN)) return { ok: false, reason: `${NGINX_BIN} is not installed (apt-get install nginx-light or nginx)` };
  if (namespaceChecked === undefined) {
    const r = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs tmpfs /var/lib/nginx'], { encoding: 'utf8' });
    namespaceChecked = r.status === 0;
  }
  if (!namespaceChecked) return { ok: false, reason: '`unshare -m` with tmpfs mounts failed (the parity suite must run as root)' };
  return { ok: true };
}

function shQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** Run `nginx -t -q` on every job; results in job order. */
export function runNginxBatch(jobs: NginxJob[], opts: { lanes?: number; timeoutSec?: number } = {}): NginxOutcome[] {
  if (jobs.length === 0) return [];
  const lanes = Math.max(1, Math.min(opts.lanes ?? 2, jobs.length));
  const timeout = opts.timeoutSec ?? 10;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-nginx-batch-'));
  try {
    const laneScripts: string[] = Array.from({ length: lanes }, () => '');
    jobs.forEach((j, i) => {
      const prefix = j.prefix.endsWith('/') ? j.prefix : j.prefix + '/';
      // `timeout`: a hostname in proxy_pass makes nginx resolve it; never hang on DNS.
      laneScripts[i % lanes] +=
        `timeout ${timeout} ${NGINX_BIN} -t -q -p ${shQuote(prefix)} -c ${shQuote(j.conf)} </dev/null >/dev/null 2>${shQuote(path.join(work, `${i}.err`))}; ` +
        `echo $? >${shQuote(path.join(work, `${i}.rc`))}\n`;
    });
    const laneFiles = laneScripts.map((s, k) => {
      const f = path.join(work, `lane${k}.sh`);
      fs.writeFileSync(f, s);
      return f;
    });
    const script = [
      'set -e',
      'mount -t tmpfs tmpfs /run',
      'mkdir -p /run/lock',
      'mount -t tmpfs tmpfs /var/lib/nginx',
      'mount -t tmpfs tmpfs /var/log/nginx',
      'set +e',
      ...laneFiles.map((f) => `sh ${shQuote(f)} &`),
      'wait',
    ].join('\n');
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
      encoding: 'utf8',
      timeout: 60_000 + jobs.length * timeout * 1000,
    });
    if (r.status !== 0) throw new Error(`nginx batch failed (status ${r.status}): ${r.stderr}`);
    return jobs.map((job, i) => {
      const stderr = fs.readFileSync(path.join(work, `${i}.err`), 'utf8');
      const status = Number(fs.readFileSync(path.join(work, `${i}.rc`), 'utf8').trim());
      const log = parseNginxStderr(stderr);
      const outcome: NginxOutcome = { job, ok: status === 0, status, stderr, log };
      const error = log.find((l) => FATAL.has(l.level));
      if (error) outcome.error = error;
      return outcome;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
