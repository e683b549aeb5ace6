/**
 * Walk an nginx configuration the way nginx reads it: every directive with the context
 * it is in, descending into blocks with the context the block opens and into included
 * files with the context of the include site. A file included from many places is
 * walked at each one (the engine de-duplicates identical findings).
 *
 * The walk is iterative (no recursion: 5,000-deep nesting is fine) and bounded (an
 * include tree that multiplies beyond VISIT_BUDGET directive visits is cut short).
 *
 * `analyze()` runs the walk once per config and caches the result for every rule.
 */
import type { StackConfig } from '../../core/config.js';
import type { NginxConfig, NginxDirective, NginxNode } from './ast.js';
import {
  directiveDb,
  isBodyContext,
  isDirectiveContext,
  TABLE_SOURCE,
  UNKNOWN_CONTEXT,
  type Directive,
  type DirectiveContext,
  type DirectiveDb,
  type Lookup,
} from './directives.js';

/** One block level: the root of a config, or the body of a block directive. */
export interface Frame {
  id: number;
  /** The block directive that opened this level; null for the root. */
  owner: NginxDirective | null;
  /** Context of the directives at this level (a directive context, a body context, or 'unknown'). */
  context: string;
  parent: Frame | null;
  depth: number;
}

export interface Visit {
  d: NginxDirective;
  /** The level the directive is in. */
  frame: Frame;
  /** Table lookup in a directive context; null in bodies (types/map/…) and unknown blocks. */
  lookup: Lookup | null;
  /** The level this directive's block opens (null when not walked into). */
  child: Frame | null;
  /**
   * The directive is at the top level of a snippet whose context was guessed: placement
   * findings ("not allowed here") are not certain and are not reported.
   */
  lenient: boolean;
}

export interface Analysis {
  config: NginxConfig;
  db: DirectiveDb;
  root: Frame;
  /** Every directive visit in nginx's reading order. */
  visits: Visit[];
  /** `load_module` directives seen anywhere. */
  loadModules: NginxDirective[];
  /** The walk stopped early (include explosion). */
  truncated: boolean;
}

/** Upper bound on directive visits per config (includes can multiply a file). */
export const VISIT_BUDGET = 5_000_000;

const ROOT_ALIASES: Record<string, string> = {
  if: 'if-in-location',
  'if in location': 'if-in-location',
  'if in server': 'if-in-server',
};

/** Normalise a root context name (from the loader or the user's `nginx.contexts`). */
export function normalizeContext(c: string): string {
  const a = ROOT_ALIASES[c] ?? c;
  return isDirectiveContext(a) || isBodyContext(a) ? a : UNKNOWN_CONTEXT;
}

/** Context a block opens, by the table entry that handles it (nginx 1.22.1 modules only). */
const BLOCK_CHILD: Record<string, string> = {
  'core:events': 'events',
  'core:http': 'http',
  'core:mail': 'mail',
  'core:stream': 'stream',
  'http:server': 'server',
  'mail:server': 'mail/server',
  'stream:server': 'stream/server',
  'http:upstream': 'upstream',
  'stream:upstream': 'stream/upstream',
  'http:location': 'location',
  'http:limit_except': 'limit_except',
  'http:types': 'types',
  'http:map': 'map',
  'http:geo': 'geo',
  'http:split_clients': 'split_clients',
  'http:charset_map': 'charset_map',
  'stream:map': 'stream/map',
  'stream:geo': 'stream/geo',
  'stream:split_clients': 'stream/split_clients',
};

/** The context entry `e` opens when it appears in `parent`. */
export function blockChildContext(e: Directive, parent: string): string {
  if (e.source !== TABLE_SOURCE || !e.block) return UNKNOWN_CONTEXT;
  if (e.type === 'http' && e.name === 'if') return parent === 'server' ? 'if-in-server' : 'if-in-location';
  return BLOCK_CHILD[`${e.type}:${e.name}`] ?? UNKNOWN_CONTEXT;
}

/** For a misplaced block: the context it would open, if every block entry of the name agrees. */
function naturalChildContext(entries: Directive[]): string {
  let ctx: string | undefined;
  for (const e of entries) {
    if (!e.block) continue;
    const c = e.name === 'if' && e.type === 'http' ? 'if-in-location' : blockChildContext(e, '');
    if (ctx !== undefined && ctx !== c) return UNKNOWN_CONTEXT;
    ctx = c;
  }
  return ctx ?? UNKNOWN_CONTEXT;
}

/** Preference when a lenient top-level directive fits several contexts. */
const LENIENT_ORDER: DirectiveContext[] = [
  'server',
  'location',
  'http',
  'main',
  'events',
  'upstream',
  'if-in-location',
  'if-in-server',
  'limit_except',
  'stream/server',
  'stream',
  'stream/upstream',
  'mail/server',
  'mail',
];

