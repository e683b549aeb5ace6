/**
 * Parity with supervisord's own option machinery: the installed supervisor 4.2.5 under
 * /usr/bin/python3 reads each configuration (`ServerOptions().process_config(do_usage=False)`
 * plus the `user` check `realize` does) and says whether it refuses it and with which
 * message; stacklint must agree on refuse/accept and name the same error.
 *
 * Inputs: a few valid configurations written here, and mutants of them (dropped and
 * misspelled keys, bad booleans, autorestart, numprocs, signals, exit codes, byte sizes,
 * environment syntax, missing command, %-format errors, missing log directories, users,
 * names, syntax errors, includes), plus seeded random single-key mutations.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { lint } from '../../src/engine/lint.js';
import { supervisorRules } from '../../src/rules/supervisor/index.js';
import { SECTION_KEYS } from '../../src/parsers/supervisor/schema.js';
import { rng } from '../helpers/rng.js';

const PYTHON = '/usr/bin/python3';
const HAVE_SUPERVISOR = fs.existsSync('/usr/lib/python3/dist-packages/supervisor/options.py');

/** Rules that mirror what supervisord refuses when it reads its configuration. */
const REFUSALS = new Set(
  [
    'parse-error',
    'section-error',
    'missing-command',
    'invalid-program-name',
    'numprocs-without-process-num',
    'format-string-error',
    'bad-boolean',
    'bad-integer',
    'bad-autorestart',
    'bad-signal',
    'bad-exitcodes',
    'bad-byte-size',
    'bad-octal',
    'bad-environment',
    'bad-value',
    'missing-log-directory',
    'invalid-user',
  ].map((n) => `supervisor/${n}`),
);

const HARNESS = `
import sys, json, os
from supervisor.options import ServerOptions
from supervisor.datatypes import name_to_uid
res = {"__env__": dict(os.environ)}
for f in json.load(sys.stdin):
    o = ServerOptions()
    o.configfile = f
    r = {}
    try:
        o.process_config(do_usage=False)
        if o.user is not None:
            name_to_uid(o.user)
        r["ok"] = True
    except Exception as e:
        r["ok"] = False
        r["type"] = type(e).__name__
        r["error"] = str(e)
    r["warnings"] = list(getattr(o, "parse_warnings", []))
    res[f] = r
print(json.dumps(res))
`;

const ENV = { PATH: '/usr/bin:/bin', HOME: '/root', LANG: 'C.UTF-8', STK_SET: 'from-env' };

// ---------------------------------------------------------------------------------------------
// Configurations

type Sections = Array<[string, Array<[string, string]>]>;

function render(sections: Sections): string {
  return sections.map(([name, kv]) => `[${name}]\n${kv.map(([k, v]) => `${k}=${v}\n`).join('')}`).join('\n');
}

