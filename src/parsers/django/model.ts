/**
 * Django settings model (owned by the Django front end; extend freely, keep these fields).
 */
import type { ParseProblem } from '../../core/diagnostic.js';
import type { SourceFile, Span } from '../../core/source.js';
import { display, type Value } from './values.js';

export type { Value } from './values.js';

export interface DjangoSettings {
  kind: 'django';
  /** The settings module file that was evaluated. */
  root: SourceFile;
  /** DJANGO_SETTINGS_MODULE when known (dotted). */
  module?: string;
  /** Every module read (star-imported parts after the root). */
  files: SourceFile[];
  problems: ParseProblem[];

  /** Every upper-case name of the settings module after evaluation (what Django reads). */
  settings: Map<string, Setting>;
  /**
   * Set when some statement may have bound any name (a star import stacklint could not
   * read, `globals().update(…)`): names not in `settings` are then Unknown, not Django's
   * defaults.
   */
  open: OpenReason | null;
  /**
   * Whether this is the settings module the deployment runs: named by uWSGI `env`,
   * supervisor `environment`, wsgi.py/manage.py, or the configuration, or the only
   * settings module given. Deployment rules (DEBUG, ALLOWED_HOSTS, SECRET_KEY) read only
   * these.
   */
  deployed: boolean;
  /** How the settings module was found. */
  origin: SettingsOrigin;
  /** The project root (directory of manage.py, uWSGI chdir), deployed path, when known. */
  projectRoot?: string;
  /** The working directory of the Django process (uWSGI chdir, supervisor directory), when known. */
  cwd?: { path: string; at: Span; what: string };
  /** Environment variables known for the process, and where each was set. */
  env: Map<string, { value: string; what: string; at?: Span }>;
}

export interface SettingsOrigin {
  how: 'command line' | 'wsgi.py' | 'manage.py' | 'asgi.py' | 'uWSGI env' | 'supervisor environment' | 'configuration' | 'discovery';
  at?: Span;
}

export interface OpenReason {
  at: Span;
  message: string;
}

/** Where a setting's value came from, for messages ("BASE_DIR / 'static' = /opt/mysite/static"). */
export interface Derivation {
  at: Span;
  /** The expression as written. */
  expression: string;
}

/** A plain literal needs no "= value" after it. */
const LITERAL = /^(?:[rRuU]?(?:'[^'\\\n]*'|"[^"\\\n]*")|-?\d[\d_]*(?:\.\d*)?|True|False|None)$/;

const NO_ASSUMPTIONS: readonly string[] = Object.freeze([]);

/** One name bound by the settings module (or a module it star-imports). */
export class Setting implements Derivation {
  private expr: string | undefined;
  readonly assumptions: readonly string[];

  constructor(
    readonly name: string,
    readonly value: Value,
    /** The target name in the statement that bound it. */
    readonly nameAt: Span,
    /** The value expression (the statement when there is none). */
    readonly at: Span,
    /** The expression as written; by default the text of `at` (computed when first asked for). */
    expression?: string,
    /** What the value rests on besides the source: environment defaults taken, merged branches. */
    assumptions?: readonly string[],
  ) {
    this.expr = expression;
    this.assumptions = assumptions && assumptions.length ? assumptions : NO_ASSUMPTIONS;
  }

  /** The expression as written (whitespace collapsed, shortened). */
  get expression(): string {
    this.expr ??= spanText(this.at);
    return this.expr;
  }

  /** `expression = value` for messages, e.g. "BASE_DIR / 'static' = /opt/mysite/static". */
  get derivation(): string {
    let shown = display(this.value);
    if (shown.length > 200) shown = shown.slice(0, 197) + '…';
    const expression = this.expression;
    if (expression === shown || LITERAL.test(expression)) return expression;
    return `${expression} = ${shown}`;
  }
}

/** The text of a span, whitespace collapsed, shortened to 120 characters. */
export function spanText(at: Span): string {
  const t = at.source.text.slice(at.start, at.end).replace(/\s+/g, ' ').trim();
  return t.length > 120 ? t.slice(0, 117) + '…' : t;
}
