import type { Rule } from '../../core/rule.js';
import { parseError } from './parse-error.js';
import { includeFiles } from './include-files.js';
import { sectionError } from './section-error.js';
import { missingCommand } from './missing-command.js';
import { invalidProgramName } from './invalid-program-name.js';
import { numprocsWithoutProcessNum } from './numprocs-without-process-num.js';
import { formatStringError } from './format-string-error.js';
import { badBoolean } from './bad-boolean.js';
import { badInteger } from './bad-integer.js';
import { badAutorestart } from './bad-autorestart.js';
import { badSignal } from './bad-signal.js';
import { badExitcodes } from './bad-exitcodes.js';
import { badByteSize } from './bad-byte-size.js';
import { badOctal } from './bad-octal.js';
import { badEnvironment } from './bad-environment.js';
import { badValue } from './bad-value.js';
import { missingLogDirectory } from './missing-log-directory.js';
import { invalidUser } from './invalid-user.js';
import { logSettingWarning } from './log-setting-warning.js';
import { percentSExpandsToDict } from './percent-s-expands-to-dict.js';
import { unknownSection } from './unknown-section.js';
import { unknownKey } from './unknown-key.js';
import { commandNotRunnable } from './command-not-runnable.js';
import { missingProgramDirectory } from './missing-program-directory.js';
import { shellSyntaxInCommand } from './shell-syntax-in-command.js';
import { relativePathWithoutDirectory } from './relative-path-without-directory.js';
import { programDaemonizes } from './program-daemonizes.js';
import { uwsgiWithoutDieOnTerm } from './uwsgi-without-die-on-term.js';
import { startsecsRestartLoop } from './startsecs-restart-loop.js';
import { stopwaitsecsZero } from './stopwaitsecs-zero.js';

/** Every supervisor rule, one module each in this directory. */
export const supervisorRules: Rule[] = [
  parseError,
  includeFiles,
  sectionError,
  missingCommand,
  invalidProgramName,
  numprocsWithoutProcessNum,
  formatStringError,
  badBoolean,
  badInteger,
  badAutorestart,
  badSignal,
  badExitcodes,
  badByteSize,
  badOctal,
  badEnvironment,
  badValue,
  missingLogDirectory,
  invalidUser,
  logSettingWarning,
  percentSExpandsToDict,
  unknownSection,
  unknownKey,
  commandNotRunnable,
  missingProgramDirectory,
  shellSyntaxInCommand,
  relativePathWithoutDirectory,
  programDaemonizes,
  uwsgiWithoutDieOnTerm,
  startsecsRestartLoop,
  stopwaitsecsZero,
];
