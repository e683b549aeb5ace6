import type { Rule } from '../../core/rule.js';
import { configs } from './_util.js';

export const sectionHeader: Rule = {
  meta: {
    id: 'uwsgi/section-header',
    severity: 'error',
    description:
      'A section header meant as the asked section but not read as it ("[uwsgi] ; comment", "[ uwsgi ]", "[UWSGI]", "[uwsgi"): uWSGI chops the last character of the line and compares exactly, so the options under it are ignored.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const l of c.loads) {
        if (!l.source || !l.headers) continue;
        for (const h of l.headers) {
          if (h.name === l.section || h.entries === 0) continue;
          const inner = h.text.replace(/^\[/, '').replace(/\].*$/, '');
          if (inner.trim().toLowerCase() !== l.section.toLowerCase()) continue;
          const why =
            inner !== inner.trim()
              ? 'spaces inside the brackets are part of the name'
              : h.text.indexOf(']') !== h.text.length - 1 && h.text.includes(']')
                ? 'uWSGI has no inline comments: it chops only the last character of the line, so the text after "]" stays in the name'
                : !h.text.includes(']')
                  ? 'the closing "]" is missing, so uWSGI chops the last letter of the name'
                  : 'section names are case-sensitive';
          ctx.report({
            at: { source: l.source, start: h.start, end: h.end },
            message: `this header names section "${h.name}", not "${l.section}": its ${h.entries} option${h.entries === 1 ? ' is' : 's are'} ignored`,
            hint: `uWSGI reads only [${l.section}] here; ${why}. Write the header as [${l.section}].`,
          });
        }
      }
    }
  },
};
