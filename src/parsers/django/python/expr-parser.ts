/**
 * Python 3 expressions and simple (expression) statements: a hand-written recursive-descent
 * parser over the tokens of lexer.ts, one method per grammar rule, building the
 * flat tree of ast.ts.
 *
 * Why not a chevrotain parser: the same grammar written as a chevrotain
 * EmbeddedActionsParser cost 40–75 ms to construct on every cold start (grammar recording
 * 19 ms + LL(1) lookahead computation 37 ms, measured with `traceInitPerf`), more than
 * reading and evaluating a 5,000-line settings module. Every decision in this grammar is
 * made on one token of lookahead, so the hand-written form is the same grammar, free to
 * construct.
 *
 * Depth: constructs whose chains are unbounded in valid Python are loops, not recursion —
 * prefix operators, `**` chains, conditional expressions and lambda chains (CPython
 * accepts 1,000 of each). The only recursion is through brackets, which the tokenizer caps
 * at 200 like CPython. Where Python needs more than one token to decide (`x := …`,
 * `f(a=…)`, `{k: v}` vs `{k}`, `(x)` vs `(x for …)`), the common prefix is parsed first.
 *
 * Semantic checks the grammar cannot express (`cannot assign to …`, bytes mixed with str)
 * are collected in `semErrors`.
 */
import type { IToken, TokenType } from './tokens.js';
import type { Arg, Expr, Node, Stmt, StrPiece, Trailer } from './ast.js';
import * as Tk from './tokens.js';

const { KW, OP, T } = Tk;

export interface SemanticError {
  start: number;
  end: number;
  message: string;
  hint?: string;
}

/** A syntax error at token index `at` (relative to the whole token array). */
export class PySyntaxError extends Error {
  constructor(readonly at: number) {
    super('invalid syntax');
  }
}

const tend = (t: IToken): number => t.startOffset + t.image.length;

const UNARY = new Set<TokenType>([OP['+']!, OP['-']!, OP['~']!]);
const BINOPS = new Set<TokenType>(Object.keys(Tk.BINARY_PRECEDENCE).map((k) => OP[k]!));
const COMPOPS = new Set<TokenType>(['<', '>', '==', '>=', '<=', '!='].map((k) => OP[k]!));
const AUGASSIGN = new Set<TokenType>(['+=', '-=', '*=', '/=', '//=', '%=', '@=', '&=', '|=', '^=', '>>=', '<<=', '**='].map((k) => OP[k]!));
/** Tokens after which a lone name, number or string is a whole expression (the parser's fast path). */
const TERMINATORS = new Set<TokenType>([T.Comma, T.RParen, T.RBracket, T.RBrace, T.Colon, T.Assign, KW.for, ...AUGASSIGN]);
/** Tokens after an operand that continue the expression below the conditional level. */
const OPERATOR_FOLLOW = new Set<TokenType>([...BINOPS, ...COMPOPS, KW.in, KW.not, KW.is, KW.and, KW.or]);
/** Tokens that can start an expression (`star_named_expression`). */
const EXPR_START = new Set<TokenType>([
  T.Star, KW.lambda, KW.not, KW.await, ...UNARY, Tk.Name, Tk.Number, Tk.String, KW.None, KW.True, KW.False,
  T.Ellipsis, T.LParen, T.LBracket, T.LBrace,
]);

export function isAugAssign(t: TokenType | undefined): boolean {
  return t !== undefined && AUGASSIGN.has(t);
}

function buildBinary(operands: Expr[], ops: string[]): Expr {
  let idx = 0;
  const level = (p: number): Expr => {
    if (p > 6) return operands[idx]!;
    const first = level(p + 1);
    let items: Expr[] | null = null;
    const itemOps: string[] = [];
    while (idx < ops.length && Tk.BINARY_PRECEDENCE[ops[idx]!] === p) {
      itemOps.push(ops[idx]!);
      idx++;
      const right = level(p + 1);
      (items ??= [first]).push(right);
    }
    return items ? { t: 'chain', operands: items, ops: itemOps, start: first.start, end: items[items.length - 1]!.end } : first;
  };
  return level(1);
}

