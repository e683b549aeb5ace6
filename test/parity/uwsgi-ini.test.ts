/**
 * Parity: the option values Debian's uWSGI 2.0.21 derives from ini files (`--show-config`)
 * equal the values stacklint's front end derives, option by option and in order.
 *
 * Each case is an ini file (plus the files it reads) exercising one part of the reader:
 * sections, comments, last-wins and lists, key/value splitting, magic variables,
 * placeholders with arithmetic, `$(ENV)`, `@(file)`, `UWSGI_*` environment options,
 * `ini =` includes and `:section` reuse, booleans and inline comments.
 * Every case runs both as `uwsgi --ini FILE --show-config` through the command-line parser,
 * and as the ini file checked on its own (the engine's path).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUwsgi, parseUwsgiCommandLine } from '../../src/parsers/uwsgi/index.js';
import { cleanEnv, compareLines, HAVE_UWSGI, loadContext, runUwsgi, tempDir } from '../parsers/uwsgi/real-uwsgi.js';

interface Case {
  name: string;
  /** Files relative to the case directory; `{{dir}}` is replaced by the directory. */
  files: Record<string, string>;
  /** Extra uWSGI arguments after `--ini <first file>` (e.g. a section). */
  section?: string;
  env?: Record<string, string>;
}

const CASES: Case[] = [
  {
    name: 'comments, sections, last wins, lists, key/value splitting',
    files: {
      'basic.ini': [
        '# hash comment before any section',
        'before = ignored',
        '; semicolon comment',
        '[uwsgi]',
        'master = true ; not a comment',
        'processes = 4 # not a comment either',
        'processes = 2',
        '   ; indented comment',
        '\tindented = yes\t',
        'env = STK_A=1',
        'env = STK_B=2',
        'quoted = "quoted value"',
        'key_no_equals',
        'spaced key   =   spaced value  ',
        'two = equals = signs',
        'empty =',
        'CaseSensitive = x',
        'crlf = value\r',
        '[other]',
        'processes = 99',
        '[uwsgi]',
        'second = again',
        '[ uwsgi ]',
        'spaced_header = not read',
        '[uwsgi] ; header with a comment',
        'commented_header = not read',
        '[UWSGI]',
        'upper_header = not read',
        '[uwsgi]',
        'last = yes',
        'no_newline_at_end = ok',
      ].join('\n'),
    },
  },
  {
    name: 'magic variables',
    files: {
      'sub/app-magic.conf.ini': [
        '[uwsgi]',
        'm_d = %d',
        'm_p = %p',
        'm_s = %s',
        'm_n = %n',
        'm_e = %e',
        'm_c = %c',
        'm_x = %x',
        'm_o = %o',
        'm_0 = %0/%1/%2',
        'm_j = %j',
        'm_V = %V',
        'm_caps = %D|%N|%S|%E|%C|%P|%O|%J',
        'm_pct = 50%%off',
        'm_paren = %(',
        'm_deleted = a%zb%qc%Zd',
        'm_file_letter = 50%off',
        'm_joined = line1%',
        'm_after_join = line2',
        'm_esc = x%[y',
        'm_end = tail %',
      ].join('\n'),
    },
  },
  {
    name: 'placeholders: first occurrence, arithmetic, missing, nested, set-ph',
    files: {
      'ph.ini': [
        '[uwsgi]',
        'base = /srv/app',
        'base = /srv/other',
        'chdir = %(base)/current',
        'n = 4',
        'm = 3',
        'sum = %(n + 3)',
        'diff = %(n - m)',
        'prod = %(n * m)',
        'quot = %(n / m)',
        'divzero = %(n / 0)',
        'concat = %(n m)',
        'incr = %(n ++)',
        'decr = %(m --)',
        'chain = %(n + m * 2)',
        'missing = %(nope)-x',
        'missing_in_expr = %(nope + 1)',
        'nested = %(chdir)/sub',
        'forward = %(later)',
        'later = %(base)!',
        'set-ph = phonly=from-set-ph',
        'use_phonly = [%(phonly)]',
        'set = viaset=from-set',
        'use_viaset = %(viaset)',
        'empty_ref = %()',
        'odd = %(a%(n))',
        'paren = %(n)(x)',
        'twice = %(n)%(m)',
      ].join('\n'),
    },
  },
  {
    name: '$(ENV), @(file), UWSGI_* environment options',
    env: { STK_SET: 'from-env', UWSGI_PROCESSES: '3', UWSGI_STK_CUSTOM_OPT: 'yes' },
    files: {
      'env.ini': [
        '[uwsgi]',
        'envref = $(STK_SET)',
        'envpath = prefix-$(STK_SET)-suffix',
        'atfile = @(%dsecret.txt)',
        'atfile_crlf = @(%dcrlf.txt)',
        'atfile_two = [@(%dtwo.txt)]',
        'combo = $(STK_SET)/%(envref)',
        'processes = 2',
      ].join('\n'),
      'secret.txt': 'secret-from-file\n',
      'crlf.txt': 'crlf-value\r\n',
      'two.txt': 'first\nsecond\n',
    },
  },
  {
    name: 'includes: ini = file, file:section, :section reuse',
    files: {
      'main.ini': [
        '[uwsgi]',
        'first = main',
        'ini = %dbase.ini',
        'after_base = %(from_base)',
        'ini = %dbase.ini:prod',
        'ini = :extra',
        'last = main',
      ].join('\n'),
      'base.ini': ['[uwsgi]', 'from_base = base %n %N', '[prod]', 'prod_opt = prod %x %X', '[extra]', 'extra_opt = extra %x'].join('\n'),
    },
  },
  {
    name: 'a section asked on the command line',
    section: 'prod',
    files: {
      'sec.ini': ['[uwsgi]', 'myopt = main', '[prod]', 'myopt = prod', 'sec = %x', '[uwsgi]', 'second = again'].join('\n'),
    },
  },
  {
    name: 'booleans and inline comments keep their text',
    files: {
      'bool.ini': [
        '[uwsgi]',
        'master = false ; comment',
        'vacuum = 00',
        'enable-threads = none',
        'die-on-term = disable',
        'thunder-lock',
        'lazy-apps = OFF',
        'need-app = No',
        'socket-timeout = 10 # seconds',
      ].join('\n'),
    },
  },
  {
    name: 'inherit: read while options are applied, without passes',
    env: { STK_SET: 'from-env' },
    files: {
      'child.ini': ['[uwsgi]', 'inherit = %dparent.ini', 'child = %(parent_key)'].join('\n'),
      'parent.ini': ['[uwsgi]', 'parent_key = parent $(STK_SET) %n', 'parent_ref = %(child)'].join('\n'),
    },
  },
  {
    name: 'a UTF-8 BOM hides the first section header',
    files: {
      'bom.ini': '\uFEFF[uwsgi]\nhidden = yes\n[uwsgi]\nseen = yes\n',
    },
  },
];

