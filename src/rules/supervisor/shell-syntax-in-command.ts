import type { Rule } from '../../core/rule.js';
import type { SupervisorValue } from '../../parsers/supervisor/model.js';
import { rawSpan } from '../../parsers/supervisor/semantics.js';

interface Hit {
  op: string;
  start: number;
  end: number;
}

/**
 * Characters that can start shell syntax or change quoting (a digit only before `>`, as in
 * `2>log`). The loop below jumps from one to the next: the others change nothing, and a
 * command is mostly others.
 */
const SPECIAL = /['"\\`$|&;><~]|\d(?=>)/g;
const isWs = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Index of the first special character at or after `from`, or -1. */
function nextSpecial(raw: string, from: number): number {
  SPECIAL.lastIndex = from;
  const m = SPECIAL.exec(raw);
  return m === null ? -1 : m.index;
}

/** Shell operators outside single quotes (double quotes keep `$` and backticks live in a shell). */
export function shellHits(raw: string): Hit[] {
  const hits: Hit[] = [];
  let quote: '' | "'" | '"' = '';
  for (let i = nextSpecial(raw, 0); i !== -1; i = nextSpecial(raw, i + 1)) {
    const c = raw[i]!;
    const wordStart = i === 0 || isWs(raw[i - 1]);
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      hits.push({ op: '`…`', start: i, end: i + 1 });
      continue;
    }
    if (c === '$' && /[A-Za-z_{(]/.test(raw[i + 1] ?? '')) {
      const m = /^\$(?:\{[^}]*\}?|\(|[A-Za-z_]\w*)/.exec(raw.slice(i))!;
      hits.push({ op: m[0] === '$(' ? '$(…)' : m[0], start: i, end: i + m[0].length });
      i += m[0].length - 1;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    // Past this point only `;` counts in the middle of a word (`x;`); the rest must start one.
    if (!wordStart && c !== ';') continue;
    const rest = raw.slice(i, i + 4);
    let m: RegExpExecArray | null;
    if (wordStart && (m = /^(\|\||&&|\||&)(?=\s|$)/.exec(rest))) hits.push({ op: m[1]!, start: i, end: i + m[1]!.length });
    else if (c === ';' && isWs(raw[i + 1])) hits.push({ op: ';', start: i, end: i + 1 });
    else if (wordStart && (m = /^(?:\d?>>?|&>|<)/.exec(rest))) {
      const r = /^(?:\d?>>?&?\d?|&>|<)/.exec(raw.slice(i))![0];
      hits.push({ op: r, start: i, end: i + r.length });
      i += r.length - 1;
    } else if (wordStart && c === '~' && (raw[i + 1] === '/' || isWs(raw[i + 1]))) hits.push({ op: '~', start: i, end: i + 1 });
  }
  return hits;
}

export const shellSyntaxInCommand: Rule = {
  meta: {
    id: 'supervisor/shell-syntax-in-command',
    severity: 'warning',
    description: 'command uses shell syntax (pipes, &&, redirections, $VAR, ~, VAR=value prefixes) but supervisord runs it without a shell.',
    reads: ['supervisor'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        const v: SupervisorValue | undefined = p.command?.value;
        if (!v) continue;
        const hits = shellHits(v.raw);
        const a0 = p.command?.argv?.[0];
        if (a0 && /^[A-Za-z_]\w*=/.test(a0.value)) hits.unshift({ op: 'VAR=value', start: -1, end: -1 });
        if (hits.length === 0) continue;
        const first = hits[0]!;
        const at = first.start === -1 ? { source: v.source, start: a0!.start, end: a0!.end } : rawSpan(v, first.start, first.end);
        const ops = [...new Set(hits.map((h) => h.op))];
        const advice: string[] = [];
        if (ops.some((o) => ['|', '||', '&&', ';', '&'].includes(o))) advice.push('move the pipeline into a script, or run `bash -c \'… && exec program\'`');
        if (ops.some((o) => /[<>]/.test(o))) advice.push('use stdout_logfile / redirect_stderr instead of redirections');
        if (ops.some((o) => o.startsWith('$'))) advice.push('use %(ENV_NAME)s for variables supervisord knows');
        if (ops.includes('VAR=value')) advice.push('set variables with environment=');
        if (ops.includes('~')) advice.push('write the home directory out (no ~ expansion)');
        ctx.report({
          at,
          message: `command uses shell syntax (${ops.map((o) => `\`${o}\``).join(', ')}) but supervisord runs it without a shell`,
          hint:
            'supervisord splits command with shlex and executes the first word directly: the operators above reach the program as ' +
            `literal arguments (or make the command not found). To fix: ${advice.join('; ')}.` +
            (ops.includes('&&') && /(^|\s)cd\s/.test(v.raw) ? ' Instead of `cd dir &&`, set directory=dir.' : ''),
        });
      }
    }
  },
};
