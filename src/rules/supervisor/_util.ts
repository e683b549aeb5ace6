/** Helpers shared by the supervisor rules. */
import { distance } from 'fastest-levenshtein';
import * as path from 'node:path';
import type { Span } from '../../core/source.js';
import type { SupervisorProgram, SupervisorValue } from '../../parsers/supervisor/model.js';

/** The closest candidates (all at the smallest distance) when close enough to be a typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string[] {
  const w = word.toLowerCase().replaceAll('-', '_');
  let best = Infinity;
  let out: string[] = [];
  for (const c of candidates) {
    const d = distance(w, c);
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best) out.push(c);
  }
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 4)));
  return best <= limit ? out : [];
}

export function quoteList(items: string[], q = "'"): string {
  const qs = items.map((i) => `${q}${i}${q}`);
  if (qs.length <= 1) return qs.join('');
  return `${qs.slice(0, -1).join(', ')} or ${qs[qs.length - 1]}`;
}

/** Base name of argv[0] (`/opt/venv/bin/uwsgi` → `uwsgi`). */
export function programBase(p: SupervisorProgram): string | undefined {
  const a0 = p.command?.argv?.[0];
  return a0 ? path.posix.basename(a0.value) : undefined;
}

export function argSpan(p: SupervisorProgram, i: number): Span {
  const a = p.command!.argv![i]!;
  return { source: p.command!.value.source, start: a.start, end: a.end };
}

/** The explicitly written value of a key in the program's section (not inherited from [DEFAULT]). */
export function own(p: SupervisorProgram, key: string): SupervisorValue | undefined {
  return p.section.values.get(key);
}

export const SIGNAL_NAMES: Record<number, string> = {
  1: 'HUP', 2: 'INT', 3: 'QUIT', 9: 'KILL', 10: 'USR1', 12: 'USR2', 15: 'TERM', 0: '0',
};