describe.skipIf(!HAVE_UWSGI)('uWSGI --show-config parity (ini files)', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('uwsgi-parity');
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const dir = path.join(root, c.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40));
      fs.mkdirSync(dir, { recursive: true });
      const names = Object.keys(c.files);
      for (const [rel, text] of Object.entries(c.files)) {
        const p = path.join(dir, rel);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, text.replaceAll('{{dir}}', dir));
      }
      const file = path.join(dir, names[0]!);
      const spec = c.section ? `${file}:${c.section}` : file;
      const env = cleanEnv(c.env);
      const run = await runUwsgi(['--ini', spec, '--show-config'], { cwd: dir, env });
      expect(run.lines, run.output).toBeDefined();
      const actual = run.lines!;

      // 1. The command line, exactly as run.
      const ctx = loadContext(env);
      const argv = ['uwsgi', '--ini', spec, '--show-config'];
      let off = 0;
      const text = argv.join(' ');
      const words = argv.map((value) => {
        const start = text.indexOf(value, off);
        off = start + value.length;
        return { value, start, end: off };
      });
      const read = ctx.fs.read(path.join(dir, names[0]!));
      expect(read.ok).toBe(true);
      const { SourceFile } = await import('../../src/core/source.js');
      const cmd = parseUwsgiCommandLine(words, new SourceFile(path.join(dir, 'cmdline'), text), ctx, { cwd: dir });
      expect(compareLines(actual, cmd)).toEqual([]);

      // 2. The ini checked on its own (no section argument): uWSGI's lines without `ini =` and `show-config =`.
      if (!c.section) {
        const [cfg] = loadUwsgi([read.ok ? read.source : (undefined as never)], ctx);
        const envCount = Object.keys(c.env ?? {}).filter((k) => k.startsWith('UWSGI_')).length;
        const own = [...actual.slice(0, envCount), ...actual.slice(envCount + 1).filter((l) => l !== 'show-config = true')];
        expect(compareLines(own, cfg!)).toEqual([]);
      }
    });
  }
});
