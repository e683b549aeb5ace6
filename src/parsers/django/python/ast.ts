/**
 * The Python syntax tree the settings evaluator reads. Offsets are into the file's text
 * (`end` exclusive). Chains that can be arbitrarily long in valid Python (`a.b.c()`,
 * `-(-x)`, `1 + 2 + …`, `a if b else c if …`) are flat lists, so walking the tree never
 * recurses deeper than the bracket nesting (at most 200, CPython's limit).
 */

export interface Node {
  start: number;
  end: number;
}

export interface StrPiece extends Node {
  /** The literal's text as written, prefix and quotes included. */
  raw: string;
}

export type Trailer =
  | ({ t: 'attr'; name: string; nameStart: number } & Node)
  | ({ t: 'call'; args: Arg[] } & Node)
  | ({ t: 'index'; index: Expr } & Node);

export interface Arg extends Node {
  /** Keyword name for `name=value`; `*` / `**` for unpacking; null for a positional argument. */
  name: string | null;
  star?: '*' | '**';
  value: Expr;
}

export type Expr =
  | ({ t: 'name'; id: string } & Node)
  | ({ t: 'num'; raw: string } & Node)
  | ({ t: 'const'; value: 'None' | 'True' | 'False' | '...' } & Node)
  | ({ t: 'str'; pieces: StrPiece[] } & Node)
  | ({ t: 'tuple' | 'list' | 'set'; elts: Expr[]; parens?: boolean } & Node)
  | ({ t: 'dict'; items: Array<{ key: Expr | null; value: Expr }> } & Node)
  | ({ t: 'starred'; value: Expr } & Node)
  /** Prefix operators, outermost first: `not`, `-`, `+`, `~`, `await`. */
  | ({ t: 'unary'; ops: string[]; operand: Expr } & Node)
  /** Operators of one precedence level, applied left to right. */
  | ({ t: 'chain'; operands: Expr[]; ops: string[] } & Node)
  /** `a ** b ** c`, right-associative; each operand after the first carries its unary prefixes. */
  | ({ t: 'pow'; operands: Expr[] } & Node)
  | ({ t: 'boolop'; op: 'and' | 'or'; values: Expr[] } & Node)
  | ({ t: 'compare'; operands: Expr[]; ops: string[] } & Node)
  /** `b1 if c1 else b2 if c2 else orelse`. */
  | ({ t: 'ifexp'; branches: Array<{ body: Expr; test: Expr }>; orelse: Expr } & Node)
  | ({ t: 'postfix'; base: Expr; trailers: Trailer[] } & Node)
  | ({ t: 'slice'; lower: Expr | null; upper: Expr | null; step: Expr | null } & Node)
  | ({ t: 'walrus'; target: string; value: Expr } & Node)
  /** Lambdas, comprehensions, generators, yield: values stacklint does not compute. */
  | ({ t: 'opaque'; what: string; inner: Expr[] } & Node);

export interface ImportName extends Node {
  /** Dotted name (`os.path`) or, in `from … import`, a plain name. */
  name: string;
  asname: string | null;
}

export type Stmt =
  | ({ t: 'assign'; targets: Expr[]; value: Expr } & Node)
  | ({ t: 'augassign'; target: Expr; op: string; value: Expr } & Node)
  | ({ t: 'annassign'; target: Expr; value: Expr | null } & Node)
  | ({ t: 'expr'; value: Expr } & Node)
  | ({ t: 'import'; names: ImportName[] } & Node)
  | ({ t: 'from'; module: string; level: number; moduleAt: Node; names: ImportName[] | '*' } & Node)
  | ({ t: 'if'; branches: Array<{ test: Expr; body: Stmt[]; at: Node }>; orelse: Stmt[] | null } & Node)
  | ({
      t: 'try';
      body: Stmt[];
      handlers: Array<{ type: Expr | null; name: string | null; body: Stmt[]; at: Node }>;
      orelse: Stmt[] | null;
      finalbody: Stmt[] | null;
    } & Node)
  | ({ t: 'with'; items: Array<{ expr: Expr; target: Expr | null }>; body: Stmt[] } & Node)
  | ({ t: 'for'; target: Expr | null; iter: Expr | null; body: Stmt[]; orelse: Stmt[] | null } & Node)
  | ({ t: 'while'; test: Expr | null; body: Stmt[]; orelse: Stmt[] | null } & Node)
  | ({ t: 'def' | 'class'; name: string; nameAt: Node; body: Stmt[] } & Node)
  | ({ t: 'match'; subject: Expr | null; body: Stmt[] } & Node)
  | ({ t: 'del'; targets: Expr[] } & Node)
  | ({ t: 'global' | 'nonlocal'; names: string[] } & Node)
  | ({ t: 'raise' | 'return' | 'assert'; value: Expr | null } & Node)
  | ({ t: 'pass' | 'break' | 'continue' } & Node)
  /** A statement that did not parse; `names` are the names it seems to assign (`X = …`). */
  | ({ t: 'error'; names: string[] } & Node);

export interface Module {
  body: Stmt[];
}
