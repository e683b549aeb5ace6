import type { Rule } from '../../core/rule.js';
import type { Span } from '../../core/source.js';
import { configs } from './_util.js';

export const missingSection: Rule = {
  meta: {
    id: 'uwsgi/missing-section',
    severity: 'warning',
    description: 'An ini file uWSGI reads has no option in the section it asks for ([uwsgi] by default): uWSGI warns and starts with defaults.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const l of c.loads) {
        if (l.format !== 'ini' || !l.source || l.sectionFound || l.source.decode.binary) continue;
        const headers = l.headers ?? [];
        const asked = headers.find((h) => h.name === l.section);
        const near = headers.find((h) => h.name !== l.section && normalize(h.text) === l.section.toLowerCase());
        const at: Span = l.at ?? (asked ? { source: l.source, start: asked.start, end: asked.end } : { source: l.source, start: 0, end: 0 });
        const parts: string[] = [];
        if (near) parts.push(`The header "${near.text}" (line ${l.source.positionAt(near.start).line}) names section "${near.name}", not "${l.section}".`);
        else if (asked) parts.push(`The [${l.section}] header has no options under it.`);
        else if (l.source.decode.bom && l.source.text.slice(1).trimStart().startsWith(`[${l.section}]`)) parts.push('The UTF-8 byte-order mark at the start of the file hides the header.');
        else if (headers.length) parts.push(`The file has ${headers.map((h) => `[${h.name}]`).slice(0, 5).join(', ')}${l.at ? '' : ` (pick one with --ini ${l.path}:${headers[0]!.name})`}.`);
        parts.push('uWSGI ignores every line outside the asked section, so none of the options in this file apply.');
        ctx.report({
          at,
          message: `Can't find section "${l.section}" in INI configuration file ${l.path}`,
          hint: parts.join(' '),
        });
      }
    }
  },
};

function normalize(text: string): string {
  return text.replace(/^\[/, '').replace(/\].*$/, '').trim().toLowerCase();
}
