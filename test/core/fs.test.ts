import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareBytewise, FsView, globSegmentToRegExp, parseMapping } from '../../src/core/fs.js';

let dir: string;
beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-fs-')));
  for (const f of ['a.conf', 'b.conf', '.hidden.conf', '10.conf', '2.conf', 'B.conf', '_x.conf', 'sub/c.conf']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), '');
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('FsView.glob', () => {
  it('matches like glob(3): no dotfiles, no braces, classes and ranges', () => {
    const v = new FsView();
    const names = (p: string) => v.glob(`${dir}/${p}`).map((f) => path.relative(dir, f)).sort(compareBytewise);
    expect(names('*.conf')).toEqual(['10.conf', '2.conf', 'B.conf', '_x.conf', 'a.conf', 'b.conf']);
    expect(names('.*.conf')).toEqual(['.hidden.conf']);
    expect(names('[ab].con?')).toEqual(['a.conf', 'b.conf']);
    expect(names('[!ab].conf')).toEqual(['2.conf', 'B.conf']);
    expect(names('{a,b}.conf')).toEqual([]);
    expect(names('*/c.conf')).toEqual(['sub/c.conf']);
    expect(names('nodir/*.conf')).toEqual([]);
    expect(names('[z-a].conf')).toEqual([]);
  });

  it('reads through a path map', () => {
    const v = new FsView([{ from: '/etc/nginx', to: dir }]);
    expect(v.glob('/etc/nginx/[ab].conf').sort()).toEqual(['/etc/nginx/a.conf', '/etc/nginx/b.conf']);
    expect(v.toLocal('/etc/nginx/sub/c.conf')).toBe(path.join(dir, 'sub/c.conf'));
    expect(v.toDeployed(path.join(dir, 'a.conf'))).toBe('/etc/nginx/a.conf');
    expect(v.toLocal('/etc/nginx2/x')).toBe('/etc/nginx2/x');
  });

  it('answers unknown for host paths under --no-fs', () => {
    expect(new FsView([], false).hostKindOf(dir)).toBe('unknown');
    expect(new FsView([], true).hostKindOf(dir)).toBe('directory');
    expect(new FsView([], true).hostKindOf(path.join(dir, 'missing'))).toBe('missing');
  });
});

describe('helpers', () => {
  it('sorts bytewise like C strcmp', () => {
    expect(['a', 'B', '_', '10', '2'].sort(compareBytewise)).toEqual(['10', '2', 'B', '_', 'a']);
  });
  it('parses --map specs', () => {
    expect(parseMapping('/etc/nginx/=deploy/nginx', '/repo')).toEqual({ from: '/etc/nginx', to: '/repo/deploy/nginx' });
    expect(parseMapping('etc=deploy', '/repo')).toBeUndefined();
    expect(parseMapping('/etc', '/repo')).toBeUndefined();
  });
  it('escapes regex metacharacters in glob segments', () => {
    expect(globSegmentToRegExp('a+b(1).conf').test('a+b(1).conf')).toBe(true);
    expect(globSegmentToRegExp('a.conf').test('abconf')).toBe(false);
  });
});
