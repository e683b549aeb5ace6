/**
 * Temporary directories for the nginx parity suite: the FACTS experiments with their
 * `/srv/facts` paths rewritten, and seed directories holding the files a Debian
 * /etc/nginx provides (mime.types, uwsgi_params, …) so relative includes resolve.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPERIMENTS } from '../../helpers/paths.js';

/** Copy a tree, making everything writable (the shared tree is read-only). */
export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
  const chmod = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) chmod(path.join(p, e));
  };
  chmod(to);
}

/**
 * The experiments tree under `root`, `/srv/facts/` rewritten to `root/` in every text
 * file, and the `logs/` directories the experiments' error_log lines expect.
 */
export function prepareExperiments(root: string): string {
  const dest = path.join(root, 'facts');
  copyTree(EXPERIMENTS, dest);
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const buf = fs.readFileSync(p);
        if (buf.includes(0)) continue;
        const text = buf.toString('utf8');
        if (text.includes('/srv/facts/')) fs.writeFileSync(p, text.replaceAll('/srv/facts/', dest + '/'));
      }
    }
  };
  walk(dest);
  for (const q of fs.readdirSync(path.join(dest, 'nginx'))) {
    const qd = path.join(dest, 'nginx', q);
    if (fs.statSync(qd).isDirectory()) fs.mkdirSync(path.join(qd, 'logs'), { recursive: true });
  }
  return dest;
}

const ETC_NGINX_FILES = ['mime.types', 'uwsgi_params', 'fastcgi_params', 'fastcgi.conf', 'scgi_params', 'proxy_params', 'koi-utf', 'koi-win', 'win-utf'];

/** Give a directory the files of the Debian package's /etc/nginx that configs include by relative name. */
export function provideEtcNginx(dir: string): void {
  for (const f of ETC_NGINX_FILES) {
    const src = path.join('/etc/nginx', f);
    if (fs.existsSync(src)) fs.copyFileSync(src, path.join(dir, f));
  }
  if (fs.existsSync('/etc/nginx/snippets')) copyTree('/etc/nginx/snippets', path.join(dir, 'snippets'));
}

/** Main files that put a server-level or http-level file where it belongs. */
export type SeedMode = 'main' | 'http' | 'server';

export function wrapper(mode: Exclude<SeedMode, 'main'>, include: string): string {
  if (mode === 'http') return `events {}\nhttp {\n    include mime.types;\n    include ${include};\n}\n`;
  return `events {}\nhttp {\n    include mime.types;\n    server {\n        listen 127.0.0.1:18999;\n        include ${include};\n    }\n}\n`;
}
