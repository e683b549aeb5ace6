/**
 * Machine output: one JSON document with every diagnostic (1-based lines and columns,
 * UTF-16 offsets, related locations, fixes) and a summary.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { docsUrl } from '../../core/rule.js';

export function formatJson(diagnostics: Diagnostic[], filesLinted: string[]): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  return (
    JSON.stringify(
      {
        version: 1,
        files: filesLinted,
        diagnostics: diagnostics.map((d) => ({ ...d, docs: docsUrl(d.ruleId) })),
        summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), files: filesLinted.length },
      },
      null,
      2,
    ) + '\n'
  );
}