/** At a snippet's top level: the entry (and context) the directive fits best, ignoring where the snippet is. */
function lenientFit(db: DirectiveDb, d: NginxDirective): { entry: Directive; context: DirectiveContext } | undefined {
  const hasBlock = d.terminator === '{';
  let any: { entry: Directive; context: DirectiveContext } | undefined;
  for (const c of LENIENT_ORDER) {
    const l = db.lookup(d.name, c);
    if (l.kind !== 'ok') continue;
    if (!!l.entry.block === hasBlock) return { entry: l.entry, context: c };
    any ??= { entry: l.entry, context: c };
  }
  return any;
}

interface Work {
  nodes: NginxNode[];
  i: number;
  frame: Frame;
  /** Include nesting (files), for the depth limit. */
  includeDepth: number;
  lenient: boolean;
}

const MAX_INCLUDE_DEPTH = 128;

/** Walk a config; see the module comment. */
export function walkConfig(config: NginxConfig, db: DirectiveDb, visit?: (v: Visit) => void): Analysis {
  let nextId = 0;
  const root: Frame = { id: nextId++, owner: null, context: normalizeContext(config.rootContext), parent: null, depth: 0 };
  // A snippet's context is a guess unless the user configured it ("nginx.contexts").
  const lenientRoot = config.rootContext !== 'main' && !config.rootContextReason.includes('"nginx.contexts"');
  const analysis: Analysis = { config, db, root, visits: [], loadModules: [], truncated: false };
  const stack: Work[] = [{ nodes: config.main.children, i: 0, frame: root, includeDepth: 0, lenient: lenientRoot }];
  let budget = VISIT_BUDGET;

  while (stack.length) {
    const w = stack[stack.length - 1]!;
    if (w.i >= w.nodes.length) {
      stack.pop();
      continue;
    }
    const node = w.nodes[w.i++]!;
    if (node.type !== 'directive') continue;
    if (--budget < 0) {
      analysis.truncated = true;
      break;
    }
    const d = node;
    const frame = w.frame;
    const ctx = frame.context;
    let lookup: Lookup | null = null;
    let child: Frame | null = null;
    let lenient = false;
    let childCtx: string = UNKNOWN_CONTEXT;

    if (isDirectiveContext(ctx)) {
      lookup = db.lookup(d.name, ctx);
      if (lookup.kind === 'ok') {
        childCtx = blockChildContext(lookup.entry, ctx);
      } else if (lookup.kind === 'not-allowed') {
        if (w.lenient) {
          const fit = lenientFit(db, d);
          lenient = true;
          if (fit) childCtx = blockChildContext(fit.entry, fit.context);
        } else childCtx = naturalChildContext(lookup.entries);
      }
      if (d.name === 'load_module') analysis.loadModules.push(d);
    }
    if (w.lenient) lenient = true;

    if (d.terminator === '{' && d.block) {
      child = { id: nextId++, owner: d, context: childCtx, parent: frame, depth: frame.depth + 1 };
    }
    const v: Visit = { d, frame, lookup, child, lenient };
    analysis.visits.push(v);
    visit?.(v);

    if (child && d.block!.children.length) {
      stack.push({ nodes: d.block!.children, i: 0, frame: child, includeDepth: w.includeDepth, lenient: false });
    } else if (d.include && d.include.files.length && w.includeDepth < MAX_INCLUDE_DEPTH && includeFollowed(ctx)) {
      // Push files in reverse so the first file is walked first.
      for (let k = d.include.files.length - 1; k >= 0; k--) {
        stack.push({ nodes: d.include.files[k]!.children, i: 0, frame, includeDepth: w.includeDepth + 1, lenient: w.lenient });
      }
    }
  }
  return analysis;
}

/** Bodies whose handler treats `include` as an include (types, map, geo); split_clients and charset_map do not. */
function includeFollowed(ctx: string): boolean {
  return !(ctx === 'split_clients' || ctx === 'stream/split_clients' || ctx === 'charset_map');
}

const cache = new WeakMap<NginxConfig, { extra: object | undefined; analysis: Analysis }>();

/** The walk of `config` with the table extended by `stack.nginx.extraDirectives`, computed once. */
export function analyze(config: NginxConfig, stack?: StackConfig): Analysis {
  const extra = stack?.nginx.extraDirectives;
  const hit = cache.get(config);
  if (hit && hit.extra === extra) return hit.analysis;
  const analysis = walkConfig(config, directiveDb(extra));
  cache.set(config, { extra, analysis });
  return analysis;
}

/** Innermost frame (itself included) whose context is one of `contexts`. */
export function enclosing(frame: Frame, contexts: ReadonlySet<string>): Frame | null {
  for (let f: Frame | null = frame; f; f = f.parent) if (contexts.has(f.context)) return f;
  return null;
}
