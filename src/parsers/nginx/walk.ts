/**
 * Walk an nginx configuration the way nginx reads it: every directive with the context
 * it is in, descending into blocks with the context the block opens and into included
 * files with the context of the include site. A file included from many places is
 * walked at each one (the engine de-duplicates identical findings).
 *
 * The walk is iterative (no recursion: 5,000-deep nesting is fine) and bounded (an
 * include tree that multiplies beyond VISIT_BUDGET directive visits is cut short).
 *
 * `analyze()` (analysis.ts) runs it once per config and keeps what the structural rules need.
 */
import type { StackConfig } from '../../core/config.js';
import type { NginxConfig, NginxDirective, NginxFile } from './ast.js';
import type { LocationName } from './location.js';
import { Directive as DirectiveView, type StatementPack } from './nodes.js';
import {
  contextIndex,
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
  /** Index of `context` in DIRECTIVE_CONTEXTS, or -1 for bodies and unknown blocks. */
  ci: number;
  /** The owner's visit, when the analysis kept one (location, if, upstream blocks). */
  ownerVisit: Visit | null;
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
  /** For `location` visits: its modifier and name, once computed (location.ts `locationOf`). */
  location?: LocationName | null;
}

/** Called for every directive in reading order (arguments, not an object: the walk makes only the directive's view). */
export type Visitor = (d: NginxDirective, frame: Frame, lookup: Lookup | null, child: Frame | null, lenient: boolean) => void;

export interface WalkOptions {
  /** Return true to skip an included file at this level (its directives are not visited). */
  skipInclude?: (file: NginxFile, frame: Frame, lenient: boolean) => boolean;
}