function opaque(what: string, start: number, endAt: number, inner: Expr[] = []): Expr {
  return { t: 'opaque', what, inner, start, end: endAt };
}

type WithItem = { expr: Expr; target: Expr | null };

export class PyExprParser {
  semErrors: SemanticError[] = [];
  private toks: IToken[] = [];
  private pos = 0;
  private end = 0;

  /** Run `rule` on tokens [from, to); throws PySyntaxError at the first error or when input is left over. */
  run<R>(tokens: IToken[], from: number, to: number, rule: (p: this) => R): R {
    this.toks = tokens;
    this.pos = from;
    this.end = to;
    this.semErrors = [];
    const r = rule(this);
    if (this.pos < this.end) throw new PySyntaxError(this.pos);
    return r;
  }

  // ---- cursor ------------------------------------------------------------------------

  private la(k = 0): TokenType | undefined {
    const i = this.pos + k;
    return i < this.end ? this.toks[i]!.tokenType : undefined;
  }

  private take(): IToken {
    if (this.pos >= this.end) throw new PySyntaxError(this.pos);
    return this.toks[this.pos++]!;
  }

  private expect(type: TokenType): IToken {
    if (this.la() !== type) throw new PySyntaxError(this.pos);
    return this.toks[this.pos++]!;
  }

  private accept(type: TokenType): IToken | undefined {
    return this.la() === type ? this.toks[this.pos++]! : undefined;
  }

  private startsExpr(): boolean {
    const t = this.la();
    return t !== undefined && EXPR_START.has(t);
  }

  private sem(n: Node, message: string, hint?: string): void {
    const e: SemanticError = { start: n.start, end: n.end, message };
    if (hint) e.hint = hint;
    this.semErrors.push(e);
  }

  // ---- statements ------------------------------------------------------------------

  /** Expression statement, `=` chains, augmented and annotated assignments. */
  exprStmt(): Stmt {
    const first = this.testListStarExpr();
    const t = this.la();
    if (t && AUGASSIGN.has(t)) {
      const op = this.take();
      const value = this.yieldOrTestList();
      this.checkTarget(first, true);
      return { t: 'augassign', target: first, op: op.image.slice(0, -1), value, start: first.start, end: value.end };
    }
    if (t === T.Colon) {
      this.take();
      const ann = this.test();
      let value: Expr | null = null;
      if (this.accept(T.Assign)) value = this.yieldOrTestList();
      this.checkTarget(first, true);
      return { t: 'annassign', target: first, value, start: first.start, end: value ? value.end : ann.end };
    }
    const parts: Expr[] = [];
    while (this.accept(T.Assign)) parts.push(this.yieldOrTestList());
    if (parts.length === 0) return { t: 'expr', value: first, start: first.start, end: first.end };
    const targets = [first, ...parts.slice(0, -1)];
    for (const tg of targets) this.checkTarget(tg, false);
    const value = parts[parts.length - 1]!;
    return { t: 'assign', targets, value, start: first.start, end: value.end };
  }

  yieldOrTestList(): Expr {
    return this.la() === KW.yield ? this.yieldExpr() : this.testListStarExpr();
  }

  private yieldExpr(): Expr {
    const y = this.expect(KW.yield);
    let e = tend(y);
    if (this.accept(KW.from)) e = this.test().end;
    else if (this.startsExpr()) e = this.testListStarExpr().end;
    return opaque('yield', y.startOffset, e);
  }

  /** `a, *b, c` (a tuple when there is a comma). */
  testListStarExpr(): Expr {
    const first = this.starOrNamedExpr();
    if (this.la() !== T.Comma) return first;
    const elts = [first];
    let last = first.end;
    while (this.la() === T.Comma) {
      last = tend(this.take());
      if (this.startsExpr()) {
        const e = this.starOrNamedExpr();
        elts.push(e);
        last = e.end;
      } else break;
    }
    return { t: 'tuple', elts, start: first.start, end: last };
  }

