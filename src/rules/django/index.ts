import type { Rule } from '../../core/rule.js';
import { allowedHostsEmpty } from './allowed-hosts-empty.js';
import { debugEnabled } from './debug-enabled.js';
import { mediaRootEqualsStaticRoot } from './media-root-equals-static-root.js';
import { mediaUrlEqualsStaticUrl } from './media-url-equals-static-url.js';
import { pythonSyntaxError } from './python-syntax-error.js';
import { relativeStorageRoot } from './relative-storage-root.js';
import { secretKeyHardcoded } from './secret-key-hardcoded.js';
import { secretKeyWeak } from './secret-key-weak.js';
import { settingsImportCycle } from './settings-import-cycle.js';
import { settingsModuleNotFound } from './settings-module-not-found.js';
import { staticRootInsideStaticfilesDirs } from './static-root-inside-staticfiles-dirs.js';
import { staticRootUnset } from './static-root-unset.js';
import { staticfilesDirsContainsStaticRoot } from './staticfiles-dirs-contains-static-root.js';
import { staticfilesDirsNotList } from './staticfiles-dirs-not-list.js';
import { staticfilesPrefixTrailingSlash } from './staticfiles-prefix-trailing-slash.js';
import { unresolvedSettingsImport } from './unresolved-settings-import.js';
import { urlSettingTrailingSlash } from './url-setting-trailing-slash.js';

/** Every django rule, one module each in this directory. */
export const djangoRules: Rule[] = [
  // Front-end problems.
  pythonSyntaxError,
  settingsModuleNotFound,
  settingsImportCycle,
  unresolvedSettingsImport,
  // What Django itself checks (manage.py check / check --deploy).
  debugEnabled,
  allowedHostsEmpty,
  secretKeyHardcoded,
  secretKeyWeak,
  staticfilesDirsNotList,
  staticfilesDirsContainsStaticRoot,
  staticfilesPrefixTrailingSlash,
  urlSettingTrailingSlash,
  // What Django misses or only finds at collectstatic time.
  staticRootUnset,
  staticRootInsideStaticfilesDirs,
  mediaRootEqualsStaticRoot,
  mediaUrlEqualsStaticUrl,
  relativeStorageRoot,
];
