/**
 * Token types of the Python front end.
 *
 * The chevrotain lexer (lexer.ts) recognises only a few broad classes (names, numbers,
 * strings, operators, newlines); its post-pass gives every token its precise type from this
 * table (each keyword and operator has its own type, with categories for the operator
 * families), and adds NEWLINE / INDENT / DEDENT the way CPython's tokenizer does. The
 * parser (parser.ts) matches on these types.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

const NA = Lexer.NA;

// Categories
export const BinOp = createToken({ name: 'BinOp', pattern: NA });
export const AugAssign = createToken({ name: 'AugAssign', pattern: NA });
export const CompOp = createToken({ name: 'CompOp', pattern: NA });
export const UnaryOp = createToken({ name: 'UnaryOp', pattern: NA });

// Atoms and layout
export const Name = createToken({ name: 'Name', pattern: NA });
export const Number = createToken({ name: 'Number', pattern: NA });
export const String = createToken({ name: 'String', pattern: NA });
export const Newline = createToken({ name: 'NEWLINE', pattern: NA });
export const Indent = createToken({ name: 'INDENT', pattern: NA });
export const Dedent = createToken({ name: 'DEDENT', pattern: NA });
/** A token the tokenizer already reported as an error (the parser skips its logical line). */
export const ErrorToken = createToken({ name: 'ERRORTOKEN', pattern: NA });

/** Hard keywords of Python 3.11 (soft keywords `match`, `case`, `_`, `type` are names). */
export const KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import',
  'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
  'with', 'yield',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

export const KW: Record<Keyword, TokenType> = Object.create(null);
for (const k of KEYWORDS) KW[k] = createToken({ name: `kw_${k}`, pattern: NA });

/** Operators and delimiters, with the categories they belong to. */
const OPS: Array<[string, string, TokenType[]]> = [
  ['(', 'LParen', []], [')', 'RParen', []], ['[', 'LBracket', []], [']', 'RBracket', []],
  ['{', 'LBrace', []], ['}', 'RBrace', []], [',', 'Comma', []], [':', 'Colon', []],
  ['.', 'Dot', []], [';', 'Semi', []], ['=', 'Assign', []], ['->', 'Arrow', []],
  [':=', 'Walrus', []], ['...', 'Ellipsis', []], ['@', 'At', [BinOp]], ['**', 'Pow', []],
  ['+', 'Plus', [BinOp, UnaryOp]], ['-', 'Minus', [BinOp, UnaryOp]], ['~', 'Tilde', [UnaryOp]],
  ['*', 'Star', [BinOp]], ['/', 'Slash', [BinOp]], ['//', 'DSlash', [BinOp]], ['%', 'Percent', [BinOp]],
  ['|', 'Pipe', [BinOp]], ['^', 'Caret', [BinOp]], ['&', 'Amp', [BinOp]], ['<<', 'LShift', [BinOp]],
  ['>>', 'RShift', [BinOp]],
  ['<', 'Lt', [CompOp]], ['>', 'Gt', [CompOp]], ['==', 'EqEq', [CompOp]], ['>=', 'GtE', [CompOp]],
  ['<=', 'LtE', [CompOp]], ['!=', 'NotEq', [CompOp]], ['<>', 'LtGt', []],
  ['+=', 'PlusEq', [AugAssign]], ['-=', 'MinusEq', [AugAssign]], ['*=', 'StarEq', [AugAssign]],
  ['/=', 'SlashEq', [AugAssign]], ['//=', 'DSlashEq', [AugAssign]], ['%=', 'PercentEq', [AugAssign]],
  ['@=', 'AtEq', [AugAssign]], ['&=', 'AmpEq', [AugAssign]], ['|=', 'PipeEq', [AugAssign]],
  ['^=', 'CaretEq', [AugAssign]], ['>>=', 'RShiftEq', [AugAssign]], ['<<=', 'LShiftEq', [AugAssign]],
  ['**=', 'PowEq', [AugAssign]],
];

export const OP: Record<string, TokenType> = Object.create(null);
for (const [image, name, categories] of OPS) OP[image] = createToken({ name, pattern: NA, categories });

export const T = {
  LParen: OP['(']!, RParen: OP[')']!, LBracket: OP['[']!, RBracket: OP[']']!, LBrace: OP['{']!,
  RBrace: OP['}']!, Comma: OP[',']!, Colon: OP[':']!, Dot: OP['.']!, Semi: OP[';']!,
  Assign: OP['=']!, Arrow: OP['->']!, Walrus: OP[':=']!, Ellipsis: OP['...']!, Pow: OP['**']!,
  Star: OP['*']!, Minus: OP['-']!, LtGt: OP['<>']!,
};

/** Every parser token type (the parser's vocabulary). */
export const ALL_TOKEN_TYPES: TokenType[] = [
  BinOp, AugAssign, CompOp, UnaryOp, Name, Number, String, Newline, Indent, Dedent, ErrorToken,
  ...Object.values(KW), ...Object.values(OP),
];

/** Binary operator precedence (higher binds tighter), by image. */
export const BINARY_PRECEDENCE: Record<string, number> = {
  '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '/': 6, '//': 6, '%': 6, '@': 6,
};