function bases(dir: string): Record<string, Sections> {
  const log = path.join(dir, 'logs');
  fs.mkdirSync(log, { recursive: true });
  const supervisord: [string, Array<[string, string]>] = [
    'supervisord',
    [
      ['logfile', `${log}/supervisord.log`],
      ['pidfile', `${log}/supervisord.pid`],
      ['childlogdir', log],
      ['nodaemon', 'true'],
      ['loglevel', 'info'],
    ],
  ];
  return {
    web: [
      ['unix_http_server', [['file', `${dir}/supervisor.sock`], ['chmod', '0700']]],
      supervisord,
      ['rpcinterface:supervisor', [['supervisor.rpcinterface_factory', 'supervisor.rpcinterface:make_main_rpcinterface']]],
      ['supervisorctl', [['serverurl', `unix://${dir}/supervisor.sock`]]],
      [
        'program:web',
        [
          ['command', '/usr/bin/uwsgi --ini /srv/app/uwsgi.ini --die-on-term'],
          ['directory', '/srv/app'],
          ['user', 'root'],
          ['autostart', 'true'],
          ['autorestart', 'true'],
          ['startsecs', '5'],
          ['stopsignal', 'QUIT'],
          ['stopwaitsecs', '20'],
          ['stdout_logfile', `${log}/web.log`],
          ['stdout_logfile_maxbytes', '50MB'],
          ['stderr_logfile', `${log}/web.err`],
          ['environment', 'DJANGO_SETTINGS_MODULE="app.settings",LANG="en_US.UTF-8"'],
        ],
      ],
      [
        'program:worker',
        [
          ['command', '/srv/venv/bin/celery -A app worker -l info'],
          ['process_name', '%(program_name)s_%(process_num)02d'],
          ['numprocs', '2'],
          ['exitcodes', '0,2'],
          ['redirect_stderr', 'true'],
          ['stdout_logfile', `${log}/%(program_name)s-%(process_num)d.log`],
          ['stdout_logfile_backups', '5'],
          ['priority', '100'],
        ],
      ],
    ],
    groups: [
      supervisord,
      ['inet_http_server', [['port', '127.0.0.1:19001'], ['username', 'u'], ['password', 'p']]],
      ['program:a', [['command', '/bin/sleep 100'], ['umask', '022'], ['killasgroup', 'true'], ['stopasgroup', 'true']]],
      ['program:b', [['command', '/bin/sleep %(ENV_STK_SET)s'], ['stdout_logfile', 'NONE'], ['stderr_logfile', 'auto']]],
      ['group:g', [['programs', 'a,b'], ['priority', '5']]],
      ['eventlistener:ev', [['command', '/bin/cat'], ['events', 'PROCESS_STATE,TICK_60'], ['buffer_size', '20']]],
    ],
    minimal: [supervisord, ['program:one', [['command', 'sleep 5']]]],
  };
}

interface Case {
  name: string;
  text: string;
  /** Extra files (relative to the case directory). */
  extra?: Record<string, string>;
}

function setKey(s: Sections, section: string, key: string, value: string | undefined): Sections {
  const out: Sections = s.map(([n, kv]) => [n, kv.map(([k, v]) => [k, v] as [string, string])]);
  let sec = out.find(([n]) => n === section);
  if (!sec) {
    sec = [section, []];
    out.push(sec);
  }
  const i = sec[1].findIndex(([k]) => k === key);
  if (value === undefined) {
    if (i !== -1) sec[1].splice(i, 1);
  } else if (i === -1) sec[1].push([key, value]);
  else sec[1][i] = [key, value];
  return out;
}

function renameSection(s: Sections, from: string, to: string): Sections {
  return s.map(([n, kv]) => [n === from ? to : n, kv]);
}

