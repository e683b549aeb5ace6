import type { Rule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source.js';
import { configs } from './_util.js';

/** The section a source offset is in, from the load's headers (sorted by offset). */
function sectionAt(headers: Array<{ name: string; start: number }>, offset: number): string | undefined {
  let lo = 0;
  let hi = headers.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === -1 ? undefined : headers[found]!.name;
}

function lineOf(src: SourceFile, offset: number): string {
  return src.lineText(src.positionAt(offset).line).trim();
}

const MAX_PER_FILE = 100;
/** `%` + digit + hex digit: a URL escape, which uWSGI reads as the magic variable %0 … %9. */
const URL_ESCAPE = /%[0-9][0-9A-Fa-f]/;

export const unknownMagicVariable: Rule = {
  meta: {
    id: 'uwsgi/unknown-magic-variable',
    severity: 'warning',
    description:
      'A %X sequence uWSGI does not know (it deletes it silently: "a%zb" is "ab"), a % at the end of a line (it swallows the line break), or %2F-style URL escapes (%2 is a magic variable).',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      const seen = new Set<string>();
      for (const l of c.loads) {
        const src = l.source;
        if (!src || !l.deletedMagic || !l.headers) continue;
        const key = `${src.path}\0${l.section}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let reported = 0;
        let more = 0;
        for (const d of l.deletedMagic) {
          if (sectionAt(l.headers, d.offset) !== l.section) continue;
          if (reported >= MAX_PER_FILE) {
            more++;
            continue;
          }
          reported++;
          const at = { source: src, start: d.offset, end: d.offset + (d.letter ? 2 : 1) };
          if (d.letter === '\n' || d.letter === '\r') {
            ctx.report({
              at,
              message: 'a "%" at the end of the line joins the next line to this one',
              hint: 'uWSGI replaces "%" and the character after it everywhere in the file, and the line break is a character: the next line becomes part of this line (of its value, or of its comment). Write "%%" for a literal percent sign.',
            });
            continue;
          }
          if (d.letter === '') continue;
          const text = lineOf(src, d.offset);
          if (text.startsWith(';') || text.startsWith('#')) continue;
          const shown = d.letter === ' ' ? '% ' : `%${d.letter}`;
          ctx.report({
            at,
            message: `"${shown}" is not a uWSGI magic variable: uWSGI deletes it`,
            hint: `uWSGI substitutes magic variables (%d, %n, %p, …) in the whole file and replaces every other "%" + character with nothing, so "${shown}" disappears from the value. Write "%%" for a literal percent sign.`,
          });
        }
        if (more)
          ctx.report({
            at: { source: src, start: 0, end: 0 },
            message: `${more} more "%" sequences that uWSGI deletes are not listed`,
            hint: 'Write "%%" for every literal percent sign in this file.',
          });
        // URL escapes: "%2F", "%20" read as the magic variables %2 (a path component) or %d…
        for (const o of c.options) {
          if (o.origin !== 'ini' || o.source !== src || o.section !== l.section) continue;
          const m = URL_ESCAPE.exec(o.raw);
          if (!m || o.raw[m.index - 1] === '%') continue;
          const exact = src.text.slice(o.at.start, o.at.end) === o.raw;
          ctx.report({
            at: exact ? { source: src, start: o.at.start + m.index, end: o.at.start + m.index + 3 } : o.at,
            message: `"${m[0]}" looks like a URL escape, but uWSGI reads "%${m[0][1]}" as a magic variable`,
            hint: `%0 … %9 are the components of the config file's directory, so "${m[0]}" becomes "<component ${m[0][1]}>${m[0][2]}". Write "%${m[0]}" to keep a literal "${m[0]}".`,
          });
        }
      }
    }
  },
};
