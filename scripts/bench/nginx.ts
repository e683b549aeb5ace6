/**
 * Generated nginx configs for the benchmark: N server blocks of about 80 lines each, in the
 * shape of a Django site (static/media aliases, uwsgi_pass with uwsgi_params, proxy_pass,
 * headers, if/return, regex locations) with an upstream per server. 5,000 servers ≈ 10.7 MB.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const UWSGI_PARAMS = [
  'QUERY_STRING $query_string',
  'REQUEST_METHOD $request_method',
  'CONTENT_TYPE $content_type',
  'CONTENT_LENGTH $content_length',
  'REQUEST_URI $request_uri',
  'PATH_INFO $document_uri',
  'DOCUMENT_ROOT $document_root',
  'SERVER_PROTOCOL $server_protocol',
  'REMOTE_ADDR $remote_addr',
  'REMOTE_PORT $remote_port',
  'SERVER_PORT $server_port',
  'SERVER_NAME $server_name',
]
  .map((p) => `uwsgi_param ${p};\n`)
  .join('');

function server(i: number): string {
  const site = `site${i}`;
  return `upstream ${site}_app {
    server 127.0.0.1:${10000 + (i % 50000)} max_fails=3 fail_timeout=30s;
    server unix:/run/uwsgi/${site}.sock backup;
    keepalive 16;
}

server {
    listen 80;
    listen [::]:80;
    server_name ${site}.example.com www.${site}.example.com;
    charset utf-8;
    client_max_body_size 20m;
    access_log /var/log/nginx/${site}.access.log;
    error_log /var/log/nginx/${site}.error.log warn;
    root /srv/${site}/public;
    index index.html;

    add_header X-Frame-Options "SAMEORIGIN" always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header Referrer-Policy "strict-origin-when-cross-origin" always;

    if ($host = 'www.${site}.example.com') {
        return 301 http://${site}.example.com$request_uri;
    }

    location /static/ {
        alias /srv/${site}/static/;
        expires 30d;
        access_log off;
    }

    location /media/ {
        alias /srv/${site}/media/;
        expires 7d;
    }

    location ~* \\.(?:png|jpe?g|gif|ico|svg|woff2?)$ {
        expires 30d;
        add_header Cache-Control "public";
        try_files $uri =404;
    }

    location ~ /\\.(?!well-known) {
        deny all;
    }

    location = /robots.txt {
        return 200 "User-agent: *\\nDisallow:\\n";
    }

    location /api/ {
        include uwsgi_params;
        uwsgi_pass ${site}_app;
        uwsgi_read_timeout 60s;
        uwsgi_param HTTP_X_REQUEST_ID $request_id;
    }

    location /admin/ {
        include uwsgi_params;
        uwsgi_pass ${site}_app;
        if ($request_method = POST) {
            set $admin_post 1;
        }
    }

    location /ws/ {
        proxy_pass http://127.0.0.1:${20000 + (i % 40000)};
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection "upgrade";
        proxy_set_header Host $host;
    }

    location / {
        include uwsgi_params;
        uwsgi_pass ${site}_app;
    }

    error_page 500 502 503 504 /50x.html;
    location = /50x.html {
        root /usr/share/nginx/html;
    }
}

`;
}

/** Write `nginx.conf` (+ `uwsgi_params`) with `servers` server blocks into `dir`; returns the main file. */
export function generateNginxConfig(dir: string, servers: number): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'uwsgi_params'), UWSGI_PARAMS);
  const parts: string[] = [
    'worker_processes auto;\npid /tmp/stacklint-bench-nginx.pid;\n\nevents {\n    worker_connections 1024;\n}\n\nhttp {\n    sendfile on;\n    keepalive_timeout 65;\n    default_type application/octet-stream;\n    server_names_hash_bucket_size 128;\n    server_names_hash_max_size 65536;\n\n',
  ];
  for (let i = 0; i < servers; i++) parts.push(server(i));
  parts.push('}\n');
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, parts.join(''));
  return file;
}
