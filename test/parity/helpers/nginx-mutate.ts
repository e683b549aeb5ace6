/**
 * Deterministic mutants of valid nginx configurations, for the parity suite.
 *
 * The seeds are read with a small tokenizer of our own (not stacklint's lexer: a parity
 * test must not use the code under test to build its inputs). It only has to understand
 * configurations that `nginx -t` accepts: words, quoted strings, `#` comments at token
 * start, `;`, `{`, `}`, backslash escapes and `${var}` inside words.
 */
import { rng } from '../../helpers/rng.js';

export interface SeedWord {
  start: number;
  end: number;
  /** Source text (with quotes). */
  raw: string;
  quoted: boolean;
}

export interface SeedStatement {
  index: number;
  name: SeedWord;
  args: SeedWord[];
  /** Offset of the name's first character. */
  start: number;
  /** Offset of the `;` or `{`. */
  termAt: number;
  term: ';' | '{';
  /** Offset of the matching `}` for blocks. */
  closeAt: number;
  /** Index of the enclosing block statement, -1 at file level. */
  parent: number;
  /** Names of the enclosing blocks, outermost first. */
  path: string[];
}

export function tokenizeSeed(text: string): SeedStatement[] {
  const stmts: SeedStatement[] = [];
  const stack: number[] = [];
  let words: SeedWord[] = [];
  let i = 0;
  const n = text.length;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  const pathOf = () => stack.map((k) => stmts[k]!.name.raw);
  const finish = (term: ';' | '{', at: number) => {
    if (words.length === 0) throw new Error(`seed: "${term}" without a directive at offset ${at}`);
    const [name, ...args] = words;
    const parent = stack.length ? stack[stack.length - 1]! : -1;
    const st: SeedStatement = { index: stmts.length, name: name!, args, start: name!.start, termAt: at, term, closeAt: -1, parent, path: pathOf() };
    stmts.push(st);
    if (term === '{') stack.push(st.index);
    words = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === ';' || c === '{') {
      finish(c, i);
      i++;
      continue;
    }
    if (c === '}') {
      if (words.length) throw new Error(`seed: "}" after words at offset ${i}`);
      const k = stack.pop();
      if (k === undefined) throw new Error(`seed: unbalanced "}" at offset ${i}`);
      stmts[k]!.closeAt = i;
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      i++;
      while (i < n && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
      words.push({ start, end: i, raw: text.slice(start, i), quoted: true });
      continue;
    }
    while (i < n) {
      const d = text[i]!;
      if (d === '\\') {
        i += 2;
        continue;
      }
      if (isSpace(d) || d === ';') break;
      if (d === '{') {
        if (text[i - 1] === '$') {
          // `${name}`: the brace belongs to the word.
          const close = text.indexOf('}', i);
          i = close === -1 ? n : close + 1;
          continue;
        }
        break;
      }
      i++;
    }
    words.push({ start, end: i, raw: text.slice(start, i), quoted: false });
  }
  if (words.length || stack.length) throw new Error('seed: unterminated statement or block');
  return stmts;
}

export type MutationKind =
  | 'drop-semicolon'
  | 'drop-open-brace'
  | 'drop-close-brace'
  | 'semicolon-to-brace'
  | 'misspell-directive'
  | 'wrong-context'
  | 'no-arguments'
  | 'extra-argument'
  | 'bad-flag-value'
  | 'glued-quote'
  | 'unterminated-quote'
  | 'duplicate-directive'
  | 'duplicate-block'
  | 'break-include';

export const MUTATION_KINDS: MutationKind[] = [
  'drop-semicolon',
  'drop-open-brace',
  'drop-close-brace',
  'semicolon-to-brace',
  'misspell-directive',
  'wrong-context',
  'no-arguments',
  'extra-argument',
  'bad-flag-value',
  'glued-quote',
  'unterminated-quote',
  'duplicate-directive',
  'duplicate-block',
  'break-include',
];

export interface Mutant {
  kind: MutationKind;
  /** What was changed, for humans. */
  what: string;
  text: string;
}

const FLAG_VALUE = /^(on|off)$/i;

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Blocks whose bodies are not directives (nginx reads them with a custom handler). */
const DATA_BLOCKS = new Set(['types', 'map', 'geo', 'split_clients', 'charset_map']);

