import type { Rule, RuleContext } from '../../core/rule.js';
import type { SourceFile } from '../../core/source.js';
import type { UwsgiOptionValue } from '../../parsers/uwsgi/model.js';
import { repeatedVariables, uwsgiBool } from '../../parsers/uwsgi/index.js';
import { aliasesOf, type ParserKind } from '../../parsers/uwsgi/options.js';
import { configs, intValue } from './_util.js';

const SCALAR = new Set<ParserKind>(['bool', 'bool-inverted', 'int', 'int16', 'int64', 'megabytes', 'string']);
const BOOL_WORDS = /^(true|false|yes|no|on|off|1|0|)$/i;

/** What the option does with a value, for comparing two occurrences. */
function effect(o: UwsgiOptionValue, kind: ParserKind): string | undefined {
  if (o.unknown) return undefined;
  if (kind === 'bool' || kind === 'bool-inverted') return String(uwsgiBool(o.noValue ? undefined : o.value));
  if (kind === 'string') return o.noValue ? '' : o.value;
  return String(intValue(o));
}

export const duplicateOption: Rule = {
  meta: {
    id: 'uwsgi/duplicate-option',
    severity: 'warning',
    description:
      'A single-valued option set twice in the same file with different values (aliases such as processes/workers or home/virtualenv/venv/pyhome count as one option): only the last value counts.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const values of repeatedVariables(c)) checkVariable(ctx, values);
    }
  },
};

/** The values of one option variable (aliases together) in one config, in order. */
function checkVariable(ctx: RuleContext, values: readonly UwsgiOptionValue[]): void {
  // The previous value of the variable in each file.
  const lastInFile = new Map<SourceFile, UwsgiOptionValue>();
  for (const o of values) {
    if (!o.known || o.conditional || o.origin !== 'ini') continue;
    const info = o.entry;
    if (!info || !SCALAR.has(info.kind)) continue;
    const prev = lastInFile.get(o.source);
    lastInFile.set(o.source, o);
    if (!prev) continue;
    const a = effect(prev, info.kind);
    const b = effect(o, info.kind);
    if (a === undefined || b === undefined) continue;
    const isBool = info.kind === 'bool' || info.kind === 'bool-inverted';
    const oddBool = isBool && (!BOOL_WORDS.test(o.value.trim()) || !BOOL_WORDS.test(prev.value.trim()));
    if (a === b && !oddBool) continue;
    const names = aliasesOf(o.name);
    const alias = prev.name !== o.name ? ` ("${prev.name}" and "${o.name}" are the same option)` : '';
    const hints = [`uWSGI applies options in order and this one keeps only its last value: "${o.name} = ${o.value}".${alias}`];
    if (isBool && /[/.]/.test(o.value)) hints.push(`"${o.value}" looks like a path: was this line meant for another option (pidfile, logto, …)?`);
    hints.push('Remove the line you do not want.');
    ctx.report({
      at: o.keyAt,
      message: `"${o.name}" is set again with a different value; the earlier "${prev.name} = ${prev.value}" is overridden`,
      hint: hints.join(' '),
      related: [{ at: prev.keyAt, message: names.length > 1 ? `first set here (as "${prev.name}")` : 'first set here' }],
    });
  }
}
