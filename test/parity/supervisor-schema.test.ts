/**
 * The key schema (src/parsers/supervisor/schema.ts) against the installed supervisor: every
 * key that supervisor/options.py reads per section type (`get(section, 'key', …)`,
 * `get('key', …)`, `parser.getdefault('key', …)`, `parser.saneget(…)`), and the converter it
 * wraps the read in, extracted with Python's ast; plus the signal names, event types and log
 * levels supervisor accepts.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, LOG_LEVELS, SECTION_KEYS, SIGNALS } from '../../src/parsers/supervisor/schema.js';

const OPTIONS = '/usr/lib/python3/dist-packages/supervisor/options.py';

const EXTRACT = `
import ast, json, sys
src = open(sys.argv[1]).read()
tree = ast.parse(src)
GETTERS = {'get', 'saneget', 'getdefault'}

def getter_key(call):
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
    if name not in GETTERS:
        return None
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == 'kwargs':
        return None
    args = call.args
    const = lambda a: isinstance(a, ast.Constant) and isinstance(a.value, str)
    if args and const(args[0]):
        # get('key', default) in read_config; parser.get('include', 'files') is the [include] section
        return None if args[0].value == 'include' else args[0].value
    if len(args) > 1 and const(args[1]):
        return args[1].value        # get(section, 'key', ...)
    if len(args) > 1 and isinstance(args[1], ast.Name) and args[1].id in TEMPLATES:
        return TEMPLATES[args[1].id]   # lf_key = '%s_logfile' % k inside: for k in ('stdout', 'stderr')
    return None

# Keys built in loops: for k in ('stdout', 'stderr'): lf_key = '%s_logfile' % k
TEMPLATES = {}
LOOP_VALUES = []
for n in ast.walk(tree):
    if isinstance(n, ast.For) and isinstance(n.iter, ast.Tuple) and all(isinstance(e, ast.Constant) for e in n.iter.elts):
        vals = [e.value for e in n.iter.elts]
        for a in ast.walk(n):
            if isinstance(a, ast.Assign) and isinstance(a.value, ast.BinOp) and isinstance(a.value.op, ast.Mod) and isinstance(a.value.left, ast.Constant) and len(a.targets) == 1 and isinstance(a.targets[0], ast.Name):
                TEMPLATES[a.targets[0].id] = [a.value.left.value % v for v in vals]

def collect(node):
    """(key, converter) for every getter call under node; converter = the call wrapping it."""
    out = {}
    def visit(n, wrapper):
        if isinstance(n, ast.Call):
            k = getter_key(n)
            for key in (k if isinstance(k, list) else [k] if k is not None else []):
                out.setdefault(key, wrapper)
            fn = n.func.id if isinstance(n.func, ast.Name) else (n.func.attr if isinstance(n.func, ast.Attribute) else None)
            for c in ast.iter_child_nodes(n):
                visit(c, fn if fn not in GETTERS else wrapper)
            return
        for c in ast.iter_child_nodes(n):
            visit(c, None)
    visit(node, None)
    return out

funcs = {}
classes = {}
for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
    for fn in [n for n in cls.body if isinstance(n, ast.FunctionDef)]:
        funcs[cls.name + '.' + fn.name] = fn

result = {}
def put(kind, keys):
    d = result.setdefault(kind, {})
    for k, v in keys.items():
        d.setdefault(k, v)

put('supervisord', collect(funcs['ServerOptions.read_config']))
put('supervisorctl', collect(funcs['ClientOptions.read_config']))
put('program', collect(funcs['ServerOptions._processes_from_section']))
# process_groups_from_parser: one loop per section prefix.
for loop in [n for n in funcs['ServerOptions.process_groups_from_parser'].body if isinstance(n, ast.For)]:
    prefix = None
    for n in ast.walk(loop):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == 'startswith' and n.args and isinstance(n.args[0], ast.Constant):
            prefix = n.args[0].value
            break
    put(prefix.rstrip(':'), collect(loop))
up = collect(funcs['ServerOptions._parse_username_and_password'])
servers = funcs['ServerOptions.server_configs_from_parser']
for loop in [n for n in servers.body if isinstance(n, ast.For)]:
    kind = 'inet_http_server' if any(isinstance(n, ast.Constant) and n.value == 'port' for n in ast.walk(loop)) else 'unix_http_server'
    put(kind, collect(loop))
    put(kind, up)
# [include] files (read with parser.get in read_config)
result.setdefault('include', {})['files'] = None
print(json.dumps(result))
`;

/** Our converter names as options.py calls them (None = a plain string, or converted later). */
const PY_NAME: Record<string, string | null> = {
  integer: 'integer',
  boolean: 'boolean',
  auto_restart: 'auto_restart',
  signal_number: 'signal_number',
  list_of_exitcodes: 'list_of_exitcodes',
  byte_size: 'byte_size',
  octal_type: 'octal_type',
  logging_level: 'logging_level',
  existing_dirpath: 'existing_dirpath',
  existing_directory: 'existing_directory',
  process_or_group_name: 'process_or_group_name',
  list_of_strings: 'list_of_strings',
  event_names: 'list_of_strings',
};