  /**
   * A name, number or single string followed by a token that ends an expression (`,` `)`
   * `=` …, or the end) is the whole expression: parse it without descending through every
   * precedence level. Most operands in settings files are like this.
   */
  private quickAtom(): Expr | undefined {
    const t = this.la();
    if (t !== Tk.Name && t !== Tk.String && t !== Tk.Number) return undefined;
    const i = this.pos + 1;
    if (i < this.end && !TERMINATORS.has(this.toks[i]!.tokenType)) return undefined;
    return this.atom();
  }

  private starOrNamedExpr(): Expr {
    const q = this.quickAtom();
    if (q) return q;
    if (this.la() === T.Star) {
      const s = this.take();
      const v = this.bitExpr();
      return { t: 'starred', value: v, start: s.startOffset, end: v.end };
    }
    return this.namedExpr();
  }

  /** `test [:= test]` (the target must be a name). */
  namedExpr(): Expr {
    const e = this.test();
    if (this.la() !== T.Walrus) return e;
    this.take();
    const v = this.test();
    if (e.t !== 'name') this.sem(e, `cannot use assignment expressions with ${describe(e)}`);
    return { t: 'walrus', target: e.t === 'name' ? e.id : '', value: v, start: e.start, end: v.end };
  }

  /** Lambdas and conditional expressions, both as loops. */
  test(): Expr {
    const q = this.quickAtom();
    if (q) return q;
    let lambdaStart = -1;
    while (this.la() === KW.lambda) {
      const l = this.take();
      if (this.la() !== T.Colon) this.lambdaParams();
      this.expect(T.Colon);
      if (lambdaStart < 0) lambdaStart = l.startOffset;
    }
    const base = this.disjunction();
    const branches: Array<{ body: Expr; test: Expr }> = [];
    let body = base;
    let opaqueTail = -1;
    while (this.la() === KW.if) {
      this.take();
      const cond = this.disjunction();
      this.expect(KW.else);
      while (this.la() === KW.lambda) {
        const l = this.take();
        if (this.la() !== T.Colon) this.lambdaParams();
        this.expect(T.Colon);
        if (opaqueTail < 0) opaqueTail = l.startOffset;
      }
      const next = this.disjunction();
      branches.push({ body, test: cond });
      body = next;
    }
    if (lambdaStart >= 0) return opaque('lambda', lambdaStart, body.end);
    if (branches.length === 0) return base;
    const orelse = opaqueTail >= 0 ? opaque('lambda', opaqueTail, body.end) : body;
    return { t: 'ifexp', branches, orelse, start: base.start, end: body.end };
  }

  private lambdaParams(): void {
    for (;;) {
      const t = this.la();
      if (t === T.Star) {
        this.take();
        this.accept(Tk.Name);
      } else if (t === T.Pow) {
        this.take();
        this.expect(Tk.Name);
      } else if (t === OP['/']) {
        this.take();
      } else {
        this.expect(Tk.Name);
        if (this.accept(T.Assign)) this.test();
      }
      if (!this.accept(T.Comma) || this.la() === T.Colon) return;
    }
  }

  /*
   * `or` / `and` / `not` / comparisons / binary operators. Written so that an operand with no
   * operator after it (most of them: `X = 'a'`, call arguments, list items) costs one call
   * (factor) instead of one per precedence level: the operand is parsed first, and only the
   * levels whose operators actually follow are entered.
   */
  private disjunction(): Expr {
    let first: Expr;
    if (this.la() === KW.not) first = this.inversion();
    else {
      first = this.factor();
      const t = this.la();
      if (t === undefined || !OPERATOR_FOLLOW.has(t)) return first;
      first = this.comparisonFrom(this.bitExprFrom(first));
    }
    first = this.conjunctionFrom(first);
    if (this.la() !== KW.or) return first;
    const values = [first];
    while (this.accept(KW.or)) values.push(this.conjunctionFrom(this.inversion()));
    return { t: 'boolop', op: 'or', values, start: first.start, end: values[values.length - 1]!.end };
  }

  private conjunctionFrom(first: Expr): Expr {
    if (this.la() !== KW.and) return first;
    const values = [first];
    while (this.accept(KW.and)) values.push(this.inversion());
    return { t: 'boolop', op: 'and', values, start: first.start, end: values[values.length - 1]!.end };
  }

