/**
 * The nginx configuration tree.
 *
 * Every node keeps offsets into its SourceFile (`source.positionAt` gives line and
 * column), so a diagnostic can point at a directive name, one argument or a brace. A file
 * is parsed once per run however often it is included; an `include` directive links to
 * the parsed files it pulls in, and walkers descend into them with the include site's
 * context (as nginx does).
 *
 * Directive and block objects are views made on demand from a packed array per file
 * (nodes.ts): two views of one statement may be different objects, so compare directives
 * by `source` and `start`, not by identity.
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';
import type { StatementPack } from './nodes.js';

export type QuoteKind = '"' | "'" | null;

/** One word of a directive (the name is word 0). */
export interface NginxWord {
  /** Source text including quotes and backslashes. */
  raw: string;
  /** Value after nginx's copy step: quotes removed, `\"` `\'` `\\` `\t` `\r` `\n` unescaped, other `\X` kept. */
  value: string;
  quote: QuoteKind;
  /** Contains `$` (nginx compiles it as a complex value where the directive allows variables). */
  hasVariables: boolean;
  start: number;
  end: number;
}

export interface NginxComment {
  type: 'comment';
  /** Text after `#`. */
  text: string;
  start: number;
  end: number;
}

export interface NginxDirective {
  type: 'directive';
  source: SourceFile;
  /** Word 0 (its `value`). */
  name: string;
  nameWord: NginxWord;
  /** Words 1..n (made on each read: loops over many directives use `argCount` and `argValue`). */
  args: NginxWord[];
  /** Number of words after the name. */
  readonly argCount: number;
  /** The `value` of argument `k` (0 ≤ k < argCount), without making word objects. */
  argValue(k: number): string;
  /** Offset of the first character of the name. */
  start: number;
  /** Offset just past the terminating `;` or the closing `}` (or the last word when unterminated). */
  end: number;
  /** What ended the statement: `;`, `{` (a block), or null when a syntax error cut it short. */
  terminator: ';' | '{' | null;
  /** Offset of the `;` or `{`, or -1. */
  terminatorAt: number;
  /** Body of a block directive; null for simple directives. */
  block: NginxBlock | null;
  /** For `include`: the files it resolved to, in nginx's order (absent for other directives). */
  include?: IncludeResolution;
}

export interface NginxBlock {
  /** Offset of `{`. */
  open: number;
  /** Offset of the matching `}`, or -1 if the file ended first. */
  close: number;
  children: NginxNode[];
}

export type NginxNode = NginxDirective | NginxComment;

export interface NginxFile {
  source: SourceFile;
  children: NginxNode[];
  /** The packed statements `children` are made from (what the walk reads). */
  statements: StatementPack;
  /** Syntax errors of this file (each in nginx's own words), in source order. */
  problems: ParseProblem[];
}

export interface IncludeResolution {
  /** The path as written, after the value step. */
  pattern: string;
  /** Deployed absolute path or pattern (relative paths joined to the main config's directory). */
  resolved: string;
  isGlob: boolean;
  /** Files included, in nginx order (glob: sorted bytewise). */
  files: NginxFile[];
  /** Files that would be included but were skipped because including them would loop. */
  cycles: string[];
}

/** Context a block opens, named after where the directives live (crossplane-like). */
export type NginxContext = string;

/** One configuration tree rooted at a main file (or a snippet checked on its own). */
export interface NginxConfig {
  kind: 'nginx';
  main: NginxFile;
  /** Every file of this config, main first, each once. */
  files: NginxFile[];
  /** Context the main file's top-level directives live in: 'main' for nginx.conf, inferred or configured for snippets. */
  rootContext: NginxContext;
  /** How rootContext was decided, for messages (e.g. 'it contains "location" at top level'). */
  rootContextReason: string;
  /** Problems about the whole config (include cycles, missing include files, unreadable files). */
  problems: ParseProblem[];
}
