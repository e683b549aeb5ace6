import type { Rule } from '../../core/rule.js';
import { assumptionsText, fromEnvDefault, get } from './_util.js';

/** Thresholds of security.W009 (django/core/checks/security/base.py:12-14). */
const MIN_LENGTH = 50;
const MIN_UNIQUE = 5;
const INSECURE_PREFIX = 'django-insecure-';

const W009 =
  "Your SECRET_KEY has less than 50 characters, less than 5 unique characters, or it's prefixed with 'django-insecure-' indicating that it was generated automatically by Django. Please generate a long and random SECRET_KEY, otherwise many of Django's security-critical features will be vulnerable to attack.";

export const secretKeyWeak: Rule = {
  meta: {
    id: 'django/secret-key-weak',
    severity: 'warning',
    description: "SECRET_KEY fails Django's security.W009 check (shorter than 50, fewer than 5 distinct characters, or 'django-insecure-'), or is empty.",
    reads: ['django'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      if (!s.deployed) continue;
      const key = get(s, 'SECRET_KEY');
      if (!key.setting || key.value.k !== 'str') continue;
      const v = key.value.v;
      if (v === '') {
        // An empty fallback of an environment lookup is the usual "must be set" idiom.
        if (fromEnvDefault(key)) continue;
        ctx.report({
          at: key.setting.at,
          severity: 'error',
          message: `The SECRET_KEY setting must not be empty: SECRET_KEY = ${key.setting.derivation}`,
          hint: 'Django raises ImproperlyConfigured the first time it needs the key (sessions, CSRF, signing). Set a long random key, read from the environment.',
        });
        continue;
      }
      const reasons: string[] = [];
      const length = [...v].length;
      if (length < MIN_LENGTH) reasons.push(`it has ${length} characters`);
      const unique = new Set(v).size;
      if (unique < MIN_UNIQUE) reasons.push(`it has ${unique} distinct character${unique === 1 ? '' : 's'}`);
      if (v.startsWith(INSECURE_PREFIX)) reasons.push(`it starts with '${INSECURE_PREFIX}' (the placeholder key of \`django-admin startproject\`)`);
      if (reasons.length === 0) continue;
      const fallback = fromEnvDefault(key);
      ctx.report({
        at: key.setting.at,
        message: `${W009} (security.W009: ${reasons.join(', ')}${fallback ? '; this is the fallback used when the environment does not set it' : ''})`,
        hint:
          'Generate one with `python3 -c "from django.core.management.utils import get_random_secret_key as g; print(g())"` and keep it out of the repository.' +
          assumptionsText(key),
      });
    }
  },
};