/** Hand-written mutants: each names what supervisord does with it. */
function handMutants(b: Record<string, Sections>, dir: string): Case[] {
  const web = b.web!;
  const cases: Case[] = [];
  const add = (name: string, s: Sections) => cases.push({ name, text: render(s) });
  const set = (name: string, section: string, key: string, value: string | undefined, base = web) => add(name, setKey(base, section, key, value));
  for (const [n, s] of Object.entries(b)) add(`valid ${n}`, s);
  set('drop command', 'program:web', 'command', undefined);
  set('drop command numprocs=0', 'program:web', 'command', undefined, setKey(web, 'program:web', 'numprocs', '0'));
  set('typo autorstart', 'program:web', 'autorstart', 'true');
  set('typo stopwatisecs', 'program:web', 'stopwatisecs', '10');
  for (const v of ['enabled', 'TRUE', 'Yes', '2', '', 'on ', 'y']) set(`autostart=${v}`, 'program:web', 'autostart', v);
  for (const v of ['maybe', 'always', 'UNEXPECTED', 'unexpected', '1', 'False']) set(`autorestart=${v}`, 'program:web', 'autorestart', v);
  set('numprocs=2 no process_num', 'program:web', 'numprocs', '2');
  set('numprocs=abc', 'program:web', 'numprocs', 'abc');
  set('numprocs= 3 ', 'program:worker', 'numprocs', ' 3 ');
  set('numprocs=1_0', 'program:worker', 'numprocs', '1_0');
  for (const v of ['SIGFOO', 'term', 'sigterm', '15', '99', '0', 'SIG_DFL', 'RTMIN', '34', '35', ' INT ', 'KILL9'])
    set(`stopsignal=${v}`, 'program:web', 'stopsignal', v);
  for (const v of ['0,256', '0, 2', '', 'a', '-1', '0,,1', '255']) set(`exitcodes=${v}`, 'program:web', 'exitcodes', v);
  for (const v of ['50M', '50MB', '1.5MB', '50 MB', '1GB', '10kb', 'MB', '-1KB', '5k', '0x10'])
    set(`maxbytes=${v}`, 'program:web', 'stdout_logfile_maxbytes', v);
  for (const v of [
    'A=1,B',
    'A="x y",B=2',
    'A=café',
    'A=a@b',
    'A="has #hash"',
    'A=has#hash',
    'A=1 B=2',
    'A=1,,B=2',
    'A="unclosed',
    "A='single'",
    'A=%(ENV_STK_SET)s',
    'PATH=/usr/local/bin:/usr/bin',
    'A=1,B=2,',
  ])
    set(`environment=${v}`, 'program:web', 'environment', v);
  for (const v of [
    '/bin/echo %(foo)s',
    '/bin/echo %(ENV_NOPE)s',
    '/bin/echo 100%',
    '/bin/echo %(program_name)d',
    '/bin/date +%s',
    '/bin/date +%%s',
    '/bin/echo %(here)s',
    '/bin/echo %(process_num)02d',
    '/bin/echo %(ENV_STK_SET)s',
    '/bin/echo %(group_name)s %(host_node_name)s',
    '/bin/echo %s %s',
    '/bin/echo %(numprocs)d',
    '/bin/echo %z',
  ])
    set(`command=${v}`, 'program:web', 'command', v);
  set('logfile %(foo)s', 'program:web', 'stdout_logfile', `${dir}/logs/%(foo)s.log`);
  set('logfile double %%', 'program:web', 'stdout_logfile', `${dir}/logs/a%%b.log`);
  set('logfile missing dir', 'program:web', 'stdout_logfile', '/nonexistent-stk/x.log');
  for (const v of ['NONE', 'off', 'syslog', 'AUTO', 'relative.log', 'rel/dir.log', '~/x.log'])
    set(`stdout_logfile=${v}`, 'program:web', 'stdout_logfile', v);
  for (const v of ['nosuchuser_stk', 'root', '0', '99999', 'nobody', '%(ENV_STK_SET)s'])
    set(`user=${v}`, 'program:web', 'user', v);
  for (const v of ['999', '022', '0o22', 'abc', '8']) set(`umask=${v}`, 'program:web', 'umask', v);
  for (const v of ['high', '-5', '1e3']) set(`priority=${v}`, 'program:web', 'priority', v);
  for (const v of ['-1', 'x']) set(`startsecs=${v}`, 'program:web', 'startsecs', v);
  set('stopasgroup without killasgroup', 'program:web', 'stopasgroup', 'true', setKey(web, 'program:web', 'killasgroup', 'false'));
  set('process_name with space', 'program:worker', 'process_name', 'w %(process_num)s');
  set('process_name %(foo)s', 'program:worker', 'process_name', '%(foo)s_%(process_num)s');
  add('[program:my app]', renameSection(web, 'program:web', 'program:my app'));
  add('[program:a/b]', renameSection(web, 'program:web', 'program:a/b'));
  add('[program:a:b]', renameSection(web, 'program:web', 'program:a:b'));
  add('[programs:web]', renameSection(web, 'program:web', 'programs:web'));
  add('[program]', renameSection(web, 'program:web', 'program'));
  add('no supervisord section', web.filter(([n]) => n !== 'supervisord'));
  // [supervisord]
  for (const [k, v] of [
    ['loglevel', 'verbose'],
    ['loglevel', 'WARN'],
    ['logfile', '/nonexistent-stk/s.log'],
    ['nodaemon', 'maybe'],
    ['minfds', 'x'],
    ['childlogdir', '/nonexistent-stk'],
    ['environment', 'A=1,B'],
    ['environment', 'A=%(here)s'],
    ['environment', 'A=%(host_node_name)s'],
    ['umask', '8'],
    ['user', 'nosuchuser_stk'],
    ['directory', '/nonexistent-stk'],
    ['logfile_maxbytes', '1M'],
    ['pidfile', '%(here)s/s.pid'],
  ] as Array<[string, string]>)
    set(`supervisord ${k}=${v}`, 'supervisord', k, v);
  set('unix chmod=999', 'unix_http_server', 'chmod', '999');
  set('unix no file', 'unix_http_server', 'file', undefined);
  set('unix chown=nosuchuser_stk', 'unix_http_server', 'chown', 'nosuchuser_stk');
  set('unix username only', 'unix_http_server', 'username', 'u');
  const g = b.groups!;
  for (const v of ['abc', ':0', '127.0.0.1:', '70000', '9001', '*:9001']) set(`inet port=${v}`, 'inet_http_server', 'port', v, g);
  set('inet no port', 'inet_http_server', 'port', undefined, g);
  set('inet password only', 'inet_http_server', 'username', undefined, g);
  set('group unknown program', 'group:g', 'programs', 'a,zz', g);
  set('group unknown second program', 'group:g', 'programs', 'a,b,zz', g);
  set('group empty programs', 'group:g', 'programs', '', g);
  set('eventlistener no events', 'eventlistener:ev', 'events', undefined, g);
  set('eventlistener bad event', 'eventlistener:ev', 'events', 'PROCESS_STATE,NOPE', g);
  set('eventlistener buffer 0', 'eventlistener:ev', 'buffer_size', '0', g);
  set('eventlistener redirect_stderr', 'eventlistener:ev', 'redirect_stderr', 'true', g);
  set('rpcinterface no factory', 'rpcinterface:supervisor', 'supervisor.rpcinterface_factory', undefined);
  set('rpcinterface typo factory', 'rpcinterface:supervisor', 'supervisor.rpcinterface_factory', 'supervisor.rpcinterface:make_main_rpcinterfac');
  // Raw text mutants.
  const webText = render(web);
  const raw = (name: string, text: string, extra?: Record<string, string>) => cases.push({ name, text, ...(extra ? { extra } : {}) });
  raw('bare key line', webText.replace('autostart=true', 'autostart=true\nkey_without_value'));
  raw('line before any section', 'stray=1\n' + webText);
  raw('BOM', '\ufeff' + webText);
  raw('CRLF', webText.replaceAll('\n', '\r\n'));
  raw('CR only', webText.replaceAll('\n', '\r'));
  raw('inline ; comment', webText.replace('autostart=true', 'autostart=true ; comment'));
  raw('inline ; no space', webText.replace('autostart=true', 'autostart=true;comment'));
  raw('inline # in quotes', webText.replace('LANG="en_US.UTF-8"', 'LANG="en_US #UTF-8"'));
  raw('continuation', webText.replace('autostart=true', 'autostart=\n    true'));
  raw('continuation bad', webText.replace('autostart=true', 'autostart=true\n    false'));
  raw('indented section header', webText.replace('[program:worker]', '  [program:worker]'));
  raw('DEFAULT bad boolean', '[DEFAULT]\nautostart=maybe\n' + webText);
  raw('DEFAULT ok', '[DEFAULT]\nautostart=false\n' + webText);
  raw('= without key', webText.replace('autostart=true', '=true'));
  raw('colon delimiter', webText.replace('autostart=true', 'autostart: true'));
  raw('uppercase key', webText.replace('autostart=true', 'AutoStart=maybe'));
  raw('duplicate section', webText + '\n[program:web]\nautostart=maybe\n');
  raw('duplicate key last wins', webText.replace('autostart=true', 'autostart=maybe\nautostart=true'));
  raw('invalid utf-8', webText.replace('autostart=true', 'autostart=true\n; caf\udce9'));
  raw('empty section header', webText.replace('[program:worker]', '[]'));
  raw('section header trailing junk', webText.replace('[program:worker]', '[program:worker] junk'));
  raw('include match', webText + '\n[include]\nfiles=conf.d/*.conf\n', { 'conf.d/x.conf': '[program:inc]\ncommand=/bin/true\n' });
  raw('include bad file', webText + '\n[include]\nfiles=conf.d/*.conf\n', { 'conf.d/x.conf': '[program:inc]\nautostart=maybe\ncommand=/bin/true\n' });
  raw('include no header', webText + '\n[include]\nfiles=conf.d/*.conf\n', { 'conf.d/x.conf': 'command=/bin/true\n' });
  raw('include no files', webText + '\n[include]\n');
  raw('include nomatch', webText + '\n[include]\nfiles=nomatch/*.conf\n');
  raw('include here', webText + '\n[include]\nfiles=%(here)s/conf.d/*.conf\n', { 'conf.d/x.conf': '[program:inc]\ncommand=/bin/echo %(here)s\n' });
  raw('include %%(here)s', webText + '\n[include]\nfiles=conf.d/*.conf\n', { 'conf.d/x.conf': '[program:inc]\ncommand=/bin/echo %%(here)s\n' });
  raw('include unknown name', webText + '\n[include]\nfiles=%(nope)s/*.conf\n');
  raw('include host_node_name', webText + '\n[include]\nfiles=%(host_node_name)s/*.conf\n');
  raw('include ENV', webText + '\n[include]\nfiles=%(ENV_STK_SET)s/*.conf\n');
  raw('include BOM', webText + '\n[include]\nfiles=conf.d/*.conf\n', { 'conf.d/x.conf': '\ufeff[program:inc]\ncommand=/bin/true\n' });
  raw('fcgi ok', webText + '\n[fcgi-program:f]\ncommand=/bin/cat\nsocket=unix:///tmp/stk-%(program_name)s.sock\nprocess_name=%(program_name)s_%(process_num)s\n');
  raw('fcgi relative socket', webText + '\n[fcgi-program:f]\ncommand=/bin/cat\nsocket=unix://tmp/f.sock\n');
  raw('fcgi bad socket', webText + '\n[fcgi-program:f]\ncommand=/bin/cat\nsocket=tcp://host\n');
  raw('fcgi no socket', webText + '\n[fcgi-program:f]\ncommand=/bin/cat\n');
  raw('fcgi socket_mode with tcp', webText + '\n[fcgi-program:f]\ncommand=/bin/cat\nsocket=tcp://127.0.0.1:9000\nsocket_mode=0700\n');
  raw('fcgi backlog 0', webText + '\n[fcgi-program:f]\ncommand=/bin/cat\nsocket=tcp://127.0.0.1:9000\nsocket_backlog=0\n');
  return cases;
}

