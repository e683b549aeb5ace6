/**
 * Project configuration: `.stacklintrc.json` (or `stacklint.config.json`), found in the
 * working directory or its parents, merged with command-line options (which win).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from './diagnostic.js';
import { parseMapping, type PathMapping } from './fs.js';

export type RuleSetting = Severity | 'off';

/** A directive nginx does not know but a module the user builds with does. */
export interface ExtraDirective {
  /** Contexts where it is allowed (e.g. `["http", "server", "location"]`); any when omitted. */
  contexts?: string[];
  /** Argument count: a number, `"1+"`, `"2+"`, `"0-2"`, or `"any"` (default). */
  args?: string | number;
  /** Whether it takes a `{ }` block. */
  block?: boolean;
}

export interface StackConfig {
  /** Where the configuration file was found (undefined when none). */
  file?: string;
  /** Directory relative paths in the configuration are resolved against. */
  root: string;
  rules: Record<string, { severity: RuleSetting; options: Record<string, unknown> }>;
  map: PathMapping[];
  /** Look at the host filesystem for log dirs, chdir, sockets… (`--no-fs` turns it off). */
  hostChecks: boolean;
  /** Environment used to resolve `$(VAR)`, `%(ENV_X)s`, `os.environ.get(...)`. Unknown when absent. */
  env: Record<string, string>;
  nginx: {
    extraDirectives: Record<string, ExtraDirective>;
    /** Context of snippet files checked on their own, by glob on the file path: `{"snippets/*.conf": "server"}`. */
    contexts: Record<string, string>;
    /** nginx prefix (`-p`), against which relative root/alias resolve. */
    prefix: string;
  };
  django: {
    /** DJANGO_SETTINGS_MODULE when nothing in the stack names it. */
    settingsModule?: string;
  };
}

export const CONFIG_FILE_NAMES = ['.stacklintrc.json', 'stacklint.config.json'];

export function defaultConfig(root: string): StackConfig {
  return {
    root,
    rules: {},
    map: [],
    hostChecks: true,
    env: {},
    nginx: { extraDirectives: {}, contexts: {}, prefix: '/usr/share/nginx/' },
    django: {},
  };
}

export class ConfigError extends Error {}

/** Find the configuration file for `cwd`, walking up to the filesystem root. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Load and validate a configuration file; throws ConfigError with a message for the user. */
export function loadConfigFile(file: string): StackConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read configuration ${file}: ${(e as Error).message}`);
  }
  const root = path.dirname(path.resolve(file));
  const cfg = defaultConfig(root);
  cfg.file = path.resolve(file);
  if (!isObject(raw)) throw new ConfigError(`${file}: the configuration must be a JSON object`);
  const known = new Set(['rules', 'map', 'fs', 'env', 'nginx', 'django', '$schema']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new ConfigError(`${file}: unknown key "${key}" (known: ${[...known].join(', ')})`);
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) throw new ConfigError(`${file}: "rules" must be an object`);
    for (const [id, v] of Object.entries(raw.rules)) cfg.rules[id] = parseRuleSetting(file, id, v);
  }
  if (raw.map !== undefined) {
    if (!isObject(raw.map)) throw new ConfigError(`${file}: "map" must be an object of deployed path → local path`);
    for (const [from, to] of Object.entries(raw.map)) {
      const m = typeof to === 'string' ? parseMapping(`${from}=${to}`, root) : undefined;
      if (!m) throw new ConfigError(`${file}: map entry "${from}" must map an absolute path to a directory`);
      cfg.map.push(m);
    }
  }
  if (raw.fs !== undefined) {
    if (typeof raw.fs !== 'boolean') throw new ConfigError(`${file}: "fs" must be true or false`);
    cfg.hostChecks = raw.fs;
  }
  if (raw.env !== undefined) {
    if (!isObject(raw.env) || !Object.values(raw.env).every((v) => typeof v === 'string'))
      throw new ConfigError(`${file}: "env" must map names to strings`);
    cfg.env = raw.env as Record<string, string>;
  }
  if (raw.nginx !== undefined) {
    if (!isObject(raw.nginx)) throw new ConfigError(`${file}: "nginx" must be an object`);
    const n = raw.nginx;
    if (n.extraDirectives !== undefined) {
      if (!isObject(n.extraDirectives)) throw new ConfigError(`${file}: "nginx.extraDirectives" must be an object`);
      cfg.nginx.extraDirectives = n.extraDirectives as Record<string, ExtraDirective>;
    }
    if (n.contexts !== undefined) {
      if (!isObject(n.contexts)) throw new ConfigError(`${file}: "nginx.contexts" must be an object`);
      cfg.nginx.contexts = n.contexts as Record<string, string>;
    }
    if (n.prefix !== undefined) {
      if (typeof n.prefix !== 'string') throw new ConfigError(`${file}: "nginx.prefix" must be a string`);
      cfg.nginx.prefix = n.prefix;
    }
  }
  if (raw.django !== undefined) {
    if (!isObject(raw.django)) throw new ConfigError(`${file}: "django" must be an object`);
    if (typeof raw.django.settingsModule === 'string') cfg.django.settingsModule = raw.django.settingsModule;
  }
  return cfg;
}

function parseRuleSetting(file: string, id: string, v: unknown): StackConfig['rules'][string] {
  if (typeof v === 'string' && SEVERITIES.has(v)) return { severity: v as RuleSetting, options: {} };
  if (Array.isArray(v) && typeof v[0] === 'string' && SEVERITIES.has(v[0]) && (v[1] === undefined || isObject(v[1])))
    return { severity: v[0] as RuleSetting, options: (v[1] as Record<string, unknown>) ?? {} };
  throw new ConfigError(`${file}: rule "${id}" must be "error", "warning", "info", "off" or [severity, {options}]`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
