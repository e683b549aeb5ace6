/**
 * Bad input through the built CLI, as a user runs it: binary files, broken encodings,
 * huge and deep inputs, include globs and cycles, directories, unreadable files, missing
 * paths. Every run must end in diagnostics or a clear CLI error with exit 0/1/2 — never a
 * stack trace, never "internal error", never a hang (each run has a timeout).
 *
 * Where the input is an nginx configuration, the real `nginx -t` runs on it too and the
 * exit status must match its verdict (0 ⇔ nginx accepts), with nginx's message among the
 * findings when it refuses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, expectControlled, runCli, type CliRun } from '../helpers/cli.js';
import { nginxAvailable, runNginxBatch, type NginxOutcome } from '../parity/helpers/nginx-runner.js';
import { tempDir, writeUnder } from '../helpers/scratch.js';

interface JsonOut {
  diagnostics: Array<{ ruleId: string; severity: string; message: string; file: string; range: { start: { line: number }; end: { line: number } } }>;
  summary: { errors: number; warnings: number };
}

let dir: string;

function write(rel: string, content: string | Buffer): string {
  return writeUnder(dir, rel, content);
}

function check(args: string[], opts: { timeoutMs?: number; asUser?: string } = {}): CliRun {
  return runCli(['check', '--format', 'json', ...args], { cwd: dir, ...opts });
}

function json(r: CliRun): JsonOut {
  try {
    return JSON.parse(r.stdout) as JsonOut;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout.slice(0, 1000)}\nstderr: ${r.stderr.slice(0, 1000)}`);
  }
}

const ruleIds = (o: JsonOut) => [...new Set(o.diagnostics.map((d) => d.ruleId))].sort();

/** The exit status must say what nginx -t says, and carry its message when it refuses. */
function expectNginxVerdict(r: CliRun, nginx: NginxOutcome, sameMessage = true): void {
  const out = json(r);
  const detail = `nginx: ${nginx.ok ? 'ok' : `${nginx.error?.message} (line ${nginx.error?.line})`}\nstacklint: ${out.diagnostics
    .map((d) => `${d.severity} ${d.ruleId} ${d.range.start.line}-${d.range.end.line} ${d.message}`)
    .join('\n           ')}`;
  expect(r.code, detail).toBe(nginx.ok ? 0 : 1);
  if (!nginx.ok && nginx.error && sameMessage) {
    expect(
      out.diagnostics.some((d) => d.severity === 'error' && d.message === nginx.error!.message),
      detail,
    ).toBe(true);
  }
}

interface NginxCase {
  conf: string;
  args?: string[];
  timeoutMs?: number;
  /**
   * Require nginx's message among the findings (default). Off only where nginx's message
   * is raw bytes of a binary file (`unknown directive "\x7fELF"`) and stacklint says
   * "binary file" instead: the verdict (exit status) must still agree.
   */
  sameMessage?: boolean;
}

