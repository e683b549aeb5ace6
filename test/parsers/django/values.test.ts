import { describe, expect, it } from 'vitest';
import { abspath, dirname, joinPath, normpath, pathJoin, pathParent, purePath } from '../../../src/parsers/django/values.js';

// Expected values are Python 3.11's (posixpath / pathlib.PurePosixPath).
describe('posixpath and PurePosixPath', () => {
  it('normpath', () => {
    const cases: Array<[string, string]> = [
      ['', '.'], ['/', '/'], ['//', '//'], ['///', '/'], ['a/./b/', 'a/b'], ['a/../../b', '../b'], ['/../x', '/x'], ['//a//b/..', '//a'], ['./', '.'],
    ];
    for (const [i, o] of cases) expect(normpath(i), i).toBe(o);
  });
  it('join, dirname, abspath', () => {
    expect(joinPath('/a', 'b', '/c', 'd')).toBe('/c/d');
    expect(joinPath('a/', 'b')).toBe('a/b');
    expect(joinPath('', 'b')).toBe('b');
    expect(dirname('/a/b/')).toBe('/a/b');
    expect(dirname('//x')).toBe('//');
    expect(dirname('a')).toBe('');
    expect(abspath('/a/b/../c/')).toBe('/a/c');
    expect(abspath('rel')).toBeUndefined();
    expect(abspath('rel', '/srv')).toBe('/srv/rel');
  });
  it('PurePosixPath', () => {
    const cases: Array<[string, string]> = [
      ['', '.'], ['.', '.'], ['/', '/'], ['//', '//'], ['///a', '/a'], ['//a/b', '//a/b'], ['a//b/./c/', 'a/b/c'], ['./a', 'a'], ['a/..', 'a/..'], ['/x/', '/x'], ['a/.', 'a'],
    ];
    for (const [i, o] of cases) expect(purePath(i), i).toBe(o);
    expect(pathJoin('/a', 'b')).toBe('/a/b');
    expect(pathJoin('.', 'b')).toBe('b');
    expect(pathJoin('/', 'b')).toBe('/b');
    expect(pathJoin('/a', '/b')).toBe('/b');
    expect(pathJoin('/a', 'b/../c/')).toBe('/a/b/../c');
    expect(pathJoin('/a', '..')).toBe('/a/..');
    expect(pathParent('/a/b')).toBe('/a');
    expect(pathParent('/a')).toBe('/');
    expect(pathParent('a')).toBe('.');
    expect(pathParent('//a')).toBe('//');
    expect(pathParent('/')).toBe('/');
  });
});
