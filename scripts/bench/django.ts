/**
 * A generated split-settings Django project for the benchmark: `mysite/settings/production.py`
 * star-imports 20 parts (`part00.py` … `part19.py`, each star-importing the shared `base.py`
 * first), about 5,000 lines in all, written the way real settings are: comments and
 * docstrings, os.path and pathlib paths, environment lookups with defaults, multi-line app
 * lists and dicts (DATABASES/LOGGING/CACHES shapes), f-strings and %-formatting, if/else on
 * the environment, try/except around optional imports, helper functions, `+=` and `.append`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const PARTS = 20;
const TARGET_LINES = 5000;

const BASE = `"""Shared settings."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENVIRONMENT = os.environ.get('DJANGO_ENV', 'production')
SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '')
DEBUG = False
ALLOWED_HOSTS = ['example.com', 'www.example.com']
INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
]
MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
]
STATIC_URL = '/static/'
MEDIA_URL = '/media/'
`;

function part(p: number, lines: number): string {
  const out: string[] = [`"""Settings part ${p}: generated for the benchmark."""`, 'from .base import *  # noqa', 'import os', ''];
  let i = 0;
  const P = `P${String(p).padStart(2, '0')}`;
  for (;;) {
    const before = out.length;
    const n = `${P}_${i}`;
    switch (i % 12) {
      case 0:
        out.push(`# --- block ${i} of part ${p} ---------------------------------------------------`, '');
        out.push(`${n}_NAME = 'service-${p}-${i}'`);
        out.push(`${n}_PORT = int(os.environ.get('${n}_PORT', '${8000 + i}'))`);
        break;
      case 1:
        out.push(`${n}_DIR = os.path.join(PROJECT_DIR, 'var', 'part${p}', 'dir${i}')`);
        out.push(`${n}_PATH = BASE_DIR / 'data' / f'part{${p}}' / '${i}'`);
        break;
      case 2:
        out.push(`${n}_APPS = [`, `    'app${p}_${i}.core',`, `    'app${p}_${i}.api',`, `    'app${p}_${i}.web',`, ']');
        out.push(`INSTALLED_APPS += ${n}_APPS`);
        break;
      case 3:
        out.push(
          `${n}_DATABASE = {`,
          `    'ENGINE': 'django.db.backends.postgresql',`,
          `    'NAME': os.getenv('${n}_DB', 'db_${p}_${i}'),`,
          `    'USER': os.getenv('${n}_DB_USER', 'app'),`,
          `    'HOST': os.getenv('${n}_DB_HOST', '127.0.0.1'),`,
          `    'PORT': ${5432 + (i % 10)},`,
          `    'OPTIONS': {'connect_timeout': 5, 'sslmode': 'prefer'},`,
          '}',
        );
        break;
      case 4:
        out.push(`if ENVIRONMENT == 'development':`, `    ${n}_LEVEL = 'DEBUG'`, `    ${n}_CACHE = None`, 'else:', `    ${n}_LEVEL = 'WARNING'`, `    ${n}_CACHE = 300`);
        break;
      case 5:
        out.push(`${n}_URL = 'https://%s.example.com/%s/' % (${P}_${i - 5}_NAME, 'v${i}')`);
        out.push(`${n}_LABEL = '{}:{}'.format(${P}_${i - 5}_NAME, ${P}_${i - 5}_PORT)`);
        out.push(`${n}_FLAGS = ('a', 'b', 'c') if ${P}_${i - 5}_PORT > 9000 else ('a',)`);
        break;
      case 6:
        out.push('try:', `    import optional_module_${p}_${i}  # noqa`, `    ${n}_OPTIONAL = True`, 'except ImportError:', `    ${n}_OPTIONAL = False`);
        break;
      case 7:
        out.push(
          `def ${n.toLowerCase()}_helper(value, default=None):`,
          `    """Return the value for ${n}."""`,
          '    if value is None:',
          '        return default',
          '    return value',
          '',
        );
        break;
      case 8:
        out.push(
          `${n}_LOGGING = {`,
          `    'version': 1,`,
          `    'handlers': {'console': {'class': 'logging.StreamHandler', 'level': ${P}_${i - 4}_LEVEL}},`,
          `    'loggers': {'part${p}.${i}': {'handlers': ['console'], 'propagate': False}},`,
          '}',
        );
        break;
      case 9:
        out.push(`${n}_HOSTS = os.environ.get('${n}_HOSTS', 'a.example,b.example').split(',')`);
        out.push(`${n}_DEBUG = os.environ.get('${n}_DEBUG', 'false').lower() in ('1', 'true', 'yes')`);
        break;
      case 10:
        out.push(`MIDDLEWARE.append('part${p}.middleware.M${i}')`);
        out.push(`${n}_TIMEOUT = 30 * 60 + ${i}`);
        out.push(`${n}_ENABLED = not ${P}_${i - 1}_DEBUG and ${P}_${i - 10}_PORT != 0`);
        break;
      case 11:
        out.push(`${n}_STATIC = str(BASE_DIR / 'static' / 'part${p}')`, `${n}_TEMPLATE = os.path.join(PROJECT_DIR, 'templates', "part${p}")`, '');
        break;
    }
    if (out.length > lines) {
      // Never cut a block: drop the last one and pad with comments.
      out.length = before;
      while (out.length < lines) out.push(`# padding ${out.length}`);
      break;
    }
    i++;
  }
  return out.join('\n') + '\n';
}

/** Write the project under `dir`; returns the main settings file (`mysite/settings/production.py`). */
export function generateSplitSettings(dir: string): string {
  const settings = path.join(dir, 'mysite', 'settings');
  fs.mkdirSync(settings, { recursive: true });
  fs.writeFileSync(path.join(dir, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.production")\n');
  fs.writeFileSync(path.join(dir, 'mysite', '__init__.py'), '');
  fs.writeFileSync(path.join(settings, '__init__.py'), '');
  fs.writeFileSync(path.join(settings, 'base.py'), BASE);
  const mainHead = ['"""Production settings: every part, then the overrides."""'];
  for (let p = 0; p < PARTS; p++) mainHead.push(`from .part${String(p).padStart(2, '0')} import *  # noqa`);
  const mainTail = [
    '',
    "STATIC_ROOT = os.environ.get('STATIC_ROOT', str(BASE_DIR.parent / 'www' / 'static'))",
    "MEDIA_ROOT = BASE_DIR.parent / 'www' / 'media'",
    "STATICFILES_DIRS = [BASE_DIR / 'assets']",
    '',
  ];
  const baseLines = BASE.split('\n').length;
  const perPart = Math.floor((TARGET_LINES - baseLines - mainHead.length - mainTail.length) / PARTS);
  for (let p = 0; p < PARTS; p++) fs.writeFileSync(path.join(settings, `part${String(p).padStart(2, '0')}.py`), part(p, perPart));
  const main = path.join(settings, 'production.py');
  fs.writeFileSync(main, [...mainHead, ...mainTail].join('\n'));
  return main;
}
