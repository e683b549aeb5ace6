/**
 * Bad input for the supervisor front end through the built CLI: binary and non-UTF-8 files
 * (named or included), a byte-order mark, an include glob of 10,000 files, huge files, long
 * lines and values, pathological %-formats and environment values. Every run ends in
 * diagnostics with exit 0/1/2 — no stack trace, no internal error, no hang — and where the
 * input is a configuration, supervisord's own option processing (installed supervisor under
 * /usr/bin/python3) must agree on refuse/accept.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectControlled as expectControlledRun, runCli, type CliRun } from '../helpers/cli.js';
import { tempDir, writeUnder } from '../helpers/scratch.js';

const HAVE_SUPERVISOR = fs.existsSync('/usr/lib/python3/dist-packages/supervisor/options.py');

interface JsonOut {
  diagnostics: Array<{ ruleId: string; severity: string; message: string; file: string; range: { start: { line: number } } }>;
}

let dir: string;

function write(rel: string, content: string | Buffer): string {
  return writeUnder(dir, rel, content);
}

function check(args: string[], timeoutMs = 60_000): CliRun {
  return runCli(['check', '--format', 'json', ...args], { cwd: dir, timeoutMs });
}

/** A controlled run's JSON output. */
function expectControlled(r: CliRun): JsonOut {
  expectControlledRun(r);
  return JSON.parse(r.stdout) as JsonOut;
}

/** supervisord's verdict: undefined when it accepts, else its error message. */
function supervisord(file: string): string | undefined {
  const r = spawnSync(
    '/usr/bin/python3',
    [
      '-c',
      `import sys
from supervisor.options import ServerOptions
o = ServerOptions(); o.configfile = sys.argv[1]
try:
    o.process_config(do_usage=False)
except Exception as e:
    print("ERR", str(e)[:300])`,
      file,
    ],
    { encoding: 'utf8', cwd: dir, timeout: 120_000, maxBuffer: 1 << 26 },
  );
  const out = r.stdout.trim();
  return out.startsWith('ERR') ? out.slice(4) : undefined;
}

