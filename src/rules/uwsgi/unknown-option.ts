import { distance } from 'fastest-levenshtein';
import type { Rule } from '../../core/rule.js';
import { ALL_OPTION_NAMES, getoptTable, optionInfo } from '../../parsers/uwsgi/options.js';
import { unknownOptions } from '../../parsers/uwsgi/index.js';
import { configs, placeholderNames } from './_util.js';

// A typo is usually copied into many files: each key's suggestion is computed once per run.
const suggestionMemo = new Map<string, string | undefined>();
const abbreviationMemo = new Map<string, string | undefined>();

/** The option names a key was probably meant to be (case, underscores, typos). */
export function suggestOption(key: string): string | undefined {
  if (suggestionMemo.has(key)) return suggestionMemo.get(key);
  const best = closestOption(key);
  suggestionMemo.set(key, best);
  return best;
}

function closestOption(key: string): string | undefined {
  const lower = key.toLowerCase().replaceAll('_', '-');
  if (optionInfo(lower)) return lower;
  const max = key.length <= 4 ? 1 : key.length <= 9 ? 2 : 3;
  let best: string | undefined;
  let bestD = max + 1;
  for (const n of ALL_OPTION_NAMES) {
    if (Math.abs(n.length - lower.length) > max) continue;
    const d = distance(lower, n);
    if (d < bestD || (d === bestD && best !== undefined && n < best)) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

/** The option a command-line abbreviation stands for (a unique prefix, as getopt_long accepts). */
export function abbreviationOf(key: string, plugins: string[]): string | undefined {
  if (key.length < 2) return undefined;
  const memoKey = `${key}\0${plugins.join(',')}`;
  if (abbreviationMemo.has(memoKey)) return abbreviationMemo.get(memoKey);
  const found = uniquePrefixMatch(getoptTable(plugins).long, key);
  abbreviationMemo.set(memoKey, found);
  return found;
}

function uniquePrefixMatch(long: ReadonlyArray<{ name: string }>, key: string): string | undefined {
  let found: string | undefined;
  for (const o of long) {
    if (o.name.startsWith(key)) {
      if (found && found !== o.name) return undefined;
      found = o.name;
    }
  }
  return found;
}

const MAX_SUGGESTIONS = 200;

export const unknownOption: Rule = {
  meta: {
    id: 'uwsgi/unknown-option',
    severity: 'warning',
    description: 'An ini key that is no uWSGI option (of the core or any plugin) and is not used as a %(placeholder): uWSGI ignores it without a word.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      let used: Set<string> | undefined;
      // Suggestions cost a scan of every option name: only for the first keys of a file.
      let suggestions = 0;
      for (const o of unknownOptions(c)) {
        if (o.origin !== 'ini' || o.name === 'end') continue;
        used ??= placeholderNames(c);
        if (used.has(o.name)) continue;
        const key = o.name;
        const costly = ++suggestions <= MAX_SUGGESTIONS;
        const abbrev = costly ? abbreviationOf(key, ['python', 'http', ...(c.plugins ?? [])]) : undefined;
        const parts: string[] = [];
        if (abbrev) {
          parts.push(
            `On a command line "--${key}" abbreviates "--${abbrev}" (getopt accepts any unambiguous prefix), but in an ini file the key must be the full option name: write "${abbrev} = …".`,
          );
        } else {
          const s = costly ? suggestOption(key) : undefined;
          if (s && s.toLowerCase() === key.toLowerCase()) parts.push(`Did you mean "${s}"? uWSGI option names are case-sensitive.`);
          else if (s && s === key.toLowerCase().replaceAll('_', '-')) parts.push(`Did you mean "${s}"? ini keys are not converted: write dashes, not underscores.`);
          else if (s) parts.push(`Did you mean "${s}"?`);
          parts.push('uWSGI stores unknown keys only as placeholders (for %(name)) and does not warn about them; if this is meant as a placeholder, use set-placeholder.');
        }
        ctx.report({
          at: o.keyAt,
          message: `"${key}" is not a uWSGI option: uWSGI ignores it silently`,
          hint: parts.join(' '),
        });
      }
    }
  },
};
