/**
 * The settings evaluator: what a module's names evaluate to, statement by statement.
 * (Values Django itself computes are checked in test/parity/django-settings.test.ts.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig, type StackConfig } from '../../../src/core/config.js';
import { lint } from '../../../src/engine/lint.js';
import type { DjangoSettings } from '../../../src/parsers/django/index.js';
import { display } from '../../../src/parsers/django/values.js';

const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-django-eval-')));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
let n = 0;

/** Write files, lint the first (or `paths`), return the evaluated settings and the directory. */
function evaluate(files: Record<string, string>, opts: { config?: (c: StackConfig, dir: string) => void; paths?: string[] } = {}): { all: DjangoSettings[]; s: DjangoSettings; dir: string; ids: string[] } {
  const dir = path.join(work, String(n++));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text.replaceAll('{{dir}}', dir));
  }
  const config = defaultConfig(dir);
  opts.config?.(config, dir);
  const paths = (opts.paths ?? [Object.keys(files)[0]!]).map((p) => path.join(dir, p));
  const r = lint({ paths, cwd: dir, config });
  expect(r.internalErrors.map((e) => e.error.stack)).toEqual([]);
  return { all: r.project.django, s: r.project.django[0]!, dir, ids: r.diagnostics.map((d) => d.ruleId) };
}

/** Each name's value as shown in messages ('<unknown>' when unknown). */
function values(s: DjangoSettings, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((k) => [k, s.settings.has(k) ? display(s.settings.get(k)!.value) : 'unset']));
}

describe('assignments', () => {
  it('chained, tuple, starred, annotated, augmented, del', () => {
    const { s } = evaluate({
      'settings.py': 'A = B = 1\nC, (D, E) = "x", [2, 3]\nF, *G = (1, 2, 3)\nH: int = 4\nI: str\nJ = [1]\nJ += (2,)\nK = "a"\nK *= 3\nL = 1\ndel L\nM = {"a": 1}\nM["b"] = 2\nM["a"] += 10\ndel M["b"]\n',
    });
    expect(values(s, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M')).toEqual({
      A: '1', B: '1', C: "'x'", D: '2', E: '3', F: '1', G: '[2, 3]', H: '4', I: 'unset', J: '[1, 2]', K: "'aaa'", L: 'unset', M: "{'a': 11}",
    });
  });

  it('list and dict methods that grow settings', () => {
    const { s } = evaluate({
      'settings.py': [
        'APPS = ["a"]',
        'APPS.append("b")',
        'APPS.extend(["c", "d"])',
        'APPS.insert(0, "z")',
        'APPS.remove("c")',
        'DB = {"default": {"NAME": "x"}}',
        'DB["default"].update({"HOST": "h"}, PORT=5432)',
        'DB.setdefault("other", {})',
        'MYSTERY = []',
        'MYSTERY.sort(key=len)',
      ].join('\n'),
    });
    expect(values(s, 'APPS', 'DB', 'MYSTERY')).toEqual({
      APPS: "['z', 'a', 'b', 'd']",
      DB: "{'default': {'NAME': 'x', 'HOST': 'h', 'PORT': 5432}, 'other': {}}",
      MYSTERY: '<unknown>',
    });
  });

  it('dict literals: later duplicates win, **unpacking', () => {
    const { s } = evaluate({ 'settings.py': 'BASE = {"a": 1, "b": 2}\nD = {**BASE, "a": 3, 1: "x", True: "y"}\n' });
    expect(values(s, 'D')).toEqual({ D: "{'a': 3, 'b': 2, 1: 'y'}" });
  });
});

describe('paths', () => {
  it('__file__, os.path and pathlib', () => {
    const { s, dir } = evaluate({
      'mysite/settings.py': [
        'import os',
        'from pathlib import Path',
        'A = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))',
        'B = Path(__file__).resolve().parent.parent',
        'C = B.parents[0] / "x" / ".." / "y"',
        'D = os.path.join(B, "static", "")',
        'E = str(B / "media")',
        'F = "/srv" / Path("www")',
        'G = os.path.basename(__file__)',
        'H = os.path.exists("/etc")',
        'I = Path("rel").resolve()',
        'J = os.path.normpath(A + "/../x/./y/")',
        'K = os.path.splitext("a/b.tar.gz")',
      ].join('\n'),
    });
    expect(values(s, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K')).toEqual({
      A: `'${dir}'`,
      B: dir,
      C: path.dirname(dir) + '/x/../y',
      D: `'${dir}/static/'`,
      E: `'${dir}/media'`,
      F: '/srv/www',
      G: "'settings.py'",
      H: '<unknown>',
      I: '<unknown>',
      J: `'${path.dirname(dir)}/x/y'`,
      K: "('a/b.tar', '.gz')",
    });
  });

  it('__file__ is the deployed path under a path map', () => {
    const { s } = evaluate(
      { 'srv/mysite/settings.py': 'from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent\n' },
      { config: (c, dir) => c.map.push({ from: '/opt/app', to: path.join(dir, 'srv') }) },
    );
    expect(values(s, 'BASE_DIR')).toEqual({ BASE_DIR: '/opt/app/mysite' });
  });
});

