/**
 * Contexts of snippet files checked on their own (not included by any nginx.conf we see).
 *
 * A snippet's top-level directives live in whatever block includes it. We guess that
 * block from the directives themselves: the context in which the most of them (and of
 * the directives in their blocks, one level down) are allowed wins; ties go to the more
 * common include site (server, then location, then http, …). Because the guess can be
 * wrong, the walker never reports "not allowed here" for a snippet's top-level
 * directives (see walk.ts, `lenient`).
 */
import type { NginxContext, NginxDirective, NginxNode } from './ast.js';
import { directiveDb, isDirectiveContext, type DirectiveContext, type DirectiveDb } from './directives.js';
import { blockChildContext, LENIENT_ORDER } from './walk.js';

/** Candidate contexts in tie-break order. */
const CANDIDATES: readonly DirectiveContext[] = LENIENT_ORDER;

/** Directives scored per candidate at most (keeps inference cheap on huge snippets). */
const MAX_SCORED = 2000;

function fits(db: DirectiveDb, d: NginxDirective, ctx: DirectiveContext): { ok: boolean; child?: string } {
  const l = db.lookup(d.name, ctx);
  if (l.kind !== 'ok') return { ok: false };
  if (d.terminator === '{' && !l.entry.block) return { ok: false };
  if (d.terminator === ';' && l.entry.block) return { ok: false };
  return { ok: true, child: d.terminator === '{' ? blockChildContext(l.entry, ctx) : undefined };
}

function directivesOf(nodes: NginxNode[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const n of nodes) {
    if (n.type !== 'directive') continue;
    if (n.name === 'include') {
      // Included files' top level counts as ours (one level of includes).
      for (const f of n.include?.files ?? []) for (const m of f.children) if (m.type === 'directive' && m.name !== 'include') out.push(m);
      continue;
    }
    out.push(n);
    if (out.length >= MAX_SCORED) break;
  }
  return out;
}

function score(db: DirectiveDb, top: NginxDirective[], ctx: DirectiveContext): { fit: number; known: number } {
  let fit = 0;
  let known = 0;
  let childBudget = 5000;
  for (const d of top) {
    if (!db.entries(d.name).length) continue;
    known++;
    const f = fits(db, d, ctx);
    if (!f.ok) continue;
    fit += 2;
    // One level down: a server block full of stream directives is a stream server.
    if (f.child && isDirectiveContext(f.child) && d.block && childBudget > 0) {
      let n = 0;
      for (const c of d.block.children) {
        if (c.type !== 'directive' || c.name === 'include' || !db.entries(c.name).length) continue;
        if (++n > 200 || --childBudget < 0) break;
        fit += fits(db, c, f.child).ok ? 1 : -1;
      }
    }
  }
  return { fit, known };
}

/**
 * The context a snippet's top-level directives most likely live in (a file with
 * `location` at top level is a server snippet), with the reason for messages.
 */
export function inferSnippetContext(children: NginxNode[]): { context: NginxContext; reason: string } {
  const db = directiveDb();
  const top = directivesOf(children);
  let best: DirectiveContext = 'server';
  let bestFit = -Infinity;
  let known = 0;
  for (const c of CANDIDATES) {
    const s = score(db, top, c);
    known = s.known;
    if (s.fit > bestFit) {
      bestFit = s.fit;
      best = c;
    }
  }
  if (known === 0) return { context: 'server', reason: 'it has no known directive at top level, so it is checked as a server snippet' };
  const names: string[] = [];
  for (const d of top) {
    if (names.length >= 3) break;
    if (fits(db, d, best).ok && !names.includes(d.name)) names.push(d.name);
  }
  const shown = names.map((n) => `"${n}"`).join(', ');
  return { context: best, reason: `its top-level directives (${shown}${top.length > names.length ? ', …' : ''}) belong in the ${label(best)} context` };
}

function label(c: DirectiveContext): string {
  return c.replace('if-in-', 'if in ').replace('/', ' ');
}
