import { describe, expect, it } from 'vitest';
import { sniffDjango } from '../../../src/parsers/django/index.js';

describe('sniffDjango', () => {
  it('settings modules rate high', () => {
    expect(sniffDjango('/p/mysite/settings.py', 'DEBUG = True\nALLOWED_HOSTS = []\n')).toBeGreaterThanOrEqual(0.8);
    expect(sniffDjango('/p/mysite/settings.py', 'INSTALLED_APPS = ["django.contrib.admin"]\n')).toBeGreaterThanOrEqual(0.8);
    expect(sniffDjango('/p/mysite/settings.py', '')).toBeGreaterThanOrEqual(0.8);
    expect(sniffDjango('/p/mysite/settings/production.py', 'from .base import *\n')).toBeGreaterThanOrEqual(0.8);
    expect(sniffDjango('/p/conf/prod.py', 'SECRET_KEY = "x"\nINSTALLED_APPS = []\nDATABASES = {}\n')).toBeGreaterThanOrEqual(0.8);
    expect(sniffDjango('/p/local_settings.py', 'DEBUG = True\nMEDIA_ROOT = "/m"\n')).toBeGreaterThanOrEqual(0.5);
    expect(sniffDjango('/p/x.py', 'STATIC_URL = "/s/"\nMEDIA_URL: str = "/m/"\n')).toBeGreaterThanOrEqual(0.5);
  });
  it('entry points and other Python rate below the discovery threshold', () => {
    for (const f of ['wsgi.py', 'asgi.py', 'manage.py']) expect(sniffDjango(`/p/${f}`, 'import os\n')).toBe(0.3);
    expect(sniffDjango('/p/mysite/settings/__init__.py', '')).toBeLessThan(0.5);
    expect(sniffDjango('/p/app/views.py', 'def index(request):\n    pass\n')).toBeLessThan(0.5);
    expect(sniffDjango('/p/app/models.py', 'DEBUG = 1\n')).toBeLessThan(0.5);
    expect(sniffDjango('/p/settings.conf', 'DEBUG = True\n')).toBe(0);
  });
});

describe('sniffDjango: other frameworks', () => {
  it('a Scrapy or Flask settings.py is not discovered as Django', () => {
    expect(sniffDjango('/p/crawler/settings.py', 'BOT_NAME = "crawler"\nSPIDER_MODULES = ["crawler.spiders"]\nROBOTSTXT_OBEY = True\n')).toBeLessThan(0.5);
    expect(sniffDjango('/p/app/settings.py', 'DEBUG = False\nSECRET_KEY = "x"\nSQLALCHEMY_DATABASE_URI = "sqlite://"\n')).toBeLessThan(0.5);
    expect(sniffDjango('/p/app/config.py', 'DEBUG = False\nSECRET_KEY = "x"\nTIME_ZONE = "UTC"\n')).toBeLessThan(0.5);
  });
});
