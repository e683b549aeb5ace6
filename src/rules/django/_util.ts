/**
 * Helpers shared by the Django rules: where a finding points, how a setting is worded in a
 * message ("STATIC_ROOT = BASE_DIR / 'static' = /opt/mysite/static"), and what it rests on.
 */
import type { Report } from '../../core/diagnostic.js';
import type { Span } from '../../core/source.js';
import { settingValue, type DjangoSettings, type SettingLookup } from '../../parsers/django/index.js';
import { abspath, isAbs, normpath, truthy, type Value } from '../../parsers/django/values.js';

/** `NAME = expression = value`, or `NAME is not set (Django's default: value)`. */
export function wording(name: string, l: SettingLookup, shown?: string): string {
  if (l.setting) return `${name} = ${l.setting.derivation}`;
  return `${name} is not set (Django's default: ${shown ?? defaultText(l)})`;
}

function defaultText(l: SettingLookup): string {
  const v = l.value;
  switch (v.k) {
    case 'none':
      return 'None';
    case 'str':
      return `'${v.v}'`;
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'list':
      return '[]';
    default:
      return '?';
  }
}

/** Where a finding about a setting points: its value, else the top of the settings module. */
export function spanOf(s: DjangoSettings, l: SettingLookup): Span {
  if (l.setting) return l.setting.at;
  return { source: s.root, start: 0, end: 0 };
}

/** Assumptions the value rests on (environment defaults taken…), as a hint suffix. */
export function assumptionsText(...ls: SettingLookup[]): string {
  const all = new Set<string>();
  for (const l of ls) for (const a of l.setting?.assumptions ?? []) all.add(a);
  if (all.size === 0) return '';
  return ` (This assumes: ${[...all].join('; ')}.)`;
}

/** Whether the value rests on an environment variable's default being taken. */
export function fromEnvDefault(l: SettingLookup): boolean {
  return (l.setting?.assumptions ?? []).some((a) => a.includes('is not set in the environment'));
}

/** A related location for a setting (when it is set somewhere). */
export function related(name: string, l: SettingLookup): Array<{ at: Span; message: string }> {
  return l.setting ? [{ at: l.setting.at, message: `${name} is set here` }] : [];
}

export function get(s: DjangoSettings, name: string): SettingLookup {
  return settingValue(s, name);
}

export function withRelated(r: Report, rel: Array<{ at: Span; message: string }>): Report {
  const filtered = rel.filter((x) => x.at.source !== r.at.source || x.at.start !== r.at.start);
  return filtered.length ? { ...r, related: filtered } : r;
}

/** Whether the value was read from an environment variable that is set (uWSGI env, supervisor, configuration). */
export function fromEnvironment(l: SettingLookup): boolean {
  return (l.setting?.assumptions ?? []).some((a) => /^\w+ is set by /.test(a));
}

/**
 * Filesystem locations of two path settings, comparable (as `os.path.abspath` makes them):
 * absolute ones normalised; relative ones joined to the process's working directory when
 * known, or compared as they are when both are relative (they resolve against the same one).
 */
export function locations(a: Value, b: Value, cwd: string | undefined): [string, string] | undefined {
  if ((a.k !== 'str' && a.k !== 'path') || (b.k !== 'str' && b.k !== 'path')) return undefined;
  const ra = !isAbs(a.v);
  const rb = !isAbs(b.v);
  if (ra && rb && cwd === undefined) return [normpath(a.v), normpath(b.v)];
  const la = abspath(a.v, cwd);
  const lb = abspath(b.v, cwd);
  return la !== undefined && lb !== undefined ? [la, lb] : undefined;
}

/** The directory entry of a STATICFILES_DIRS item (`dir` or `(prefix, dir)`). */
export function staticDirOf(item: Value): { prefix?: Value; dir: Value } | undefined {
  if (item.k === 'list' || item.k === 'tuple') {
    if (item.items.length !== 2) return undefined;
    return { prefix: item.items[0]!, dir: item.items[1]! };
  }
  return { dir: item };
}

/**
 * STATIC_ROOT against each STATICFILES_DIRS entry, both resolved to absolute paths (for
 * E002's equality and the containment Django does not check). Skips settings where either
 * is unset or unknown.
 */
export function* staticRootAgainstDirs(
  s: DjangoSettings,
): Generator<{ root: SettingLookup & { setting: NonNullable<SettingLookup['setting']> }; dirs: SettingLookup; entry: { prefix?: Value; dir: Value }; rootPath: string; dirPath: string }> {
  const root = get(s, 'STATIC_ROOT');
  const dirs = get(s, 'STATICFILES_DIRS');
  if (!root.setting || truthy(root.value) !== true) return;
  const d = dirs.value;
  if (d.k !== 'list' && d.k !== 'tuple') return;
  for (const item of d.items) {
    const entry = staticDirOf(item);
    if (!entry) continue;
    const locs = locations(root.value, entry.dir, s.cwd?.path);
    if (!locs) continue;
    yield { root: root as SettingLookup & { setting: NonNullable<SettingLookup['setting']> }, dirs, entry, rootPath: locs[0], dirPath: locs[1] };
  }
}
