import type { Rule } from '../../core/rule.js';
import { configs, placeholderNames } from './_util.js';

/** Numeric parsers stop at the first non-digit: a trailing comment is harmless there. */
const NUMERIC = new Set(['int', 'int16', 'int64', 'megabytes']);
/** Options whose values are shell commands, routes or formats, where ` ;`/` #` are legitimate. */
const FREE_TEXT = /^(exec-|hook-|call-|attach-|smart-attach-|legion-attach|legion-smart|cron|unique-cron|legion-cron|cron2|spooler-cron|mule|route|response-route|final-route|error-route|log-format|logformat|logger|req-logger|log-encoder|log-req-encoder|declare-option|for|if-|alarm|log-alarm|add-header|response-header|pyrun|py-call|eval|pyexec|mount|emperor-on-|vassal-|subscribe)/;

const COMMENT = /[ \t][;#]/;

export const inlineComment: Rule = {
  meta: {
    id: 'uwsgi/inline-comment',
    severity: 'warning',
    description: 'A value that carries what looks like an inline comment ("value ; note", "value # note"): uWSGI has no inline comments, the text is part of the value.',
    reads: ['uwsgi'],
    fixable: true,
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      let used: Set<string> | undefined;
      for (const o of c.options) {
        if (o.origin !== 'ini' || o.placeholder) continue;
        const m = COMMENT.exec(o.raw);
        if (!m) continue;
        const info = o.entry;
        if (info) {
          // Booleans: uwsgi/boolean-value judges them; numbers: atoi stops before the comment.
          if (info.kind === 'bool' || info.kind === 'bool-inverted' || NUMERIC.has(info.kind)) continue;
          if (FREE_TEXT.test(o.name)) continue;
        } else {
          used ??= placeholderNames(c);
          if (!used.has(o.name)) continue; // uwsgi/unknown-option reports it
        }
        const before = o.raw.slice(0, m.index).trimEnd();
        const exact = o.at.source.text.slice(o.at.start, o.at.end) === o.raw;
        const at = exact ? { source: o.at.source, start: o.at.start + m.index + 1, end: o.at.end } : o.at;
        ctx.report({
          at,
          message: `the value of "${o.name}" includes "${o.raw.slice(m.index + 1)}": uWSGI has no inline comments`,
          hint: `uWSGI treats ; and # as comments only at the start of a line, so "${o.name}" gets the value "${o.raw}". Move the comment to a line of its own.`,
          ...(exact
            ? { fix: { description: 'remove the comment from the value', edits: [{ at: { source: o.at.source, start: o.at.start + before.length, end: o.at.end }, text: '' }] } }
            : {}),
        });
      }
    }
  },
};
