/**
 * Compare `nginx -t` with stacklint on one input.
 *
 * stacklint runs in-process (`lint()`) with the rules of the nginx foundation only (front
 * end + structural rules + core input rules): those are the ones that claim "nginx -t
 * refuses this". Other nginx rules (advice, cross-file checks) are not parity claims.
 *
 * Verdicts:
 * - `agree`: nginx accepts and stacklint reports no error; or nginx refuses and stacklint
 *   has an error whose message equals nginx's, in nginx's file, where nginx's line lies
 *   between the start of stacklint's range and the end of the statement holding it (nginx
 *   names the line where the statement ended — or, for checks made after a block was read,
 *   its closing brace; stacklint points at the name or argument at fault).
 * - `out-of-scope`: nginx refuses for a reason the foundation does not model (argument
 *   *values* checked by a directive's handler: ports, hosts, regexes, log files…). Listed
 *   in HANDLER_LEVEL with the reason, counted and printed, never silently dropped.
 * - `disagree`: anything else, including stacklint errors on an input nginx accepts and
 *   stacklint errors at lines nginx read past without complaint.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type StackConfig } from '../../../src/core/config.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { NginxNode } from '../../../src/parsers/nginx/ast.js';
import type { Rule } from '../../../src/core/rule.js';
import { lint, type LintResult } from '../../../src/engine/lint.js';
import { coreRules } from '../../../src/rules/core/index.js';
import { frontEndRules } from '../../../src/rules/nginx/_frontend-rules.js';
import { structureRules } from '../../../src/rules/nginx/_structure-rules.js';
import type { NginxLogLine, NginxOutcome } from './nginx-runner.js';

export function parityRules(): Rule[] {
  return [...coreRules, ...frontEndRules, ...structureRules];
}

/** nginx errors raised by a directive's handler from argument values: outside the foundation. */
export const HANDLER_LEVEL: Array<{ re: RegExp; why: string }> = [
  { re: /^invalid (port|host) in (upstream|"[^"]*" of the "listen" directive)/, why: 'address parsing (uwsgi_pass/proxy_pass/listen handlers)' },
  { re: /^host not found in /, why: 'DNS resolution at start-up' },
  { re: /^no port in upstream /, why: 'upstream name resolution (post-parse)' },
  { re: /^upstream ".*" may not have port/, why: 'upstream name resolution (post-parse)' },
  { re: /^invalid URL prefix in /, why: 'proxy_pass URL parsing' },
  { re: /^invalid URL prefix$/, why: 'proxy_pass URL parsing' },
  { re: /^invalid parameter "/, why: 'handler-level parameter parsing (listen, add_header, uwsgi_param, proxy_redirect, …)' },
  { re: /^invalid value "(?!.*it must be "on" or "off")/, why: 'handler-level value parsing' },
  { re: /^pcre2?_compile\(\) failed/, why: 'regex compilation' },
  { re: /^invalid variable name/, why: 'complex value compilation' },
  { re: /^unknown "[^"]*" variable/, why: 'variable resolution (post-parse)' },
  { re: /^"[^"]*" directive invalid value/, why: 'handler-level value parsing (size/time/number slots)' },
  { re: /^invalid (size|time|number|log level|event type|buffer size)/, why: 'handler-level value parsing' },
  { re: /^unknown log format "/, why: 'log_format reference (handler)' },
  { re: /^(a )?duplicate (listen|upstream|default server|zone)/, why: 'cross-directive check in a handler' },
  { re: /^a duplicate default server/, why: 'cross-directive check in a handler' },
  { re: /cannot have URI part/, why: 'proxy_pass URI check (handler)' },
  { re: /^no "ssl_certificate"/, why: 'SSL configuration (post-parse)' },
  { re: /^cannot load certificate/, why: 'SSL files' },
  { re: /^the "[^"]*" parameter requires /, why: 'handler-level parameter check' },
  { re: /^"[^"]*" must be (less|more|equal|at least)/, why: 'post-parse value relation (buffers)' },
  { re: /^"[^"]*" (size|value) must be/, why: 'post-parse value relation (buffers)' },
  { re: /^there is no "/, why: 'post-parse cross-reference' },
  { re: /^zero size shared memory zone/, why: 'shared memory zones (post-parse)' },
  { re: /^invalid (condition|return code|code|ssl protocol)/, why: 'handler-level value parsing (if/return/ssl)' },
  { re: /^unexpected "[^"]*" in condition/, why: 'if condition parsing (handler)' },
  { re: /^invalid (location|mask|address)/, why: 'handler-level value parsing' },
  { re: /^"[^"]*" is duplicate$/, why: 'handler-level duplicate parameter (listen options)' },
  { re: /^no servers are inside upstream/, why: 'upstream module initialisation (post-parse)' },
  { re: /^invalid network "/, why: 'address parsing (geo handler)' },
];

export function handlerLevel(message: string): string | undefined {
  return HANDLER_LEVEL.find((h) => h.re.test(message))?.why;
}

/**
 * `open() "…" failed` is the include front end's when nginx names an `include` line
 * (missing include file); otherwise it is a log/pid/cert file a handler opens.
 */
function openFailureIsInclude(err: NginxLogLine): boolean {
  if (!err.file || !err.line) return false;
  let text: string;
  try {
    text = fs.readFileSync(err.file, 'utf8');
  } catch {
    return false;
  }
  const lines = text.split('\n');
  // The include statement ends on nginx's line; look at it and a few lines above.
  for (let l = err.line; l >= Math.max(1, err.line - 3); l--) if (/(^|[\s;{}])include\s/.test(lines[l - 1] ?? '')) return true;
  return false;
}

export type Verdict = 'agree' | 'out-of-scope' | 'disagree';

export interface Comparison {
  verdict: Verdict;
  /** Why it is out of scope or what disagrees. */
  reason: string;
  nginx: NginxOutcome;
  errors: Diagnostic[];
  internalErrors: string[];
}

export function runStacklint(conf: string, prefix: string, rules = parityRules(), tweak?: (c: StackConfig) => void): LintResult {
  const dir = path.dirname(conf);
  const config = defaultConfig(dir);
  config.nginx.prefix = prefix.endsWith('/') ? prefix : prefix + '/';
  tweak?.(config);
  return lint({ paths: [conf], cwd: dir, config, rules, kind: 'nginx' });
}

export function showDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.severity} [${d.ruleId}] ${d.message}`;
}

export function showNginx(o: NginxOutcome): string {
  if (o.ok) return 'test is successful';
  const e = o.error;
  if (!e) return `exit ${o.status}: ${o.stderr.trim()}`;
  return `[${e.level}] ${e.message}${e.file ? ` in ${e.file}:${e.line}` : ''}`;
}

/** Last line of the innermost directive (its block included) that holds the diagnostic's start. */
export function statementEndLine(result: LintResult, d: Diagnostic): number {
  let best: { start: number; end: number; line: number } | undefined;
  for (const config of result.project.nginx) {
    for (const file of config.files) {
      if (file.source.path !== d.file) continue;
      const stack: NginxNode[] = [...file.children];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type !== 'directive') continue;
        if (n.start <= d.range.start.offset && d.range.start.offset < Math.max(n.end, n.start + 1)) {
          if (!best || n.end - n.start < best.end - best.start) {
            best = { start: n.start, end: n.end, line: file.source.positionAt(Math.max(n.start, n.end - 1)).line };
          }
        }
        if (n.block) stack.push(...n.block.children);
      }
    }
  }
  return Math.max(best?.line ?? d.range.end.line, d.range.end.line);
}

export function compare(nginx: NginxOutcome, result: LintResult): Comparison {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const internalErrors = result.internalErrors.map((e) => `${e.where}: ${e.error.stack ?? e.error.message}`);
  const base = { nginx, errors, internalErrors };
  if (internalErrors.length) return { ...base, verdict: 'disagree', reason: 'stacklint internal error' };
  // nginx has no include-depth limit: a file that includes itself recurses until the
  // stack overflows (SIGSEGV, exit 139, nothing logged). stacklint must call it a cycle.
  if (nginx.status === 139 && !nginx.error) {
    return errors.some((d) => d.ruleId === 'nginx/include-cycle')
      ? { ...base, verdict: 'agree', reason: 'nginx crashes on the include cycle (SIGSEGV), stacklint reports the cycle' }
      : { ...base, verdict: 'disagree', reason: 'nginx crashes (SIGSEGV); stacklint reports no include cycle' };
  }
  if (nginx.ok) {
    return errors.length
      ? { ...base, verdict: 'disagree', reason: 'nginx accepts, stacklint reports errors' }
      : { ...base, verdict: 'agree', reason: 'both accept' };
  }
  const err = nginx.error;
  if (!err) return { ...base, verdict: 'disagree', reason: `nginx failed without a log line (exit ${nginx.status})` };
  // A directive of a module Debian ships only as a dynamic module: nginx without
  // load_module stops with unknown directive; stacklint deliberately says so as info
  // (the module is often loaded through modules-enabled/). Counted apart, not hidden.
  const dyn = /^unknown directive "(.*)"$/.exec(err.message);
  if (
    dyn &&
    !errors.length &&
    result.diagnostics.some((d) => d.ruleId === 'nginx/unknown-directive' && d.message.startsWith(`"${dyn[1]}" comes from `) && d.file === err.file)
  ) {
    return { ...base, verdict: 'out-of-scope', reason: 'module availability: a Debian dynamic module, reported as info by design' };
  }
  const atNginxLine = (d: Diagnostic) =>
    err.file === undefined || (d.file === err.file && d.range.start.line <= err.line! && err.line! <= statementEndLine(result, d));
  const match = errors.find((d) => d.message === err.message && atNginxLine(d));
  if (match) return { ...base, verdict: 'agree', reason: 'same error at the same line' };
  let why = handlerLevel(err.message);
  if (!why && /^open\(\) ".*" failed/.test(err.message) && !openFailureIsInclude(err)) why = 'a file opened by a handler (log, pid, certificate)';
  if (why) {
    // nginx read everything up to its error line without complaint: a stacklint error
    // that ends before it, in the same file, is one nginx disagrees with.
    const early = err.file ? errors.filter((d) => d.file === err.file && d.range.end.line < err.line!) : [];
    if (early.length) return { ...base, verdict: 'disagree', reason: `stacklint reports an error before nginx's (handler-level) error line` };
    return { ...base, verdict: 'out-of-scope', reason: why };
  }
  const sameMessage = errors.find((d) => d.message === err.message);
  return {
    ...base,
    verdict: 'disagree',
    reason: sameMessage ? 'same message, different place' : errors.length ? 'different error' : 'nginx refuses, stacklint reports no error',
  };
}
