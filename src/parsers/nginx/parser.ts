/**
 * The nginx statement parser: words from the lexer become directives, terminated by `;`,
 * `{` or `}` as `ngx_conf_parse` (src/core/ngx_conf_file.c:157) sees them.
 *
 * Blocks are built with an explicit stack (a 5,000-deep nesting must not overflow), and
 * every syntax error of the file is reported in nginx's own words; the parser goes on
 * after each one so the rest of the file stays usable:
 * - `;` or `{` with no directive before it → `unexpected ";"` / `unexpected "{"` (the `;`
 *   is dropped; a nameless `{ … }` is read and its contents dropped, so braces still pair);
 * - `}` after words without `;` → `unexpected "}"`; the directive ends there (terminator
 *   null) and the `}` closes the block;
 * - `}` with no open block in this file → `unexpected "}"`, ignored (nginx parses every
 *   included file on its own, so a file cannot close a block opened by its includer);
 * - end of file inside a directive → `unexpected end of file, expecting ";" or "}"`;
 * - end of file inside blocks → `unexpected end of file, expecting "}"`; they close there.
 *
 * What nginx checks later, in `ngx_conf_handler` with its directive table (`directive "X"
 * is not terminated by ";"` / `has no opening "{"`, unknown directives, argument counts),
 * is left to the structural rules: each directive records its terminator and its offset.
 *
 * Where nginx prints a line, it is the line where it stopped reading (for `unexpected "}"`
 * the brace, for the end of file the last line): each problem's range includes that line.
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';
import type { NginxDirective, NginxFile } from './ast.js';
import {
  NginxLexer,
  SYNTAX_ERROR,
  TOK_COMMENT,
  TOK_EOF,
  TOK_LBRACE,
  TOK_RBRACE,
  TOK_SEMI,
  TOK_WORD,
  unescapeNginx,
} from './lexer.js';
import { Directive, ParsedFile, StatementPack, W_DOLLAR, W_DQUOTE, W_ESC, W_SQUOTE, W_UNCLOSED } from './nodes.js';

export const ESCAPED_DOLLAR = 'nginx/escaped-dollar';

/** An `include` directive found while parsing, with the name of the block it is in (null at file level). */
export interface IncludeSite {
  directive: NginxDirective;
  parentBlock: string | null;
}

export interface ParsedNginxFile {
  file: NginxFile;
  /** Every `include` terminated by `;`, in source order. */
  includes: IncludeSite[];
}

interface Frame {
  /** The block's statement in the pack; -1 for the file itself and for a nameless `{`. */
  statement: number;
  /** Offset of `{` (-1 for the file). */
  open: number;
  /** First and last node of the block so far (-1: none yet). */
  first: number;
  last: number;
}

/** Directive names are interned through a small cache (a hit costs no allocation). */
const NAME_CACHE_MASK = 1023;

/** How many unclosed blocks an end-of-file error points at. */
const MAX_RELATED = 5;

/**
 * Parse one file. Never throws; syntax errors are on `file.problems`.
 *
 * Memory matters (a 10 MB config has ~280,000 directives and ~650,000 words): each
 * statement's positions, name and words go into a packed array (nodes.ts), the nodes of a
 * block are linked there, and no object is made per directive (only per include site and
 * per open block); directive names are interned.
 */
