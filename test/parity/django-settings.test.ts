/**
 * Truth test: stacklint's static evaluation of settings modules against the values Django
 * itself reports. Each fixture project (test/fixtures/django/parity/, written in the styles
 * of the corpus) is copied to a temporary directory; Debian's python3-django loads it in a
 * subprocess (DJANGO_SETTINGS_MODULE set, `django.conf.settings` printed as JSON), and
 * stacklint lints the same file with the same environment (configuration `env`).
 *
 * django-environ and python-decouple are not installed on Debian bookworm by default
 * (`apt-cache policy python3-django-environ python3-decouple`: not installed): small
 * stand-ins with their documented behaviour (test/fixtures/django/parity/stubs/) are put on
 * the subprocess's PYTHONPATH. stacklint itself never reads them: it models the libraries.
 *
 * Django reads STATIC_URL/MEDIA_URL with the script prefix applied (an unset MEDIA_URL '' is
 * '/'); stacklint's values are compared after the same transformation (djangoUrl).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { lint } from '../../src/engine/lint.js';
import { djangoUrl, settingValue } from '../../src/parsers/django/index.js';
import type { Value } from '../../src/parsers/django/values.js';

const PY = '/usr/bin/python3';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/django/parity');
const HAS_DJANGO = fs.existsSync(PY) && spawnSync(PY, ['-c', 'import django'], { encoding: 'utf8' }).status === 0;

const NAMES = ['STATIC_ROOT', 'STATIC_URL', 'MEDIA_ROOT', 'MEDIA_URL', 'STATICFILES_DIRS', 'DEBUG', 'ALLOWED_HOSTS', 'WSGI_APPLICATION'];
const URLS = new Set(['STATIC_URL', 'MEDIA_URL']);

const DUMP = `
import json, sys
from pathlib import PurePath
from django.conf import settings

def conv(v):
    if isinstance(v, PurePath):
        return {'$path': str(v)}
    if isinstance(v, tuple):
        return {'$tuple': [conv(x) for x in v]}
    if isinstance(v, list):
        return [conv(x) for x in v]
    if isinstance(v, dict):
        return {'$dict': [[conv(k), conv(x)] for k, x in v.items()]}
    if v is None or isinstance(v, (str, bool, int, float)):
        return v
    return {'$repr': repr(v)}

print(json.dumps({n: conv(getattr(settings, n)) for n in sys.argv[1:]}))
`;

function toJson(v: Value): unknown {
  switch (v.k) {
    case 'str':
      return v.v;
    case 'int':
    case 'float':
      return v.v;
    case 'bool':
      return v.v;
    case 'none':
      return null;
    case 'path':
      return { $path: v.v };
    case 'tuple':
      return { $tuple: v.items.map(toJson) };
    case 'list':
      return v.items.map(toJson);
    case 'dict':
      return { $dict: v.entries.map(([k, x]) => [toJson(k), toJson(x)]) };
    default:
      return { $unknown: true };
  }
}

interface Case {
  project: string;
  module: string;
  env?: Record<string, string>;
  /** Settings stacklint may leave unknown (it must never give a wrong known value). */
  unknown?: string[];
}

const CASES: Case[] = [
  { project: 'os-path-style', module: 'mysite.settings' },
  { project: 'pathlib-style', module: 'mysite.settings' },
  // `os.environ.get('STK_MEDIA_URL') or '/media/'`: a lookup without a default is unknown.
  { project: 'env-defaults', module: 'mysite.settings', unknown: ['MEDIA_URL'] },
  {
    project: 'env-defaults',
    module: 'mysite.settings',
    env: { STK_DEBUG: 'Yes', STK_HOSTS: 'a.example,b.example', STK_STATIC_ROOT: '/srv/x/static', STK_MEDIA_URL: 'm/', STK_EXTRA_DIRS: '2', STK_APP: 'other' },
  },
  { project: 'split-settings', module: 'mysite.settings.production' },
  { project: 'django-environ', module: 'mysite.settings' },
  { project: 'django-environ', module: 'mysite.settings', env: { DEBUG: 'on', STK_HOSTS: 'x.example,y.example', STK_CDN: '1', STK_MEDIA_ROOT: '/m' } },
  { project: 'decouple', module: 'mysite.settings' },
  { project: 'decouple', module: 'mysite.settings', env: { STK_DEBUG: 'TRUE', STK_HOSTS: 'a.example ,b.example', STK_MEDIA_ROOT: '/srv/media/' } },
  { project: 'formatting', module: 'mysite.settings' },
  // STATIC_ROOT: os.environ[...] inside try/except KeyError is unknown when the variable is unset.
  { project: 'branches', module: 'mysite.settings', unknown: ['STATIC_ROOT', 'STATICFILES_DIRS'] },
  { project: 'branches', module: 'mysite.settings', env: { STK_ENV: 'staging', STK_STATIC_ROOT: '/srv/s' }, unknown: ['STATICFILES_DIRS'] },
  { project: 'branches', module: 'mysite.settings', env: { STK_ENV: 'development' }, unknown: ['STATIC_ROOT', 'STATICFILES_DIRS'] },
];

