import type { Rule } from '../core/rule.js';
import { coreRules } from './core/index.js';
import { nginxRules } from './nginx/index.js';
import { uwsgiRules } from './uwsgi/index.js';
import { supervisorRules } from './supervisor/index.js';
import { djangoRules } from './django/index.js';

export const allRules: Rule[] = [...coreRules, ...nginxRules, ...uwsgiRules, ...supervisorRules, ...djangoRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
