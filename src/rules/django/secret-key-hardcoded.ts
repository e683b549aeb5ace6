import type { Rule } from '../../core/rule.js';
import { assumptionsText, fromEnvDefault, fromEnvironment, get } from './_util.js';

export const secretKeyHardcoded: Rule = {
  meta: {
    id: 'django/secret-key-hardcoded',
    severity: 'warning',
    description: 'SECRET_KEY is written in the settings file (or is its fallback when the environment does not set it).',
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      if (!s.deployed) continue;
      const key = get(s, 'SECRET_KEY');
      if (!key.setting || key.value.k !== 'str' || key.value.v === '' || fromEnvironment(key)) continue;
      const fallback = fromEnvDefault(key);
      ctx.report({
        at: key.setting.at,
        message: fallback
          ? `SECRET_KEY falls back to a key written in the settings file when the environment does not set it: SECRET_KEY = ${key.setting.expression}`
          : `SECRET_KEY is hard-coded in the settings file: SECRET_KEY = ${key.setting.expression}`,
        hint:
          'Anyone who can read the source (a repository, a backup) can sign session cookies, password-reset links and messages for this site. ' +
          (fallback
            ? 'Drop the fallback so a missing variable fails loudly, e.g. SECRET_KEY = os.environ["DJANGO_SECRET_KEY"].'
            : 'Read it from the environment or a file outside the repository, e.g. SECRET_KEY = os.environ["DJANGO_SECRET_KEY"], and generate a new one (the old one is public).') +
          assumptionsText(key),
      });
    }
  },
};
