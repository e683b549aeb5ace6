/**
 * The lexer against what nginx 1.22.1 does (FACTS §6, experiments q6/lex.conf and the
 * 4096-byte boundary cases checked with `nginx -t` while writing it).
 */
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source.js';
import type { NginxDirective, NginxNode } from '../../../src/parsers/nginx/ast.js';
import { unescapeNginx } from '../../../src/parsers/nginx/lexer.js';
import { parseNginx } from '../../../src/parsers/nginx/parser.js';

function parse(text: string) {
  const source = new SourceFile('/t/nginx.conf', text);
  const r = parseNginx(source);
  return { source, file: r.file, problems: r.file.problems.map((p) => `${p.ruleId === 'nginx/syntax-error' ? '' : p.ruleId + ' '}${p.message}`) };
}

function directives(nodes: NginxNode[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  const stack = [nodes];
  while (stack.length) {
    const list = stack.shift()!;
    for (const n of list) {
      if (n.type !== 'directive') continue;
      out.push(n);
      if (n.block) stack.push(n.block.children);
    }
  }
  return out;
}

/** Values of the words of the first directive named `name`. */
function valuesOf(text: string, name = 'return'): string[] {
  const d = directives(parse(text).file.children).find((x) => x.name === name);
  if (!d) throw new Error(`no ${name}`);
  return d.args.map((w) => w.value);
}

describe('words (FACTS §6, q6/lex.conf)', () => {
  it('# starts a comment only at the start of a token', () => {
    expect(valuesOf('return 200 abc#not-a-comment;   # real comment\n')).toEqual(['200', 'abc#not-a-comment']);
    expect(valuesOf('root /tmp/x#y;', 'root')).toEqual(['/tmp/x#y']);
    const { file } = parse('listen 80;#comment\nroot /x; # trailing\n');
    expect(file.children.map((n) => n.type)).toEqual(['directive', 'comment', 'directive', 'comment']);
    expect(file.children[1]).toMatchObject({ type: 'comment', text: 'comment' });
  });

  it('quoted strings keep ; { } # and newlines', () => {
    expect(valuesOf('return 200 "a;b{c}d";')).toEqual(['200', 'a;b{c}d']);
    expect(valuesOf("return 200 'single \"inner\" quotes';")).toEqual(['200', 'single "inner" quotes']);
    expect(valuesOf('return 200 "line1\nline2";')).toEqual(['200', 'line1\nline2']);
    expect(valuesOf('return 200 "#x";')).toEqual(['200', '#x']);
  });

  it('backslash: only \\" \\\' \\\\ unescaped, \\t \\r \\n become control characters', () => {
    expect(valuesOf('return 200 "q=\\" bs=\\\\ t=[\\t] n=[\\n] other=\\d";')).toEqual(['200', 'q=" bs=\\ t=[\t] n=[\n] other=\\d']);
    expect(valuesOf('return 200 a\\ b\\;c;')).toEqual(['200', 'a\\ b\\;c']);
    expect(unescapeNginx('\\r\\x\\\\\\\'')).toBe("\r\\x\\'");
  });

  it('a quote in the middle of a word is literal', () => {
    expect(valuesOf('return 200 a"b\'c;')).toEqual(['200', 'a"b\'c']);
  });

  it('} inside a word is part of it', () => {
    expect(valuesOf('return 200 foo}bar;')).toEqual(['200', 'foo}bar']);
  });

  it('${var} keeps { in the word', () => {
    expect(valuesOf('return 200 x${v}y;')).toEqual(['200', 'x${v}y']);
    expect(valuesOf('return 200 "${v}suffix $v-dash";')).toEqual(['200', '${v}suffix $v-dash']);
    // `{` not right after `$` ends the word and opens a block.
    const d = directives(parse('return 200 x{ }').file.children)[0]!;
    expect(d.terminator).toBe('{');
    expect(d.args.map((w) => w.value)).toEqual(['200', 'x']);
    // An escaped `$` does not start the variable state.
    expect(directives(parse('set $a \\${b};').file.children)[0]!.terminator).toBe('{');
  });

  it('fills raw, value, quote, hasVariables, start and end', () => {
    const text = 'set $x "a\\"$y";';
    const d = directives(parse(text).file.children)[0]!;
    const [a, b] = d.args;
    expect(a).toMatchObject({ raw: '$x', value: '$x', quote: null, hasVariables: true, start: 4, end: 6 });
    expect(b).toMatchObject({ raw: '"a\\"$y"', value: 'a"$y', quote: '"', hasVariables: true, start: 7, end: 14 });
    expect(d.nameWord).toMatchObject({ raw: 'set', value: 'set', start: 0, end: 3 });
    expect(JSON.parse(JSON.stringify(b))).toEqual({ raw: '"a\\"$y"', value: 'a"$y', quote: '"', hasVariables: true, start: 7, end: 14 });
    const plain = directives(parse("x 'y';").file.children)[0]!.args[0]!;
    expect(plain).toMatchObject({ quote: "'", hasVariables: false, value: 'y' });
  });

  it('CR is whitespace (CRLF files)', () => {
    const { file, problems } = parse('http {\r\n    server_name a b;\r\n}\r\n');
    expect(problems).toEqual([]);
    expect(directives(file.children).map((d) => [d.name, ...d.args.map((w) => w.value)])).toEqual([['http'], ['server_name', 'a', 'b']]);
  });

  it('keeps a BOM in the first word, as nginx does', () => {
    const { file } = parse('\uFEFFuser www-data;');
    expect((file.children[0] as NginxDirective).name).toBe('\uFEFFuser');
    // …so a comment right after the BOM is not a comment.
    const c = parse('\uFEFF# comment\nuser x;');
    expect((c.file.children[0] as NginxDirective).name).toBe('\uFEFF#');
  });

  it('parses on through invalid UTF-8 (replacement characters are word characters)', () => {
    const bytes = Buffer.concat([Buffer.from('server_name a'), Buffer.from([0xff, 0xfe]), Buffer.from('b;')]);
    const source = SourceFile.fromBytes('/t/x.conf', bytes);
    const r = parseNginx(source);
    expect(r.file.problems).toEqual([]);
    expect((r.file.children[0] as NginxDirective).args[0]!.value).toBe('a\uFFFD\uFFFDb');
  });
});

describe('hasVariables is "the value holds a $", also after re-reading an unclosed quote', () => {
  it('holds for every word', () => {
    for (const text of ['x "a\\$b" c$d \\$e "f" $g;', 'x "a $b\ny $c', "x 'no' \"dollar\" here;\ny '$z';", 'a "b"\n$c "d']) {
      const { file } = parse(text);
      for (const d of directives(file.children)) {
        for (const w of [d.nameWord, ...d.args]) expect(w.hasVariables, `${text}: ${w.raw}`).toBe(w.value.includes('$'));
      }
    }
  });
});

describe('errors found while reading tokens', () => {
  it('after a closing quote: only whitespace, ; { or ) may follow', () => {
    expect(parse('return 200 "a"b;').problems).toEqual(['unexpected "b"']);
    expect(parse('return 200 "a""b";').problems).toEqual(['unexpected """']);
    expect(parse('if ($a = "b") { }').problems).toEqual([]);
    expect(valuesOf('if ($a = "b") { return 200; }', 'if')).toEqual(['($a', '=', 'b', ')']);
    expect(parse('return 200 "a";').problems).toEqual([]);
    expect(parse('location "/a"{ }').problems).toEqual([]);
  });

  it('reports an unexpected character after a quote and reads it as the next word', () => {
    const { file, problems } = parse('return 200 "a"b;\nlisten 80;');
    expect(problems).toEqual(['unexpected "b"']);
    const ds = directives(file.children);
    expect(ds.map((d) => d.args.map((w) => w.value))).toEqual([['200', 'a', 'b'], ['80']]);
    // `"a"}` is reported once (not also as a missing ";").
    expect(parse('http { return 200 "a"}').problems).toEqual(['unexpected "}"']);
  });

  it('an unclosed quote: end-of-file error, then the rest is read again after the quote', () => {
    const r = parse('http { server { return 200 "abc; } }\n');
    expect(r.problems).toEqual(['unexpected end of file, expecting ";" or "}"']);
    const p = r.file.problems[0]!;
    expect(r.source.positionAt(p.at.start).line).toBe(2); // nginx: the last line
    expect(p.related?.[0]?.at.start).toBe(27);
    const ds = directives(r.file.children);
    expect(ds.map((d) => d.name)).toEqual(['http', 'server', 'return']);
    expect(ds[2]!.args.map((w) => w.raw)).toEqual(['200', '"abc']);
  });
});

describe('the 4096-byte token limit (NGX_CONF_BUFFER), as nginx -t reports it', () => {
  const head = 'pid /tmp/x.pid;\nerror_log stderr;\nevents {}\n';
  const a = (n: number) => 'a'.repeat(n);
  const cases: Array<[string, string, string | null]> = [
    ['bare word of 4095 bytes before ;', `http { server { return 200 ${a(4095)}; } }\n`, null],
    ['bare word of 4096 bytes before ;', `http { server { return 200 ${a(4096)}; } }\n`, 'too long parameter "aaaaaaaaaa..." started'],
    ['bare word of 4094 bytes before a space', `http { server { return 200 ${a(4094)} ; } }\n`, null],
    ['bare word of 4095 bytes before a space', `http { server { return 200 ${a(4095)} ; } }\n`, 'too long parameter "aaaaaaaaaa..." started'],
    ['quoted 4094 bytes then ;', `http { server { return 200 "${a(4094)}"; } }\n`, null],
    ['quoted 4095 bytes then ;', `http { server { return 200 "${a(4095)}"; } }\n`, 'too long parameter "aaaaaaaaaa..." started'],
    ['quoted 4093 bytes then a space', `http { server { return 200 "${a(4093)}" ; } }\n`, null],
    ['quoted 4094 bytes then a space', `http { server { return 200 "${a(4094)}" ; } }\n`, 'too long parameter "aaaaaaaaaa..." started'],
    ['quoted 4200 bytes (closed after the limit)', `http { server { return 200 "${a(4200)}"; } }\n`, 'too long parameter, probably missing terminating """ character'],
    ["single-quoted 5000 bytes", `http { server { return 200 '${a(5000)}'; } }\n`, `too long parameter, probably missing terminating "'" character`],
    ['2-byte characters: 4096 bytes', `http { server { return 200 ${'é'.repeat(2048)}; } }\n`, 'too long parameter "ééééé..." started'],
    ['the 10 bytes shown end inside a character (nginx prints a broken sequence)', `http { server { return 200 a${'é'.repeat(2048)}; } }\n`, 'too long parameter "aéééé\uFFFD..." started'],
    ['…inside a 4-byte character', `http { server { return 200 aaaaaaaa${'😀'.repeat(1100)}; } }\n`, 'too long parameter "aaaaaaaa\uFFFD..." started'],
    ['2-byte characters: 4095 bytes', `http { server { return 200 ${'é'.repeat(2047)}a; } }\n`, null],
    ['comment of 4095 bytes', `#${'c'.repeat(4094)}\nhttp {}\n`, null],
    ['comment of 4096 bytes', `#${'c'.repeat(4095)}\nhttp {}\n`, 'too long parameter "#ccccccccc..." started'],
    ['comment at the end of the file', `http {}\n#${'c'.repeat(5000)}`, 'too long parameter "#ccccccccc..." started'],
    ['word as block name', `http { server { location ${a(4095)}{ } } }\n`, null],
    ['word as block name, 4096', `http { server { location ${a(4096)}{ } } }\n`, 'too long parameter "aaaaaaaaaa..." started'],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => {
      const r = parse(head + body);
      expect(r.problems).toEqual(expected ? [expected] : []);
      if (expected) {
        // nginx reports the line where the token started (line 4 here or 5 for the EOF comment).
        const line = r.source.positionAt(r.file.problems[0]!.at.start).line;
        expect([4, 5]).toContain(line);
        expect(r.source.positionAt(r.file.problems[0]!.at.end).line).toBe(line);
      }
    });
  }

  it('a token that ends the file is limited one byte later (nginx stops before its buffer check)', () => {
    expect(parse(head + `return ${a(4097)}`).problems).toEqual(['too long parameter "aaaaaaaaaa..." started']);
  });

  it('an unclosed quote longer than the limit: one error at the quote, not also at the end of the file', () => {
    const r = parse(`${head}http { server { return 200 "abc; } }\n${'listen 80;\n'.repeat(600)}`);
    expect(r.problems).toEqual(['too long parameter, probably missing terminating """ character']);
    expect(r.source.positionAt(r.file.problems[0]!.at.start).line).toBe(4);
    // Read again after the quote: the blocks close and the listens are directives.
    expect(directives(r.file.children).filter((d) => d.name === 'listen')).toHaveLength(600);
  });

  it('a 1 MB token is one error', () => {
    const big = 'x'.repeat(1 << 20);
    const r = parse(`server_name ${big};\nlisten 80;`);
    expect(r.problems).toEqual(['too long parameter "xxxxxxxxxx..." started']);
    const ds = directives(r.file.children);
    expect(ds.map((d) => d.name)).toEqual(['server_name', 'listen']);
    expect(ds[0]!.args[0]!.value.length).toBe(1 << 20);
  });
});