const POOL = [
  'true', 'false', 'maybe', 'YES', '0', '1', '-1', '10', '1.5', ' 7 ', '1_000', '50M', '50MB', '10kb', '2GB', 'abc', '',
  '%(program_name)s', '%(foo)s', '%s', '%%', '100%', '%(process_num)d', '%(ENV_STK_SET)s', '%(ENV_NOPE)s', 'TERM', 'SIGHUP',
  'SIGFOO', '0,1,2', '0,256', 'A=1', 'A=1,B', 'A="x, y"', 'A=a b', 'unexpected', 'nobody', 'nosuchuser_stk', '022', '0o755', '9',
  '/nonexistent-stk/x.log', 'NONE', 'AUTO', 'syslog', 'ERROR', 'warn', 'PROCESS_STATE', 'TICK_5', '127.0.0.1:9001', 'x y', 'a:b',
];

function randomMutants(b: Record<string, Sections>, dir: string, count: number): Case[] {
  const r = rng(20260501);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const cases: Case[] = [];
  const names = Object.keys(b);
  for (let i = 0; i < count; i++) {
    const base = b[pick(names)]!;
    const [sname] = pick(base);
    const type = sname.startsWith('program:') ? 'program' : sname.startsWith('group:') ? 'group' : sname.startsWith('eventlistener:') ? 'eventlistener' : sname.startsWith('rpcinterface:') ? 'rpcinterface' : sname;
    const keys = Object.keys(SECTION_KEYS[type as keyof typeof SECTION_KEYS] ?? {});
    if (keys.length === 0) continue;
    const key = pick(keys);
    let value = pick(POOL);
    if (value.startsWith('/nonexistent')) value = r() < 0.5 ? value : `${dir}/logs/ok.log`;
    const drop = r() < 0.1;
    cases.push({ name: `random #${i}: [${sname}] ${key}${drop ? ' dropped' : `=${value}`}`, text: render(setKey(base, sname, key, drop ? undefined : value)) });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------

interface PyResult {
  ok: boolean;
  type?: string;
  error?: string;
  warnings: string[];
}

/** supervisord's message without the file part (`(file: '…')`) and the parser's file name. */
function normalizePy(msg: string): string {
  // The host name is unknown to stacklint (it shows it as '…').
  let m = msg.replace(/ \(file: '[^']*'\)$/, '').replace(/'host_node_name': '[^']*'/g, "'host_node_name': '…'");
  if (m.startsWith('Source contains parsing errors:')) {
    const first = /\n\t(\[line\s+\d+\]: .*)/.exec(m);
    m = `Source contains parsing errors: ${first ? first[1] : ''}`;
  }
  if (m.startsWith('File contains no section headers.')) m = 'File contains no section headers.';
  if (m.startsWith("'utf-8' codec")) m = m.replace(/ in position .*$/, '');
  return cutAtHostName(m);
}

/** Messages quoting the expansion dict differ in the host name (and where CPython cuts a long repr). */
function cutAtHostName(m: string): string {
  return m.replace(/('host_node_name': '…').*?( in section '[^']*')?$/, '$1…$2');
}

function normalizeOurs(msg: string): string {
  if (msg.startsWith("'utf-8' codec")) return msg.replace(/ in (position|byte offset) .*$/, '');
  return cutAtHostName(msg);
}

/** Refusals that depend on what cannot be known statically: supervisord's cwd, third-party imports. */
function isUnknowable(error: string): boolean {
  const m = /^(?:The directory named as part of the path (.+?) does not exist|(.+?) is not an existing directory)/.exec(error);
  if (m) return !(m[1] ?? m[2])!.startsWith('/');
  const imp = /^(.*) cannot be resolved within \[/.exec(error);
  if (imp) {
    const mod = /(?:^|=)\s*([A-Za-z_][\w]*)[\w.]*\s*(?::|$)/.exec(imp[1]!);
    return mod !== null && mod[1] !== 'supervisor';
  }
  return false;
}

describe.skipIf(!HAVE_SUPERVISOR)('supervisor parity: supervisord option processing', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-svparity-')));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('agrees with supervisord on refuse/accept and on the error', () => {
    const b = bases(dir);
    const cases = [...handMutants(b, dir), ...randomMutants(b, dir, 1000)];
    const files: string[] = [];
    cases.forEach((c, i) => {
      const cdir = path.join(dir, `c${i}`);
      fs.mkdirSync(cdir, { recursive: true });
      const f = path.join(cdir, 'supervisord.conf');
      fs.writeFileSync(f, c.text.replace('\udce9', '\ufffd'));
      if (c.name === 'invalid utf-8') fs.writeFileSync(f, Buffer.concat([Buffer.from(c.text.split('\udce9')[0]!), Buffer.from([0xe9]), Buffer.from(c.text.split('\udce9')[1]!)]));
      for (const [rel, text] of Object.entries(c.extra ?? {})) {
        fs.mkdirSync(path.dirname(path.join(cdir, rel)), { recursive: true });
        fs.writeFileSync(path.join(cdir, rel), text);
      }
      files.push(f);
    });
    // supervisord resolves relative paths against its working directory: an empty one here.
    const cwd = path.join(dir, 'cwd');
    fs.mkdirSync(cwd);
    const py = spawnSync(PYTHON, ['-c', HARNESS], { input: JSON.stringify(files), env: ENV, cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(py.status, py.stderr).toBe(0);
    const results = JSON.parse(py.stdout) as Record<string, PyResult> & { __env__: Record<string, string> };
    const env = results.__env__ as unknown as Record<string, string>;

    let unknowable = 0;
    let agreeVerdict = 0;
    let agreeClass = 0;
    let agreeFirst = 0;
    let refused = 0;
    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const f = files[i]!;
      const pr = results[f] as PyResult;
      const config = defaultConfig(path.dirname(f));
      config.env = { ...env };
      const res = lint({ paths: [f], cwd: path.dirname(f), config, kind: 'supervisor', rules: supervisorRules });
      if (res.internalErrors.length) throw res.internalErrors[0]!.error;
      const ours = res.diagnostics.filter((d) => REFUSALS.has(d.ruleId) && d.severity === 'error');
      const weRefuse = ours.length > 0;
      if (!pr.ok && !weRefuse && isUnknowable(pr.error ?? '')) {
        unknowable++;
        return;
      }
      if (!pr.ok) refused++;
      if (weRefuse === !pr.ok) agreeVerdict++;
      else {
        disagreements.push(`${c.name}: supervisord ${pr.ok ? 'accepts' : `refuses (${pr.error})`}; stacklint ${weRefuse ? `refuses (${ours.map((d) => d.message).join(' | ')})` : 'accepts'}`);
        return;
      }
      if (pr.ok) {
        agreeClass++;
        return;
      }
      const want = normalizePy(pr.error ?? '');
      // supervisord stops at its first error: is it also the first one of our model (in supervisord's order)?
      const cfg = res.project.supervisor[0];
      const firstOurs = cfg
        ? [...cfg.problems.filter((p) => p.ruleId === 'supervisor/parse-error'), ...cfg.issues.filter((x) => REFUSALS.has(`supervisor/${x.kind}`))][0]
        : undefined;
      if (firstOurs && normalizeOurs(firstOurs.message) === want) agreeFirst++;
      if (ours.some((d) => normalizeOurs(d.message) === want)) agreeClass++;
      else disagreements.push(`${c.name}: supervisord says "${want}"; stacklint says ${ours.map((d) => `"${d.message}"`).join(', ')}`);
    });
    const n = cases.length - unknowable;
    console.log(
      `supervisor parity: ${cases.length} configurations (${refused + unknowable} refused by supervisord; ${unknowable} depend on ` +
        `supervisord's working directory or on third-party modules, which stacklint leaves unknown); over the other ${n}: ` +
        `refuse/accept agreement ${agreeVerdict}/${n} (${((100 * agreeVerdict) / n).toFixed(1)}%), ` +
        `same error ${agreeClass}/${n} (${((100 * agreeClass) / n).toFixed(1)}%); ` +
        `supervisord's error is stacklint's first ${agreeFirst}/${refused}`,
    );
    expect(disagreements, disagreements.join('\n')).toEqual([]);
  });
});