describe('strings', () => {
  it('%-formatting, format, f-strings, methods', () => {
    const { s } = evaluate({
      'settings.py': [
        'N = "site"',
        'A = "%s/%d%%" % (N, 5)',
        'B = "%(n)s!" % {"n": N}',
        'C = "{}-{0}-{x}".format(N, x=1)',
        'D = f"{N}/{N.upper()!r}/{1+1=}"',
        'E = f"{N:>10}"',
        'F = " a,b ,c ".strip().split(",")',
        'G = "-".join(["a", "b"])',
        'H = "x" "y" r"\\d" "\\t"',
        'I = "abc".replace("b", "B").startswith(("aB", "z"))',
        'J = b"bytes"',
        'K = "caf\\u00e9 \\x41"',
      ].join('\n'),
    });
    expect(values(s, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K')).toEqual({
      A: "'site/5%'",
      B: "'site!'",
      C: "'site-site-1'",
      D: `"site/'SITE'/1+1=2"`,
      E: '<unknown>',
      F: "['a', 'b ', 'c']",
      G: "'a-b'",
      H: "'xy\\\\d\\t'",
      I: 'True',
      J: '<unknown>',
      K: "'café A'",
    });
  });
});

describe('control flow', () => {
  it('known conditions pick a branch; unknown ones merge', () => {
    const { s } = evaluate({
      'settings.py': [
        'import os, sys',
        'MODE = "prod"',
        'if MODE == "dev":\n    A = 1\nelif MODE == "prod":\n    A = 2\nelse:\n    A = 3',
        'if "test" in sys.argv:\n    B = 1\n    C = 5\nelse:\n    B = 2\n    C = 5',
        'if os.environ.get("X"):\n    D = 1',
        'E = 1 if MODE == "prod" else 2',
        'F = 1 if sys.argv else 1',
        'if sys.argv:\n    raise SystemExit\nG = 7',
      ].join('\n'),
    });
    expect(values(s, 'A', 'B', 'C', 'D', 'E', 'F', 'G')).toEqual({ A: '2', B: '<unknown>', C: '5', D: '<unknown>', E: '1', F: '1', G: '7' });
  });

  it('try: dead handlers, live handlers, else, finally', () => {
    const { s } = evaluate({
      'settings.py': [
        'try:\n    A = 1\nexcept Exception:\n    A = 2',
        'try:\n    import not_installed_pkg\n    B = 1\nexcept ImportError:\n    B = 2',
        'try:\n    C = 1\nexcept ValueError:\n    pass\nelse:\n    C = 3\nfinally:\n    D = 4',
        'try:\n    from .local import *\nexcept ImportError:\n    pass',
      ].join('\n'),
      'local.py': 'E = 5\n',
    });
    expect(values(s, 'A', 'B', 'C', 'D', 'E')).toEqual({ A: '1', B: '<unknown>', C: '3', D: '4', E: '5' });
  });

  it('loops, functions, classes, with, match: what they may bind is unknown', () => {
    const { s } = evaluate({
      'settings.py': [
        'APPS = ["a"]',
        'for x in ["b"]:\n    APPS.append(x)',
        'N = 0\nwhile N < 3:\n    N += 1',
        'def helper():\n    return 1',
        'class Conf:\n    pass',
        'with open(__file__) as fh:\n    W = 1',
        'import sys\nmatch sys.argv:\n    case [_, "x"]:\n        M = 1',
        'K = 1\nwhile False:\n    K = 2',
      ].join('\n'),
    });
    expect(values(s, 'APPS', 'N', 'W', 'M', 'K')).toEqual({ APPS: '<unknown>', N: '<unknown>', W: '1', M: '<unknown>', K: '1' });
    expect(s.settings.has('x')).toBe(false);
  });

  it('walrus and globals()', () => {
    const a = evaluate({ 'settings.py': 'import os\nif (V := os.getenv("X", "d")):\n    W = V + "!"\n' });
    expect(values(a.s, 'V', 'W')).toEqual({ V: "'d'", W: "'d!'" });
    const b = evaluate({ 'settings.py': 'A = 1\nglobals().update({"B": 2})\nC = 3\n' });
    expect(values(b.s, 'A', 'C')).toEqual({ A: '<unknown>', C: '3' });
    expect(b.s.open?.message).toMatch(/may bind any name/);
    const c = evaluate({ 'settings.py': 'A = 1\nif "B" in globals():\n    pass\n' });
    expect(c.s.open).toBeNull();
  });
});

