/**
 * Loading: include resolution as nginx does it (FACTS §3, experiment q3), cycles, one parse
 * per file, the path map, and which candidates are configs of their own.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, type StackConfig } from '../../../src/core/config.js';
import { FsView, type PathMapping } from '../../../src/core/fs.js';
import type { NginxConfig, NginxDirective, NginxFile, NginxNode } from '../../../src/parsers/nginx/ast.js';
import { NginxLoader, pathGlobMatches, snippetPrefix } from '../../../src/parsers/nginx/loader.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-ngx-')));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(rel.endsWith('/') ? p : path.dirname(p), { recursive: true });
    if (rel.endsWith('/')) continue;
    fs.writeFileSync(p, typeof text === 'string' ? text.replaceAll('{{dir}}', dir) : text);
  }
  return dir;
}

function load(
  dir: string,
  candidates: string[],
  opts: { map?: PathMapping[]; hostChecks?: boolean; config?: (c: StackConfig) => void } = {},
) {
  const fsView = new FsView(opts.map ?? [], opts.hostChecks ?? true);
  const config = defaultConfig(dir);
  opts.config?.(config);
  const loader = new NginxLoader({ fs: fsView, config });
  const sources = candidates.map((c) => {
    const r = fsView.read(path.join(dir, c));
    if (!r.ok) throw new Error(r.message);
    return r.source;
  });
  const configs = loader.load(sources);
  return { configs, loader, dir };
}

function directivesIn(nodes: NginxNode[], name: string): NginxDirective[] {
  const out: NginxDirective[] = [];
  const stack = [nodes];
  while (stack.length) {
    for (const n of stack.shift()!) {
      if (n.type !== 'directive') continue;
      if (n.name === name) out.push(n);
      if (n.block) stack.push(n.block.children);
    }
  }
  return out;
}

const rel = (dir: string, f: NginxFile) => path.relative(dir, f.source.path);
const problems = (c: NginxConfig) => c.problems.map((p) => `${p.ruleId}: ${p.message}`);

describe('include resolution (FACTS §3)', () => {
  it('joins relative paths to the main config directory, not the including file', () => {
    const dir = tree({
      'conf/nginx.conf': 'events {}\nhttp { include sites/*.conf; }\n',
      'conf/sites/a.conf': 'server { include snippets/common.conf; }\n',
      'conf/sites/snippets/common.conf': 'decoy garbage {\n',
      'conf/snippets/common.conf': 'listen 80;\n',
    });
    const { configs } = load(dir, ['conf/nginx.conf']);
    expect(configs).toHaveLength(1);
    expect(configs[0]!.files.map((f) => rel(dir, f))).toEqual(['conf/nginx.conf', 'conf/sites/a.conf', 'conf/snippets/common.conf']);
    const inc = directivesIn(configs[0]!.files[1]!.children, 'include')[0]!;
    expect(inc.include).toMatchObject({ pattern: 'snippets/common.conf', resolved: `${dir}/conf/snippets/common.conf`, isGlob: false, cycles: [] });
    expect(problems(configs[0]!)).toEqual([]);
  });

  it('sorts glob matches bytewise, skips dotfiles, treats a match-less glob as fine', () => {
    const dir = tree({
      'nginx.conf': 'http { include order/*.conf; include nodir/*.conf; include sites/[ab].con?; }\n',
      'order/10.conf': '',
      'order/2.conf': '',
      'order/B.conf': '',
      'order/_x.conf': '',
      'order/a.conf': '',
      'order/.hidden.conf': 'garbage',
      'sites/a.conf': '',
      'sites/c.conf': '',
    });
    const { configs } = load(dir, ['nginx.conf']);
    const [order, nodir, qmark] = directivesIn(configs[0]!.main.children, 'include');
    expect(order!.include!.files.map((f) => path.basename(f.source.path))).toEqual(['10.conf', '2.conf', 'B.conf', '_x.conf', 'a.conf']);
    expect(order!.include!.isGlob).toBe(true);
    expect(nodir!.include!.files).toEqual([]);
    expect(qmark!.include!.files.map((f) => rel(dir, f))).toEqual(['sites/a.conf']);
    expect(problems(configs[0]!)).toEqual([]);
  });

  it('reports a missing literal file in nginx words, at the argument; no brace expansion', () => {
    const dir = tree({ 'nginx.conf': 'http {\n    include nonexistent/file.conf;\n    include "sites/{a,b}.conf";\n}\n', 'sites/a.conf': '' });
    const { configs } = load(dir, ['nginx.conf']);
    const c = configs[0]!;
    expect(problems(c)).toEqual([
      `nginx/include-not-found: open() "${dir}/nonexistent/file.conf" failed (2: No such file or directory)`,
      `nginx/include-not-found: open() "${dir}/sites/{a,b}.conf" failed (2: No such file or directory)`,
    ]);
    const p = c.problems[0]!;
    expect(p.at.source.text.slice(p.at.start, p.at.end)).toBe('nonexistent/file.conf;');
    expect(p.severity).toBeUndefined();
  });

  it('a directory (literal, or matched by a glob) is a pread() error', () => {
    const dir = tree({ 'nginx.conf': 'include d;\ninclude g/*;\n', 'd/x': '', 'g/a.conf': '', 'g/sub/': '' });
    const { configs } = load(dir, ['nginx.conf']);
    expect(problems(configs[0]!)).toEqual([
      `nginx/include-not-found: pread() "${dir}/d" failed (21: Is a directory)`,
      `nginx/include-not-found: pread() "${dir}/g/sub" failed (21: Is a directory)`,
    ]);
    expect(directivesIn(configs[0]!.main.children, 'include')[1]!.include!.files.map((f) => rel(dir, f))).toEqual(['g/a.conf']);
  });

  it('does not glob inside geo, nor include inside split_clients', () => {
    const dir = tree({ 'nginx.conf': 'http { geo $g { include g*.conf; } split_clients $x $y { include 50%; } }\n', 'g1.conf': '' });
    const { configs } = load(dir, ['nginx.conf']);
    const [geo, split] = directivesIn(configs[0]!.main.children, 'include');
    expect(geo!.include).toMatchObject({ isGlob: false, files: [] });
    expect(split!.include).toBeUndefined();
    expect(problems(configs[0]!)).toEqual([`nginx/include-not-found: open() "${dir}/g*.conf" failed (2: No such file or directory)`]);
  });

  it('a glob pattern that cannot match anything is no error', () => {
    const dir = tree({ 'nginx.conf': 'include x[z-a].conf;\n' });
    const { configs } = load(dir, ['nginx.conf']);
    expect(problems(configs[0]!)).toEqual([]);
  });

  it('reports an unreadable (binary) include at the include site', () => {
    const dir = tree({ 'nginx.conf': 'include bin.conf;\n', 'bin.conf': Buffer.from([0x6c, 0, 0x01]) });
    const { configs } = load(dir, ['nginx.conf']);
    expect(problems(configs[0]!)).toEqual([`nginx/include-unreadable: included file "${dir}/bin.conf" is binary (it contains NUL bytes), not an nginx configuration`]);
  });

  it('stays silent about missing files with --no-fs unless the path is mapped', () => {
    const dir = tree({ 'nginx.conf': 'include /etc/nginx-nope/x.conf;\ninclude /srv/mapped/y.conf;\n', 'local/': '' });
    const { configs } = load(dir, ['nginx.conf'], { hostChecks: false, map: [{ from: '/srv/mapped', to: path.join(dir, 'local') }] });
    expect(problems(configs[0]!)).toEqual([`nginx/include-not-found: open() "/srv/mapped/y.conf" failed (2: No such file or directory)`]);
  });
});

describe('include cycles', () => {
  it('a file including itself', () => {
    const dir = tree({ 'nginx.conf': 'http { include conf.d/*.conf; }\n', 'conf.d/default.conf': 'server { }\ninclude conf.d/*.conf;\n' });
    const { configs } = load(dir, ['nginx.conf']);
    const c = configs[0]!;
    expect(problems(c)).toEqual([`nginx/include-cycle: "${dir}/conf.d/default.conf" includes itself`]);
    expect(c.problems[0]!.at.source.path).toBe(`${dir}/conf.d/default.conf`);
    const inc = directivesIn(c.files[1]!.children, 'include')[0]!;
    expect(inc.include!.cycles).toEqual([`${dir}/conf.d/default.conf`]);
    expect(inc.include!.files).toEqual([]);
  });

  it('a loop through two files is reported once, with the include that starts it', () => {
    const dir = tree({ 'nginx.conf': 'include a.conf;\ninclude b.conf;\n', 'a.conf': '\ninclude b.conf;\n', 'b.conf': 'include a.conf;\n' });
    const { configs } = load(dir, ['nginx.conf']);
    const c = configs[0]!;
    expect(problems(c)).toEqual([`nginx/include-cycle: include cycle: "${dir}/a.conf" → "${dir}/b.conf" → "${dir}/a.conf"`]);
    const p = c.problems[0]!;
    expect(p.at.source.path).toBe(`${dir}/b.conf`);
    expect(p.related!.map((r) => [r.at.source.path, r.at.source.positionAt(r.at.start).line, r.message])).toEqual([
      [`${dir}/a.conf`, 2, 'the loop starts with this include'],
    ]);
    expect(c.files.map((f) => rel(dir, f))).toEqual(['nginx.conf', 'a.conf', 'b.conf']);
  });
});

describe('each file is read and parsed once per run', () => {
  it('1,000 include sites of one file share one parsed file', () => {
    const servers = Array.from({ length: 1000 }, (_, i) => `server { listen ${8000 + i}; include common.conf; }`).join('\n');
    const dir = tree({ 'nginx.conf': `events {}\nhttp {\n${servers}\n}\n`, 'common.conf': 'include uwsgi_params;\n', 'uwsgi_params': 'uwsgi_param A b;\n' });
    const { configs, loader } = load(dir, ['nginx.conf']);
    const sites = directivesIn(configs[0]!.main.children, 'include');
    expect(sites).toHaveLength(1000);
    const first = sites[0]!.include!.files[0]!;
    expect(sites.every((s) => s.include!.files.length === 1 && s.include!.files[0] === first)).toBe(true);
    expect(loader.parseCount).toBe(3);
    expect(configs[0]!.files.map((f) => rel(dir, f))).toEqual(['nginx.conf', 'common.conf', 'uwsgi_params']);
  });

  it('include sites with the same resolved targets share their resolution; a site in a loop keeps its own', () => {
    const dir = tree({
      'nginx.conf': 'include a.conf;\ninclude a.conf;\ninclude a.conf;\n',
      'a.conf': 'include a.conf;\ninclude missing.conf;\ninclude missing.conf;\n',
    });
    const { configs } = load(dir, ['nginx.conf']);
    const [first, second, third] = directivesIn(configs[0]!.main.children, 'include').map((d) => d.include!);
    // The first site descends into a.conf, whose own `include a.conf;` closes a loop.
    expect(first!.files.map((f) => rel(dir, f))).toEqual(['a.conf']);
    expect(second).toBe(first);
    expect(third).toBe(first);
    const [loop, missing1, missing2] = directivesIn(configs[0]!.files[1]!.children, 'include').map((d) => d.include!);
    expect(loop!.cycles).toEqual([`${dir}/a.conf`]);
    expect(loop).not.toBe(first);
    // Unreadable targets are reported at every site (nothing shared there).
    expect(missing1).not.toBe(missing2);
    expect(problems(configs[0]!).filter((p) => p.includes('missing.conf'))).toHaveLength(2);
  });

  it('files shared by two configs are parsed once', () => {
    const dir = tree({
      'a/nginx.conf': 'events {}\nhttp { include /{{dir}}/shared.conf; }\n',
      'b/nginx.conf': 'events {}\nhttp { include /{{dir}}/shared.conf; }\n',
      'shared.conf': 'server { }\n',
    });
    const { configs, loader } = load(dir, ['a/nginx.conf', 'b/nginx.conf']);
    expect(configs).toHaveLength(2);
    expect(configs[0]!.files[1]).toBe(configs[1]!.files[1]);
    expect(loader.parseCount).toBe(3);
  });
});

describe('path map', () => {
  it('reads deployed paths from their local copies; relative includes use the deployed main directory', () => {
    const dir = tree({
      'deploy/nginx/nginx.conf': 'events {}\nhttp { include /etc/nginx/sites-enabled/*; include mime.types; }\n',
      'deploy/nginx/sites-enabled/app': 'server { include snippets/ssl.conf; }\n',
      'deploy/nginx/snippets/ssl.conf': 'ssl_protocols TLSv1.2;\n',
      'deploy/nginx/mime.types': 'types { }\n',
    });
    const map = [{ from: '/etc/nginx', to: path.join(dir, 'deploy/nginx') }];
    const { configs } = load(dir, ['deploy/nginx/nginx.conf', 'deploy/nginx/sites-enabled/app', 'deploy/nginx/snippets/ssl.conf'], { map });
    expect(configs).toHaveLength(1);
    const c = configs[0]!;
    expect(problems(c)).toEqual([]);
    expect(c.files.map((f) => f.source.deployedPath)).toEqual([
      '/etc/nginx/nginx.conf',
      '/etc/nginx/sites-enabled/app',
      '/etc/nginx/mime.types',
      '/etc/nginx/snippets/ssl.conf',
    ]);
    const ssl = directivesIn(c.files[1]!.children, 'include')[0]!;
    expect(ssl.include!.resolved).toBe('/etc/nginx/snippets/ssl.conf');
  });
});

describe('candidates', () => {
  it('files included by another candidate are not configs of their own; main-like files go first', () => {
    const dir = tree({
      'etc/sites-enabled/a.conf': 'server { listen 80; }\n',
      'etc/sites-enabled/b.conf': 'server { listen 81; include snippets/x.conf; }\n',
      'etc/snippets/x.conf': 'location /x { }\n',
      'etc/nginx.conf': 'events {}\nhttp { include sites-enabled/a.conf; }\n',
    });
    const { configs } = load(dir, ['etc/sites-enabled/a.conf', 'etc/sites-enabled/b.conf', 'etc/snippets/x.conf', 'etc/nginx.conf']);
    expect(configs.map((c) => [rel(dir, c.main), c.rootContext])).toEqual([
      ['etc/nginx.conf', 'main'],
      ['etc/sites-enabled/b.conf', 'http'],
    ]);
    expect(configs[0]!.rootContextReason).toContain('"events"');
    // b.conf (Debian layout) resolves relative includes against the directory above sites-enabled.
    expect(configs[1]!.files.map((f) => rel(dir, f))).toEqual(['etc/sites-enabled/b.conf', 'etc/snippets/x.conf']);
    expect(problems(configs[1]!)).toEqual([]);
  });

  it('a symlinked site (sites-enabled → sites-available) is linted once, where nginx.conf includes it', () => {
    const dir = tree({
      'etc/nginx.conf': 'events {}\nhttp { include sites-enabled/*; }\n',
      'etc/sites-available/default': 'server { listen 80; }\n',
      'etc/sites-enabled/': '',
    });
    fs.symlinkSync(path.join(dir, 'etc/sites-available/default'), path.join(dir, 'etc/sites-enabled/default'));
    const { configs } = load(dir, ['etc/nginx.conf', 'etc/sites-available/default', 'etc/sites-enabled/default']);
    expect(configs.map((c) => rel(dir, c.main))).toEqual(['etc/nginx.conf']);
    expect(configs[0]!.files.map((f) => rel(dir, f))).toEqual(['etc/nginx.conf', 'etc/sites-enabled/default']);
  });

  it('a snippet root that a later snippet includes is linted there', () => {
    const dir = tree({ 'x/first.conf': 'location /a { }\n', 'x/second.conf': 'server { include first.conf; }\n' });
    const { configs } = load(dir, ['x/first.conf', 'x/second.conf']);
    expect(configs.map((c) => rel(dir, c.main))).toEqual(['x/second.conf']);
  });

  it('takes the context of a snippet from nginx.contexts', () => {
    const dir = tree({ 'snippets/loc.conf': 'proxy_pass http://x;\n' });
    const { configs } = load(dir, ['snippets/loc.conf'], { config: (c) => (c.nginx.contexts = { 'snippets/*.conf': 'location' }) });
    expect(configs[0]!.rootContext).toBe('location');
    expect(configs[0]!.rootContextReason).toContain('"nginx.contexts"');
  });

  it('a snippet outside the Debian layout: missing relative includes are warnings; stock nginx files are not reported', () => {
    const dir = tree({ 'deploy/site.conf': 'server {\n  include uwsgi_params;\n  include extra/app.conf;\n}\n' });
    const { configs } = load(dir, ['deploy/site.conf']);
    const c = configs[0]!;
    expect(problems(c)).toEqual([`nginx/include-not-found: open() "${dir}/deploy/extra/app.conf" failed (2: No such file or directory)`]);
    expect(c.problems[0]!.severity).toBe('warning');
    expect(c.problems[0]!.hint).toContain('checked on its own');
  });
});

describe('helpers', () => {
  it('snippetPrefix follows the Debian layout', () => {
    expect(snippetPrefix('/etc/nginx/sites-enabled/app')).toEqual({ prefix: '/etc/nginx/', guessed: false });
    expect(snippetPrefix('/etc/nginx/conf.d/a.conf')).toEqual({ prefix: '/etc/nginx/', guessed: false });
    expect(snippetPrefix('/srv/app/deploy/nginx-site.conf')).toEqual({ prefix: '/srv/app/deploy/', guessed: true });
  });

  it('pathGlobMatches: name-only, relative suffix, absolute, **', () => {
    expect(pathGlobMatches('*.conf', '/a/b/c.conf')).toBe(true);
    expect(pathGlobMatches('snippets/*.conf', '/etc/nginx/snippets/ssl.conf')).toBe(true);
    expect(pathGlobMatches('snippets/*.conf', '/etc/nginx/snippets/x/ssl.conf')).toBe(false);
    expect(pathGlobMatches('/etc/**/ssl.conf', '/etc/nginx/snippets/ssl.conf')).toBe(true);
    expect(pathGlobMatches('/etc/*.conf', '/etc/nginx/ssl.conf')).toBe(false);
  });
});
