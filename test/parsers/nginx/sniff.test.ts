import { describe, expect, it } from 'vitest';
import { sniffNginx } from '../../../src/parsers/nginx/sniff.js';

const server = 'server {\n    listen 80;\n    server_name example.com;\n    location / {\n        uwsgi_pass unix:/run/app.sock;\n    }\n}\n';

describe('sniffNginx', () => {
  it('is sure of nginx.conf, *.nginx.conf and files in sites-*/conf.d', () => {
    expect(sniffNginx('/etc/nginx/nginx.conf', '')).toBe(1);
    expect(sniffNginx('/x/app.nginx.conf', 'anything')).toBe(1);
    expect(sniffNginx('/etc/nginx/sites-enabled/default', server)).toBe(1);
    expect(sniffNginx('/etc/nginx/sites-available/app', '')).toBe(1);
    expect(sniffNginx('/etc/nginx/conf.d/app.conf', server)).toBe(1);
  });

  it('scores *.conf by content', () => {
    expect(sniffNginx('/repo/deploy/mysite_nginx.conf', server)).toBeGreaterThanOrEqual(0.9);
    expect(sniffNginx('/repo/deploy/upstream.conf', 'upstream django {\n    server 127.0.0.1:8001;\n}\n')).toBeGreaterThanOrEqual(0.9);
    expect(sniffNginx('/repo/proxy.conf', 'proxy_set_header Host $host;\nproxy_set_header X-Real-IP $remote_addr;\n')).toBeGreaterThanOrEqual(0.5);
  });

  it('says no to ini files and Python, even in conf.d', () => {
    const ini = '[program:app]\ncommand=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini\nautostart=true\n';
    expect(sniffNginx('/etc/supervisor/conf.d/app.conf', ini)).toBe(0);
    expect(sniffNginx('/repo/supervisord.conf', '[supervisord]\nnodaemon=true\n')).toBe(0);
    expect(sniffNginx('/repo/uwsgi.ini', '[uwsgi]\nsocket = :8001\n')).toBe(0);
    expect(sniffNginx('/repo/gunicorn.conf', 'import multiprocessing\nbind = "0.0.0.0:8000"\n')).toBe(0);
    expect(sniffNginx('/repo/settings.py', 'DEBUG = True\n')).toBe(0);
    expect(sniffNginx('/repo/x.conf', 'key = value\nother = 1\n')).toBe(0);
    expect(sniffNginx('/repo/empty.conf', '')).toBe(0);
  });
});
