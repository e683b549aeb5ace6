/**
 * The condition of `if (…)` as ngx_http_rewrite_if_condition reads it
 * (src/http/modules/ngx_http_rewrite_module.c): nginx works on the directive's words, so
 * the grammar runs over one token per word (after the parentheses are taken off the first
 * and last word):
 *
 *     condition := VAR [ (EQ | NE | MATCH) OPERAND ] | FILE_TEST OPERAND
 *
 * VAR is `$name`; MATCH is `~`, `~*`, `!~`, `!~*`; FILE_TEST is `-f`, `-d`, `-e`, `-x` or
 * the same with `!`; OPERAND is any word. When the grammar fails, the message is chosen
 * in nginx's own order (argument count before operator) and in nginx's words.
 */
import { createToken, createTokenInstance, EmbeddedActionsParser, Lexer, type IToken, type TokenType } from 'chevrotain';

const Operand = createToken({ name: 'Operand', pattern: Lexer.NA });
const Var = createToken({ name: 'Var', pattern: Lexer.NA, categories: [Operand] });
const Cmp = createToken({ name: 'Cmp', pattern: Lexer.NA, categories: [Operand] });
const Match = createToken({ name: 'Match', pattern: Lexer.NA, categories: [Operand] });
const FileTest = createToken({ name: 'FileTest', pattern: Lexer.NA, categories: [Operand] });
/** `-z`, `!-q`: shaped like a file test, with a letter nginx does not know. */
const BadFileTest = createToken({ name: 'BadFileTest', pattern: Lexer.NA, categories: [Operand] });
const Word = createToken({ name: 'Word', pattern: Lexer.NA, categories: [Operand] });
const ALL_TOKENS = [Operand, Var, Cmp, Match, FileTest, BadFileTest, Word];

class ConditionParser extends EmbeddedActionsParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  condition = this.RULE('condition', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Var);
          this.OPTION(() => {
            this.OR2([{ ALT: () => this.CONSUME(Cmp) }, { ALT: () => this.CONSUME(Match) }]);
            this.CONSUME(Operand);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(FileTest);
          this.CONSUME2(Operand);
        },
      },
    ]);
  });
}

let parser: ConditionParser | undefined;
/** Shape (the token types as a number, see checkCondition) → accepted by the grammar. */
const shapes = new Map<number, boolean>();
/** Conditions of up to this many words have a shape number (8 ** 10 stays a small integer). */
const MAX_SHAPED_WORDS = 9;

function classify(v: string): TokenType {
  if (v.length > 1 && v.charCodeAt(0) === 36 /* $ */) return Var;
  if (v === '=' || v === '!=') return Cmp;
  if (v === '~' || v === '~*' || v === '!~' || v === '!~*') return Match;
  if ((v.length === 2 && v[0] === '-') || (v.length === 3 && v[0] === '!' && v[1] === '-')) {
    return 'fdex'.includes(v[v.length - 1]!) ? FileTest : BadFileTest;
  }
  return Word;
}

export interface ConditionProblem {
  message: string;
  /** Index into the directive's args of the word the message names. */
  word: number;
}

export interface ConditionResult {
  problem?: ConditionProblem;
  /** For a regex match: the pattern and its word index. */
  regex?: { pattern: string; word: number };
}

/** Check an `if` condition given the values of the directive's arguments (at least one). */
export function checkCondition(vals: string[]): ConditionResult {
  const first = vals[0] ?? '';
  if (!first.startsWith('(')) return { problem: { message: `invalid condition "${first}"`, word: 0 } };
  let cur: number;
  if (first.length === 1) cur = 1;
  else {
    cur = 0;
    vals[0] = first.slice(1);
  }
  let last = vals.length - 1;
  const lw = vals[last]!;
  if (!lw.endsWith(')')) return { problem: { message: `invalid condition "${lw}"`, word: last } };
  if (lw.length === 1) last--;
  else vals[last] = lw.slice(0, -1);
  if (cur > last) return { problem: { message: `invalid condition "${vals[cur] ?? ''}"`, word: Math.min(cur, vals.length - 1) } };

  // Whether the grammar accepts depends only on the sequence of token types, so the
  // parser runs once per shape ("($var = x)" in 5,000 server blocks is one parse). The
  // shape is a number: one base-8 digit per word, its type's place in ALL_TOKENS plus one.
  const types: TokenType[] = [];
  let shape = 0;
  for (let i = cur; i <= last; i++) {
    const t = classify(vals[i]!);
    types.push(t);
    shape = shape * 8 + ALL_TOKENS.indexOf(t) + 1;
  }
  const shaped = types.length <= MAX_SHAPED_WORDS;
  let ok = shaped ? shapes.get(shape) : undefined;
  if (ok === undefined) {
    // Positions do not matter to the grammar: the word index stands in for them.
    const tokens: IToken[] = types.map((t, j) => createTokenInstance(t, vals[cur + j]!, cur + j, cur + j, 1, 1, 1, 1));
    parser ??= new ConditionParser();
    parser.input = tokens;
    parser.condition();
    ok = parser.errors.length === 0;
    if (shaped && shapes.size < 10_000) shapes.set(shape, ok);
  }
  const k = types.length;
  const t0 = types[0]!;
  if (ok) {
    if (k === 3 && types[1] === Match) return { regex: { pattern: vals[last]!, word: last } };
    return {};
  }
  // nginx's order: a variable first needs 1 or 3 words, then an operator in the middle;
  // a file test needs exactly one operand and a known letter; anything else is invalid.
  if (t0 === Var) {
    if (k !== 1 && k !== 3) return { problem: { message: `invalid condition "${vals[cur]}"`, word: cur } };
    return { problem: { message: `unexpected "${vals[cur + 1]}" in condition`, word: cur + 1 } };
  }
  return { problem: { message: `invalid condition "${vals[cur]}"`, word: cur } };
}
