/**
 * The uWSGI front end on its own: ini reading (FACTS §7), spans, magic variables, passes,
 * getopt_long command lines (FACTS Addendum), sniffing, and the helpers other front ends use.
 * What real uWSGI derives is checked in test/parity/uwsgi-*.test.ts; these pin the details.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { FsView } from '../../../src/core/fs.js';
import type { LoadContext } from '../../../src/core/project.js';
import { SourceFile } from '../../../src/core/source.js';
import {
  allValues,
  binaryOf,
  effectiveValue,
  loadUwsgi,
  optionBool,
  parseUwsgiCommandLine,
  sniffUwsgi,
  uwsgiBool,
  type UwsgiConfig,
} from '../../../src/parsers/uwsgi/index.js';
import { FileMagic, MagicTable, magicSub, mapEnd, mapStart } from '../../../src/parsers/uwsgi/magic.js';

let dir: string;
beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-uwsgi-fe-')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function ctx(env: Record<string, string> = {}): LoadContext {
  const config = defaultConfig(dir);
  config.env = env;
  return { fs: new FsView([], true), config };
}

function ini(name: string, text: string, env: Record<string, string> = {}): UwsgiConfig {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  const c = ctx(env);
  const r = c.fs.read(p);
  if (!r.ok) throw new Error(r.message);
  return loadUwsgi([r.source], c)[0]!;
}

function argv(args: string[], env: Record<string, string> = {}, cwd?: string): UwsgiConfig {
  const text = args.join(' ');
  let off = 0;
  const words = args.map((value) => {
    const start = text.indexOf(value, off);
    off = start + value.length;
    return { value, start, end: off };
  });
  return parseUwsgiCommandLine(words, new SourceFile(path.join(dir, 'cmd'), text), ctx(env), cwd ? { cwd } : {});
}

const pairs = (c: UwsgiConfig) => c.options.map((o) => [o.name, o.noValue ? null : o.value]);
const spanText = (s: { source: SourceFile; start: number; end: number }) => s.source.text.slice(s.start, s.end);

describe('ini reading', () => {
  it('splits at the first =, strips space/tab/CR, keeps quotes and inline comments', () => {
    const c = ini('a.ini', '[uwsgi]\n  key =  a = b  \r\n"q" = "v"\nmaster = true ; c\nbare\n\tt\t=\tx\t\n');
    expect(pairs(c)).toEqual([
      ['key', 'a = b'],
      ['"q"', '"v"'],
      ['master', 'true ; c'],
      ['bare', ''],
      ['t', 'x'],
    ]);
  });

  it('records spans of keys and values in the source', () => {
    const c = ini('spans.ini', '[uwsgi]\n  chdir  =  /srv/app  \nbare\n');
    const [chdir, bare] = c.options;
    expect(spanText(chdir!.keyAt)).toBe('chdir');
    expect(spanText(chdir!.at)).toBe('/srv/app');
    expect(bare!.at).toEqual(bare!.keyAt);
    expect(chdir!.section).toBe('uwsgi');
    expect(chdir!.origin).toBe('ini');
  });

  it('maps spans through magic substitution', () => {
    const c = ini('m/magic.ini', '[uwsgi]\nsocket = %d%n.sock\nafter = x\n');
    const [socket, after] = c.options;
    expect(socket!.value).toBe(`${dir}/m/magic.sock`);
    expect(spanText(socket!.at)).toBe('%d%n.sock');
    expect(spanText(after!.keyAt)).toBe('after');
  });

  it('ignores lines before any header and in other sections; merges repeated sections', () => {
    const c = ini('s.ini', 'a = 0\n[other]\nb = 1\n[uwsgi]\nc = 2\n[x]\nd = 3\n[uwsgi]\ne = 4\n');
    expect(pairs(c)).toEqual([
      ['c', '2'],
      ['e', '4'],
    ]);
    expect(c.loads[0]!.sectionFound).toBe(true);
    expect(c.loads[0]!.headers!.map((h) => h.name)).toEqual(['other', 'uwsgi', 'x', 'uwsgi']);
  });

  it('chops the last character of a header line', () => {
    const c = ini('h.ini', '[uwsgi] ; x\na = 1\n');
    expect(c.options).toEqual([]);
    expect(c.loads[0]!.sectionFound).toBe(false);
    expect(c.loads[0]!.headers![0]!.name).toBe('uwsgi] ; ');
  });

  it('treats ; and # as comments only at the start of the stripped line', () => {
    const c = ini('c.ini', '[uwsgi]\n   # c1\n\t; c2\nx = #not\n');
    expect(pairs(c)).toEqual([['x', '#not']]);
  });

  it('a % before the line break joins the lines', () => {
    const c = ini('j.ini', '[uwsgi]\na = 1%\nb = 2\n');
    expect(pairs(c)).toEqual([['a', '1b = 2']]);
  });

  it('loads ini = files in place, with their own magic and sections', () => {
    fs.mkdirSync(path.join(dir, 'inc'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'inc/base.ini'), '[uwsgi]\nfrom = %n\n[prod]\np = %x\n');
    const c = ini('inc/main.ini', '[uwsgi]\na = 1\nini = %dbase.ini\nini = %dbase.ini:prod\nz = %N\n');
    expect(pairs(c)).toEqual([
      ['a', '1'],
      ['ini', `${dir}/inc/base.ini`],
      ['from', 'base'],
      ['ini', `${dir}/inc/base.ini:prod`],
      ['p', 'prod'],
      ['z', 'main'],
    ]);
    expect(c.files.map((f) => path.basename(f.path))).toEqual(['main.ini', 'base.ini']);
    expect(c.options[2]!.via && spanText(c.options[2]!.via)).toBe('%dbase.ini');
  });

  it('applies $(ENV) from the configured environment; unknown variables make the value unknown', () => {
    const c = ini('e.ini', '[uwsgi]\na = $(HOME)/x\nb = $(NOT_SET)\nc = %(b)!\n', { HOME: '/home/u' });
    expect(c.options.map((o) => [o.name, o.value, !!o.unknown])).toEqual([
      ['a', '/home/u/x', false],
      ['b', '$(NOT_SET)', true],
      ['c', '$(NOT_SET)!', true],
    ]);
  });

  it('turns UWSGI_* environment variables into options first', () => {
    const c = ini('env.ini', '[uwsgi]\nprocesses = 2\n', { UWSGI_PROCESSES: '4', UWSGI_MY_OPT: 'x', UWSGI_RELOADS: '1', OTHER: 'y' });
    expect(c.options.map((o) => [o.name, o.value, o.origin])).toEqual([
      ['processes', '4', 'env'],
      ['my-opt', 'x', 'env'],
      ['processes', '2', 'ini'],
    ]);
    expect(effectiveValue(c, 'processes')!.value).toBe('2');
  });

  it('marks host-dependent magic (%h, %v) unknown', () => {
    const c = ini('h2.ini', '[uwsgi]\nprocname = %h-%v\nok = %V\n');
    expect(c.options.map((o) => !!o.unknown)).toEqual([true, false]);
    expect(c.options[1]!.value).toBe('2.0.21-debian');
  });

  it('marks options inside logic blocks conditional', () => {
    const c = ini('l.ini', '[uwsgi]\nif-env = PROD\nprocesses = 8\nendif =\nprocesses = 2\n');
    expect(c.options.map((o) => [o.name, !!o.conditional])).toEqual([
      ['if-env', false],
      ['processes', true],
      ['endif', false],
      ['processes', false],
    ]);
  });
});

describe('magic substitution', () => {
  it('keeps an offset map', () => {
    const t = new MagicTable(new FileMagic('/a/b/c.ini', '/a/b/c.ini', undefined), undefined);
    const m = magicSub('x=%n;y=%z!', t);
    expect(m.text).toBe('x=c;y=!');
    expect(mapStart(m, 2)).toBe(2);
    expect(mapEnd(m, 3)).toBe(4);
    expect(mapStart(m, 6)).toBe(9);
    expect(m.deleted).toEqual([{ offset: 7, letter: 'z' }]);
  });
  it('keeps placeholders as written without an offset map', () => {
    const t = new MagicTable(new FileMagic('/a/b/c.ini', '/a/b/c.ini', undefined), undefined);
    const m = magicSub('x = %(y)\nz = %(w)', t);
    expect(m.text).toBe('x = %(y)\nz = %(w)');
    expect(m.outStarts).toEqual([]);
  });
  it('takes capitals from the first file, none before one was read', () => {
    const first = new FileMagic('/srv/first.ini', 'first.ini', undefined);
    const file = new FileMagic('/etc/uwsgi/other.ini', '/etc/uwsgi/other.ini', 'dev');
    expect(magicSub('%n %N %d %D %x %X %V', new MagicTable(file, first)).text).toBe('other first /etc/uwsgi/ /srv/ dev  2.0.21-debian');
    expect(magicSub('%n %N', new MagicTable(file, undefined)).text).toBe('other ');
  });
  it('fills the file variables like config_magic_table_fill', () => {
    const f = new FileMagic('/srv/app/conf/site.prod.ini', 'conf/site.prod.ini:x', 'x');
    expect(Object.fromEntries(['d', 'p', 's', 'n', 'e', 'c', '0', '1', '2', '3', 'x', 'o'].map((k) => [k, f.get(k)]))).toEqual({
      d: '/srv/app/conf/',
      p: '/srv/app/conf/site.prod.ini',
      s: 'site.prod.ini',
      n: 'site.prod',
      e: 'ini',
      c: 'conf',
      0: 'srv',
      1: 'app',
      2: 'conf',
      3: '',
      x: 'x',
      o: 'conf/site.prod.ini:x',
    });
  });
});

describe('command lines', () => {
  it('resolves abbreviations, short options, bundles, = and separate values', () => {
    const c = argv(['/usr/bin/uwsgi', '--uwsgi', '127.0.0.1:1', '-Mp4', '--vacu', '-b', '8192', '--env=A=1']);
    expect(c.options.map((o) => [o.name, o.written, o.noValue ? null : o.value])).toEqual([
      ['uwsgi-socket', '--uwsgi', '127.0.0.1:1'],
      ['master', '-M', null],
      ['processes', '-p', '4'],
      ['vacuum', '--vacu', null],
      ['buffer-size', '-b', '8192'],
      ['env', '--env', 'A=1'],
    ]);
    expect(c.problems).toEqual([]);
    expect(spanText(c.options[0]!.keyAt)).toBe('--uwsgi');
    expect(spanText(c.options[0]!.at)).toBe('127.0.0.1:1');
    expect(spanText(c.options[2]!.at)).toBe('4');
    expect(spanText(c.options[5]!.at)).toBe('A=1');
  });

  it('knows which binary runs: Debian, pip/virtualenv, or unknown', () => {
    expect(binaryOf('/usr/bin/uwsgi')).toEqual({ binary: 'debian', implicitPlugins: [] });
    expect(binaryOf('/usr/bin/uwsgi_python3')).toEqual({ binary: 'debian', implicitPlugins: ['python3'] });
    expect(binaryOf('/opt/venv/bin/uwsgi').binary).toBe('embedded');
    expect(binaryOf('uwsgi').binary).toBe('unknown');
  });

  it('pip builds know python and http options; Debian needs --plugin first', () => {
    expect(argv(['/opt/venv/bin/uwsgi', '--http', ':8000', '--module', 'app']).problems).toEqual([]);
    expect(argv(['/usr/bin/uwsgi', '--module', 'app']).problems.map((p) => p.message)).toEqual(["uwsgi: unrecognized option '--module'"]);
    const ok = argv(['/usr/bin/uwsgi', '--plugin', 'python3', '--module', 'app']);
    expect(ok.problems).toEqual([]);
    expect(ok.options[1]!.pluginLoaded).toBe(true);
  });

  it('loads --ini files relative to the given working directory', () => {
    fs.mkdirSync(path.join(dir, 'wd'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'wd/app.ini'), '[uwsgi]\nmaster = true\n');
    const c = argv(['/usr/bin/uwsgi', '--ini', 'app.ini'], {}, path.join(dir, 'wd'));
    expect(pairs(c)).toEqual([
      ['ini', 'app.ini'],
      ['master', 'true'],
    ]);
    const unknownCwd = argv(['/usr/bin/uwsgi', '--ini', 'app.ini']);
    expect(unknownCwd.incomplete).toBe(true);
  });

  it('takes extra environment (supervisor environment=)', () => {
    const text = '/usr/bin/uwsgi --chdir $(APP)';
    const words = text.split(' ').map((value) => ({ value, start: text.indexOf(value), end: text.indexOf(value) + value.length }));
    const c = parseUwsgiCommandLine(words, new SourceFile('/x', text), ctx(), { env: { APP: '/srv/app' } });
    expect(effectiveValue(c, 'chdir')!.value).toBe('/srv/app');
  });
});

describe('helpers', () => {
  it('uwsgiBool follows uwsgi_opt_true', () => {
    expect(['false', 'FALSE', 'off', 'No', '0'].map(uwsgiBool)).toEqual([false, false, false, false, false]);
    expect(['true', '', '00', 'disable', 'none', 'false ; x', undefined].map(uwsgiBool)).toEqual([true, true, true, true, true, true, true]);
  });

  it('effectiveValue and allValues treat aliases as one option', () => {
    const c = ini('al.ini', '[uwsgi]\nprocesses = 4\nworkers = 2\nhome = /a\nvenv = /b\nset-ph = home2=/c\n');
    expect(allValues(c, 'processes').map((o) => o.value)).toEqual(['4', '2']);
    expect(effectiveValue(c, 'workers')!.value).toBe('2');
    expect(effectiveValue(c, 'pyhome')!.value).toBe('/b');
    expect(effectiveValue(c, 'home2')).toBeUndefined();
    expect(optionBool(effectiveValue(c, 'master'))).toBeUndefined();
  });
});

describe('sniffing', () => {
  it('claims uWSGI ini files and leaves other kinds alone', () => {
    expect(sniffUwsgi('/x/uwsgi.ini', '[uwsgi]\nmodule = app\n')).toBeGreaterThanOrEqual(0.9);
    expect(sniffUwsgi('/x/app.ini', '# app\nsocket = :3031\nmaster = true\nmodule = x\n')).toBeGreaterThanOrEqual(0.5);
    expect(sniffUwsgi('/x/app.conf', '[uwsgi]\nsocket = :3031\n')).toBeGreaterThanOrEqual(0.5);
    expect(sniffUwsgi('/x/supervisord.conf', '[supervisord]\n[program:uwsgi]\ncommand=uwsgi --ini x.ini\n')).toBe(0);
    expect(sniffUwsgi('/x/app.ini', '[program:web]\ncommand=/usr/bin/uwsgi\n')).toBe(0);
    expect(sniffUwsgi('/x/nginx.conf', 'http {\n server {\n  location / { uwsgi_pass 127.0.0.1:3031; }\n }\n}\n')).toBe(0);
    expect(sniffUwsgi('/x/uwsgi.xml', '<uwsgi><socket>:3031</socket></uwsgi>')).toBe(0);
    expect(sniffUwsgi('/x/uwsgi.yaml', 'uwsgi:\n  socket: :3031\n')).toBe(0);
    expect(sniffUwsgi('/x/settings.py', 'DEBUG = True\n')).toBe(0);
    expect(sniffUwsgi('/x/setup.cfg', '[metadata]\nname = x\n')).toBe(0);
  });
});
