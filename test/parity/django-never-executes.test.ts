/**
 * stacklint never runs or imports the code it reads. The fixture's settings module, and the
 * modules it imports, create files and exit when Python runs them (the control run below
 * proves it with /usr/bin/python3); after stacklint has linted the same project, none of
 * those files exist.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { lint } from '../../src/engine/lint.js';

const PY = '/usr/bin/python3';
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-django-noexec-')));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const MARKERS = ['by-open', 'by-system', 'by-makedirs', 'by-pathlib', 'by-exec', 'by-subprocess', 'by-import', 'by-star-import', 'by-environ', 'by-dotenv'];

function writeProject(dir: string): void {
  const m = (name: string) => JSON.stringify(path.join(dir, 'created-' + name));
  const files: Record<string, string> = {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
    'mysite/__init__.py': '',
    'evil.py': `open(${m('by-import')}, "w").write("x")\n`,
    'mysite/parts.py': `open(${m('by-star-import')}, "w").write("x")\nPART = 1\n`,
    'mysite/settings.py': [
      'import os, sys, subprocess',
      'from pathlib import Path',
      `open(${m('by-open')}, "w").write("x")`,
      `os.system("touch " + ${m('by-system')})`,
      `os.makedirs(${m('by-makedirs')})`,
      `Path(${m('by-pathlib')}).touch()`,
      `exec('open(' + repr(${m('by-exec')}) + ', "w")')`,
      `subprocess.run(["touch", ${m('by-subprocess')}])`,
      `os.environ.setdefault("X", open(${m('by-environ')}, "w").name)`,
      'import evil',
      'from .parts import *',
      'try:',
      '    from dotenv import load_dotenv',
      `    load_dotenv(open(${m('by-dotenv')}, "w").name)`,
      'except ImportError:',
      `    open(${m('by-dotenv')}, "w")`,
      'STATIC_ROOT = "/srv/static"',
      'sys.exit(3)',
      '',
    ].join('\n'),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

const created = (dir: string) => MARKERS.filter((k) => fs.existsSync(path.join(dir, 'created-' + k)));

describe('stacklint never executes settings code', () => {
  it.skipIf(!fs.existsSync(PY))('control: Python importing the settings creates every marker and exits', () => {
    const dir = path.join(work, 'control');
    writeProject(dir);
    const r = spawnSync(PY, ['-c', 'import mysite.settings'], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(r.status).toBe(3);
    expect(created(dir)).toEqual(MARKERS);
  });

  it('linting the project (directory and settings file) creates none of them', () => {
    const dir = path.join(work, 'lint');
    writeProject(dir);
    for (const target of [dir, path.join(dir, 'mysite/settings.py'), path.join(dir, 'manage.py')]) {
      const result = lint({ paths: [target], cwd: dir, config: defaultConfig(dir) });
      expect(result.internalErrors).toEqual([]);
      const s = result.project.django.find((d) => d.root.path.endsWith('settings.py'));
      expect(s?.settings.get('STATIC_ROOT')?.value).toEqual({ k: 'str', v: '/srv/static' });
    }
    expect(created(dir)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['evil.py', 'manage.py', 'mysite']);
    expect(fs.readdirSync(path.join(dir, 'mysite')).sort()).toEqual(['__init__.py', 'parts.py', 'settings.py']);
  });
});
