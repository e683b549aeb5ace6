/**
 * The options of one config grouped once, each group in the order uWSGI applies them, with
 * placeholders left out. Rules read it through the helpers of index.ts (`allValues`,
 * `optionsOfKind`, …), many times per config; it is made once, when rules first ask.
 */
import type { UwsgiOptionValue } from './model.js';
import { canonicalName, type ParserKind } from './options.js';

export interface OptionIndex {
  /** By option variable (aliases together). */
  byVariable: Map<string, UwsgiOptionValue[]>;
  /** By the kind of the option's parser (known options only). */
  byKind: Map<ParserKind, UwsgiOptionValue[]>;
  /** Options that are no option (of the core, a plugin or `declare-option`). */
  unknown: UwsgiOptionValue[];
}

export function indexOptions(options: readonly UwsgiOptionValue[]): OptionIndex {
  const index: OptionIndex = { byVariable: new Map(), byKind: new Map(), unknown: [] };
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (o.placeholder) continue;
    push(index.byVariable, canonicalName(o.name), o);
    if (o.entry) push(index.byKind, o.entry.kind, o);
    if (!o.known) index.unknown.push(o);
  }
  return index;
}

function push<K>(m: Map<K, UwsgiOptionValue[]>, key: K, o: UwsgiOptionValue): void {
  const list = m.get(key);
  if (list) list.push(o);
  else m.set(key, [o]);
}
