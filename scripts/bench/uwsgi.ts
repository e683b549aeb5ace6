/**
 * Bench input: realistic uWSGI ini files (~30 lines each), the way projects write them —
 * comments, placeholders, magic variables, a unix socket, python options, logging — with a
 * sprinkling of the mistakes the rules look for. Deterministic: file i is always the same.
 *
 *   import { generateUwsgiInis } from './bench/uwsgi.js';
 *   const files = generateUwsgiInis('/tmp/bench/uwsgi', 500);
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const APPS = ['blog', 'shop', 'crm', 'wiki', 'api', 'forum', 'cms', 'mail', 'billing', 'search'];

/** Write `count` ini files under `dir` (created if needed); returns their absolute paths. */
export function generateUwsgiInis(dir: string, count: number): string[] {
  const root = path.resolve(dir);
  fs.mkdirSync(root, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const app = `${APPS[i % APPS.length]}${i}`;
    const base = path.join(root, 'srv', app);
    const lines = [
      `# uWSGI configuration for ${app}`,
      '; generated for the stacklint bench',
      '[uwsgi]',
      `project = ${app}`,
      `base = ${base}`,
      '',
      '# Python',
      'plugins = python3',
      'chdir = %(base)/src',
      'module = %(project).wsgi:application',
      'home = %(base)/venv',
      `env = DJANGO_SETTINGS_MODULE=%(project).settings.production`,
      'env = LANG=C.UTF-8',
      '',
      '# processes',
      'master = true',
      `processes = ${2 + (i % 7)}`,
      `threads = ${1 + (i % 4)}`,
      'enable-threads = true',
      `harakiri = ${30 + (i % 5) * 10}`,
      `max-requests = ${1000 + i}`,
      i % 9 === 0 ? 'buffer-size = 32k' : 'buffer-size = 32768',
      '',
      '# socket for nginx',
      `socket = /run/uwsgi/%n.sock`,
      i % 11 === 0 ? 'chmod-socket = 0664' : 'chmod-socket = 660',
      'vacuum = true',
      'die-on-term = true',
      i % 13 === 0 ? 'master = false ; dev only' : `stats = 127.0.0.1:${9000 + i}`,
      '',
      '# logging',
      `logto = /var/log/uwsgi/%(project).log`,
      'log-format = %(addr) - %(user) [%(ltime)] "%(method) %(uri) %(proto)" %(status) %(size)',
      `pidfile = /run/uwsgi/${app}.pid`,
      i % 17 === 0 ? 'proceses = 4' : 'touch-reload = %(base)/reload',
    ];
    const file = path.join(root, `${app}.ini`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    files.push(file);
  }
  return files;
}
