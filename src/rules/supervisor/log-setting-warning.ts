import type { Rule } from '../../core/rule.js';
import { reportIssues } from './_issues.js';

export const logSettingWarning: Rule = {
  meta: {
    id: 'supervisor/log-setting-warning',
    severity: 'warning',
    description: 'Logging settings supervisord warns about: deprecated syslog log file, AUTO log without rotation, stderr_logfile ignored by redirect_stderr.',
    reads: ['supervisor'],
  },
  check(ctx) {
    reportIssues(ctx, 'log-setting-warning');
  },
};
