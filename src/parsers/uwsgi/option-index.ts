/**
 * The options of one config grouped once, each group in the order uWSGI applies them, with
 * placeholders left out. Rules read it through the helpers of index.ts (`allValues`,
 * `optionsOfKind`, …), many times per config; it is made once, when rules first ask.
 *
 * It lives as long as the run for every config (thousands of them), so it keeps little: most
 * variables are set once, and for them the map holds the option itself, not a list of one.
 */
import type { UwsgiOptionValue } from './model.js';
import { canonicalName, type ParserKind } from './options.js';

export interface OptionIndex {
  /** By option variable (aliases together): the option when set once, else every value in order. */
  byVariable: Map<string, UwsgiOptionValue | UwsgiOptionValue[]>;
  /** By the kind of the option's parser (known options only). */
  byKind: Map<ParserKind, UwsgiOptionValue[]>;
  /** Options that are no option (of the core, a plugin or `declare-option`): usually none, then a shared empty list. */
  unknown: readonly UwsgiOptionValue[];
}

const NONE: readonly UwsgiOptionValue[] = [];

export function indexOptions(options: readonly UwsgiOptionValue[]): OptionIndex {
  const byVariable = new Map<string, UwsgiOptionValue | UwsgiOptionValue[]>();
  const byKind = new Map<ParserKind, UwsgiOptionValue[]>();
  let unknown: UwsgiOptionValue[] | undefined;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (o.placeholder) continue;
    const variable = canonicalName(o.name);
    const before = byVariable.get(variable);
    if (before === undefined) byVariable.set(variable, o);
    else if (Array.isArray(before)) before.push(o);
    else byVariable.set(variable, [before, o]);
    if (o.entry) {
      const ofKind = byKind.get(o.entry.kind);
      if (ofKind) ofKind.push(o);
      else byKind.set(o.entry.kind, [o]);
    }
    if (!o.known) (unknown ??= []).push(o);
  }
  return { byVariable, byKind, unknown: unknown ?? NONE };
}
