/**
 * Lex+parse timing and memory of the nginx front end on a generated config with 5,000
 * server blocks (~10.8 MB). Not a test: run `npx tsc -p . && node dist/scripts/perf-nginx-parse.js`.
 * Node's `--expose-gc` makes the heap figure exact.
 */
import { SourceFile } from '../src/core/source.js';
import { parseNginx } from '../src/parsers/nginx/parser.js';

export function generateBigConfig(servers = 5000): string {
  const out: string[] = ['user www-data;', 'worker_processes auto;', 'events { worker_connections 1024; }', 'http {', '    include mime.types;'];
  for (let i = 0; i < servers; i++) {
    out.push(`    # site ${i}: generated for the parser benchmark`);
    out.push('    server {');
    out.push(`        listen 80;`);
    out.push(`        listen [::]:80;`);
    out.push(`        server_name site${i}.example.com www.site${i}.example.com;`);
    out.push(`        root /srv/www/site${i}/public;`);
    out.push(`        access_log /var/log/nginx/site${i}.access.log combined;`);
    out.push(`        error_log /var/log/nginx/site${i}.error.log warn;`);
    out.push('        client_max_body_size 20m;');
    out.push('        client_body_timeout 30s; keepalive_timeout 65s; send_timeout 30s;');
    out.push(`        ssl_certificate /etc/letsencrypt/live/site${i}.example.com/fullchain.pem;`);
    out.push('        add_header X-Frame-Options "SAMEORIGIN" always;');
    out.push(`        add_header Content-Security-Policy "default-src 'self'; img-src 'self' data:; script-src 'self'" always;`);
    out.push('        location / {');
    out.push('            try_files $uri $uri/ @app;');
    out.push('        }');
    out.push('        location @app {');
    out.push('            include uwsgi_params;');
    out.push(`            uwsgi_pass unix:/run/uwsgi/site${i}.sock;`);
    out.push('            uwsgi_read_timeout 300s;');
    out.push('            uwsgi_param HTTP_X_FORWARDED_PROTO $scheme;');
    out.push('        }');
    out.push('        location /static/ {');
    out.push(`            alias /srv/www/site${i}/static/;`);
    out.push('            expires 30d;');
    out.push('            add_header Cache-Control "public, max-age=2592000";');
    out.push('        }');
    out.push('        location ~* \\.(?:png|jpe?g|gif|ico|svg|woff2?)$ {');
    out.push('            expires 7d;');
    out.push('            access_log off;');
    out.push('        }');
    out.push('        location = /robots.txt { return 200 "User-agent: *\\nDisallow: /admin/\\n"; }');
    out.push('        location /api/ {');
    out.push('            proxy_pass http://127.0.0.1:8000/;');
    out.push('            proxy_set_header Host $host;');
    out.push('            proxy_set_header X-Real-IP $remote_addr;');
    out.push('            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    out.push('            proxy_set_header X-Forwarded-Proto $scheme;');
    out.push('            proxy_http_version 1.1;');
    out.push('            proxy_set_header Upgrade $http_upgrade;');
    out.push('            proxy_set_header Connection "upgrade";');
    out.push('            proxy_read_timeout 120s; proxy_connect_timeout 5s; proxy_send_timeout 60s;');
    out.push('        }');
    out.push('        if ($request_method !~ ^(GET|HEAD|POST|PUT|DELETE)$) { return 405; }');
    out.push('        error_page 500 502 503 504 /50x.html;');
    out.push('        location = /50x.html { root /usr/share/nginx/html; internal; }');
    out.push('        gzip on; gzip_types text/plain text/css application/json application/javascript;');
    out.push('    }');
  }
  out.push('}');
  return out.join('\n') + '\n';
}

function main(): void {
  const text = generateBigConfig();
  const bytes = Buffer.byteLength(text);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  // One parse in a fresh process (what a lint run does), then repeated for stable timings.
  let t0 = performance.now();
  let parsed = parseNginx(new SourceFile('/bench/nginx.conf', text));
  const first = performance.now() - t0;
  if (parsed.file.problems.length) throw new Error(`unexpected problems: ${parsed.file.problems[0]!.message}`);
  const rssAfter = process.memoryUsage().rss;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const directives = count(parsed.file.children);
  const runs: number[] = [];
  for (let r = 0; r < 6; r++) {
    t0 = performance.now();
    parsed = parseNginx(new SourceFile('/bench/nginx.conf', text));
    runs.push(performance.now() - t0);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(`input: ${(bytes / 1e6).toFixed(1)} MB, ${directives} directives`);
  console.log(`lex+parse: first ${first.toFixed(0)} ms; repeated: median ${sorted[3]!.toFixed(0)} ms, best ${sorted[0]!.toFixed(0)} ms`);
  console.log(`tree: ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB of heap; RSS grew ${((rssAfter - rssBefore) / 1e6).toFixed(0)} MB during the first parse`);
}

function count(nodes: Array<{ type: string; block?: { children: unknown[] } | null }>): number {
  let n = 0;
  const stack = [nodes];
  while (stack.length) {
    for (const node of stack.pop()!) {
      if (node.type !== 'directive') continue;
      n++;
      if (node.block) stack.push(node.block.children as typeof nodes);
    }
  }
  return n;
}

if (process.argv[1]?.endsWith('perf-nginx-parse.js')) main();
