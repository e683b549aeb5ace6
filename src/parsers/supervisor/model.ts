/**
 * supervisord configuration model (owned by the supervisor front end; extend freely, keep
 * these fields).
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile, Span } from '../../core/source.js';
import type { UwsgiConfig } from '../uwsgi/model.js';
import type { ValuePiece } from './ini.js';

export interface SupervisorValue {
  /** Lower-cased key. */
  key: string;
  keyAt: Span;
  /** Value after comment stripping and continuation joining, before %-expansion. */
  raw: string;
  /** After %-expansion, or undefined when it cannot be expanded statically. */
  expanded: string | undefined;
  /** Span of the value text (first line to last continuation line). */
  at: Span;

  // ---- extensions -------------------------------------------------------------------

  /** The file the value is written in (`at.source`, without making the span). */
  readonly source: SourceFile;
  /**
   * Source span of every line of the value (`raw` is their texts joined by `\n`, right-stripped);
   * empty lines after the last non-empty one are left out.
   */
  pieces: ValuePiece[];
  /** Set on values a section inherits from `[DEFAULT]` (the span is in the DEFAULT section). */
  fromDefault?: boolean;
  /** Whether `raw` has a `%` (without one, the value is its own expansion). */
  readonly hasPercent: boolean;
}

export interface SupervisorSection {
  /** Full section name as written (`program:web`). */
  name: string;
  /** Span of the `[name]` header that defined it last. */
  headerAt: Span;
  /** Effective values by lower-cased key (last occurrence wins, across merged sections). */
  values: Map<string, SupervisorValue>;
  /** Every occurrence in file order, including overridden ones. */
  occurrences: SupervisorValue[];

  // ---- extensions -------------------------------------------------------------------

  /** Every `[name]` header of this section, in reading order. */
  headers: Span[];
  /** What kind of section supervisord takes it for (by prefix), or undefined when it ignores it. */
  type: SectionType | undefined;
  /** The part after `type:` (`web` in `program:web`), or undefined. */
  suffix: string | undefined;
  /** Whether any occurrence has a `%` (may need expanding), noted as the values are applied. */
  hasPercent: boolean;
}

export type SectionType =
  | 'supervisord'
  | 'supervisorctl'
  | 'unix_http_server'
  | 'inet_http_server'
  | 'include'
  | 'rpcinterface'
  | 'ctlplugin'
  | 'program'
  | 'eventlistener'
  | 'fcgi-program'
  | 'group';

/** One pattern of `[include] files =`. */
export interface SupervisorInclude {
  /** The pattern as written (after %-expansion), and its span in the `files` value. */
  pattern: string;
  at: Span;
  /** Deployed path pattern (joined to the main file's directory), undefined when it cannot be expanded. */
  resolved: string | undefined;
  /** Matched files in supervisord's order (Python `sorted`), deployed paths. */
  matches: string[];
}

/** A `[program:x]`, `[eventlistener:x]` or `[fcgi-program:x]` section as supervisord converts it. */
export interface SupervisorProgram {
  section: SupervisorSection;
  type: 'program' | 'eventlistener' | 'fcgi-program';
  /** Name after the colon. */
  name: string;
  /** Group the processes belong to (the `[group:x]` naming it, or the program itself). */
  groupName: string;
  /** The `[group:x]` section that lists this program, if any. */
  group?: SupervisorSection;
  /** numprocs (undefined when invalid or unknown). */
  numprocs: number | undefined;
  /** Converted values (undefined when the value is invalid or cannot be known). */
  autostart?: boolean;
  autorestart?: 'true' | 'false' | 'unexpected';
  startsecs?: number;
  startretries?: number;
  stopsignal?: number;
  stopwaitsecs?: number;
  directory?: string;
  /** `environment` of the program (undefined when invalid or unknown). */
  environment?: Record<string, string>;
  /** The command, as written and as expanded for the first process. */
  command?: SupervisorCommand;
  /** When the command runs uWSGI: its command line as the uWSGI front end reads it. */
  uwsgi?: UwsgiConfig;
}

export interface SupervisorCommand {
  value: SupervisorValue;
  /** After %-expansion (undefined when unknown). */
  text: string | undefined;
  /** `shlex.split(text)` with each word's span in the source (undefined when shlex fails or text is unknown). */
  argv: Array<{ value: string; start: number; end: number }> | undefined;
  /** shlex's error (`No closing quotation`, `No escaped character`). */
  argvError?: string;
}

/** A finding of the supervisord model (what supervisord refuses or warns about), for the rules to report. */
export interface SupervisorIssue {
  /** Class, named after the rule that reports it (`bad-boolean`, `format-string-error`, …). */
  kind: string;
  message: string;
  hint?: string;
  at: Span;
  related?: Array<{ at: Span; message: string }>;
}

export interface SupervisorConfig {
  kind: 'supervisor';
  /** The main supervisord.conf (or a program file checked on its own). */
  root: SourceFile;
  /** Every file read for this config ([include]d files after the main one). */
  files: SourceFile[];
  /** Sections after merging, in first-seen order. */
  sections: SupervisorSection[];
  problems: ParseProblem[];

  // ---- extensions -------------------------------------------------------------------

  /** `[DEFAULT]`: its values apply to every section that does not set them. */
  defaults?: SupervisorSection;
  /** Whether the root is a main supervisord.conf (vs. a program file checked on its own). */
  isMain: boolean;
  includes: SupervisorInclude[];
  programs: SupervisorProgram[];
  /** Findings of the supervisord model, in the order supervisord would meet them. */
  issues: SupervisorIssue[];
}
