/**
 * One walk per config that classifies every directive the way `ngx_conf_handler` would
 * and keeps only what the structural rules report on. A 10 MB config has ~500,000
 * directives and a dozen rules read the result, so the per-directive work happens here,
 * once, and each rule iterates a short list.
 */
import type { StackConfig } from '../../core/config.js';
import type { NginxConfig, NginxDirective, NginxFile } from './ast.js';
import { argCountOk, directiveDb, isDirectiveContext, type DirectiveDb, type Lookup } from './directives.js';
import { DuplicateTracker, mayDuplicate } from './duplicates.js';
import { walkConfig, type Frame, type Visit } from './walk.js';

export interface DuplicateFinding {
  visit: Visit;
  /** The earlier directive that set the value. */
  first: NginxDirective;
  message: string;
}

/** Names whose visits are kept for rules that look at them one by one. */
const TRACKED = new Set(['location', 'if', 'upstream', 'alias', 'load_module', 'include', 'events']);

export { FLAG_HANDLERS } from './directives.js';

export interface Analysis {
  config: NginxConfig;
  db: DirectiveDb;
  root: Frame;
  truncated: boolean;
  /** Complete statements whose name nginx does not know in a directive context. */
  unknown: Visit[];
  /** Complete statements whose name is known but no entry fits the context. */
  notAllowed: Visit[];
  /** Known here only from reference-lib (newer nginx) or from a module not built into Debian's nginx. */
  availability: Visit[];
  /** Block directive ended by `;`, or simple directive followed by `{`. */
  terminator: Visit[];
  /** Wrong number of arguments (terminator fine). */
  argCount: Visit[];
  /** On/off directive with another value (and not a duplicate, which nginx reports first). */
  flagValue: Visit[];
  duplicates: DuplicateFinding[];
  /** Entries of types/map/geo/split_clients/charset_map bodies. */
  bodies: Visit[];
  /** Complete visits of location, if, upstream, alias, load_module, events, and of include at the top level. */
  named: Map<string, Visit[]>;
}

/**
 * An included file that cannot contribute anything to the analysis in a context: only
 * complete simple directives that fit the context, with a valid argument count, that
 * nginx never refuses as duplicates, are not on/off switches, not tracked by name, and
 * are built into nginx 1.22.1. Such files (uwsgi_params, proxy_params, mime snippets…)
 * are common and included from every location; the walk skips them.
 */
function inert(db: DirectiveDb, file: NginxFile, context: string): boolean {
  if (!isDirectiveContext(context)) return false;
  for (const n of file.children) {
    if (n.type !== 'directive') continue;
    if (n.block !== null || n.terminatorAt < 0 || n.include !== undefined || TRACKED.has(n.name)) return false;
    const l = db.lookup(n.name, context);
    if (l.kind !== 'ok') return false;
    const e = l.entry;
    if (!e.builtin || e.block || e.flag || mayDuplicate(e)) return false;
    if (e.argCheck && !argCountOk(e.argCheck, n.argCount)) return false;
  }
  return true;
}

export function runAnalysis(config: NginxConfig, db: DirectiveDb): Analysis {
  const a: Omit<Analysis, 'root' | 'truncated'> = {
    config,
    db,
    unknown: [],
    notAllowed: [],
    availability: [],
    terminator: [],
    argCount: [],
    flagValue: [],
    duplicates: [],
    bodies: [],
    named: new Map(),
  };
  const dups = new DuplicateTracker();
  // `location` is filled in later for location visits (locationOf); declaring it here gives
  // every visit the same shape, instead of 50,000 of them growing a property later.
  const mk = (d: NginxDirective, frame: Frame, lookup: Lookup | null, child: Frame | null, lenient: boolean): Visit => ({
    d,
    frame,
    lookup,
    child,
    lenient,
    location: undefined,
  });

  const inertCache = new Map<NginxFile, Map<string, boolean>>();
  const skipInclude = (file: NginxFile, frame: Frame): boolean => {
    let byCtx = inertCache.get(file);
    if (!byCtx) inertCache.set(file, (byCtx = new Map()));
    let r = byCtx.get(frame.context);
    if (r === undefined) {
      r = inert(db, file, frame.context);
      byCtx.set(frame.context, r);
    }
    return r;
  };

  const result = walkConfig(config, db, (d, frame, lookup, child, lenient) => {
    let v: Visit | undefined;
    if (d.terminatorAt < 0) return; // incomplete statement: the syntax rule's business
    const name = d.name;
    if (TRACKED.has(name) && (name !== 'include' || frame.parent === null)) {
      v = mk(d, frame, lookup, child, lenient);
      if (child !== null) child.ownerVisit = v;
      let list = a.named.get(name);
      if (!list) a.named.set(name, (list = []));
      list.push(v);
    }
    if (!lookup) {
      if (frame.owner && frame.context !== 'unknown') a.bodies.push(v ?? mk(d, frame, lookup, child, lenient));
      return;
    }
    if (lookup.kind === 'unknown') {
      a.unknown.push(v ?? mk(d, frame, lookup, child, lenient));
      return;
    }
    if (lookup.kind === 'not-allowed') {
      a.notAllowed.push(v ?? mk(d, frame, lookup, child, lenient));
      return;
    }
    const e = lookup.entry;
    if (!e.builtin) a.availability.push((v ??= mk(d, frame, lookup, child, lenient)));
    // A complete directive has a child level exactly when it has a block.
    if (e.blockKnown && (child !== null) !== !!e.block) {
      a.terminator.push(v ?? mk(d, frame, lookup, child, lenient));
      return; // nginx stops at the terminator check
    }
    if (e.argCheck && !argCountOk(e.argCheck, d.argCount)) {
      a.argCount.push(v ?? mk(d, frame, lookup, child, lenient));
      return;
    }
    const dup = dups.check(d, e, frame);
    if (dup) {
      a.duplicates.push({ visit: (v ??= mk(d, frame, lookup, child, lenient)), first: dup.first, message: dup.message });
      return; // the handler refuses before looking at the value
    }
    if (e.flag && d.argCount === 1) {
      const val = d.argValue(0);
      if (val.length !== 2 && val.length !== 3) a.flagValue.push(v ?? mk(d, frame, lookup, child, lenient));
      else {
        const low = val.toLowerCase();
        if (low !== 'on' && low !== 'off') a.flagValue.push(v ?? mk(d, frame, lookup, child, lenient));
      }
    }
  }, { skipInclude });
  return { ...a, root: result.root, truncated: result.truncated };
}

const cache = new WeakMap<NginxConfig, { extra: object | undefined; analysis: Analysis }>();

/** The analysis of `config` with the table extended by `stack.nginx.extraDirectives`, computed once. */
export function analyze(config: NginxConfig, stack?: StackConfig): Analysis {
  const extra = stack?.nginx.extraDirectives;
  const hit = cache.get(config);
  if (hit && hit.extra === extra) return hit.analysis;
  const analysis = runAnalysis(config, directiveDb(extra));
  cache.set(config, { extra, analysis });
  return analysis;
}

/** Visits of a tracked name (location, if, upstream, alias, load_module, events; include at the top level only). */
export function named(a: Analysis, name: string): Visit[] {
  return a.named.get(name) ?? [];
}
