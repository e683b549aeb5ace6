/**
 * Token types of the Python front end.
 *
 * The tokenizer (lexer.ts) first recognises a few broad classes (names, numbers, strings,
 * operators, newlines); its post-pass gives every token its precise type from this table
 * (each keyword and operator has its own type) and adds NEWLINE / INDENT / DEDENT the way
 * CPython's tokenizer does. The parser (parser.ts) matches on these types.
 */

/** A token type: the parser compares types by identity; the name is for tests and debugging. */
export interface TokenType {
  readonly name: string;
}

/** A token: its text, where it starts in the file (UTF-16 offset) and its type. */
export interface IToken {
  image: string;
  startOffset: number;
  /** Offset of the last character (inclusive); `startOffset - 1` for an empty token. */
  endOffset: number;
  tokenType: TokenType;
}

function tokenType(name: string): TokenType {
  return { name };
}

// Atoms and layout
export const Name = tokenType('Name');
export const Number = tokenType('Number');
export const String = tokenType('String');
export const Newline = tokenType('NEWLINE');
export const Indent = tokenType('INDENT');
export const Dedent = tokenType('DEDENT');
/** A token the tokenizer already reported as an error (the parser skips its logical line). */
export const ErrorToken = tokenType('ERRORTOKEN');

/** Hard keywords of Python 3.11 (soft keywords `match`, `case`, `_`, `type` are names). */
export const KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import',
  'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
  'with', 'yield',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

export const KW: Record<Keyword, TokenType> = Object.create(null);
for (const k of KEYWORDS) KW[k] = tokenType(`kw_${k}`);

/** Operators and delimiters: text and token name. */
const OPS: Array<[string, string]> = [
  ['(', 'LParen'], [')', 'RParen'], ['[', 'LBracket'], [']', 'RBracket'],
  ['{', 'LBrace'], ['}', 'RBrace'], [',', 'Comma'], [':', 'Colon'],
  ['.', 'Dot'], [';', 'Semi'], ['=', 'Assign'], ['->', 'Arrow'],
  [':=', 'Walrus'], ['...', 'Ellipsis'], ['@', 'At'], ['**', 'Pow'],
  ['+', 'Plus'], ['-', 'Minus'], ['~', 'Tilde'],
  ['*', 'Star'], ['/', 'Slash'], ['//', 'DSlash'], ['%', 'Percent'],
  ['|', 'Pipe'], ['^', 'Caret'], ['&', 'Amp'], ['<<', 'LShift'],
  ['>>', 'RShift'],
  ['<', 'Lt'], ['>', 'Gt'], ['==', 'EqEq'], ['>=', 'GtE'],
  ['<=', 'LtE'], ['!=', 'NotEq'], ['<>', 'LtGt'],
  ['+=', 'PlusEq'], ['-=', 'MinusEq'], ['*=', 'StarEq'],
  ['/=', 'SlashEq'], ['//=', 'DSlashEq'], ['%=', 'PercentEq'],
  ['@=', 'AtEq'], ['&=', 'AmpEq'], ['|=', 'PipeEq'],
  ['^=', 'CaretEq'], ['>>=', 'RShiftEq'], ['<<=', 'LShiftEq'],
  ['**=', 'PowEq'],
];

export const OP: Record<string, TokenType> = Object.create(null);
for (const [image, name] of OPS) OP[image] = tokenType(name);

export const T = {
  LParen: OP['(']!, RParen: OP[')']!, LBracket: OP['[']!, RBracket: OP[']']!, LBrace: OP['{']!,
  RBrace: OP['}']!, Comma: OP[',']!, Colon: OP[':']!, Dot: OP['.']!, Semi: OP[';']!,
  Assign: OP['=']!, Arrow: OP['->']!, Walrus: OP[':=']!, Ellipsis: OP['...']!, Pow: OP['**']!,
  Star: OP['*']!, Minus: OP['-']!, LtGt: OP['<>']!,
};

/** Binary operator precedence (higher binds tighter), by image. */
export const BINARY_PRECEDENCE: Record<string, number> = {
  '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '/': 6, '//': 6, '%': 6, '@': 6,
};
