/**
 * The supervisor front end: sniffing, the RawConfigParser reading (values, spans, merging,
 * DEFAULT), includes (order, base directory, %(here)s, no recursion) and the program model.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { FsView } from '../../../src/core/fs.js';
import { SourceFile } from '../../../src/core/source.js';
import { loadSupervisor, sniffSupervisor, type SupervisorConfig } from '../../../src/parsers/supervisor/index.js';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-svfe-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'c'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function load(files: Record<string, string>, roots = [Object.keys(files)[0]!], env: Record<string, string> = {}): { configs: SupervisorConfig[]; dir: string } {
  const dir = write(files);
  const fsv = new FsView();
  const config = defaultConfig(dir);
  config.env = env;
  const sources = roots.map((r) => {
    const res = fsv.read(path.join(dir, r));
    if (!res.ok) throw new Error(res.message);
    return res.source;
  });
  return { configs: loadSupervisor(sources, { fs: fsv, config }), dir };
}

const text = (s: { source: SourceFile; start: number; end: number }) => s.source.text.slice(s.start, s.end);

describe('sniffSupervisor', () => {
  it.each([
    ['supervisord.conf', '[supervisord]\nnodaemon=true\n'],
    ['app.conf', '[program:web]\ncommand=/bin/true\n'],
    ['x.ini', '; comment\n[group:g]\nprograms=a\n'],
    ['x.conf', '[eventlistener:e]\nevents=TICK_5\n'],
    ['x.conf', '[include]\nfiles=conf.d/*.conf\n'],
    ['x.conf', '[unix_http_server]\nfile=/tmp/s.sock\n'],
    ['x.conf', '\ufeff[program:web]\ncommand=/bin/true\n'],
    ['x.conf', '        [program:my_crm]\n        command=/opt/venv/bin/uwsgi --ini /etc/uwsgi.ini\n'],
  ])('recognises %s', (p, t) => {
    expect(sniffSupervisor(p, t)).toBeGreaterThanOrEqual(0.9);
  });
  it('is surer in supervisor directories', () => {
    expect(sniffSupervisor('/etc/supervisor/conf.d/web.conf', '[program:web]\ncommand=/bin/true\n')).toBeGreaterThan(sniffSupervisor('/srv/web.conf', '[program:web]\ncommand=/bin/true\n'));
    expect(sniffSupervisor('/etc/supervisord.d/web.ini', '[program:web]\ncommand=/bin/true\n')).toBeGreaterThan(0.9);
  });
  it.each([
    ['uwsgi.ini', '[uwsgi]\nmaster = true\nmodule = app.wsgi\n'],
    ['nginx.conf', 'events {}\nhttp { server { listen 80; } }\n'],
    ['settings.py', 'import os\nDEBUG = False\n'],
    ['fabfile.py', 'from fabric import task\nCONF = """\n[program:web]\ncommand=/bin/true\n"""\n'],
    ['tox.ini', '[tox]\nenvlist = py311\n[testenv]\ncommands = pytest\n'],
  ])('leaves %s alone', (p, t) => {
    expect(sniffSupervisor(p, t)).toBeLessThan(0.5);
  });
  it('takes a misspelled program header with a command as supervisor', () => {
    expect(sniffSupervisor('x.conf', '[programs:web]\ncommand=/bin/true\n')).toBeGreaterThanOrEqual(0.5);
  });
});

describe('reading', () => {
  it('keeps RawConfigParser values and spans', () => {
    const { configs } = load({
      'supervisord.conf':
        '[program:web]\nCommand = /bin/echo a;b c ;comment\nenvironment=\n    A=1,\n\n    B=2 # two\nkey: v#x\n[program:web]\nautostart=false\nautostart=true\n',
    });
    const c = configs[0]!;
    expect(c.sections.map((s) => s.name)).toEqual(['program:web']);
    const web = c.sections[0]!;
    expect(web.headers.length).toBe(2);
    const cmd = web.values.get('command')!;
    expect(cmd.raw).toBe('/bin/echo a;b c');
    expect(text(cmd.at)).toBe('/bin/echo a;b c');
    expect(text(cmd.keyAt)).toBe('Command');
    const env = web.values.get('environment')!;
    expect(env.raw).toBe('\nA=1,\n\nB=2');
    expect(text(env.at)).toBe('\n    A=1,\n\n    B=2');
    expect(web.values.get('key')!.raw).toBe('v#x');
    expect(web.values.get('autostart')!.raw).toBe('true');
    expect(web.occurrences.filter((o) => o.key === 'autostart').length).toBe(2);
  });

  it('inherits [DEFAULT] values', () => {
    const { configs } = load({ 'supervisord.conf': '[DEFAULT]\nautostart=false\nstartsecs=3\n[program:a]\ncommand=/bin/true\nstartsecs=5\n' });
    const a = configs[0]!.sections[0]!;
    expect(a.values.get('autostart')!.fromDefault).toBe(true);
    expect(a.values.get('startsecs')!.raw).toBe('5');
    expect(configs[0]!.programs[0]!.autostart).toBe(false);
  });

  it('stops a file at a missing section header, as Python does', () => {
    const { configs } = load({ 'a.conf': 'command=/bin/true\n[program:a]\ncommand=/bin/true\n' });
    expect(configs[0]!.sections).toEqual([]);
    expect(configs[0]!.problems.map((p) => p.message)).toEqual(['File contains no section headers.']);
  });
});

describe('includes', () => {
  it('globs relative to the main file, sorted, %(here)s per file, no recursion', () => {
    const { configs, dir } = load({
      'etc/supervisord.conf': '[supervisord]\n[include]\nfiles = conf.d/*.conf extra.conf\n[program:main]\ncommand=/bin/echo %(here)s\n',
      'etc/conf.d/b.conf': '[program:b]\ncommand=/bin/echo %(here)s\n',
      'etc/conf.d/a.conf': '[program:a]\ncommand=/bin/true\n[include]\nfiles=deeper/*.conf\n',
      'etc/conf.d/deeper/x.conf': '[program:x]\ncommand=/bin/true\n',
      'etc/extra.conf': '[program:a]\nautostart=false\n',
    });
    const c = configs[0]!;
    expect(c.files.map((f) => path.relative(dir, f.path))).toEqual(['etc/supervisord.conf', 'etc/conf.d/a.conf', 'etc/conf.d/b.conf', 'etc/extra.conf']);
    expect(c.sections.map((s) => s.name)).toEqual(['supervisord', 'include', 'program:main', 'program:a', 'program:b']);
    // Sections merge across files: [program:a] from a.conf gets autostart from extra.conf.
    expect(c.programs.find((p) => p.name === 'a')!.autostart).toBe(false);
    const cmd = (n: string) => c.programs.find((p) => p.name === n)!.command!.text;
    expect(cmd('main')).toBe(`/bin/echo ${dir}/etc`);
    expect(cmd('b')).toBe(`/bin/echo ${dir}/etc/conf.d`);
    expect(c.includes.map((i) => i.matches.length)).toEqual([2, 1]);
  });

  it('does not lint an included file a second time as a root of its own', () => {
    const { configs } = load(
      { 'supervisord.conf': '[supervisord]\n[include]\nfiles=conf.d/*.conf\n', 'conf.d/a.conf': '[program:a]\ncommand=/bin/true\n', 'other.conf': '[program:o]\ncommand=/bin/true\n' },
      ['conf.d/a.conf', 'supervisord.conf', 'other.conf'],
    );
    expect(configs.map((c) => path.basename(c.root.path))).toEqual(['supervisord.conf', 'other.conf']);
  });

  it('survives an include glob that matches the main file itself', () => {
    const { configs } = load({ 'supervisord.conf': '[supervisord]\n[include]\nfiles=*.conf\n[program:a]\ncommand=/bin/true\n' });
    expect(configs[0]!.programs.length).toBe(1);
  });
});

describe('program model', () => {
  it('converts settings and splits the command like shlex, with spans', () => {
    const { configs } = load({
      'supervisord.conf': '[program:web]\ncommand=/srv/venv/bin/gunicorn "app.wsgi:application" --bind\n    127.0.0.1:%(ENV_PORT)s\nautorestart=TRUE\nstartsecs=0\nstopsignal=quit\nenvironment=PORT="8001"\ndirectory=/srv/app\n',
    });
    const p = configs[0]!.programs[0]!;
    expect(p).toMatchObject({ name: 'web', groupName: 'web', autorestart: 'true', startsecs: 0, stopsignal: 3, directory: '/srv/app', environment: { PORT: '8001' } });
    expect(p.command!.text).toBe('/srv/venv/bin/gunicorn "app.wsgi:application" --bind\n127.0.0.1:8001');
    expect(p.command!.argv!.map((a) => a.value)).toEqual(['/srv/venv/bin/gunicorn', 'app.wsgi:application', '--bind', '127.0.0.1:8001']);
    const src = configs[0]!.root.text;
    expect(p.command!.argv!.map((a) => src.slice(a.start, a.end))).toEqual(['/srv/venv/bin/gunicorn', '"app.wsgi:application"', '--bind', '127.0.0.1:%(ENV_PORT)s']);
    expect(p.command!.value.expanded).toBe(p.command!.text);
  });

  it('leaves values with unknown environment variables unknown', () => {
    const { configs } = load({ 'supervisord.conf': '[program:web]\ncommand=%(ENV_VENV)s/bin/gunicorn app:app\n' });
    expect(configs[0]!.programs[0]!.command!.text).toBeUndefined();
    expect(configs[0]!.issues).toEqual([]);
  });

  it('uses the configured environment', () => {
    const { configs } = load({ 'supervisord.conf': '[program:web]\ncommand=%(ENV_VENV)s/bin/gunicorn app:app\n' }, undefined, { VENV: '/srv/venv' });
    expect(configs[0]!.programs[0]!.command!.argv![0]!.value).toBe('/srv/venv/bin/gunicorn');
  });

  it('gives programs that run uWSGI their uWSGI command line', () => {
    const { configs } = load({ 'supervisord.conf': '[program:u]\ncommand=/srv/venv/bin/uwsgi --master --socket /run/u.sock --module app.wsgi\n' });
    const u = configs[0]!.programs[0]!.uwsgi!;
    expect(u.options.map((o) => o.name)).toEqual(expect.arrayContaining(['master', 'socket', 'module']));
  });
});