  private inversion(): Expr {
    if (this.la() !== KW.not) return this.comparisonFrom(this.bitExprFrom(this.factor()));
    const start = this.toks[this.pos]!.startOffset;
    const ops: string[] = [];
    while (this.accept(KW.not)) ops.push('not');
    const operand = this.comparisonFrom(this.bitExprFrom(this.factor()));
    return { t: 'unary', ops, operand, start, end: operand.end };
  }

  private compOp(): string | undefined {
    const t = this.la();
    if (t === undefined) return undefined;
    if (COMPOPS.has(t)) return this.take().image;
    if (t === KW.in) {
      this.take();
      return 'in';
    }
    if (t === KW.not && this.la(1) === KW.in) {
      this.pos += 2;
      return 'not in';
    }
    if (t === KW.is) {
      this.take();
      return this.accept(KW.not) ? 'is not' : 'is';
    }
    return undefined;
  }

  private comparisonFrom(first: Expr): Expr {
    let op = this.compOp();
    if (op === undefined) return first;
    const operands = [first];
    const ops: string[] = [];
    while (op !== undefined) {
      ops.push(op);
      operands.push(this.bitExpr());
      op = this.compOp();
    }
    return { t: 'compare', operands, ops, start: first.start, end: operands[operands.length - 1]!.end };
  }

  /** `| ^ & << >> + - * / // % @`, precedence applied by buildBinary. */
  private bitExpr(): Expr {
    return this.bitExprFrom(this.factor());
  }

  private bitExprFrom(first: Expr): Expr {
    let t = this.la();
    if (t === undefined || !BINOPS.has(t)) return first;
    const operands = [first];
    const ops: string[] = [];
    while (t !== undefined && BINOPS.has(t)) {
      ops.push(this.take().image);
      operands.push(this.factor());
      t = this.la();
    }
    return buildBinary(operands, ops);
  }

  private prefixOps(): { ops: string[]; start: number } {
    const ops: string[] = [];
    let start = -1;
    for (;;) {
      const t = this.la();
      if (t === undefined || !(UNARY.has(t) || t === KW.await)) break;
      const tok = this.take();
      if (start < 0) start = tok.startOffset;
      ops.push(tok.image);
    }
    return { ops, start };
  }

  private factor(): Expr {
    const t = this.la();
    if (t === undefined || !(UNARY.has(t) || t === KW.await)) return this.power();
    const { ops, start } = this.prefixOps();
    const operand = this.power();
    return ops.length ? { t: 'unary', ops, operand, start, end: operand.end } : operand;
  }

  private power(): Expr {
    const first = this.primary();
    if (this.la() !== T.Pow) return first;
    const operands = [first];
    while (this.accept(T.Pow)) {
      const { ops, start } = this.prefixOps();
      const p = this.primary();
      operands.push(ops.length ? { t: 'unary', ops, operand: p, start, end: p.end } : p);
    }
    return { t: 'pow', operands, start: first.start, end: operands[operands.length - 1]!.end };
  }

  private primary(): Expr {
    const base = this.atom();
    let trailers: Trailer[] | null = null;
    for (;;) {
      const t = this.la();
      let tr: Trailer;
      if (t === T.Dot) {
        const d = this.take();
        const n = this.expect(Tk.Name);
        tr = { t: 'attr', name: n.image, nameStart: n.startOffset, start: d.startOffset, end: tend(n) };
      } else if (t === T.LParen) {
        const l = this.take();
        const args = this.la() === T.RParen ? [] : this.args();
        const r = this.expect(T.RParen);
        tr = { t: 'call', args, start: l.startOffset, end: tend(r) };
      } else if (t === T.LBracket) {
        const l = this.take();
        const index = this.subscriptList();
        const r = this.expect(T.RBracket);
        tr = { t: 'index', index, start: l.startOffset, end: tend(r) };
      } else break;
      (trailers ??= []).push(tr);
    }
    return trailers ? { t: 'postfix', base, trailers, start: base.start, end: trailers[trailers.length - 1]!.end } : base;
  }