describe('environment', () => {
  const SETTINGS = 'import os\nA = os.environ.get("A", "dflt")\nB = os.getenv("B")\nC = os.environ["C"]\nos.environ.setdefault("D", "set")\nD = os.environ["D"]\n';

  it('defaults without an environment; lookups without default are unknown', () => {
    const { s } = evaluate({ 'settings.py': SETTINGS });
    expect(values(s, 'A', 'B', 'C', 'D')).toEqual({ A: "'dflt'", B: '<unknown>', C: '<unknown>', D: "'set'" });
    expect(s.settings.get('A')!.assumptions).toEqual(['A is not set in the environment (the default is used)']);
  });

  it('the configured environment, uWSGI env and supervisor environment (uWSGI wins)', () => {
    const { s } = evaluate(
      {
        'uwsgi.ini': '[uwsgi]\nchdir = {{dir}}/app\nenv = DJANGO_SETTINGS_MODULE=mysite.settings\nenv = A=from-uwsgi\n',
        'app/mysite/settings.py': SETTINGS,
        'app/mysite/__init__.py': '',
      },
      { paths: ['uwsgi.ini', 'app/mysite/settings.py'], config: (c) => (c.env = { A: 'from-config', C: 'c' }) },
    );
    expect(values(s, 'A', 'C')).toEqual({ A: "'from-uwsgi'", C: "'c'" });
    expect(s.origin.how).toBe('uWSGI env');
    expect(s.deployed).toBe(true);
    expect(s.cwd?.path.endsWith('/app')).toBe(true);
    const sup = evaluate(
      {
        'supervisord.conf': '[program:web]\ncommand=/usr/bin/gunicorn mysite.wsgi\ndirectory={{dir}}/app\nenvironment=A="from supervisor",DJANGO_SETTINGS_MODULE="mysite.settings"\n',
        'app/mysite/settings.py': SETTINGS,
        'app/mysite/__init__.py': '',
      },
      { paths: ['supervisord.conf', 'app/mysite/settings.py'] },
    );
    expect(values(sup.s, 'A')).toEqual({ A: "'from supervisor'" });
    expect(sup.s.origin.how).toBe('supervisor environment');
  });

  it('load_dotenv / read_env make unset variables unknown', () => {
    const { s } = evaluate({ 'settings.py': 'import os\nA = os.getenv("A", "x")\nfrom dotenv import load_dotenv\nload_dotenv()\nB = os.getenv("B", "x")\n' });
    expect(values(s, 'A', 'B')).toEqual({ A: "'x'", B: '<unknown>' });
  });

  it('python-decouple reads a .env next to the settings: unknown', () => {
    const { s } = evaluate({ 'settings.py': 'from decouple import config\nA = config("A", default="x")\n', '.env': 'A=y\n' });
    expect(values(s, 'A')).toEqual({ A: '<unknown>' });
  });
});

describe('modules', () => {
  it('star imports copy public names (or __all__), named imports follow project modules', () => {
    const { s } = evaluate({
      'settings.py': 'from .base import *\nfrom .other import VALUE as V2\nfrom .limited import *\n',
      'base.py': 'A = 1\n_PRIVATE = 2\nimport os\n',
      'other.py': 'VALUE = "v"\n',
      'limited.py': '__all__ = ["X"]\nX = 1\nY = 2\n',
    });
    expect(values(s, 'A', '_PRIVATE', 'V2', 'X', 'Y')).toEqual({ A: '1', _PRIVATE: 'unset', V2: "'v'", X: '1', Y: 'unset' });
    // Lower-case names are not settings, but they were imported.
    expect(s.files.map((f) => path.basename(f.path))).toEqual(['settings.py', 'base.py', 'other.py', 'limited.py']);
  });

  it('split settings given together are reported once, from the importing module', () => {
    const { all, ids } = evaluate(
      {
        'mysite/settings/production.py': 'from .base import *\nDEBUG = False\n',
        'mysite/settings/base.py': 'DEBUG = True\nALLOWED_HOSTS = ["x"]\nSTATIC_URL = "/static"\n',
        'mysite/settings/__init__.py': '',
        'mysite/__init__.py': '',
        'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.production")\n',
      },
      { paths: ['mysite/settings/production.py', 'mysite/settings/base.py'] },
    );
    expect(all.map((d) => path.basename(d.root.path))).toEqual(['production.py']);
    expect(ids.filter((i) => i === 'django/url-setting-trailing-slash')).toHaveLength(1);
    expect(ids).not.toContain('django/debug-enabled');
  });

  it('an entry point on the command line leads to its settings module', () => {
    const { s } = evaluate({
      'mysite/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.conf.prod")\n',
      'mysite/conf/prod.py': 'DEBUG = False\n',
      'mysite/conf/__init__.py': '',
      'mysite/__init__.py': '',
      'manage.py': '',
    });
    expect(path.relative(s.root.path, s.root.path)).toBe('');
    expect(s.root.path.endsWith('mysite/conf/prod.py')).toBe(true);
    expect(s.module).toBe('mysite.conf.prod');
    expect(s.origin.how).toBe('wsgi.py');
  });
});
