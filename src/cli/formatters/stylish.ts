/**
 * Human output: per file, each finding with its position, severity, message and rule id,
 * a code frame with carets under the range, related locations, the hint; then a summary.
 */
import { codeFrameColumns } from '@babel/code-frame';
import * as path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';
import type { Colors } from 'picocolors/types.js';

export interface FormatContext {
  cwd: string;
  colors: Colors;
  /** Text of a file by path, for code frames (undefined when not read). */
  sourceOf(file: string): SourceFile | undefined;
}

const CONTEXT_LINES = 2;

export function formatStylish(diagnostics: Diagnostic[], fc: FormatContext): string {
  const c = fc.colors;
  const out: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const [file, list] of byFile) {
    out.push(c.underline(rel(fc.cwd, file)));
    for (const d of list) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out.push(`  ${c.dim(`${d.range.start.line}:${d.range.start.column}`)}  ${sev}  ${d.message}  ${c.dim(d.ruleId)}`);
      const frame = codeFrame(fc.sourceOf(d.file), d);
      if (frame) out.push(indent(frame, 4));
      for (const r of d.related) {
        out.push(`    ${c.cyan('related')} ${rel(fc.cwd, r.file)}:${r.range.start.line}:${r.range.start.column}: ${r.message}`);
        const rf = codeFrame(fc.sourceOf(r.file), r);
        if (rf) out.push(indent(rf, 6));
      }
      if (d.hint) out.push(`    ${c.green('hint')} ${d.hint}`);
      if (d.fix) out.push(`    ${c.green('fix')} ${d.fix.description}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (infos) parts.push(`${infos} info`);
  const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  out.push(errors ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
  return out.join('\n') + '\n';
}

function codeFrame(source: SourceFile | undefined, d: Pick<Diagnostic, 'range'>): string | undefined {
  if (!source || source.text.length === 0) return undefined;
  const { start, end } = d.range;
  const first = Math.max(1, start.line - CONTEXT_LINES);
  const last = Math.min(source.lineCount, end.line + CONTEXT_LINES);
  const lines: string[] = [];
  for (let l = first; l <= last; l++) lines.push(clip(source.lineText(l)));
  const endColumn = end.line === start.line && end.column <= start.column ? start.column + 1 : end.column;
  return codeFrameColumns(
    lines.join('\n'),
    // With startLine, code-frame takes absolute line numbers for the marker.
    { start: { line: start.line, column: start.column }, end: { line: end.line, column: endColumn } },
    // startLine numbers the gutter from the first line passed (missing from the bundled types).
    { startLine: first, linesAbove: CONTEXT_LINES, linesBelow: CONTEXT_LINES, highlightCode: false } as Parameters<typeof codeFrameColumns>[2],
  );
}

/** Keep frames readable when a line is huge (a 1 MB token). */
function clip(line: string): string {
  return line.length > 400 ? line.slice(0, 400) + '…' : line;
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

export function rel(cwd: string, file: string): string {
  const r = path.relative(cwd, file);
  return r === '' ? file : r.startsWith('..') && path.isAbsolute(file) ? file : r;
}