const errors = (o: JsonOut) => o.diagnostics.filter((d) => d.severity === 'error' && d.ruleId.startsWith('supervisor/'));
const HEAD = '[supervisord]\nnodaemon=true\n';

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('svbad');
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('supervisor bad input', () => {
  it('a binary file named on the command line', () => {
    const f = write('prog.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 0xfe, 0]));
    const out = expectControlled(check(['--kind', 'supervisor', f]));
    expect(out.diagnostics.map((d) => d.ruleId)).toEqual(['core/binary-file']);
  });

  it('invalid UTF-8: the codec error supervisord stops with', () => {
    const f = write('latin1/supervisord.conf', Buffer.concat([Buffer.from(`${HEAD}[program:caf`), Buffer.from([0xe9]), Buffer.from(']\ncommand=/bin/true\n')]));
    const out = expectControlled(check(['--kind', 'supervisor', f]));
    expect(errors(out).map((d) => d.message)).toEqual(["'utf-8' codec can't decode byte 0xe9 in position 40: invalid continuation byte"]);
    if (HAVE_SUPERVISOR) expect(supervisord(f)).toBe("'utf-8' codec can't decode byte 0xe9 in position 40: invalid continuation byte");
  });

  it('a binary file reached through [include]', () => {
    write('incbin/conf.d/blob.conf', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
    const f = write('incbin/supervisord.conf', `${HEAD}[include]\nfiles=conf.d/*.conf\n`);
    const out = expectControlled(check([f]));
    expect(errors(out).map((d) => d.ruleId)).toEqual(['supervisor/parse-error']);
    if (HAVE_SUPERVISOR) expect(supervisord(f)).toMatch(/codec can't decode/);
  });

  it('a UTF-8 byte-order mark', () => {
    const f = write('bom/supervisord.conf', `\ufeff${HEAD}[program:a]\ncommand=/bin/true\n`);
    const out = expectControlled(check([f]));
    expect(errors(out).map((d) => d.message)).toEqual(['File contains no section headers.']);
    if (HAVE_SUPERVISOR) expect(supervisord(f)).toMatch(/^File contains no section headers\./);
  });

  it('an include glob of 10,000 files', () => {
    const sub = path.join(dir, 'many/conf.d');
    fs.mkdirSync(sub, { recursive: true });
    for (let i = 0; i < 10_000; i++) fs.writeFileSync(path.join(sub, `p${String(i).padStart(5, '0')}.conf`), `[program:p${i}]\ncommand=/bin/sleep ${i}\nstdout_logfile=NONE\n`);
    const f = write('many/supervisord.conf', `${HEAD}[include]\nfiles=conf.d/*.conf\n`);
    const r = check([f], 120_000);
    const out = expectControlled(r);
    expect(errors(out)).toEqual([]);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('a huge file (20,000 programs, ~7 MB)', () => {
    const parts = [HEAD];
    for (let i = 0; i < 20_000; i++) {
      parts.push(`[program:p${i}]\ncommand=/srv/venv/bin/gunicorn app${i}.wsgi:application --workers 2 --bind 127.0.0.1:${10000 + i}\n` +
        `directory=/srv/app${i}\nautostart=true\nautorestart=true\nstartsecs=5\nstdout_logfile=NONE\nenvironment=DJANGO_SETTINGS_MODULE="app${i}.settings",A="${'x'.repeat(100)}"\n`);
    }
    const f = write('huge/supervisord.conf', parts.join('\n'));
    const r = check(['--no-fs', f], 120_000);
    const out = expectControlled(r);
    expect(errors(out)).toEqual([]);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('a 5 MB line, a 100,000-line value, a million empty lines', () => {
    const longLine = write('long/supervisord.conf', `${HEAD}[program:a]\ncommand=/bin/echo ${'a '.repeat(2_500_000)}\n`);
    expectControlled(check(['--no-fs', longLine], 120_000));
    const cont = write('cont/supervisord.conf', `${HEAD}[program:a]\ncommand=/bin/echo\n${'    arg\n'.repeat(100_000)}`);
    expectControlled(check(['--no-fs', cont], 120_000));
    const empty = write('empty/supervisord.conf', `${HEAD}${'\n'.repeat(1_000_000)}[program:a]\ncommand=/bin/true\n`);
    expectControlled(check(['--no-fs', empty], 120_000));
  });

  it('pathological %-formats and environments', () => {
    const f = write(
      'pct/supervisord.conf',
      `${HEAD}[program:a]\ncommand=/bin/echo ${'%%'.repeat(100_000)}\n` +
        `[program:b]\ncommand=/bin/echo ${'%('.repeat(50_000)}\n` +
        `[program:c]\ncommand=/bin/true\nenvironment=${Array.from({ length: 50_000 }, (_, i) => `K${i}="v${i}"`).join(',')}\n` +
        `[program:d]\ncommand=/bin/true\nenvironment=${'"'.repeat(10_001)}\n` +
        `[program:e]\ncommand=/bin/echo ${'"a" '.repeat(50_000)}'unclosed\n`,
    );
    const out = expectControlled(check(['--no-fs', f], 120_000));
    const msgs = errors(out).map((d) => `${d.ruleId} ${d.message.slice(0, 60)}`);
    expect(msgs.some((m) => m.startsWith('supervisor/format-string-error'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('supervisor/bad-environment'))).toBe(true);
  });

  it('an include glob that matches the main file, and a directory given as supervisor config', () => {
    const f = write('self/supervisord.conf', `${HEAD}[include]\nfiles=*.conf ../self/*.conf\n[program:a]\ncommand=/bin/true\n`);
    const out = expectControlled(check([f]));
    expect(errors(out)).toEqual([]);
    write('asdir/conf.d/x.conf', '[program:x]\ncommand=/bin/true\n');
    expectControlled(check(['--kind', 'supervisor', path.join(dir, 'asdir')]));
  });
});