export function parseNginx(source: SourceFile): ParsedNginxFile {
  const text = source.text;
  const problems: ParseProblem[] = [];
  const lx = new NginxLexer(source, problems);
  const stack: Frame[] = [{ statement: -1, open: -1, first: -1, last: -1 }];
  let frame = stack[0]!;
  const includes: IncludeSite[] = [];
  /** Index in `pack.names` by a hash of the name (-1: empty). */
  const nameCache = new Int32Array(NAME_CACHE_MASK + 1).fill(-1);

  // Configs take about one int per 2.5 to 10 characters (8 per statement, 3 per word); a
  // larger array costs nothing until it is written (its pages are zero until touched).
  const pack = new StatementPack(source, Math.ceil(text.length / 2) + 64);
  /** Add a node to the block being read. */
  const append = (node: number): void => {
    if (frame.last >= 0) pack.link(frame.last, node);
    else frame.first = node;
    frame.last = node;
  };
  // The statement being read: its name (null before the first word), where it is in the
  // pack, and where its last word ends.
  let name: string | null = null;
  let nameIndex = -1;
  let stmt = -1;
  let lastEnd = 0;
  let argc = 0;
  /**
   * Comments met inside the statement being read, as start and end offsets (they follow it
   * in its block, and go into the pack once its words are all there).
   */
  let pending: number[] | null = null;
  /** Words of the current statement holding `\$`, with the offset of the backslash. */
  let escDollars: Array<[number, number]> | null = null;

  const error = (start: number, end: number, message: string, hint: string, related?: ParseProblem['related']): void => {
    const p: ParseProblem = { ruleId: SYNTAX_ERROR, at: { source, start, end }, message, hint };
    if (related && related.length) p.related = related;
    lx.report(p);
  };
  /** Depth of nameless `{ … }` blocks around the statement (their contents are dropped). */
  let skipped = 0;
  /** A run of stray `;` (`;;;`) is one problem: the token count when the last one was seen. */
  let tokens = 0;
  let straySemiToken = -2;
  let straySemi: ParseProblem | undefined;

  /** End the statement being read; returns its index in the pack. */
  const finish = (terminator: ';' | '{' | null, at: number): number => {
    const s = stmt;
    pack.end(s, terminator ? at + 1 : lastEnd, terminator ? at : -1);
    append(s);
    if (pending) {
      for (let k = 0; k < pending.length; k += 2) append(pack.comment(pending[k]!, pending[k + 1]!));
      pending = null;
    }
    if (escDollars) {
      checkEscapedDollar(new Directive(pack, s), escDollars, frame.statement >= 0 ? pack.name(frame.statement) : null, problems);
      escDollars = null;
    }
    if (terminator === ';' && name === 'include' && skipped === 0) {
      includes.push({ directive: new Directive(pack, s), parentBlock: frame.statement >= 0 ? pack.name(frame.statement) : null });
    }
    name = null;
    argc = 0;
    return s;
  };

  /** Close a block: its nodes become the directive's (a nameless block's are dropped). */
  const closeFrame = (f: Frame, close: number, end: number): void => {
    if (f.statement >= 0) pack.setBlock(f.statement, close, f.first, end);
  };

  for (;;) {
    const t = lx.next();
    tokens++;
    if (t === TOK_WORD) {
      const s = lx.start;
      const e = lx.end;
      const flags =
        (lx.quote === 34 ? W_DQUOTE : lx.quote === 39 ? W_SQUOTE : 0) |
        (lx.esc ? W_ESC : 0) |
        (lx.dollar ? W_DOLLAR : 0) |
        (lx.closed ? 0 : W_UNCLOSED);
      if (lx.escDollar >= 0) (escDollars ??= []).push([name === null ? 0 : argc + 1, lx.escDollar]);
      if (name === null) {
        if (flags === 0) {
          // Directive names repeat a lot: keep one copy of each.
          const len = e - s;
          const key = (len * 31 + text.charCodeAt(s) * 7 + text.charCodeAt(e - 1)) & NAME_CACHE_MASK;
          const cached = nameCache[key]!;
          const known = cached >= 0 ? pack.names[cached]! : undefined;
          if (known !== undefined && known.length === len && sameText(text, s, known)) {
            name = known;
            nameIndex = cached;
          } else {
            name = text.slice(s, e);
            nameCache[key] = nameIndex = pack.addName(name);
          }
        } else {
          const inner = flags & (W_DQUOTE | W_SQUOTE) ? text.slice(s + 1, flags & W_UNCLOSED ? e : e - 1) : text.slice(s, e);
          name = flags & W_ESC ? unescapeNginx(inner) : inner;
          nameIndex = pack.addName(name);
        }
        stmt = pack.begin(nameIndex);
      } else argc++;
      pack.add(stmt, s, e, flags);
      lastEnd = e;
      continue;
    }
    if (t === TOK_COMMENT) {
      if (name !== null) (pending ??= []).push(lx.start, lx.end);
      else append(pack.comment(lx.start, lx.end));
      continue;
    }
    if (t === TOK_SEMI) {
      if (name !== null) finish(';', lx.start);
      else if (straySemi && straySemiToken === tokens - 1) {
        straySemi.at.end = lx.end;
        straySemiToken = tokens;
      } else {
        const before = problems.length;
        error(
          lx.start,
          lx.end,
          'unexpected ";"',
          'This ";" ends no directive (there is no directive name before it). Remove it.',
        );
        straySemi = problems.length > before ? problems[problems.length - 1] : undefined;
        straySemiToken = tokens;
      }
      continue;
    }
    if (t === TOK_LBRACE) {
      if (name === 'include') {
        // `include sites/{a,b}.conf;`: the `{` ends the word and nginx stops with
        // `directive "include" is not terminated by ";"` (reported from the terminator by
        // the directive table's rule). `include` never takes a block, so rather than open
        // one (which would swallow the enclosing block's `}`), read on to the `;` as the
        // end of this directive. It gets an empty block (close -1): it was ended by `{`.
        const open = lx.start;
        const s = finish('{', open);
        pack.setBlock(s, -1, -1, skipToSemicolon(lx, open + 1));
        continue;
      }
      if (name !== null) {
        // The block's nodes are linked to it as they come; it learns its end when it closes.
        const s = finish('{', lx.start);
        frame = { statement: s, open: lx.start, first: -1, last: -1 };
        stack.push(frame);
      } else {
        error(
          lx.start,
          lx.end,
          'unexpected "{"',
          'A block needs a directive before its "{" (as in `location /x {`). The contents of this block are skipped.',
        );
        frame = { statement: -1, open: lx.start, first: -1, last: -1 };
        stack.push(frame);
        skipped++;
      }
      continue;
    }
    if (t === TOK_RBRACE) {
      const at = lx.start;
      let reported = lx.lastErrorAt === at;
      if (name !== null) {
        const d = new Directive(pack, finish(null, -1));
        if (!reported) {
          error(
            at,
            at + 1,
            'unexpected "}"',
            `The directive "${d.name}" before it is not terminated by ";". Add ";" after its last argument.`,
            [{ at: { source, start: d.start, end: d.end }, message: `"${d.name}" is not terminated by ";"` }],
          );
          reported = true;
        }
      }
      if (stack.length > 1) {
        const closed = stack.pop()!;
        if (closed.statement < 0) skipped--;
        closeFrame(closed, at, at + 1);
        frame = stack[stack.length - 1]!;
      } else if (!reported) {
        error(
          at,
          at + 1,
          'unexpected "}"',
          'There is no open block for this "}" to close in this file (a file cannot close a block opened in the file that includes it). Remove it, or check the braces above.',
        );
      }
      continue;
    }
    // TOK_EOF
    const n = text.length;
    if (name !== null) {
      const d = new Directive(pack, finish(null, -1));
      if (!lx.eofReported) {
        lx.eofReported = true;
        error(
          d.start,
          n,
          'unexpected end of file, expecting ";" or "}"',
          `The file ends inside the directive "${d.name}". Add ";" after its last argument (or "{ … }" if it is a block).`,
        );
      }
    }
    if (stack.length > 1) {
      const related: NonNullable<ParseProblem['related']> = [];
      for (let k = stack.length - 1; k > 0 && related.length < MAX_RELATED; k--) {
        const f = stack[k]!;
        related.push({
          at: { source, start: f.open, end: f.open + 1 },
          message: f.statement >= 0 ? `the block of "${pack.name(f.statement)}" opened here is not closed` : 'this block is not closed',
        });
      }
      const count = stack.length - 1;
      error(
        n,
        n,
        'unexpected end of file, expecting "}"',
        count === 1
          ? 'A block is still open at the end of the file. Add the missing "}".'
          : `${count} blocks are still open at the end of the file. Add the missing "}"s (the innermost opening is shown first).`,
        related,
      );
      while (stack.length > 1) closeFrame(stack.pop()!, -1, n);
    }
    break;
  }
  pack.first = stack[0]!.first;
  pack.trim();
  return { file: new ParsedFile(pack, problems), includes };
}

