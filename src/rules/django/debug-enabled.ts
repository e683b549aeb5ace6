import type { Rule } from '../../core/rule.js';
import { isKnown, truthy } from '../../parsers/django/values.js';
import { assumptionsText, get, wording } from './_util.js';

export const debugEnabled: Rule = {
  meta: {
    id: 'django/debug-enabled',
    severity: 'warning',
    description: 'DEBUG is true in the settings the deployment runs.',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      if (!s.deployed) continue;
      const debug = get(s, 'DEBUG');
      if (!debug.setting || !isKnown(debug.value) || truthy(debug.value) !== true) continue;
      ctx.report({
        at: debug.setting.at,
        message: `You should not have DEBUG set to True in deployment: ${wording('DEBUG', debug)}`,
        hint:
          'With DEBUG on, every error page shows a traceback with local variables and most settings, and Django keeps every SQL query in memory. ' +
          'Set DEBUG = False in production settings (or read it from the environment with a False default).' +
          assumptionsText(debug),
      });
    }
  },
};
