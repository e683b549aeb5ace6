import { testRule } from '../../helpers/rule-tester.js';
import { pythonSyntaxError } from '../../../src/rules/django/python-syntax-error.js';

const MODERN = `from __future__ import annotations
import os, sys
from pathlib import Path
from typing import Any
BASE_DIR: Path = Path(__file__).resolve().parent.parent
if (v := os.getenv("X")) is not None:
    pass
LIST = [*range(3), *"ab"]
D = {**{"a": 1}, "b": 2}
S = {x for x in "abc" if x}
G = (x async for x in y) if False else None
F = f"{BASE_DIR!s:>{10}} {D['a']=} {'nested'}"
L = lambda a, /, b=1, *c, d, **e: (a, b, c, d, e)
x = 1; y = 2;
a, *b = [1, 2, 3]
C = [1, 2,
     3]  # a comment
T = 1 if x else \\
    2
B = rb'\\d' + Rb"x"
match sys.argv:
    case [_, "test", *rest] if rest:
        TESTING = True
    case _:
        TESTING = False
@decorator(arg)
class Config(Base, metaclass=Meta):
    """doc"""
    def method(self, *args: int, **kw) -> "Config":
        global x
        yield from args
        return self
async def main():
    async with a as b, c:
        await b
with (open("a") as f, open("b") as g):
    pass
try:
    pass
except* ValueError:
    pass
print(*[1], sep="")
`;

testRule(pythonSyntaxError, {
  valid: [
    { name: 'modern Python 3', files: { 'settings.py': MODERN } },
    { name: 'CRLF line ends, BOM, form feed, tabs only', files: { 'settings.py': '\uFEFFif True:\r\n\tX = 1\r\n\f\r\nY = 2\r\n' } },
    { name: 'latin-1 with a coding line', files: { 'settings.py': '# -*- coding: latin-1 -*-\nNAME = "caf\xe9"\n' } },
    { name: '200 nested brackets is the limit', files: { 'settings.py': `X = ${'('.repeat(200)}1${')'.repeat(200)}\n` } },
    { name: '1000 unary minus signs', files: { 'settings.py': `X = ${'-'.repeat(1000)}1\n` } },
  ],
  invalid: [
    {
      name: 'Python 2 print statement',
      files: { 'settings.py': 'import os\nDEBUG = False\nprint "settings loaded"\n' },
      errors: [{ message: "Missing parentheses in call to 'print'. Did you mean print(...)?", line: 3, column: 1 }],
    },
    {
      name: 'Python 2 except clause',
      files: { 'settings.py': 'try:\n    import local\nexcept ImportError, e:\n    pass\n' },
      errors: [{ message: 'multiple exception types must be parenthesized', line: 3, column: 8 }],
    },
    {
      name: 'Python 2 octal, long, ur-prefix, backquotes, <>',
      files: { 'settings.py': 'A = 0777\nB = 10L\nC = ur"x"\nD = `A`\nE = A <> B\nF = 1\n' },
      errors: [
        { message: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', line: 1 },
        { message: 'invalid decimal literal', line: 2 },
        { message: 'invalid syntax', line: 3 },
        { message: 'invalid syntax', line: 4 },
        { message: 'invalid syntax', line: 5 },
      ],
    },
    {
      name: 'tabs and spaces mixed the way Python refuses',
      files: { 'settings.py': 'if 1:\n\tx = 1\n        y = 2\n' },
      errors: [{ message: 'inconsistent use of tabs and spaces in indentation', line: 3, column: 1 }],
    },
    {
      name: 'unexpected indent',
      files: { 'settings.py': 'x = 1\n    y = 2\n' },
      errors: [{ message: 'unexpected indent', line: 2, column: 5 }],
    },
    {
      name: 'missing block',
      files: { 'settings.py': 'if True:\nx = 1\n' },
      errors: [{ message: "expected an indented block after 'if' statement on line 1", line: 2, column: 1 }],
    },
    {
      name: 'unindent to no level',
      files: { 'settings.py': 'if 1:\n    x = 1\n  y = 2\n' },
      errors: [{ message: 'unindent does not match any outer indentation level', line: 3 }],
    },
    {
      name: 'bracket never closed: the next line is read again',
      files: { 'settings.py': 'X = (1,\nY = 2\nZ = [\n' },
      errors: [
        { message: "'(' was never closed", line: 1, column: 5 },
        { message: "'[' was never closed", line: 3, column: 5 },
      ],
    },
    {
      name: 'mismatched and unmatched brackets',
      files: { 'settings.py': 'X = (1]\nY = 2)\n' },
      errors: [
        { message: "closing parenthesis ']' does not match opening parenthesis '('", line: 1, column: 7 },
        { message: "unmatched ')'", line: 2, column: 6 },
      ],
    },
    {
      name: 'unterminated strings',
      files: { 'settings.py': 'X = "abc\nY = 1\nZ = """never\nclosed\n' },
      errors: [
        { message: 'unterminated string literal (detected at line 1)', line: 1, column: 5 },
        { message: 'unterminated triple-quoted string literal (detected at line 4)', line: 3, column: 5 },
      ],
    },
    {
      name: 'missing colon, stray else, dangling operator',
      files: { 'settings.py': 'if X\n    pass\nY = 1 +\nelse:\n    pass\n' },
      errors: [
        { message: "expected ':'", line: 1, column: 5 },
        { message: 'invalid syntax', line: 3, column: 8 },
        { message: 'invalid syntax', line: 4, column: 1 },
      ],
    },
    {
      name: 'assignment to a literal / call',
      files: { 'settings.py': '1 = x\nf() = 2\n' },
      errors: [{ message: /^cannot assign to literal here/, line: 1 }, { message: /^cannot assign to function call here/, line: 2 }],
    },
    {
      name: 'too many nested parentheses',
      files: { 'settings.py': `X = ${'('.repeat(201)}1${')'.repeat(201)}\nY = 2\n` },
      errors: [{ message: 'too many nested parentheses', line: 1, column: 205 }],
    },
    {
      name: 'a star-imported module with NUL bytes',
      files: { 'settings.py': 'from .part import *\n', 'part.py': 'X = 1\0\n' },
      errors: [{ message: 'source code string cannot contain null bytes', file: 'part.py' }],
    },
    {
      name: 'invalid characters',
      files: { 'settings.py': 'X = 1 $ 2\nY = 3 € 4\nZ = 1\u00a0\n' },
      errors: [
        { message: 'invalid syntax', line: 1, column: 7 },
        { message: "invalid character '€' (U+20AC)", line: 2, column: 7 },
        { message: 'invalid non-printable character U+00A0', line: 3, column: 6 },
      ],
    },
  ],
});