  private atom(): Expr {
    const t = this.la();
    switch (t) {
      case Tk.Name: {
        const n = this.take();
        return { t: 'name', id: n.image, start: n.startOffset, end: tend(n) };
      }
      case Tk.Number: {
        const n = this.take();
        return { t: 'num', raw: n.image, start: n.startOffset, end: tend(n) };
      }
      case Tk.String: {
        const pieces: StrPiece[] = [];
        while (this.la() === Tk.String) {
          const s = this.take();
          pieces.push({ raw: s.image, start: s.startOffset, end: tend(s) });
        }
        const node: Expr = { t: 'str', pieces, start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end };
        if (pieces.length > 1) {
          const bytes = pieces.map((p) => /^[a-zA-Z]*[bB]/.test(p.raw.slice(0, p.raw.search(/['"]/))));
          if (bytes.some((b) => b) && bytes.some((b) => !b)) this.sem(node, 'cannot mix bytes and nonbytes literals');
        }
        return node;
      }
      case KW.None:
      case KW.True:
      case KW.False:
      case T.Ellipsis: {
        const c = this.take();
        return { t: 'const', value: c.image as 'None', start: c.startOffset, end: tend(c) };
      }
      case T.LParen:
        return this.parenAtom();
      case T.LBracket:
        return this.listAtom();
      case T.LBrace:
        return this.braceAtom();
    }
    throw new PySyntaxError(this.pos);
  }

  private parenAtom(): Expr {
    const l = this.expect(T.LParen);
    const start = l.startOffset;
    if (this.la() === T.RParen) return { t: 'tuple', elts: [], parens: true, start, end: tend(this.take()) };
    if (this.la() === KW.yield) {
      const y = this.yieldExpr();
      return { ...y, start, end: tend(this.expect(T.RParen)) };
    }
    const first = this.starOrNamedExpr();
    if (this.la() === KW.for || this.la() === KW.async) {
      this.compFor();
      return opaque('generator expression', start, tend(this.expect(T.RParen)), [first]);
    }
    if (this.la() === T.Comma) {
      const elts = [first];
      while (this.accept(T.Comma)) {
        if (this.startsExpr()) elts.push(this.starOrNamedExpr());
        else break;
      }
      return { t: 'tuple', elts, parens: true, start, end: tend(this.expect(T.RParen)) };
    }
    const end = tend(this.expect(T.RParen));
    // A parenthesised expression keeps its own node, widened to the parentheses.
    return { ...first, start, end, ...(first.t === 'tuple' ? { parens: true } : {}) } as Expr;
  }

  private listAtom(): Expr {
    const l = this.expect(T.LBracket);
    const elts: Expr[] = [];
    if (this.la() !== T.RBracket) {
      elts.push(this.starOrNamedExpr());
      if (this.la() === KW.for || this.la() === KW.async) {
        this.compFor();
        return opaque('list comprehension', l.startOffset, tend(this.expect(T.RBracket)), elts);
      }
      while (this.accept(T.Comma)) {
        if (this.startsExpr()) elts.push(this.starOrNamedExpr());
        else break;
      }
    }
    return { t: 'list', elts, start: l.startOffset, end: tend(this.expect(T.RBracket)) };
  }

  private braceAtom(): Expr {
    const l = this.expect(T.LBrace);
    const start = l.startOffset;
    const items: Array<{ key: Expr | null; value: Expr }> = [];
    if (this.la() === T.RBrace) return { t: 'dict', items, start, end: tend(this.take()) };
    if (this.la() === T.Pow) {
      this.take();
      items.push({ key: null, value: this.bitExpr() });
      this.dictRest(items);
      return { t: 'dict', items, start, end: tend(this.expect(T.RBrace)) };
    }
    const k = this.starOrNamedExpr();
    if (this.accept(T.Colon)) {
      items.push({ key: k, value: this.test() });
      if (this.la() === KW.for || this.la() === KW.async) {
        this.compFor();
        return opaque('comprehension', start, tend(this.expect(T.RBrace)));
      }
      this.dictRest(items);
      return { t: 'dict', items, start, end: tend(this.expect(T.RBrace)) };
    }
    if (this.la() === KW.for || this.la() === KW.async) {
      this.compFor();
      return opaque('comprehension', start, tend(this.expect(T.RBrace)));
    }
    const elts = [k];
    while (this.accept(T.Comma)) {
      if (this.startsExpr()) elts.push(this.starOrNamedExpr());
      else break;
    }
    return { t: 'set', elts, start, end: tend(this.expect(T.RBrace)) };
  }

  private dictRest(items: Array<{ key: Expr | null; value: Expr }>): void {
    while (this.accept(T.Comma)) {
      if (this.la() === T.Pow) {
        this.take();
        items.push({ key: null, value: this.bitExpr() });
      } else if (this.startsExpr()) {
        const k = this.test();
        this.expect(T.Colon);
        items.push({ key: k, value: this.test() });
      } else break;
    }
  }

  private compFor(): void {
    do {
      this.accept(KW.async);
      this.expect(KW.for);
      this.targetList();
      this.expect(KW.in);
      this.disjunction();
      while (this.accept(KW.if)) this.disjunction();
    } while (this.la() === KW.for || this.la() === KW.async);
  }

  /** Targets of `for` (no comparison: `in` ends them). */
  targetList(): Expr {
    const first = this.starOrBitExpr();
    if (this.la() !== T.Comma) return first;
    const elts = [first];
    let last = first.end;
    while (this.la() === T.Comma) {
      last = tend(this.take());
      const t = this.la();
      if (t !== undefined && t !== KW.in && EXPR_START.has(t)) {
        const e = this.starOrBitExpr();
        elts.push(e);
        last = e.end;
      } else break;
    }
    return { t: 'tuple', elts, start: first.start, end: last };
  }

  private starOrBitExpr(): Expr {
    if (this.la() === T.Star) {
      const s = this.take();
      const v = this.bitExpr();
      return { t: 'starred', value: v, start: s.startOffset, end: v.end };
    }
    return this.bitExpr();
  }

  private args(): Arg[] {
    const list: Arg[] = [this.arg()];
    while (this.accept(T.Comma)) {
      const t = this.la();
      if (t === T.Pow || (t !== undefined && EXPR_START.has(t))) list.push(this.arg());
      else break;
    }
    return list;
  }

  private arg(): Arg {
    const t = this.la();
    if (t === T.Star || t === T.Pow) {
      const s = this.take();
      const v = this.test();
      return { name: null, star: t === T.Star ? '*' : '**', value: v, start: s.startOffset, end: v.end };
    }
    const v = this.namedExpr();
    if (this.la() === KW.for || this.la() === KW.async) {
      this.compFor();
      const e = this.toks[this.pos - 1]!;
      return { name: null, value: opaque('generator expression', v.start, tend(e)), start: v.start, end: tend(e) };
    }
    if (this.accept(T.Assign)) {
      const val = this.test();
      if (v.t !== 'name') this.sem(v, 'expression cannot contain assignment, perhaps you meant "=="?');
      return { name: v.t === 'name' ? v.id : '?', value: val, start: v.start, end: val.end };
    }
    return { name: null, value: v, start: v.start, end: v.end };
  }

  private subscriptList(): Expr {
    const first = this.subscript();
    if (this.la() !== T.Comma) return first;
    const elts = [first];
    let last = first.end;
    while (this.la() === T.Comma) {
      last = tend(this.take());
      if (this.startsExpr() || this.la() === T.Colon) {
        const e = this.subscript();
        elts.push(e);
        last = e.end;
      } else break;
    }
    return { t: 'tuple', elts, start: first.start, end: last };
  }

  private subscript(): Expr {
    let lower: Expr | null = null;
    if (this.la() !== T.Colon) lower = this.starOrNamedExpr();
    if (this.la() !== T.Colon) return lower!;
    const c = this.take();
    const start = lower ? lower.start : c.startOffset;
    let e = tend(c);
    let upper: Expr | null = null;
    let step: Expr | null = null;
    if (this.startsExpr()) {
      upper = this.test();
      e = upper.end;
    }
    if (this.la() === T.Colon) {
      e = tend(this.take());
      if (this.startsExpr()) {
        step = this.test();
        e = step.end;
      }
    }
    return { t: 'slice', lower, upper, step, start, end: e };
  }

  // ---- headers ---------------------------------------------------------------------

  /** `for` header: `targets in iterable`. */
  forHeader(): { target: Expr; iter: Expr } {
    const target = this.targetList();
    this.expect(KW.in);
    const iter = this.testListStarExpr();
    this.checkTarget(target, false);
    return { target, iter };
  }

  /** `with` items: `expr [as target], …`. */
  withItems(): WithItem[] {
    const items = [this.withItem()];
    while (this.accept(T.Comma)) items.push(this.withItem());
    return items;
  }

  /** Parenthesised `with` items (Python 3.10+). */
  withItemsParen(): WithItem[] {
    this.expect(T.LParen);
    const items = [this.withItem()];
    while (this.accept(T.Comma)) {
      if (this.la() === T.RParen) break;
      items.push(this.withItem());
    }
    this.expect(T.RParen);
    return items;
  }

  private withItem(): WithItem {
    const expr = this.test();
    let target: Expr | null = null;
    if (this.accept(KW.as)) {
      target = this.starOrBitExpr();
      this.checkTarget(target, false);
    }
    return { expr, target };
  }

  /** `except` clause: `type [as name]`. */
  exceptClause(): { type: Expr; name: string | null } {
    const type = this.testListStarExpr();
    let name: string | null = null;
    if (this.accept(KW.as)) name = this.expect(Tk.Name).image;
    if (type.t === 'tuple' && !type.parens) {
      const py2 = type.elts.length === 2 && type.elts[1]!.t === 'name';
      this.sem(
        type,
        'multiple exception types must be parenthesized',
        py2
          ? '`except X, e:` is Python 2 syntax; write `except X as e:`. Django 3.2 runs only on Python 3, which cannot import this file.'
          : 'Write `except (A, B):`.',
      );
    }
    return { type, name };
  }

  /** `raise [exc [from cause]]`. */
  raiseArgs(): Expr | null {
    if (!this.startsExpr()) return null;
    const v = this.test();
    if (this.accept(KW.from)) this.test();
    return v;
  }

  /** `assert test [, msg]`. */
  assertArgs(): Expr {
    const v = this.test();
    if (this.accept(T.Comma)) this.test();
    return v;
  }

  // ---- checks ------------------------------------------------------------------------

  /** CPython's "cannot assign to …" for targets that are not names, attributes, subscripts or sequences of them. */
  checkTarget(e: Expr, single: boolean): void {
    switch (e.t) {
      case 'name':
        return;
      case 'postfix': {
        const last = e.trailers[e.trailers.length - 1]!;
        if (last.t === 'call') this.sem(e, `cannot assign to function call here. Maybe you meant '==' instead of '='?`);
        return;
      }
      case 'tuple':
      case 'list':
        if (single) {
          this.sem(e, `'${e.t}' is an illegal expression for augmented assignment`);
          return;
        }
        for (const x of e.elts) this.checkTarget(x.t === 'starred' ? x.value : x, false);
        return;
      case 'starred':
        if (single) this.sem(e, 'invalid syntax');
        else this.checkTarget(e.value, false);
        return;
      default:
        this.sem(e, `cannot assign to ${describe(e)} here. Maybe you meant '==' instead of '='?`);
    }
  }
}

function describe(e: Expr): string {
  switch (e.t) {
    case 'num':
    case 'str':
      return 'literal';
    case 'const':
      return e.value === '...' ? 'ellipsis' : e.value;
    case 'compare':
      return 'comparison';
    case 'chain':
    case 'pow':
    case 'unary':
    case 'boolop':
      return 'expression';
    case 'ifexp':
      return 'conditional expression';
    case 'opaque':
      return e.what;
    case 'dict':
      return 'dict literal';
    case 'set':
      return 'set display';
    case 'walrus':
      return 'named expression';
    default:
      return e.t;
  }
}

let instance: PyExprParser | undefined;
export function exprParser(): PyExprParser {
  instance ??= new PyExprParser();
  return instance;
}