const NGINX_CASES: Record<string, () => NginxCase> = {
  'invalid UTF-8 in a comment and a value': () => ({
    conf: write('utf8/nginx.conf', Buffer.concat([Buffer.from('# caf\xe9 \n', 'latin1'), Buffer.from('events {}\nhttp {\n  default_type "a\xff\xfeb";\n}\n', 'latin1')])),
  }),
  'invalid UTF-8 in a directive name': () => ({
    conf: write('utf8name/nginx.conf', Buffer.concat([Buffer.from('events {}\nhttp {\n  send'), Buffer.from([0xff]), Buffer.from('file on;\n}\n')])),
  }),
  'UTF-8 BOM': () => ({ conf: write('bom/nginx.conf', '\ufeffevents {}\n') }),
  'UTF-8 BOM before a comment': () => ({ conf: write('bomc/nginx.conf', '\ufeff# main\nevents {}\n') }),
  'CRLF line ends (valid)': () => ({ conf: write('crlf/nginx.conf', 'events {}\r\nhttp {\r\n  sendfile on;\r\n  server {\r\n    listen 127.0.0.1:18970;\r\n    location / {\r\n      return 200 "ok";\r\n    }\r\n  }\r\n}\r\n') }),
  'CRLF line ends with an error on line 3': () => ({ conf: write('crlf2/nginx.conf', 'events {}\r\nhttp {\r\n  sendfile yes;\r\n}\r\n') }),
  'lone CR line ends': () => ({ conf: write('cr/nginx.conf', 'events {}\rhttp {\r  sendfile on;\r}\r') }),
  '5,000 nested locations (nginx accepts)': () => {
    const n = 5000;
    return {
      conf: write('deep/nginx.conf', `events {}\nhttp {\n server {\n  listen 127.0.0.1:18971;\n${'location /a {\n'.repeat(n)}${'}\n'.repeat(n)} }\n}\n`),
      timeoutMs: 60_000,
    };
  },
  '5,000 nested http blocks': () => ({ conf: write('deep2/nginx.conf', `events {}\n${'http {\n'.repeat(5000)}${'}\n'.repeat(5000)}`) }),
  '5,000 unclosed blocks': () => ({ conf: write('deep3/nginx.conf', `events {}\nhttp {\n server {\n${'location /a {\n'.repeat(5000)}`) }),
  '1 MB token': () => ({ conf: write('bigtoken/nginx.conf', `events {}\nhttp {\n  default_type ${'a'.repeat(1024 * 1024)};\n}\n`) }),
  '1 MB quoted token without closing quote': () => ({ conf: write('bigquote/nginx.conf', `events {}\nhttp {\n  default_type "${'a'.repeat(1024 * 1024)}\n}\n`) }),
  '1 MB line of semicolons': () => ({ conf: write('semis/nginx.conf', `events {}\n${';'.repeat(1024 * 1024)}\n`) }),
  'include glob matching 10,000 files': () => {
    for (let i = 0; i < 10_000; i++) write(`many/conf.d/u${i}.conf`, `upstream u${i} {\n    server 127.0.0.1:${10000 + (i % 50000)};\n}\n`);
    return { conf: write('many/nginx.conf', 'events {}\nhttp {\n  include conf.d/*.conf;\n}\n'), timeoutMs: 60_000 };
  },
  'include cycle a → b → a': () => {
    write('cycle/a.conf', 'include b.conf;\n');
    write('cycle/b.conf', 'include a.conf;\n');
    return { conf: write('cycle/nginx.conf', 'events {}\nhttp {\n  include a.conf;\n}\n') };
  },
  'include of itself through a glob': () => {
    write('selfglob/conf.d/a.conf', 'include conf.d/*.conf;\n');
    return { conf: write('selfglob/nginx.conf', 'events {}\nhttp {\n  include conf.d/*.conf;\n}\n') };
  },
  // nginx re-reads nginx.conf inside the include and stops at `"events" directive is
  // duplicate` before recursing further; stacklint names the cause (the file includes
  // itself). Both refuse; the messages differ on purpose.
  'main file including itself through a glob': () => ({ conf: write('selfmain/nginx.conf', 'events {}\ninclude *.conf;\n'), sameMessage: false }),
  'NUL byte inside a word (nginx reads it as a character)': () => ({ conf: write('nulw/nginx.conf', 'events {}\nhttp {\n  server {\0}\n}\n') }),
  'NUL byte in a comment (nginx accepts)': () => ({ conf: write('nulc/nginx.conf', 'events {}\nhttp {\n  # a\0b\n  sendfile on;\n}\n') }),
  'include of a directory': () => {
    write('incdir/conf.d/x.conf', 'sendfile on;\n');
    return { conf: write('incdir/nginx.conf', 'events {}\nhttp {\n  include conf.d;\n}\n') };
  },
  'include of a binary file': () => {
    write('incbin/blob.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0x3b]));
    return { conf: write('incbin/nginx.conf', 'events {}\nhttp {\n  include blob.bin;\n}\n'), sameMessage: false };
  },
};

/** Only the cycle cases make nginx crash (exit 139, nothing logged): stacklint must report a cycle. */
const NGINX_CRASHES = new Set(['include cycle a → b → a', 'include of itself through a glob']);

const prepared = new Map<string, NginxCase>();
const nginxResults = new Map<string, NginxOutcome>();

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('nginx-bad-input');
  fs.chmodSync(dir, 0o755); // the unreadable-file case runs the CLI as nobody
  for (const [name, make] of Object.entries(NGINX_CASES)) prepared.set(name, make());
  const names = [...prepared.keys()];
  if (nginxAvailable().ok) {
    const outcomes = runNginxBatch(names.map((n) => ({ conf: prepared.get(n)!.conf, prefix: path.dirname(prepared.get(n)!.conf) + '/' })), { timeoutSec: 30 });
    names.forEach((n, i) => nginxResults.set(n, outcomes[i]!));
  }
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('nginx bad input through the CLI', () => {
  it('builds the CLI', () => {
    expect(fs.existsSync(CLI)).toBe(true);
  });

  it.each(Object.keys(NGINX_CASES))('%s', (name) => {
    const c = prepared.get(name)!;
    const r = check([...(c.args ?? []), c.conf], c.timeoutMs ? { timeoutMs: c.timeoutMs } : {});
    expectControlled(r);
    const nginx = nginxResults.get(name);
    expect(nginx, 'nginx -t did not run').toBeDefined();
    if (NGINX_CRASHES.has(name)) {
      expect(nginx!.status, 'nginx is expected to crash on the cycle').toBe(139);
      expect(r.code).toBe(1);
      expect(ruleIds(json(r))).toContain('nginx/include-cycle');
      return;
    }
    expectNginxVerdict(r, nginx!, c.sameMessage ?? true);
  });

  it('a binary file given on the command line: core/binary-file, exit 1', () => {
    const f = write('bin/nginx.conf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x3b, 0x7b]));
    const r = check([f]);
    expectControlled(r);
    expect(r.code).toBe(1);
    expect(ruleIds(json(r))).toEqual(['core/binary-file']);
  });

  it('a binary file forced as nginx: still core/binary-file, exit 1', () => {
    const f = write('bin2/site', Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
    const r = check(['--kind', 'nginx', f]);
    expectControlled(r);
    expect(r.code).toBe(1);
    expect(ruleIds(json(r))).toEqual(['core/binary-file']);
  });

  it('a directory named like a config file: walked, not read as a file', () => {
    fs.mkdirSync(path.join(dir, 'dirconf/nginx.conf'), { recursive: true });
    const r = check([path.join(dir, 'dirconf/nginx.conf')]);
    expectControlled(r);
    expect(r.code).toBe(0);
    expect(json(r).diagnostics).toEqual([]);
  });

  it('a directory forced as nginx with --kind: exit 0 or a clear message', () => {
    const d = path.join(dir, 'dirkind');
    fs.mkdirSync(d);
    write('dirkind/nginx.conf', 'events {}\n');
    const r = check(['--kind', 'nginx', d]);
    expectControlled(r);
    expect(r.code).toBe(0);
  });

  it('an unreadable file (CLI run as nobody): core/unreadable-file, exit 1', () => {
    const f = write('secret/nginx.conf', 'events {}\n');
    fs.chmodSync(path.dirname(f), 0o755);
    fs.chmodSync(f, 0o000);
    const r = check([f], { asUser: 'nobody' });
    expectControlled(r);
    expect(r.code).toBe(1);
    const out = json(r);
    expect(ruleIds(out)).toEqual(['core/unreadable-file']);
    expect(out.diagnostics[0]!.message).toMatch(/permission denied/i);
  });

  it('an unreadable include (CLI run as nobody): an error naming the include, exit 1', () => {
    write('secret2/inc.conf', 'sendfile on;\n');
    fs.chmodSync(path.join(dir, 'secret2/inc.conf'), 0o000);
    const f = write('secret2/nginx.conf', 'events {}\nhttp {\n  include inc.conf;\n}\n');
    const r = check([f], { asUser: 'nobody' });
    expectControlled(r);
    expect(r.code).toBe(1);
    const out = json(r);
    const d = out.diagnostics.find((x) => x.severity === 'error');
    expect(d, JSON.stringify(out.diagnostics)).toBeDefined();
    expect(d!.file).toBe(f);
    expect(d!.range.start.line).toBe(3);
    // nginx's own words for EACCES on an include: open() "…" failed (13: Permission denied)
    expect(d!.message).toBe(`open() "${path.join(dir, 'secret2/inc.conf')}" failed (13: Permission denied)`);
  });

  it('an unreadable directory given on the command line (CLI run as nobody): exit 1 or 2 with a message', () => {
    const d = path.join(dir, 'locked');
    fs.mkdirSync(d);
    write('locked/nginx.conf', 'events {}\n');
    fs.chmodSync(d, 0o000);
    const r = check([d], { asUser: 'nobody' });
    expectControlled(r);
    expect([1, 2]).toContain(r.code);
    expect(r.stdout + r.stderr).toMatch(/locked/);
  });

  it('a path that does not exist: exit 2, named on stderr', () => {
    const r = check(['no/such/nginx.conf']);
    expectControlled(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/nginx.conf: no such file or directory');
  });

  it('an option missing its argument: exit 2, usage message', () => {
    const r = runCli(['check', '--kind'], { cwd: dir });
    expectControlled(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/argument missing|missing/i);
  });

  it('an unknown --kind: exit 2', () => {
    const r = runCli(['check', '--kind', 'apache', 'x.conf'], { cwd: dir });
    expectControlled(r);
    expect(r.code).toBe(2);
  });

  it('exit codes: 0 clean, 1 errors, 2 usage', () => {
    const ok = write('codes/ok/nginx.conf', 'events {}\nhttp {\n  sendfile on;\n}\n');
    const bad = write('codes/bad/nginx.conf', 'events {}\nhttp {\n  sendfile yes;\n}\n');
    const clean = check([ok]);
    expectControlled(clean);
    expect(clean.code).toBe(0);
    expect(json(clean).summary.errors).toBe(0);
    const errors = check([bad]);
    expectControlled(errors);
    expect(errors.code).toBe(1);
    expect(json(errors).summary.errors).toBeGreaterThan(0);
    const usage = runCli(['check', '--bogus', ok], { cwd: dir });
    expectControlled(usage);
    expect(usage.code).toBe(2);
  });
});
