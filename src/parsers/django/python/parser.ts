/**
 * The statement layer of the Python front end: a hand-written parser over the tokens of
 * lexer.ts that cuts logical lines into statements and blocks, and hands every expression
 * (and every simple statement) to the expression parser of expr-parser.ts.
 *
 * Everything of Python 3.11's statement syntax is read, so that blocks nest correctly and
 * syntax errors are found anywhere in the file; the evaluator decides what it follows
 * (module-level assignments, imports, `if`, `try`, `with`) and what it only skips (`def`,
 * `class`, `for`, `while`, `match`).
 *
 * Errors: every statement that does not parse becomes an `error` statement and a problem
 * under `django/python-syntax-error`, in CPython's words where it has them ("invalid
 * syntax", "expected ':'", "expected an indented block after 'if' statement on line 3",
 * "Missing parentheses in call to 'print'. Did you mean print(...)?"); parsing goes on at
 * the next logical line. Block nesting is bounded by the tokenizer (100 indentation levels,
 * CPython's limit), expression nesting by the bracket limit (200).
 */
import type { IToken, TokenType } from './tokens.js';
import type { ParseProblem } from '../../../core/diagnostic.js';
import type { SourceFile } from '../../../core/source.js';
import type { Expr, ImportName, Module, Stmt } from './ast.js';
import { isAugAssign, PyExprParser, PySyntaxError } from './expr-parser.js';
import { SYNTAX_ERROR, tokenize } from './lexer.js';
import * as Tk from './tokens.js';

const { KW, T } = Tk;

/** Syntax problems kept per file (a binary or wrong-language file would otherwise produce thousands). */
const MAX_PROBLEMS = 50;

const PY2_HINT = 'Django 3.2 runs only on Python 3, which cannot import this file.';

export interface ParsedModule extends Module {
  problems: ParseProblem[];
}

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** Parse a Python source file. Never throws. */
export function parsePython(source: SourceFile): ParsedModule {
  const problems: ParseProblem[] = [];
  if (source.decode.binary) {
    problems.push({
      ruleId: SYNTAX_ERROR,
      at: { source, start: 0, end: 0 },
      message: 'source code string cannot contain null bytes',
      hint: 'This file contains NUL bytes: it is not Python source. Python refuses to import it.',
    });
    return { body: [], problems };
  }
  if (source.decode.invalidUtf8) {
    const cookie = codingCookie(source);
    if (!cookie || /^utf[-_]?8/i.test(cookie)) {
      const bad = source.text.indexOf('\uFFFD');
      problems.push({
        ruleId: SYNTAX_ERROR,
        at: { source, start: Math.max(0, bad), end: Math.max(0, bad) + 1 },
        message: `Non-UTF-8 code in file ${source.deployedPath}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`,
        hint: 'Python reads source files as UTF-8 unless a `# -*- coding: … -*-` line says otherwise; save the file as UTF-8.',
      });
    }
  }
  const { tokens, problems: lexProblems } = tokenize(source);
  problems.push(...lexProblems);
  const p = new StmtParser(source, tokens, problems);
  const body = p.file();
  if (problems.length > MAX_PROBLEMS) {
    const extra = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    const last = problems[MAX_PROBLEMS - 1]!;
    last.hint = `${last.hint ? last.hint + ' ' : ''}(${extra} more syntax error(s) in this file not shown.)`;
  }
  return { body, problems };
}

