import type { Rule } from '../../core/rule.js';
import type { SectionType, SupervisorSection } from '../../parsers/supervisor/model.js';
import { SECTION_KEYS } from '../../parsers/supervisor/schema.js';
import { didYouMean, quoteList } from './_util.js';

const ALL_KEYS = new Set(Object.values(SECTION_KEYS).flatMap((k) => Object.keys(k)));
const KEYS_OF = new Map((Object.keys(SECTION_KEYS) as SectionType[]).map((t) => [t, new Set(Object.keys(SECTION_KEYS[t]))]));
const MAIN_RPC = 'supervisor.rpcinterface:make_main_rpcinterface';

/** Section types that take a key. */
function homesOf(key: string): SectionType[] {
  return (Object.keys(SECTION_KEYS) as SectionType[]).filter((t) => key in SECTION_KEYS[t]);
}

function label(t: SectionType): string {
  return ['rpcinterface', 'ctlplugin', 'program', 'eventlistener', 'fcgi-program', 'group'].includes(t) ? `[${t}:x]` : `[${t}]`;
}

export const unknownKey: Rule = {
  meta: {
    id: 'supervisor/unknown-key',
    severity: 'warning',
    description: 'A key supervisord does not read in that section (a typo such as `autorstart`), which it ignores without a word.',
    reads: ['supervisor'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      const sections: SupervisorSection[] = c.defaults ? [...c.sections, c.defaults] : c.sections;
      for (const s of c.sections) {
        // [DEFAULT] keys reach every section, the RPC factory's keyword arguments too.
        if (s.type !== 'rpcinterface' || s.values.get('supervisor.rpcinterface_factory')?.raw.trim() !== MAIN_RPC) continue;
        for (const v of s.values.values()) {
          if (!v.fromDefault || v.key === 'supervisor.rpcinterface_factory') continue;
          ctx.report({
            at: v.keyAt,
            message: `make_main_rpcinterface() got an unexpected keyword argument '${v.key}'`,
            severity: 'error',
            hint:
              `[DEFAULT] values apply to every section, [${s.name}] included: supervisord passes '${v.key}' to ` +
              'make_main_rpcinterface, which takes no options, and stops at startup with "Error: Could not make supervisor rpc ' +
              'interface". Move the setting into the program sections.',
            related: [{ at: s.headerAt, message: `[${s.name}] inherits it` }],
          });
        }
      }
      for (const s of sections) {
        const isDefault = s === c.defaults;
        if (!isDefault && !s.type) continue; // unknown-section reports the whole section
        const known = isDefault ? ALL_KEYS : KEYS_OF.get(s.type!)!;
        const plugin = s.type === 'rpcinterface' || s.type === 'ctlplugin';
        for (const v of s.occurrences) {
          if (!plugin && known.has(v.key)) continue;
          if (v.key === '') continue;
          if (isDefault) {
            if (ALL_KEYS.has(v.key)) continue;
          } else if (s.type === 'rpcinterface' || s.type === 'ctlplugin') {
            const factoryKey = s.type === 'rpcinterface' ? 'supervisor.rpcinterface_factory' : 'supervisor.ctl_factory';
            if (v.key === factoryKey) continue;
            // Other keys are passed to the factory as keyword arguments; the standard one takes none.
            const factory = s.values.get(factoryKey)?.raw.trim();
            if (factory !== MAIN_RPC) continue;
            ctx.report({
              at: v.keyAt,
              message: `make_main_rpcinterface() got an unexpected keyword argument '${v.key}'`,
              severity: 'error',
              hint:
                'supervisord passes every other key of the section to the factory as a keyword argument; make_main_rpcinterface ' +
                'takes none, so supervisord stops at startup with "Error: Could not make supervisor rpc interface". Remove the key.',
            });
            continue;
          } else if (KEYS_OF.get(s.type!)!.has(v.key)) continue;
          const candidates = isDefault ? ALL_KEYS : Object.keys(SECTION_KEYS[s.type!]);
          const guesses = didYouMean(v.key, candidates);
          const homes = homesOf(v.key);
          let hint = `supervisord ignores unknown keys silently, so this setting has no effect.`;
          if (guesses.length) hint += ` Did you mean ${quoteList(guesses)}?`;
          else if (homes.length) hint += ` '${v.key}' belongs in ${homes.map(label).join(' or ')}.`;
          ctx.report({
            at: v.keyAt,
            message: `unknown key '${v.key}' in [${s.name}]${guesses.length ? `; did you mean ${quoteList(guesses)}?` : ''}`,
            hint,
          });
        }
      }
    }
  },
};
