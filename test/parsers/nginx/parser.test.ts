/**
 * The statement parser: tree shape, nginx's syntax errors (FACTS §6, experiments q6/err_*.conf)
 * and error recovery (every error of a file reported, the rest of the file still usable).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source.js';
import type { NginxDirective, NginxNode } from '../../../src/parsers/nginx/ast.js';
import { parseNginx } from '../../../src/parsers/nginx/parser.js';

const Q6 = path.resolve(import.meta.dirname, '../../../../shared/facts/experiments/nginx/q6');

function parse(text: string, file = '/t/nginx.conf') {
  const source = new SourceFile(file, text);
  const r = parseNginx(source);
  const problems = r.file.problems.map((p) => ({
    rule: p.ruleId,
    message: p.message,
    line: source.positionAt(p.at.start).line,
    endLine: source.positionAt(p.at.end).line,
  }));
  return { source, file: r.file, includes: r.includes, problems, messages: problems.map((p) => p.message) };
}

function shape(nodes: NginxNode[]): unknown[] {
  return nodes.map((n) =>
    n.type === 'comment' ? `#${n.text}` : n.block ? { [n.name]: shape(n.block.children) } : [n.name, ...n.args.map((w) => w.value)].join(' '),
  );
}

describe('tree', () => {
  it('statements end at ; { }, blocks nest, comments are kept in order', () => {
    const { file, messages } = parse('user x; # who\nhttp {\n  server { listen 80; }\n  # done\n}\n');
    expect(messages).toEqual([]);
    expect(shape(file.children)).toEqual(['user x', '# who', { http: [{ server: ['listen 80'] }, '# done'] }]);
  });

  it('records offsets: start, end, terminator, terminatorAt, block open/close', () => {
    const text = 'events {}\nworker_processes 2;\nhttp { x }';
    const { file } = parse(text);
    const [events, wp, http] = file.children as NginxDirective[];
    expect(events).toMatchObject({ name: 'events', start: 0, end: 9, terminator: '{', terminatorAt: 7 });
    expect(events!.block).toMatchObject({ open: 7, close: 8, children: [] });
    expect(wp).toMatchObject({ name: 'worker_processes', start: 10, terminator: ';', terminatorAt: 28, end: 29, block: null });
    // `x }`: cut short by a syntax error, terminator null, ends at its last word.
    const x = http!.block!.children[0] as NginxDirective;
    expect(x).toMatchObject({ name: 'x', terminator: null, terminatorAt: -1, start: 37, end: 38 });
    expect(http).toMatchObject({ end: text.length, terminatorAt: 35 });
    expect(http!.block!.close).toBe(39);
    // The tree's nodes read their terminator from the text (getters): check them directly.
    expect([events!.terminator, wp!.terminator, x.terminator, http!.terminator, x.type]).toEqual(['{', ';', null, '{', 'directive']);
    expect(wp!.source.path).toBe('/t/nginx.conf');
  });

  it('a comment inside a statement comes after the directive', () => {
    const { file } = parse('listen 80 # the port\n  default_server;\n');
    expect(shape(file.children)).toEqual(['listen 80 default_server', '# the port']);
  });

  it('records include sites terminated by ";" with their block', () => {
    const { includes } = parse('include a.conf;\nhttp { include b/*.conf; types { include mime.types; } }\ninclude x{ }');
    expect(includes.map((s) => [s.directive.args[0]!.value, s.parentBlock])).toEqual([
      ['a.conf', null],
      ['b/*.conf', 'http'],
      ['mime.types', 'types'],
    ]);
  });

  it('5,000-deep nesting does not overflow', () => {
    const depth = 5000;
    const text = 'location /a {\n'.repeat(depth) + 'return 204;\n' + '}\n'.repeat(depth);
    const { file, messages } = parse(text);
    expect(messages).toEqual([]);
    let node = file.children[0] as NginxDirective;
    let n = 1;
    while (node.block && node.block.children[0]?.type === 'directive' && node.block.children[0].name === 'location') {
      node = node.block.children[0] as NginxDirective;
      n++;
    }
    expect(n).toBe(depth);
    // …and 5,000 unclosed blocks are one error.
    const open = parse('location /a {\n'.repeat(depth));
    expect(open.messages).toEqual(['unexpected end of file, expecting "}"']);
  });
});

describe('nginx -t messages of q6/err_*.conf (FACTS §6)', () => {
  // [file, message our parser reports (null: found later by the directive table), nginx's line]
  const cases: Array<[string, string | null, number]> = [
    ['err_unclosed_eof.conf', 'unexpected end of file, expecting "}"', 7],
    ['err_missing_semi.conf', 'unexpected "}"', 7],
    ['err_quote_then_word.conf', 'unexpected "b"', 4],
    ['err_extra_close.conf', 'unexpected "}"', 4],
    ['err_unterminated_q.conf', 'unexpected end of file, expecting ";" or "}"', 5],
    ['err_semicolon_alone.conf', 'unexpected ";"', 4],
    ['err_toolong.conf', 'too long parameter, probably missing terminating """ character', 4],
    ['err_unknown.conf', null, 7],
    ['err_missing_semi2.conf', null, 7],
    ['err_block_noargs.conf', null, 4],
    ['err_no_brace.conf', null, 4],
    ['err_unexpected_brace.conf', null, 4],
    ['err_directive_in_wrong_block.conf', null, 4],
    ['err_comment_eof.conf', null, 0],
    ['err_hash_in_word.conf', null, 0],
    ['ok_4000.conf', null, 0],
  ];
  for (const [name, message, line] of cases) {
    it(name, () => {
      const file = path.join(Q6, name);
      const r = parse(fs.readFileSync(file, 'utf8'), file);
      if (message === null) {
        expect(r.messages).toEqual([]);
        return;
      }
      expect(r.messages).toEqual([message]);
      const p = r.problems[0]!;
      expect(line).toBeGreaterThanOrEqual(p.line);
      expect(line).toBeLessThanOrEqual(p.endLine);
    });
  }

  it('records the terminators the directive table checks (no opening "{", not terminated by ";")', () => {
    const noBrace = parse(fs.readFileSync(path.join(Q6, 'err_no_brace.conf'), 'utf8'));
    const loc = (noBrace.file.children[3] as NginxDirective).block!.children[0] as NginxDirective;
    const inner = loc.block!.children[0] as NginxDirective;
    expect([inner.name, inner.terminator]).toEqual(['location', ';']);
    const brace = parse('http { server { return 200 x{ } } }');
    const ret = ((brace.file.children[0] as NginxDirective).block!.children[0] as NginxDirective).block!.children[0] as NginxDirective;
    expect([ret.name, ret.terminator, ret.terminatorAt]).toEqual(['return', '{', 28]);
  });

  it('include sites/{a,b}.conf: "{" ends the word (nginx: directive "include" is not terminated by ";")', () => {
    const r = parse('http {\n    include sites/{a,b}.conf;\n}\n');
    const http = r.file.children[0] as NginxDirective;
    const inc = http.block!.children[0] as NginxDirective;
    expect([inc.name, inc.args.map((w) => w.value), inc.terminator, inc.block]).toEqual(['include', ['sites/'], '{', { open: 25, close: -1, children: [] }]);
    expect((inc as unknown as { argCount: number }).argCount).toBe(1);
    expect(r.source.text.slice(inc.start, inc.end)).toBe('include sites/{a,b}.conf;');
    expect(r.includes).toEqual([]);
    // No cascade: the http block still closes where it should.
    expect(r.messages).toEqual([]);
    expect(http.block!.close).toBe(r.source.text.lastIndexOf('}'));
  });
});

describe('error recovery', () => {
  it('reports every syntax error of a file and keeps the rest', () => {
    const text = [
      'http {', //                         1
      '    ;', //                          2 unexpected ";"
      '    server {', //                   3
      '        listen 80', //              4
      '    }', //                          5 unexpected "}" (missing ;)
      '    server {', //                   6
      '        return 200 "x"y;', //       7 unexpected "y"
      '        listen 81;', //             8
      '    }', //                          9
      '}', //                              10
      '}', //                              11 extra }
      'events { }', //                     12
      'stream {', //                       13 never closed
      '    server { listen 82; }', //      14
    ].join('\n');
    const r = parse(text);
    expect(r.problems.map((p) => [p.message, p.line])).toEqual([
      ['unexpected ";"', 2],
      ['unexpected "}"', 5],
      ['unexpected "y"', 7],
      ['unexpected "}"', 11],
      ['unexpected end of file, expecting "}"', 14],
    ]);
    expect(shape(r.file.children)).toEqual([
      { http: [{ server: ['listen 80'] }, { server: ['return 200 x y', 'listen 81'] }] },
      { events: [] },
      { stream: [{ server: ['listen 82'] }] },
    ]);
  });

  it('an extra "}" at top level is ignored and parsing goes on at the outer level', () => {
    const r = parse('events {}\n}\nhttp { }\n');
    expect(r.messages).toEqual(['unexpected "}"']);
    expect(shape(r.file.children)).toEqual([{ events: [] }, { http: [] }]);
  });

  it('end of file inside a directive and inside blocks: both reported, blocks closed', () => {
    const r = parse('http {\n  server {\n    listen 80');
    expect(r.problems.map((p) => [p.message, p.line, p.endLine])).toEqual([
      ['unexpected end of file, expecting ";" or "}"', 3, 3],
      ['unexpected end of file, expecting "}"', 3, 3],
    ]);
    const p = r.file.problems[1]!;
    expect(p.related?.map((x) => x.message)).toEqual(['the block of "server" opened here is not closed', 'the block of "http" opened here is not closed']);
    const http = r.file.children[0] as NginxDirective;
    expect(http.block!.close).toBe(-1);
    expect(http.end).toBe(r.source.text.length);
  });

  it('a nameless "{" is reported and its block skipped, braces still pair', () => {
    const r = parse('http {\n  { listen 80; include a.conf; }\n  server_tokens off;\n  include b.conf;\n}\n');
    expect(r.messages).toEqual(['unexpected "{"']);
    expect(shape(r.file.children)).toEqual([{ http: ['server_tokens off', 'include b.conf'] }]);
    expect(r.includes.map((s) => s.directive.args[0]!.value)).toEqual(['b.conf']);
  });

  it('a run of stray ";" is one problem; a flood of errors is capped', () => {
    const semis = parse('events {}\n' + ';'.repeat(1 << 20) + '\nhttp { }\n');
    expect(semis.problems.map((p) => [p.message, p.line, p.endLine])).toEqual([['unexpected ";"', 2, 2]]);
    expect(semis.file.problems[0]!.at.end - semis.file.problems[0]!.at.start).toBe(1 << 20);
    expect(parse('; ;\n;').problems).toHaveLength(1);
    expect(parse('; # c\n;').problems).toHaveLength(2);
    const braces = parse('}\n'.repeat(5000));
    expect(braces.problems).toHaveLength(100);
    expect(braces.file.problems[99]!.hint).toContain('at most 100 syntax errors');
  });

  it('ranges cover the offending token', () => {
    const r = parse('http {\n  listen 80\n}');
    const p = r.file.problems[0]!;
    expect(r.source.text.slice(p.at.start, p.at.end)).toBe('}');
    expect(p.related?.[0]?.message).toBe('"listen" is not terminated by ";"');
  });
});

describe('\\$ in values (nginx/escaped-dollar)', () => {
  const rules = (text: string) => parse(text).problems.filter((p) => p.rule === 'nginx/escaped-dollar').map((p) => p.message);
  it('warns where the value takes variables', () => {
    expect(rules('return 200 "cost \\$5";')).toEqual(['"\\$" does not escape "$" in nginx: "\\$5" is a backslash followed by the variable "$5"']);
    expect(rules('add_header X "a \\$host";')).toHaveLength(1);
    expect(rules('rewrite ^/(.*)$ /x?a=\\$1 last;')).toHaveLength(1);
    expect(rules('map $a $b { default "\\${x}"; }')).toHaveLength(1);
  });
  it('is silent in regular expressions and where no variable follows', () => {
    expect(rules('location ~ \\$foo { }')).toEqual([]);
    expect(rules('rewrite ^/a\\$b /x last;')).toEqual([]);
    expect(rules('if ($uri ~ \\$x) { }')).toEqual([]);
    expect(rules('server_name ~^a\\$b;')).toEqual([]);
    expect(rules('proxy_redirect ~^/a\\$b /x;')).toEqual([]);
    expect(rules('return 200 "a \\$ b";')).toEqual([]);
    expect(rules('return 200 "a \\\\$host";')).toEqual([]);
    expect(rules('geo $g { default "\\$x"; }')).toEqual([]);
  });
});