export interface WalkResult {
  root: Frame;
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

const childCache = new Map<Directive, string>();

/** The context entry `e` opens when it appears in `parent`. */
export function blockChildContext(e: Directive, parent: string): string {
  if (e.source !== TABLE_SOURCE || !e.block) return UNKNOWN_CONTEXT;
  if (e.type === 'http' && e.name === 'if') return parent === 'server' ? 'if-in-server' : 'if-in-location';
  let c = childCache.get(e);
  if (c === undefined) {
    c = BLOCK_CHILD[`${e.type}:${e.name}`] ?? UNKNOWN_CONTEXT;
    childCache.set(e, c);
  }
  return c;
}

/**
 * nginx runs a directive's handler only once the statement is complete (`;` or `{`);
 * a statement cut short by a syntax error is the syntax rule's business.
 */
export function complete(d: NginxDirective): boolean {
  return d.terminatorAt >= 0;
}

/** `{` (a block) or `;`; null when a syntax error cut the statement short. */
export function term(d: NginxDirective): ';' | '{' | null {
  return d.terminator;
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

/**
 * Preference among contexts when a snippet's top-level directive fits several (also the
 * tie-break order of snippet context inference).
 */
export const LENIENT_ORDER: DirectiveContext[] = [
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

const MAX_INCLUDE_DEPTH = 128;

/** Walk a config; see the module comment. */
export function walkConfig(config: NginxConfig, db: DirectiveDb, visit: Visitor, options: WalkOptions = {}): WalkResult {
  const skipInclude = options.skipInclude;
  let nextId = 0;
  const rootCtx = normalizeContext(config.rootContext);
  const root: Frame = { id: nextId++, owner: null, context: rootCtx, parent: null, depth: 0, ci: contextIndex(rootCtx), ownerVisit: null };
  // A snippet's context is a guess unless the user configured it ("nginx.contexts").
  const lenientRoot = config.rootContext !== 'main' && !config.rootContextReason.includes('"nginx.contexts"');
  const result: WalkResult = { root, truncated: false };
  // The work stack as parallel arrays (no object per block): the pack of the node list
  // being read, its next node, the level, include nesting, and whether the level is a
  // snippet's guessed top level.
  const sPack: StatementPack[] = [config.main.statements];
  const sNext: number[] = [config.main.statements.first];
  const sFrame: Frame[] = [root];
  const sInc: number[] = [0];
  const sLenient: boolean[] = [lenientRoot];
  let top = 0;
  let budget = VISIT_BUDGET;

  while (top >= 0) {
    const pack = sPack[top]!;
    const i = sNext[top]!;
    if (i < 0) {
      top--;
      continue;
    }
    sNext[top] = pack.next(i);
    if (pack.isComment(i)) continue;
    if (--budget < 0) {
      result.truncated = true;
      break;
    }
    const d = new DirectiveView(pack, i);
    const frame = sFrame[top]!;
    const lenient = sLenient[top]!;
    const includeDepth = sInc[top]!;
    const ctx = frame.context;
    let lookup: Lookup | null = null;
    let child: Frame | null = null;
    if (frame.ci >= 0) lookup = db.lookupAt(pack.name(i), frame.ci);
    if (pack.hasBlock(i) && pack.terminatorAt(i) >= 0) {
      let childCtx: string = UNKNOWN_CONTEXT;
      if (lookup !== null) {
        if (lookup.kind === 'ok') childCtx = blockChildContext(lookup.entry, ctx);
        else if (lookup.kind === 'not-allowed') {
          if (lenient) {
            const fit = lenientFit(db, d);
            if (fit) childCtx = blockChildContext(fit.entry, fit.context);
          } else childCtx = naturalChildContext(lookup.entries);
        }
      }
      child = { id: nextId++, owner: d, context: childCtx, parent: frame, depth: frame.depth + 1, ci: contextIndex(childCtx), ownerVisit: null };
    }
    visit(d, frame, lookup, child, lenient);

    if (child !== null) {
      const first = pack.firstChild(i);
      if (first >= 0) {
        top++;
        sPack[top] = pack;
        sNext[top] = first;
        sFrame[top] = child;
        sInc[top] = includeDepth;
        sLenient[top] = false;
      }
      continue;
    }
    const include = pack.include(i);
    if (include !== undefined && include.files.length && includeDepth < MAX_INCLUDE_DEPTH && includeFollowed(ctx)) {
      // Push files in reverse so the first file is walked first.
      for (let k = include.files.length - 1; k >= 0; k--) {
        const f = include.files[k]!;
        if (skipInclude !== undefined && skipInclude(f, frame, lenient)) continue;
        top++;
        sPack[top] = f.statements;
        sNext[top] = f.statements.first;
        sFrame[top] = frame;
        sInc[top] = includeDepth + 1;
        sLenient[top] = lenient;
      }
    }
  }
  return result;
}

/** Bodies whose handler treats `include` as an include (types, map, geo); split_clients and charset_map do not. */
function includeFollowed(ctx: string): boolean {
  return !(ctx === 'split_clients' || ctx === 'stream/split_clients' || ctx === 'charset_map');
}

const cache = new WeakMap<NginxConfig, { extra: object | undefined; visits: Visit[] }>();

/**
 * Every directive visit of `config` in reading order (computed once per config and
 * extension set). Structural rules use the smaller lists of `analyze()` (analysis.ts).
 */
export function allVisits(config: NginxConfig, stack?: StackConfig): Visit[] {
  const extra = stack?.nginx.extraDirectives;
  const hit = cache.get(config);
  if (hit && hit.extra === extra) return hit.visits;
  const visits: Visit[] = [];
  walkConfig(config, directiveDb(extra), (d, frame, lookup, child, lenient) => visits.push({ d, frame, lookup, child, lenient }));
  cache.set(config, { extra, visits });
  return visits;
}

/** Innermost frame (itself included) whose context is one of `contexts`. */
export function enclosing(frame: Frame, contexts: ReadonlySet<string>): Frame | null {
  for (let f: Frame | null = frame; f; f = f.parent) if (contexts.has(f.context)) return f;
  return null;
}
