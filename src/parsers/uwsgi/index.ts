/**
 * uwsgi front end entry points used by the engine and by other front ends.
 * (Work in progress: the ini and command-line readers land in ini.ts / argv.ts.)
 */
import type { LoadContext } from '../../core/project.js';
import type { SourceFile } from '../../core/source.js';
import type { UwsgiConfig, UwsgiOptionValue } from './model.js';

export type { UwsgiConfig, UwsgiOptionValue, UwsgiLoad } from './model.js';

/** One word of a command line; offsets are into the file holding it. */
export interface ArgWord {
  value: string;
  start: number;
  end: number;
}

/** How sure we are that a file is of this kind (0 = not at all, 1 = certain), from its name and text. */
export function sniffUwsgi(_path: string, _text: string): number {
  return 0;
}

/** Load the roots the engine found; files reached from another root (includes, imports) are not roots of their own. */
export function loadUwsgi(roots: SourceFile[], _ctx: LoadContext): UwsgiConfig[] {
  return roots.map((root) => emptyConfig(root, 'ini'));
}

/**
 * A uWSGI command line (`args[0]` is the program), parsed as uWSGI does: getopt_long over
 * the options known at each point, `--ini file[:section]` loads in order, bare `*.ini`
 * arguments loaded after the options.
 */
export function parseUwsgiCommandLine(args: ArgWord[], source: SourceFile, _ctx: LoadContext): UwsgiConfig {
  const c = emptyConfig(source, 'argv');
  if (args[0]) c.program = { value: args[0].value, at: { source, start: args[0].start, end: args[0].end } };
  return c;
}

function emptyConfig(root: SourceFile, entry: 'ini' | 'argv'): UwsgiConfig {
  return { kind: 'uwsgi', root, files: [root], options: [], problems: [], entry, binary: 'unknown', implicitPlugins: [], loads: [] };
}

/** The value uWSGI ends up with for a scalar option (last occurrence; aliases count as one option). */
export function effectiveValue(config: UwsgiConfig, name: string): UwsgiOptionValue | undefined {
  const all = allValues(config, name);
  return all[all.length - 1];
}

/** Every value of an option (and its aliases), in the order uWSGI applies them. */
export function allValues(config: UwsgiConfig, name: string): UwsgiOptionValue[] {
  return config.options.filter((o) => o.name === name);
}

/** `uwsgi_opt_true`: false only for `false`/`off`/`no` (any case) or exactly `0`; no value = true. */
export function uwsgiBool(value: string | undefined): boolean {
  if (value === undefined) return true;
  const l = value.toLowerCase();
  return !(l === 'false' || l === 'off' || l === 'no' || value === '0');
}