/** Whether `text` holds `word` at offset `at` (a plain loop: names are short, and this beats a builtin call). */
function sameText(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Skip the rest of a statement up to its `;` (braces nested in it pair up); stop before a
 * `}` that would close an enclosing block, and at the end of the file. Returns the end.
 */
function skipToSemicolon(lx: NginxLexer, end: number): number {
  let depth = 0;
  for (;;) {
    const save = lx.pos;
    const t = lx.next();
    if (t === TOK_EOF) return end;
    if (t === TOK_SEMI && depth === 0) return lx.end;
    if (t === TOK_LBRACE) depth++;
    else if (t === TOK_RBRACE) {
      if (depth === 0) {
        lx.pos = save;
        return end;
      }
      depth--;
    }
    if (t !== TOK_COMMENT) end = lx.end;
  }
}

/**
 * `\$` does not escape `$` in nginx (FACTS §6: `"cost \$5"` → `cost \`): the backslash is
 * kept and `$5` is still a variable. Warn where the word is compiled with variables, and
 * stay silent where it is a regular expression (there `\$` is a literal dollar sign).
 */
const REGEX_DIRECTIVES = new Set([
  'location',
  'server_name',
  'fastcgi_split_path_info',
  'gzip_disable',
  'ancient_browser',
  'modern_browser',
  'valid_referers',
  'ssi_types',
]);
/** Blocks whose entries are not directives; in `map` the values take variables, the others never. */
const LITERAL_BLOCKS = new Set(['geo', 'types', 'split_clients', 'charset_map']);
const REGEX_OPERATORS = new Set(['~', '~*', '!~', '!~*']);

function checkEscapedDollar(d: NginxDirective, found: Array<[number, number]>, parent: string | null, problems: ParseProblem[]): void {
  if (REGEX_DIRECTIVES.has(d.name)) return;
  if (parent !== null && LITERAL_BLOCKS.has(parent)) return;
  const args = d.args;
  for (const [index, at] of found) {
    if (index === 0) continue; // the directive name (or a map key) never holds variables
    const word = args[index - 1];
    if (!word) continue;
    if (d.name === 'rewrite' && index === 1) continue; // the regex
    if (word.value.startsWith('~')) continue; // `~regex` arguments (proxy_redirect, map keys…)
    if (d.name === 'if' && index >= 2 && REGEX_OPERATORS.has(args[index - 2]!.value)) continue;
    // Only `\$` followed by a variable name (or `{`) changes meaning; nginx rejects a bare `$`.
    const next = d.source.text.charCodeAt(at + 2);
    if (!(isNameChar(next) || next === 123)) continue;
    const nameEnd = variableEnd(d.source.text, at + 2, word.end);
    const shown = d.source.text.slice(at, nameEnd);
    problems.push({
      ruleId: ESCAPED_DOLLAR,
      at: { source: d.source, start: at, end: nameEnd },
      message: `"\\$" does not escape "$" in nginx: "${shown}" is a backslash followed by the variable "${shown.slice(1)}"`,
      hint: 'nginx has no escape for "$" in values that take variables. To output a literal "$", define a variable that holds it, e.g. `geo $dollar { default "$"; }` at http level, and write "${dollar}".',
    });
  }
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function variableEnd(text: string, from: number, limit: number): number {
  let i = from;
  if (text.charCodeAt(i) === 123) {
    const close = text.indexOf('}', i);
    return close >= 0 && close < limit ? close + 1 : i + 1;
  }
  while (i < limit && isNameChar(text.charCodeAt(i))) i++;
  return i;
}