describe.skipIf(!fs.existsSync(OPTIONS))('supervisor parity: key schema vs options.py', () => {
  const r = spawnSync('/usr/bin/python3', ['-c', EXTRACT, OPTIONS], { encoding: 'utf8' });
  const extracted = JSON.parse(r.stdout || '{}') as Record<string, Record<string, string | null>>;

  it('reads the same keys per section type', () => {
    expect(r.status, r.stderr).toBe(0);
    const sectionOf: Record<string, keyof typeof SECTION_KEYS> = {
      supervisord: 'supervisord',
      supervisorctl: 'supervisorctl',
      program: 'program',
      group: 'group',
      eventlistener: 'eventlistener',
      'fcgi-program': 'fcgi-program',
      inet_http_server: 'inet_http_server',
      unix_http_server: 'unix_http_server',
      include: 'include',
    };
    for (const [pyKind, keys] of Object.entries(extracted)) {
      const ours = SECTION_KEYS[sectionOf[pyKind]!];
      expect(ours, pyKind).toBeDefined();
      let expected = Object.keys(keys);
      // eventlistener and fcgi-program sections also go through _processes_from_section.
      if (pyKind === 'eventlistener' || pyKind === 'fcgi-program') expected = [...expected, ...Object.keys(extracted.program!)];
      expect(Object.keys(ours).sort(), pyKind).toEqual([...new Set(expected)].sort());
    }
  });

  it('uses the same converters where options.py wraps the read in one', () => {
    for (const [pyKind, keys] of Object.entries(extracted)) {
      const ours = SECTION_KEYS[pyKind as keyof typeof SECTION_KEYS];
      for (const [key, conv] of Object.entries(keys)) {
        if (!conv || !(conv in PY_NAME)) continue;
        expect(`${pyKind}.${key}: ${PY_NAME[ours[key]!.converter] ?? ours[key]!.converter}`).toBe(`${pyKind}.${key}: ${conv}`);
      }
    }
  });

  it('knows the same signals, event types and log levels', () => {
    const py = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        `import json, signal
from supervisor.events import EventTypes
from supervisor.loggers import LevelsByDescription
print(json.dumps({
  "signals": {k: int(getattr(signal, k)) for k in dir(signal) if k.startswith("SIG") and k.isupper()},
  "events": sorted(k for k in dir(EventTypes) if not k.startswith("_")),
  "levels": sorted(k for k in vars(LevelsByDescription) if not k.startswith("_")),
}))`,
      ],
      { encoding: 'utf8' },
    );
    const got = JSON.parse(py.stdout) as { signals: Record<string, number>; events: string[]; levels: string[] };
    expect(SIGNALS).toEqual(got.signals);
    expect([...EVENT_TYPES].sort()).toEqual(got.events);
    expect([...LOG_LEVELS].sort()).toEqual(got.levels);
  });
});