function inDataBlock(s: SeedStatement): boolean {
  return s.path.some((p) => DATA_BLOCKS.has(p));
}

function misspell(name: string, r: () => number): string {
  const k = Math.floor(r() * 4);
  const p = Math.floor(r() * Math.max(1, name.length - 1));
  switch (k) {
    case 0: // transpose two neighbours
      if (name.length >= 2 && name[p] !== name[p + 1]) return name.slice(0, p) + name[p + 1] + name[p] + name.slice(p + 2);
      return name + 's';
    case 1: // drop a character
      return name.length > 1 ? name.slice(0, p) + name.slice(p + 1) : name + 'x';
    case 2: // double a character
      return name.slice(0, p + 1) + name[p] + name.slice(p + 1);
    default: // capitalise (nginx names are case-sensitive)
      return name[0]!.toUpperCase() + name.slice(1);
  }
}

/**
 * One mutant of `kind`, or undefined when the seed has nothing to apply it to.
 * Statements inside data blocks (types, map, …) are left alone except for the lexical
 * mutations, whose effect does not depend on the directive table.
 */
export function mutate(text: string, stmts: SeedStatement[], kind: MutationKind, r: () => number): Mutant | undefined {
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(r() * xs.length)] : undefined);
  const at = (s: SeedStatement) => `"${s.name.raw}" at line ${lineOf(text, s.start)}`;
  const simple = stmts.filter((s) => s.term === ';');
  const blocks = stmts.filter((s) => s.term === '{');
  const directives = stmts.filter((s) => !inDataBlock(s));
  switch (kind) {
    case 'drop-semicolon': {
      const s = pick(simple);
      return s && { kind, what: `drop ";" of ${at(s)}`, text: splice(text, s.termAt, s.termAt + 1, '') };
    }
    case 'semicolon-to-brace': {
      const s = pick(simple);
      return s && { kind, what: `";" → "{" in ${at(s)}`, text: splice(text, s.termAt, s.termAt + 1, '{') };
    }
    case 'drop-open-brace': {
      const s = pick(blocks);
      return s && { kind, what: `drop "{" of ${at(s)}`, text: splice(text, s.termAt, s.termAt + 1, '') };
    }
    case 'drop-close-brace': {
      const s = pick(blocks);
      return s && { kind, what: `drop "}" of ${at(s)}`, text: splice(text, s.closeAt, s.closeAt + 1, '') };
    }
    case 'misspell-directive': {
      const s = pick(directives.filter((d) => !d.name.quoted));
      if (!s) return undefined;
      const bad = misspell(s.name.raw, r);
      return { kind, what: `rename ${at(s)} to "${bad}"`, text: splice(text, s.name.start, s.name.end, bad) };
    }
    case 'wrong-context': {
      // Copy a simple directive into a block of another kind (or to the top level).
      const s = pick(directives.filter((d) => d.term === ';' && d.name.raw !== 'include'));
      if (!s) return undefined;
      const here = s.path[s.path.length - 1] ?? '';
      const targets: Array<{ at: number; name: string }> = [{ at: 0, name: '' }];
      for (const b of blocks) if (!inDataBlock(b) && !DATA_BLOCKS.has(b.name.raw)) targets.push({ at: b.termAt + 1, name: b.name.raw });
      const t = pick(targets.filter((x) => x.name !== here));
      if (!t) return undefined;
      const stmt = text.slice(s.start, s.termAt + 1);
      const ins = t.at === 0 ? stmt + '\n' : ` ${stmt}`;
      return { kind, what: `copy ${at(s)} into ${t.name ? `"${t.name}" block` : 'the top level'}`, text: splice(text, t.at, t.at, ins) };
    }
    case 'no-arguments': {
      const s = pick(directives.filter((d) => d.args.length > 0));
      if (!s) return undefined;
      return { kind, what: `remove the arguments of ${at(s)}`, text: splice(text, s.name.end, s.args[s.args.length - 1]!.end, '') };
    }
    case 'extra-argument': {
      const s = pick(directives.filter((d) => d.args.length > 0));
      if (!s) return undefined;
      const last = s.args[s.args.length - 1]!;
      const extra = r() < 0.3 ? ` ${last.raw}`.repeat(8) : ` ${last.raw}`;
      return { kind, what: `repeat the last argument of ${at(s)}${extra.length > last.raw.length + 1 ? ' 8 times' : ''}`, text: splice(text, last.end, last.end, extra) };
    }
    case 'bad-flag-value': {
      const cands: Array<{ s: SeedStatement; w: SeedWord }> = [];
      for (const s of directives) for (const w of s.args) if (FLAG_VALUE.test(w.raw)) cands.push({ s, w });
      const c = pick(cands);
      if (!c) return undefined;
      const v = pick(['yes', 'no', 'true', '1', 'enabled'])!;
      return { kind, what: `"${c.w.raw}" → "${v}" in ${at(c.s)}`, text: splice(text, c.w.start, c.w.end, v) };
    }
    case 'glued-quote': {
      const cands: Array<{ s: SeedStatement; w: SeedWord }> = [];
      for (const s of stmts) for (const w of s.args) if (!w.quoted) cands.push({ s, w });
      const c = pick(cands);
      if (!c) return undefined;
      return { kind, what: `"${c.w.raw}" → "\\"${c.w.raw}\\"x" in ${at(c.s)}`, text: splice(text, c.w.start, c.w.end, `"${c.w.raw}"x`) };
    }
    case 'unterminated-quote': {
      const cands: Array<{ s: SeedStatement; w: SeedWord }> = [];
      for (const s of stmts) for (const w of s.args) if (!w.quoted && !w.raw.includes('"')) cands.push({ s, w });
      const c = pick(cands);
      if (!c) return undefined;
      return { kind, what: `open a quote before "${c.w.raw}" in ${at(c.s)}`, text: splice(text, c.w.start, c.w.start, '"') };
    }
    case 'duplicate-directive': {
      // Prefer flags (`sendfile on; sendfile on;`), else any simple directive.
      const pool = directives.filter((d) => d.term === ';' && d.name.raw !== 'include');
      const flags = pool.filter((d) => d.args.length === 1 && FLAG_VALUE.test(d.args[0]!.raw));
      const s = pick(flags.length && r() < 0.6 ? flags : pool);
      if (!s) return undefined;
      const stmt = text.slice(s.start, s.termAt + 1);
      return { kind, what: `duplicate ${at(s)}`, text: splice(text, s.termAt + 1, s.termAt + 1, ` ${stmt}`) };
    }
    case 'duplicate-block': {
      // A whole block again right after itself: duplicate location / events / upstream …
      const s = pick(blocks.filter((b) => !inDataBlock(b)));
      if (!s) return undefined;
      const block = text.slice(s.start, s.closeAt + 1);
      return { kind, what: `duplicate the block ${at(s)}`, text: splice(text, s.closeAt + 1, s.closeAt + 1, `\n${block}`) };
    }
    case 'break-include': {
      // An include whose file is not there (a glob that matches nothing is fine for nginx).
      const s = pick(stmts.filter((d) => d.name.raw === 'include' && d.args.length === 1));
      if (!s) return undefined;
      const w = s.args[0]!;
      const broken = w.quoted ? `${w.raw.slice(0, -1)}.missing${w.raw.slice(-1)}` : `${w.raw}.missing`;
      return { kind, what: `include "${broken}" in ${at(s)}`, text: splice(text, w.start, w.end, broken) };
    }
  }
}

/** `count` mutants of one seed, kinds in round-robin, from a fixed seed: the same list every run. */
export function mutants(text: string, count: number, seed: number): Mutant[] {
  const stmts = tokenizeSeed(text);
  const r = rng(seed);
  const out: Mutant[] = [];
  const seen = new Set<string>();
  let tries = 0;
  // Start the round-robin at a seed-dependent kind, so seeds with few mutants still cover every kind overall.
  for (let k = seed % MUTATION_KINDS.length; out.length < count && tries < count * 20; k++, tries++) {
    const kind = MUTATION_KINDS[k % MUTATION_KINDS.length]!;
    const m = mutate(text, stmts, kind, r);
    if (!m || m.text === text || seen.has(m.text)) continue;
    seen.add(m.text);
    out.push(m);
  }
  return out;
}
