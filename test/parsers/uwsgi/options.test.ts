/**
 * The generated option table (data/uwsgi/options.json): the figures of uWSGI 2.0.21, the
 * generator reproduces the committed file, and the options Debian's binary knows
 * (FACTS §10: `uwsgi --help` with no plugin, with python3, with http; saved lists in
 * shared/facts/experiments/uwsgi/help-*.txt) are exactly the table's entries for them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { debianCondition, formatTable, generate } from '../../../scripts/gen-uwsgi-options.js';
import { ALL_OPTION_NAMES, aliasesOf, getoptTable, OPTION_TABLE, optionEntries, optionInfo, pluginDir } from '../../../src/parsers/uwsgi/options.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const UPSTREAM = '/work/upstream/uwsgi-2.0.21';
const HELP = path.resolve(ROOT, '../shared/facts/experiments/uwsgi');

function namesOf(plugin: string): Set<string> {
  const out = new Set<string>();
  for (const name of ALL_OPTION_NAMES) if (optionEntries(name)!.some((e) => e.plugin === plugin && e.debian !== false)) out.add(name);
  return out;
}

function helpList(file: string): Set<string> {
  return new Set(
    fs
      .readFileSync(path.join(HELP, file), 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

describe('uWSGI option table', () => {
  it('has the figures of uWSGI 2.0.21', () => {
    const f = OPTION_TABLE.figures as Record<string, unknown>;
    expect(f.tables).toBe(54);
    // FACTS §10: 1,250 names / 1,252 entries over the C sources (mime-file/mimefile twice: __APPLE__ / #else)…
    expect(f.entriesC).toBe(1252);
    expect(f.distinctNamesC).toBe(1250);
    // …and the two C++ plugin tables (v8: 5, gridfs: 2) add 7.
    expect(f.entries).toBe(1259);
    expect(f.distinctNames).toBe(1257);
    expect(f.coreNames).toBe(788);
    expect(OPTION_TABLE.tables.filter((t) => /\.(cc|cpp)$/.test(t.file)).map((t) => [t.plugin, t.entries])).toEqual([
      ['gridfs', 2],
      ['v8', 5],
    ]);
    const py = OPTION_TABLE.tables.find((t) => t.plugin === 'python')!;
    const http = OPTION_TABLE.tables.find((t) => t.plugin === 'http')!;
    expect([py.entries, http.entries]).toEqual([68, 49]);
  });

  it('decodes entries: argument kind, short option, parser kind, flags, data', () => {
    expect(optionInfo('socket')).toMatchObject({ plugin: 'core', takesArgument: 'required', short: 's', parser: 'uwsgi_opt_add_socket', kind: 'socket', data: 'NULL' });
    expect(optionInfo('http-socket')).toMatchObject({ kind: 'socket', data: '"http"' });
    expect(optionInfo('http')).toMatchObject({ plugin: 'http', parser: 'uwsgi_opt_corerouter', kind: 'router' });
    expect(optionInfo('master')).toMatchObject({ takesArgument: 'no', short: 'M', kind: 'bool' });
    expect(optionInfo('threads')?.flags).toEqual(['UWSGI_OPT_THREADS']);
    expect(optionInfo('buffer-size')).toMatchObject({ short: 'b', kind: 'int16' });
    expect(optionInfo('limit-as')?.kind).toBe('megabytes');
    expect(optionInfo('max-requests')?.kind).toBe('int64');
    expect(optionInfo('strict')?.flags).toEqual(['UWSGI_OPT_IMMEDIATE']);
    expect(optionInfo('chmod-socket')?.takesArgument).toBe('optional');
    expect(optionInfo('env')?.kind).toBe('list');
    expect(optionInfo('module')).toMatchObject({ plugin: 'python', short: 'w', kind: 'string' });
    expect(optionInfo('disable-logging')?.kind).toBe('bool-inverted');
    expect(optionInfo('mime-file')).toMatchObject({ ifdef: '!(__APPLE__)' });
    expect(optionEntries('jail')![0]).toMatchObject({ ifdef: 'defined(__FreeBSD__) || defined(__GNU_kFreeBSD__)', debian: false });
  });

  it('groups aliases by the variable they write', () => {
    expect(aliasesOf('workers')).toEqual(['processes', 'workers']);
    expect(aliasesOf('venv')).toEqual(['home', 'virtualenv', 'venv', 'pyhome']);
    expect(aliasesOf('wsgi')).toEqual(['module', 'wsgi']);
    expect(aliasesOf('chmod')).toEqual(['chmod-socket', 'chmod']);
    expect(aliasesOf('socket')).toEqual(['socket']);
  });

  it('maps plugin names to their source directory', () => {
    expect(['python3', 'python311', '0:python3', '/usr/lib/uwsgi/plugins/python3_plugin.so', 'gevent_python3', 'http'].map(pluginDir)).toEqual([
      'python',
      'python',
      'python',
      'python',
      'gevent',
      'http',
    ]);
  });

  it('builds getopt tables per loaded plugin set', () => {
    const core = getoptTable([]);
    expect(core.byName.has('wsgi-file')).toBe(false);
    expect(core.short.get('s')).toEqual({ name: 'socket', hasArg: 'required' });
    expect(core.short.get('C')).toEqual({ name: 'chmod-socket', hasArg: 'optional' });
    const py = getoptTable(['python']);
    expect(py.byName.get('wsgi-file')?.hasArg).toBe('required');
    expect(py.short.get('w')?.name).toBe('module');
  });

  it('evaluates #if conditions for Debian', () => {
    expect(debianCondition('UWSGI_SSL')).toBe(true);
    expect(debianCondition('__APPLE__')).toBe(false);
    expect(debianCondition('!(__APPLE__)')).toBe(true);
    expect(debianCondition('(defined(__FreeBSD__) || defined(__GNU_kFreeBSD__)) && UWSGI_HAS_FREEBSD_LIBJAIL')).toBe(false);
    expect(debianCondition('UWSGI_SSL && UWSGI_SSL_SESSION_CACHE')).toBe(false);
    expect(debianCondition('LDAP_API_VERSION >= 3000')).toBe(true);
  });

  it.skipIf(!fs.existsSync(path.join(HELP, 'help-core.txt')))("matches the Debian binary's --help lists (core 776, python3 68, http 49)", () => {
    const core = helpList('help-core.txt');
    const python3 = new Set([...helpList('help-python3.txt')].filter((n) => !core.has(n)));
    const http = new Set([...helpList('help-http.txt')].filter((n) => !core.has(n)));
    expect(core.size).toBe(776);
    expect([...namesOf('core')].sort()).toEqual([...core].sort());
    expect(python3.size).toBe(68);
    expect([...namesOf('python')].sort()).toEqual([...python3].sort());
    expect(http.size).toBe(49);
    expect([...namesOf('http')].sort()).toEqual([...http].sort());
  });

  it.skipIf(!fs.existsSync(UPSTREAM))('is what the generator makes from the uWSGI source', () => {
    const table = generate(UPSTREAM);
    const committed = fs.readFileSync(path.join(ROOT, 'data/uwsgi/options.json'), 'utf8');
    expect(formatTable(table)).toBe(committed);
  });
  it('has getopt rows that agree with the entries (core first, then loaded plugins)', () => {
    for (const plugins of [[], ['python', 'http'], ['python', 'gevent', 'router_cache']]) {
      const expected: Array<{ name: string; hasArg: string }> = [];
      const loaded = new Set(plugins);
      for (const core of [true, false]) {
        for (const name of ALL_OPTION_NAMES) {
          for (const e of optionEntries(name)!) {
            if (e.debian === false || (e.plugin === 'core') !== core || (!core && !loaded.has(e.plugin))) continue;
            expected.push({ name, hasArg: e.takesArgument });
          }
        }
      }
      expect(getoptTable(plugins).long).toEqual(expected);
    }
    expect(getoptTable([]).short.get('s')).toEqual({ name: 'socket', hasArg: 'required' });
  });
});