const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-django-parity-')));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function djangoValues(projectDir: string, module: string, env: Record<string, string>): Record<string, unknown> {
  const r = spawnSync(PY, ['-c', DUMP, ...NAMES], {
    cwd: projectDir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LANG: 'C.UTF-8',
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONPATH: `${projectDir}:${path.join(work, 'stubs')}`,
      DJANGO_SETTINGS_MODULE: module,
      ...env,
    },
  });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

function stacklintValues(projectDir: string, module: string, env: Record<string, string>): Record<string, unknown> {
  const file = path.join(projectDir, ...module.split('.')) + '.py';
  const config = defaultConfig(projectDir);
  config.env = env;
  config.django.settingsModule = module;
  const result = lint({ paths: [file], cwd: projectDir, config });
  expect(result.internalErrors).toEqual([]);
  const s = result.project.django.find((d) => d.root.path === file);
  if (!s) throw new Error(`no settings evaluated for ${file}`);
  const out: Record<string, unknown> = {};
  for (const n of NAMES) {
    const v = settingValue(s, n).value;
    out[n] = toJson(URLS.has(n) ? djangoUrl(v) : v);
  }
  return out;
}

describe.skipIf(!HAS_DJANGO)('Django settings: stacklint vs Django 3.2', () => {
  fs.cpSync(path.join(FIXTURES, 'stubs'), path.join(work, 'stubs'), { recursive: true });
  CASES.forEach((c, i) => {
    const label = `${c.project}${c.env ? ' with ' + Object.keys(c.env).join(', ') : ''}`;
    it(label, () => {
      const dir = path.join(work, `${i}-${c.project}`);
      fs.cpSync(path.join(FIXTURES, c.project), dir, { recursive: true });
      const env = c.env ?? {};
      const expected = djangoValues(dir, c.module, env);
      const actual = stacklintValues(dir, c.module, env);
      for (const n of NAMES) {
        if (c.unknown?.includes(n) && JSON.stringify(actual[n]) === JSON.stringify({ $unknown: true })) continue;
        expect(actual[n], `${n} (Django: ${JSON.stringify(expected[n])})`).toEqual(expected[n]);
      }
    });
  });
});

// The settings variants of the FACTS §13 experiments (shared/facts/experiments/django/proj), when present.
const FACTS_PROJ = path.resolve(import.meta.dirname, '../../../shared/facts/experiments/django/proj');
const VARIANTS = fs.existsSync(FACTS_PROJ)
  ? fs.readdirSync(path.join(FACTS_PROJ, 'mysite')).filter((f) => /^settings.*\.py$/.test(f)).sort()
  : [];

describe.skipIf(!HAS_DJANGO || VARIANTS.length === 0)('Django settings: FACTS §13 experiment variants', () => {
  const dir = path.join(work, 'facts-proj');
  fs.cpSync(FACTS_PROJ, dir, { recursive: true });
  for (const f of VARIANTS) {
    it(f, () => {
      const module = `mysite.${f.replace(/\.py$/, '')}`;
      const expected = djangoValues(dir, module, {});
      const actual = stacklintValues(dir, module, {});
      for (const n of NAMES) expect(actual[n], `${n} (Django: ${JSON.stringify(expected[n])})`).toEqual(expected[n]);
    });
  }
});
