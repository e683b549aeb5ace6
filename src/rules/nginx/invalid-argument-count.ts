import type { Rule } from '../../core/rule.js';
import { argCountOk, describeArgs, type ArgCheck } from '../../parsers/nginx/directives.js';
import { analyses, headSpan } from './_structure.js';

/** More words than the directive takes: the usual causes. */
function tooMany(check: ArgCheck, n: number): boolean {
  if (check.kind === 'flag') return n > 1;
  if (check.kind === 'set') return n > 31 - Math.clz32(check.counts) - 1;
  return false;
}

export const invalidArgumentCount: Rule = {
  meta: {
    id: 'nginx/invalid-argument-count',
    severity: 'error',
    description: 'A directive with more or fewer arguments than nginx accepts.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      for (const v of a.visits) {
        const d = v.d;
        const l = v.lookup;
        if (!l || l.kind !== 'ok') continue;
        const e = l.entry;
        if (!e.argCheck) continue;
        // nginx checks the terminator first ("has no opening {" / "is not terminated by ;").
        if (e.blockKnown && (d.terminator === '{' ? !e.block : d.terminator === ';' ? !!e.block : true)) continue;
        if (d.terminator !== '{' && d.terminator !== ';') continue;
        if (argCountOk(e.argCheck, d.args.length)) continue;
        let hint = `"${d.name}" takes ${describeArgs(e.argCheck)}; here it has ${d.args.length}.`;
        if (tooMany(e.argCheck, d.args.length))
          hint += ' A value containing spaces must be quoted, and a missing ";" makes the next line part of this directive.';
        ctx.report({ at: headSpan(d), message: `invalid number of arguments in "${d.name}" directive`, hint });
      }
    }
  },
};