function codingCookie(source: SourceFile): string | undefined {
  for (const line of [source.lineText(1), source.lineText(2)]) {
    const m = CODING.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

const tokEnd = (t: IToken): number => t.startOffset + t.image.length;

const KIND_TEXT: Record<string, string> = {
  if: "'if' statement",
  elif: "'elif' statement",
  else: "'else' statement",
  try: "'try' statement",
  except: "'except' statement",
  finally: "'finally' statement",
  with: "'with' statement",
  for: "'for' statement",
  while: "'while' statement",
  def: 'function definition',
  class: 'class definition',
  match: "'match' statement",
  case: "'case' statement",
};

class StmtParser {
  private i = 0;
  private readonly n: number;
  private readonly px: PyExprParser;

  constructor(
    private readonly source: SourceFile,
    private readonly tokens: IToken[],
    private readonly problems: ParseProblem[],
  ) {
    this.n = tokens.length;
    this.px = new PyExprParser();
  }

  private type(k: number): TokenType | undefined {
    return this.tokens[k]?.tokenType;
  }

  private is(k: number, t: TokenType): boolean {
    return this.tokens[k]?.tokenType === t;
  }

  private problem(start: number, end: number, message: string, hint?: string): void {
    if (this.problems.length > MAX_PROBLEMS) return;
    const p: ParseProblem = { ruleId: SYNTAX_ERROR, at: { source: this.source, start, end }, message };
    if (hint) p.hint = hint;
    this.problems.push(p);
  }

  private problemAt(k: number, message: string, hint?: string): void {
    const t = this.tokens[k];
    if (!t) {
      const e = this.source.text.length;
      this.problem(e, e, message, hint);
    } else if (t.tokenType === Tk.Newline || t.tokenType === Tk.Dedent) {
      // Point at the end of the line's last token, as CPython does for a missing piece.
      const prev = this.tokens[k - 1];
      const at = prev ? tokEnd(prev) : t.startOffset;
      this.problem(at, at, message, hint);
    } else this.problem(t.startOffset, Math.max(tokEnd(t), t.startOffset), message, hint);
  }

  private line(t: IToken): number {
    return this.source.positionAt(t.startOffset).line;
  }

  /** Index of the NEWLINE that ends the logical line at `k` (or the token count). */
  private newlineFrom(k: number): number {
    while (k < this.n && this.tokens[k]!.tokenType !== Tk.Newline) k++;
    return k;
  }

  // ---- blocks ----------------------------------------------------------------------

  file(): Stmt[] {
    const body: Stmt[] = [];
    while (this.i < this.n) {
      if (this.is(this.i, Tk.Dedent)) {
        this.i++;
        continue;
      }
      this.statement(body);
    }
    return body;
  }

  /** Statements up to the DEDENT closing the block (INDENT already consumed). */
  private block(): Stmt[] {
    const body: Stmt[] = [];
    while (this.i < this.n) {
      if (this.is(this.i, Tk.Dedent)) {
        this.i++;
        return body;
      }
      this.statement(body);
    }
    return body;
  }

  private statement(into: Stmt[]): void {
    const k = this.i;
    const t = this.tokens[k]!;
    const tt = t.tokenType;
    if (tt === Tk.Indent) {
      this.problemAt(k + 1, 'unexpected indent');
      this.i++;
      into.push(...this.block());
      return;
    }
    if (tt === Tk.Newline) {
      this.i++;
      return;
    }
    if (tt === Tk.ErrorToken) {
      this.errorLine(into);
      return;
    }
    switch (tt) {
      case KW.if:
        into.push(this.ifStmt());
        return;
      case KW.while:
        into.push(this.whileStmt());
        return;
      case KW.for:
        into.push(this.forStmt(k));
        return;
      case KW.try:
        into.push(this.tryStmt());
        return;
      case KW.with:
        into.push(this.withStmt(k));
        return;
      case KW.def:
      case KW.class:
        into.push(this.defStmt(k));
        return;
      case KW.async: {
        const next = this.type(k + 1);
        if (next === KW.def) into.push(this.defStmt(k + 1, k));
        else if (next === KW.for) into.push(this.forStmt(k + 1, k));
        else if (next === KW.with) into.push(this.withStmt(k + 1, k));
        else this.simpleLine(into);
        return;
      }
      case KW.elif:
      case KW.else:
      case KW.except:
      case KW.finally:
        this.problemAt(k, 'invalid syntax', `\`${t.image}\` without a matching \`${t.image === 'except' || t.image === 'finally' ? 'try' : 'if'}\` at the same indentation.`);
        this.skipLineAndBlock(into);
        return;
    }
    if (tt === Tk.OP['@']) {
      // Decorator: parse its expression; the decorated def/class follows.
      const nl = this.newlineFrom(k);
      this.parseRange(() => this.px.namedExpr(), k + 1, nl);
      this.i = nl + 1;
      return;
    }
    if (tt === Tk.Name && t.image === 'match' && this.isMatchStatement(k)) {
      into.push(this.matchStmt(k));
      return;
    }
    this.simpleLine(into);
  }

  /** A logical line the tokenizer rejected (already reported); its block, if any, is read as a branch that may or may not run. */
  private errorLine(into: Stmt[]): void {
    const t = this.tokens[this.i]!;
    const nl = this.newlineFrom(this.i);
    const start = t.startOffset;
    const end = Math.max(start, t.endOffset! + 1);
    into.push({ t: 'error', names: namesAssignedInText(this.source.text.slice(start, end)), start, end });
    this.i = nl + 1;
    this.unknownBlock(into, start, end);
  }

  /** Skip the current logical line (an error), and read the block after it as a maybe-branch. */
  private skipLineAndBlock(into: Stmt[]): void {
    const k = this.i;
    const nl = this.newlineFrom(k);
    const start = this.tokens[k]!.startOffset;
    const end = nl > k ? tokEnd(this.tokens[nl - 1]!) : start;
    into.push({ t: 'error', names: this.namesAssigned(k, nl), start, end });
    this.i = nl + 1;
    this.unknownBlock(into, start, end);
  }

  private unknownBlock(into: Stmt[], start: number, end: number): void {
    if (!this.is(this.i, Tk.Indent)) return;
    this.i++;
    const body = this.block();
    const test: Expr = { t: 'opaque', what: 'syntax error', inner: [], start, end };
    into.push({ t: 'if', branches: [{ test, body, at: { start, end } }], orelse: null, start, end });
  }

  /** `header:` then either statements on the same line or NEWLINE INDENT block DEDENT. */
  private suite(colon: number, nl: number, kind: string, kw: IToken): Stmt[] {
    if (colon >= 0 && colon + 1 < nl) {
      const body: Stmt[] = [];
      this.simpleStatements(colon + 1, nl, body);
      this.i = nl + 1;
      return body;
    }
    this.i = nl + 1;
    if (this.is(this.i, Tk.Indent)) {
      this.i++;
      return this.block();
    }
    this.problemAt(this.i, `expected an indented block after ${KIND_TEXT[kind] ?? 'statement'} on line ${this.line(kw)}`);
    return [];
  }

  /** The colon ending a compound statement's header: the first `:` at bracket depth 0 not taken by a lambda. */
  private headerColon(from: number, nl: number): number {
    let depth = 0;
    let lambdas = 0;
    for (let k = from; k < nl; k++) {
      const tt = this.tokens[k]!.tokenType;
      if (tt === T.LParen || tt === T.LBracket || tt === T.LBrace) depth++;
      else if (tt === T.RParen || tt === T.RBracket || tt === T.RBrace) depth--;
      else if (depth === 0) {
        if (tt === KW.lambda) lambdas++;
        else if (tt === T.Colon) {
          if (lambdas > 0) lambdas--;
          else return k;
        }
      }
    }
    return -1;
  }

  /** Header range and colon of the compound statement whose keyword is at `k`. */
  private header(k: number): { nl: number; colon: number } {
    const nl = this.newlineFrom(k);
    const colon = this.headerColon(k + 1, nl);
    if (colon < 0) this.problemAt(nl, "expected ':'");
    return { nl, colon };
  }

  private headerExpr<R>(rule: () => R, from: number, to: number): R | undefined {
    if (to <= from) {
      this.problemAt(from, 'invalid syntax');
      return undefined;
    }
    return this.parseRange(rule, from, to);
  }

  // ---- compound statements ---------------------------------------------------------

  private ifStmt(): Stmt {
    const first = this.tokens[this.i]!;
    const branches: Array<{ test: Expr; body: Stmt[]; at: { start: number; end: number } }> = [];
    let orelse: Stmt[] | null = null;
    let kind = 'if';
    let endAt = tokEnd(first);
    for (;;) {
      const kw = this.tokens[this.i]!;
      const { nl, colon } = this.header(this.i);
      const hdrEnd = colon >= 0 ? colon : nl;
      const test = this.headerExpr(() => this.px.namedExpr(), this.i + 1, hdrEnd) ?? this.errorExpr(this.i, hdrEnd);
      const body = this.suite(colon, nl, kind, kw);
      branches.push({ test, body, at: { start: kw.startOffset, end: test.end } });
      endAt = this.lastEnd(endAt);
      if (this.is(this.i, KW.elif)) {
        kind = 'elif';
        continue;
      }
      if (this.is(this.i, KW.else)) {
        orelse = this.elseSuite('else');
        endAt = this.lastEnd(endAt);
      }
      break;
    }
    return { t: 'if', branches, orelse, start: first.startOffset, end: endAt };
  }

  /** `else:` / `finally:` (a keyword directly followed by a colon). */
  private elseSuite(kind: string): Stmt[] {
    const kw = this.tokens[this.i]!;
    const nl = this.newlineFrom(this.i);
    let colon = this.i + 1;
    if (!this.is(colon, T.Colon)) {
      this.problemAt(colon, "expected ':'");
      colon = this.headerColon(this.i + 1, nl);
    }
    return this.suite(colon, nl, kind, kw);
  }

  private whileStmt(): Stmt {
    const kw = this.tokens[this.i]!;
    const { nl, colon } = this.header(this.i);
    const test = this.headerExpr(() => this.px.namedExpr(), this.i + 1, colon >= 0 ? colon : nl) ?? null;
    const body = this.suite(colon, nl, 'while', kw);
    const orelse = this.is(this.i, KW.else) ? this.elseSuite('else') : null;
    return { t: 'while', test, body, orelse, start: kw.startOffset, end: this.lastEnd(tokEnd(kw)) };
  }

  private forStmt(k: number, startTok = k): Stmt {
    const kw = this.tokens[k]!;
    const { nl, colon } = this.header(k);
    const h = this.headerExpr(() => this.px.forHeader(), k + 1, colon >= 0 ? colon : nl);
    this.i = k;
    const body = this.suite(colon, nl, 'for', kw);
    const orelse = this.is(this.i, KW.else) ? this.elseSuite('else') : null;
    const start = this.tokens[startTok]!.startOffset;
    return { t: 'for', target: h?.target ?? null, iter: h?.iter ?? null, body, orelse, start, end: this.lastEnd(tokEnd(kw)) };
  }

  private tryStmt(): Stmt {
    const kw = this.tokens[this.i]!;
    const body = this.elseSuite('try');
    const handlers: Array<{ type: Expr | null; name: string | null; body: Stmt[]; at: { start: number; end: number } }> = [];
    let orelse: Stmt[] | null = null;
    let finalbody: Stmt[] | null = null;
    while (this.is(this.i, KW.except)) {
      const ex = this.tokens[this.i]!;
      const { nl, colon } = this.header(this.i);
      const hdrEnd = colon >= 0 ? colon : nl;
      let type: Expr | null = null;
      let name: string | null = null;
      let from = this.i + 1;
      if (this.is(from, T.Star)) from++; // except* (3.11)
      if (hdrEnd > from) {
        const h = this.parseRange(() => this.px.exceptClause(), from, hdrEnd);
        if (h) {
          type = h.type;
          name = h.name;
        } else type = this.errorExpr(from, hdrEnd);
      }
      const hb = this.suite(colon, nl, 'except', ex);
      handlers.push({ type, name, body: hb, at: { start: ex.startOffset, end: type ? type.end : tokEnd(ex) } });
    }
    if (this.is(this.i, KW.else)) {
      if (handlers.length === 0) this.problemAt(this.i, 'invalid syntax');
      orelse = this.elseSuite('else');
    }
    if (this.is(this.i, KW.finally)) finalbody = this.elseSuite('finally');
    if (handlers.length === 0 && !finalbody) this.problemAt(this.i, "expected 'except' or 'finally' block");
    return { t: 'try', body, handlers, orelse, finalbody, start: kw.startOffset, end: this.lastEnd(tokEnd(kw)) };
  }

  private withStmt(k: number, startTok = k): Stmt {
    const kw = this.tokens[k]!;
    const { nl, colon } = this.header(k);
    const hdrEnd = colon >= 0 ? colon : nl;
    let items: Array<{ expr: Expr; target: Expr | null }> | undefined;
    if (this.is(k + 1, T.LParen)) items = this.parseRange(() => this.px.withItemsParen(), k + 1, hdrEnd, true);
    items ??= this.headerExpr(() => this.px.withItems(), k + 1, hdrEnd);
    this.i = k;
    const body = this.suite(colon, nl, 'with', kw);
    return { t: 'with', items: items ?? [], body, start: this.tokens[startTok]!.startOffset, end: this.lastEnd(tokEnd(kw)) };
  }

  private defStmt(k: number, startTok = k): Stmt {
    const kw = this.tokens[k]!;
    const kind = kw.tokenType === KW.def ? 'def' : 'class';
    const nameTok = this.tokens[k + 1];
    const { nl, colon } = this.header(k);
    let name = '';
    let nameAt = { start: kw.startOffset, end: tokEnd(kw) };
    if (nameTok && nameTok.tokenType === Tk.Name) {
      name = nameTok.image;
      nameAt = { start: nameTok.startOffset, end: tokEnd(nameTok) };
      const after = this.tokens[k + 2];
      const ok = kind === 'def' ? after?.tokenType === T.LParen : after?.tokenType === T.LParen || after?.tokenType === T.Colon;
      if (!ok && colon >= 0) this.problemAt(k + 2, kind === 'def' ? "expected '('" : 'invalid syntax');
    } else this.problemAt(k + 1, 'invalid syntax');
    this.i = k;
    const body = this.suite(colon, nl, kind, kw);
    return { t: kind, name, nameAt, body, start: this.tokens[startTok]!.startOffset, end: this.lastEnd(tokEnd(kw)) };
  }

  /** `match subject:` — a soft keyword: only when the line ends with a colon and is not an expression statement. */
  private isMatchStatement(k: number): boolean {
    const nl = this.newlineFrom(k);
    if (!this.is(nl - 1, T.Colon) || nl - 1 <= k + 1) return false;
    const next = this.type(k + 1);
    return !(next === T.Assign || next === T.Dot || next === T.Colon || next === T.Comma || isAugAssign(next));
  }

  private matchStmt(k: number): Stmt {
    const kw = this.tokens[k]!;
    const nl = this.newlineFrom(k);
    const subject = this.parseRange(() => this.px.testListStarExpr(), k + 1, nl - 1) ?? null;
    this.i = nl + 1;
    const body: Stmt[] = [];
    if (!this.is(this.i, Tk.Indent)) {
      this.problemAt(this.i, `expected an indented block after 'match' statement on line ${this.line(kw)}`);
    } else {
      this.i++;
      while (this.i < this.n && !this.is(this.i, Tk.Dedent)) {
        const c = this.tokens[this.i]!;
        const cnl = this.newlineFrom(this.i);
        if (c.tokenType === Tk.Name && c.image === 'case') {
          // Patterns are not evaluated; a guard's colon is the last one at depth 0.
          let colon = -1;
          let depth = 0;
          for (let j = this.i + 1; j < cnl; j++) {
            const tt = this.tokens[j]!.tokenType;
            if (tt === T.LParen || tt === T.LBracket || tt === T.LBrace) depth++;
            else if (tt === T.RParen || tt === T.RBracket || tt === T.RBrace) depth--;
            else if (tt === T.Colon && depth === 0) colon = j;
          }
          if (colon < 0) this.problemAt(cnl, "expected ':'");
          body.push(...this.suite(colon, cnl, 'case', c));
        } else if (c.tokenType === Tk.Newline) {
          this.i++;
        } else {
          this.problemAt(this.i, 'invalid syntax');
          this.skipLineAndBlock(body);
        }
      }
      if (this.is(this.i, Tk.Dedent)) this.i++;
    }
    return { t: 'match', subject, body, start: kw.startOffset, end: this.lastEnd(tokEnd(kw)) };
  }

  private lastEnd(fallback: number): number {
    for (let k = this.i - 1; k >= 0; k--) {
      const t = this.tokens[k]!;
      if (t.tokenType !== Tk.Newline && t.tokenType !== Tk.Dedent && t.tokenType !== Tk.Indent) return Math.max(fallback, tokEnd(t));
    }
    return fallback;
  }

  // ---- simple statements -----------------------------------------------------------

  private simpleLine(into: Stmt[]): void {
    const nl = this.newlineFrom(this.i);
    this.simpleStatements(this.i, nl, into);
    this.i = nl + 1;
    // A block after a simple statement is an unexpected indent; read it anyway.
  }

  private simpleStatements(from: number, to: number, into: Stmt[]): void {
    let a = from;
    for (let k = from; k <= to; k++) {
      if (k === to || this.tokens[k]!.tokenType === T.Semi) {
        if (k > a) {
          const s = this.simple(a, k);
          if (s) into.push(s);
        } else if (k < to || a === from) {
          if (k < to) this.problemAt(k, 'invalid syntax');
        }
        a = k + 1;
      }
    }
  }

  private simple(a: number, b: number): Stmt | undefined {
    const t = this.tokens[a]!;
    const start = t.startOffset;
    const end = tokEnd(this.tokens[b - 1]!);
    const tt = t.tokenType;
    const fail = (): Stmt => ({ t: 'error', names: this.namesAssigned(a, b), start, end });
    switch (tt) {
      case KW.pass:
      case KW.break:
      case KW.continue:
        if (b > a + 1) {
          this.problemAt(a + 1, 'invalid syntax');
          return fail();
        }
        return { t: t.image as 'pass', start, end };
      case KW.import:
        return this.importStmt(a, b) ?? fail();
      case KW.from:
        return this.fromStmt(a, b) ?? fail();
      case KW.return: {
        const v = b > a + 1 ? this.parseRange(() => this.px.testListStarExpr(), a + 1, b) : null;
        if (v === undefined) return fail();
        return { t: 'return', value: v, start, end };
      }
      case KW.raise: {
        const v = this.parseRange(() => this.px.raiseArgs(), a + 1, b, false, (k) =>
          this.is(k, T.Comma) ? `\`raise E, message\` is Python 2 syntax; write \`raise E(message)\`. ${PY2_HINT}` : undefined,
        );
        if (v === undefined) return fail();
        return { t: 'raise', value: v, start, end };
      }
      case KW.yield: {
        const v = this.parseRange(() => this.px.yieldOrTestList(), a, b);
        if (v === undefined) return fail();
        return { t: 'expr', value: v, start, end };
      }
      case KW.assert: {
        const v = this.headerExpr(() => this.px.assertArgs(), a + 1, b);
        if (v === undefined) return fail();
        return { t: 'assert', value: v, start, end };
      }
      case KW.del: {
        const v = this.headerExpr(() => this.px.testListStarExpr(), a + 1, b);
        if (v === undefined) return fail();
        return { t: 'del', targets: v.t === 'tuple' && !v.parens ? v.elts : [v], start, end };
      }
      case KW.global:
      case KW.nonlocal: {
        const names: string[] = [];
        let k = a + 1;
        for (;;) {
          if (!this.is(k, Tk.Name)) {
            this.problemAt(k, 'invalid syntax');
            return fail();
          }
          names.push(this.tokens[k]!.image);
          k++;
          if (k >= b) break;
          if (!this.is(k, T.Comma)) {
            this.problemAt(k, 'invalid syntax');
            return fail();
          }
          k++;
        }
        return { t: t.image as 'global', names, start, end };
      }
    }
    if (tt === Tk.Name && (t.image === 'print' || t.image === 'exec') && b > a + 1 && this.looksLikePy2Statement(a)) {
      this.problem(
        start,
        end,
        `Missing parentheses in call to '${t.image}'. Did you mean ${t.image}(...)?`,
        `\`${t.image} …\` is a Python 2 statement; in Python 3 ${t.image} is a function. ${PY2_HINT}`,
      );
      return fail();
    }
    const s = this.parseRange(() => this.px.exprStmt(), a, b);
    return s ?? fail();
  }

  private looksLikePy2Statement(a: number): boolean {
    const next = this.tokens[a + 1]!;
    const tt = next.tokenType;
    if (tt === Tk.String || tt === Tk.Number || tt === Tk.Name || tt === KW.None || tt === KW.True || tt === KW.False) return true;
    return this.tokens[a]!.image === 'print' && tt === Tk.OP['>>'];
  }

  private dotted(k: number): { name: string; next: number } | undefined {
    if (!this.is(k, Tk.Name)) return undefined;
    let name = this.tokens[k]!.image;
    k++;
    while (this.is(k, T.Dot) && this.is(k + 1, Tk.Name)) {
      name += '.' + this.tokens[k + 1]!.image;
      k += 2;
    }
    return { name, next: k };
  }

  private importStmt(a: number, b: number): Stmt | undefined {
    const names: ImportName[] = [];
    let k = a + 1;
    for (;;) {
      const d = this.dotted(k);
      if (!d) {
        this.problemAt(k, 'invalid syntax');
        return undefined;
      }
      const s = this.tokens[k]!.startOffset;
      k = d.next;
      let asname: string | null = null;
      if (this.is(k, KW.as)) {
        if (!this.is(k + 1, Tk.Name)) {
          this.problemAt(k + 1, 'invalid syntax');
          return undefined;
        }
        asname = this.tokens[k + 1]!.image;
        k += 2;
      }
      names.push({ name: d.name, asname, start: s, end: tokEnd(this.tokens[k - 1]!) });
      if (k >= b) break;
      if (!this.is(k, T.Comma)) {
        this.problemAt(k, 'invalid syntax');
        return undefined;
      }
      k++;
    }
    return { t: 'import', names, start: this.tokens[a]!.startOffset, end: tokEnd(this.tokens[b - 1]!) };
  }

  private fromStmt(a: number, b: number): Stmt | undefined {
    let k = a + 1;
    let level = 0;
    const modStart = this.tokens[k]?.startOffset ?? tokEnd(this.tokens[a]!);
    for (;;) {
      if (this.is(k, T.Dot)) level++;
      else if (this.is(k, T.Ellipsis)) level += 3;
      else break;
      k++;
    }
    let module = '';
    const d = this.dotted(k);
    if (d) {
      module = d.name;
      k = d.next;
    }
    const moduleAt = { start: modStart, end: k > a + 1 ? tokEnd(this.tokens[k - 1]!) : modStart };
    if ((level === 0 && !module) || !this.is(k, KW.import)) {
      this.problemAt(k, 'invalid syntax');
      return undefined;
    }
    k++;
    const start = this.tokens[a]!.startOffset;
    const end = tokEnd(this.tokens[b - 1]!);
    if (this.is(k, T.Star)) {
      if (k + 1 !== b) {
        this.problemAt(k + 1, 'invalid syntax');
        return undefined;
      }
      return { t: 'from', module, level, moduleAt, names: '*', start, end };
    }
    let close = b;
    const paren = this.is(k, T.LParen);
    if (paren) {
      k++;
      close = b - 1;
      if (!this.is(close, T.RParen)) {
        this.problemAt(b, "expected ')'");
        return undefined;
      }
    }
    const names: ImportName[] = [];
    while (k < close) {
      if (!this.is(k, Tk.Name)) {
        this.problemAt(k, names.length ? 'invalid syntax' : 'Expected one or more names after \'import\'');
        return undefined;
      }
      const nt = this.tokens[k]!;
      let asname: string | null = null;
      k++;
      if (this.is(k, KW.as)) {
        if (!this.is(k + 1, Tk.Name)) {
          this.problemAt(k + 1, 'invalid syntax');
          return undefined;
        }
        asname = this.tokens[k + 1]!.image;
        k += 2;
      }
      names.push({ name: nt.image, asname, start: nt.startOffset, end: tokEnd(this.tokens[k - 1]!) });
      if (k >= close) break;
      if (!this.is(k, T.Comma)) {
        this.problemAt(k, 'invalid syntax');
        return undefined;
      }
      k++;
      if (k >= close && !paren) {
        this.problemAt(k, 'trailing comma not allowed without surrounding parentheses');
        return undefined;
      }
    }
    if (names.length === 0) {
      this.problemAt(k, "Expected one or more names after 'import'");
      return undefined;
    }
    return { t: 'from', module, level, moduleAt, names, start, end };
  }

  // ---- expressions -----------------------------------------------------------------

  private errorExpr(from: number, to: number): Expr {
    const s = this.tokens[from]?.startOffset ?? 0;
    const e = to > from ? tokEnd(this.tokens[to - 1]!) : s;
    return { t: 'opaque', what: 'syntax error', inner: [], start: s, end: e };
  }

  /** Names a statement that failed to parse seems to assign (`X = …`, `A, B = …`, `X += …`). */
  private namesAssigned(a: number, b: number): string[] {
    const names: string[] = [];
    let k = a;
    while (k < b && this.is(k, Tk.Name)) {
      names.push(this.tokens[k]!.image);
      k++;
      if (this.is(k, T.Comma)) k++;
      else break;
    }
    const tt = this.type(k);
    if (tt === T.Assign || tt === T.Colon || isAugAssign(tt)) return names;
    return [];
  }

  /**
   * Run one grammar rule on tokens [from, to). Reports the first error (CPython stops at the
   * first one too) unless `quiet`; `hintFor` may add a hint for the offending token.
   */
  private parseRange<R>(rule: () => R, from: number, to: number, quiet = false, hintFor?: (k: number) => string | undefined): R | undefined {
    const px = this.px;
    let result: R;
    try {
      result = px.run(this.tokens, from, to, rule);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        if (!quiet) {
          const bad = e.at;
          const hint = hintFor?.(bad);
          if (bad >= to) this.problemAt(to, 'invalid syntax', hint);
          else this.problemAt(bad, this.messageFor(bad), hint);
        }
        return undefined;
      }
      if (e instanceof RangeError) {
        if (!quiet) this.problemAt(from, 'too many nested parentheses', 'The expression is nested too deeply to be read.');
        return undefined;
      }
      throw e;
    }
    if (!quiet) for (const se of px.semErrors) this.problem(se.start, se.end, se.message, se.hint);
    return result;
  }

  private messageFor(_k: number): string {
    return 'invalid syntax';
  }

}

/** Names an unparseable line seems to assign, from its text. */
function namesAssignedInText(text: string): string[] {
  const m = /^\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)/.exec(text);
  return m ? m[1]!.split(',').map((s) => s.trim()) : [];
}
