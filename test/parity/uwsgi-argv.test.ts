/**
 * Parity: uWSGI command lines (getopt_long) as Debian's uWSGI 2.0.21 reads them.
 *
 * Accepted command lines: `--show-config` output equals the options stacklint derives
 * (abbreviations resolved, `--opt=value`/`--opt value`, short options and bundles,
 * plugin options after `--plugin`, bare `*.ini` arguments loaded after every option).
 * Refused command lines: uWSGI's getopt message equals stacklint's problem message.
 * Sockets are unix sockets in a temp directory or 127.0.0.1; processes are killed as soon
 * as the configuration is printed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/core/source.js';
import { parseUwsgiCommandLine } from '../../src/parsers/uwsgi/index.js';
import { cleanEnv, compareLines, HAVE_UWSGI, loadContext, runUwsgi, tempDir } from '../parsers/uwsgi/real-uwsgi.js';

interface Case {
  name: string;
  /** Arguments after the program; `{{dir}}` is the case directory. */
  args: string[];
  program?: string;
  files?: Record<string, string>;
  /** The problem message expected instead of a configuration (`true`: any, as long as both agree). */
  error?: string | true;
}

const CASES: Case[] = [
  { name: 'unambiguous prefixes', args: ['--vacu', '--thunder', '--enable-thr', '--single-int', '--harakiri-verb', '--max-req', '100', '--uwsgi', '{{dir}}/a.sock', '--show-config'] },
  { name: 'short options', args: ['-M', '-p', '4', '-b', '8192', '-R', '100', '--show-config'] },
  { name: 'bundled short options', args: ['-Mp4', '-b8192', '--show-config'] },
  { name: '--opt=value and --opt value', args: ['--processes=3', '--env', 'A=1', '--env=B=2', '--env', '--weird=value', '--show-config'] },
  { name: 'optional argument only with =', args: ['--chmod-socket=660', '--show-config'] },
  {
    name: '--uwsgi abbreviates --uwsgi-socket',
    args: ['--uwsgi', '{{dir}}/app.sock', '--http-socket', '127.0.0.1:19186', '--show-config'],
  },
  { name: 'plugin options after --plugin', args: ['--plugin', 'python3', '--wsgi-file', '{{dir}}/app.py', '--modul', 'x.wsgi', '--show-config'], files: { 'app.py': '' } },
  { name: 'uwsgi_python3 loads the python plugin', program: '/usr/bin/uwsgi_python3', args: ['--wsgi-file', 'app.py', '-w', 'x', '--show-config'] },
  {
    name: 'bare ini arguments load after every option',
    args: ['{{dir}}/app.ini', '--processes', '2', '{{dir}}/more.ini', '--show-config'],
    files: { 'app.ini': '[uwsgi]\nprocesses = 5\nfrom_app = %n\n', 'more.ini': '[uwsgi]\nx = 1\n[extra]\nextra = %x\n' },
  },
  {
    name: 'a bare argument must end in .ini (no :section)',
    args: ['{{dir}}/more.ini:extra', '--show-config'],
    files: { 'more.ini': '[uwsgi]\nx = 1\n[extra]\nextra = %x\n' },
    error: true,
  },
  { name: '--ini with a section and :section reuse', args: ['--ini', '{{dir}}/s.ini:a', '--ini', ':b', '--show-config'], files: { 's.ini': '[a]\nfrom = a\n[b]\nfrom = b\n' } },
  { name: 'placeholders on the command line', args: ['--set-ph', 'base=/srv', '--chdir2', '%(base)/app', '--set', 'processes=2', '--show-config'] },

  { name: 'ambiguous prefix', args: ['--http', ':18000'], error: "option '--http' is ambiguous; possibilities: '--http-socket' '--http-socket-modifier1' '--http-socket-modifier2' '--http11-socket' '--https-socket' '--https-socket-modifier1' '--https-socket-modifier2'" },
  { name: 'ambiguous prefix with =value', args: ['--proc=2'], error: true },
  { name: 'ambiguous prefix of master', args: ['--mast'], error: "option '--mast' is ambiguous; possibilities: '--master' '--master-fifo' '--master-as-root'" },
  { name: 'unknown option', args: ['--bogus-option', '1'], error: "unrecognized option '--bogus-option'" },
  { name: 'plugin option before its plugin', args: ['--wsgi-file', 'app.py', '--plugin', 'python3'], error: "unrecognized option '--wsgi-file'" },
  { name: 'flag given a value', args: ['--master=1'], error: "option '--master' doesn't allow an argument" },
  { name: 'missing argument (long)', args: ['--socket'], error: "option '--socket' requires an argument" },
  { name: 'missing argument (short)', args: ['-p'], error: "option requires an argument -- 'p'" },
  { name: 'invalid short option', args: ['-Z'], error: "invalid option -- 'Z'" },
  { name: 'optional argument given separately', args: ['--chmod-socket', '660'], error: 'unable to load configuration from 660' },
  { name: 'words after -- are configuration files', args: ['--', '--processes'], error: 'unable to load configuration from --processes' },
];

/** The first error line uWSGI prints (getopt's message without the program name, or uWSGI's own). */
function uwsgiError(output: string): string | undefined {
  for (const line of output.split('\n')) {
    const m = /^[^:\s]*uwsgi[^:\s]*: (.*)$/.exec(line);
    if (m) return m[1];
    if (line.startsWith('unable to load configuration from')) return line;
  }
  return undefined;
}

describe.skipIf(!HAVE_UWSGI)('uWSGI command-line parity', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('uwsgi-argv');
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  CASES.forEach((c, i) => {
    it(c.name, async () => {
      const dir = path.join(root, `case${i}`);
      fs.mkdirSync(dir, { recursive: true });
      for (const [rel, text] of Object.entries(c.files ?? {})) fs.writeFileSync(path.join(dir, rel), text);
      const program = c.program ?? '/usr/bin/uwsgi';
      const args = c.args.map((a) => a.replaceAll('{{dir}}', dir));
      const env = cleanEnv();
      const run = await runUwsgi(args, { cwd: dir, env, bin: program });
      // The command line as a supervisor `command=` would hold it.
      const text = [program, ...args].join(' ');
      let off = 0;
      const words = [program, ...args].map((value) => {
        const start = text.indexOf(value, off);
        off = start + value.length;
        return { value, start, end: off };
      });
      const cfg = parseUwsgiCommandLine(words, new SourceFile(path.join(dir, 'supervisord.conf'), text), loadContext(env), { cwd: dir });
      if (c.error !== undefined) {
        const real = uwsgiError(run.output);
        expect(real, run.output).toBeDefined();
        if (c.error !== true) expect(real).toBe(c.error);
        const ours = cfg.problems.map((p) => p.message.replace(/^uwsgi: /, ''));
        expect(ours).toContain(real);
        return;
      }
      expect(run.lines, run.output).toBeDefined();
      expect(cfg.problems.map((p) => p.message)).toEqual([]);
      expect(compareLines(run.lines!, cfg)).toEqual([]);
    });
  });
});
