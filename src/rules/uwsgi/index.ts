import type { Rule } from '../../core/rule.js';
import { atFile } from './at-file.js';
import { booleanValue } from './boolean-value.js';
import { bufferSize } from './buffer-size.js';
import { chmodSocket } from './chmod-socket.js';
import { commandLine } from './command-line.js';
import { configLoad } from './config-load.js';
import { duplicateOption } from './duplicate-option.js';
import { fileEncoding } from './file-encoding.js';
import { harakiriWithoutMaster } from './harakiri-without-master.js';
import { httpRouterToHttpSocket } from './http-router-to-http-socket.js';
import { inlineComment } from './inline-comment.js';
import { limitAsUnits } from './limit-as-units.js';
import { maxRequestsLifetime } from './max-requests-lifetime.js';
import { missingPath } from './missing-path.js';
import { missingSection } from './missing-section.js';
import { placeholder } from './placeholder.js';
import { pluginNotLoaded } from './plugin-not-loaded.js';
import { publicUwsgiSocket } from './public-uwsgi-socket.js';
import { sectionHeader } from './section-header.js';
import { strictMode } from './strict-mode.js';
import { unixSocketPathLength } from './unix-socket-path-length.js';
import { unknownMagicVariable } from './unknown-magic-variable.js';
import { unknownOption } from './unknown-option.js';

/** Every uwsgi rule, one module each in this directory. */
export const uwsgiRules: Rule[] = [
  // Front-end problems.
  configLoad,
  fileEncoding,
  atFile,
  placeholder,
  commandLine,
  strictMode,
  // Reading the ini.
  missingSection,
  sectionHeader,
  unknownOption,
  inlineComment,
  booleanValue,
  duplicateOption,
  unknownMagicVariable,
  // Option values.
  bufferSize,
  limitAsUnits,
  chmodSocket,
  harakiriWithoutMaster,
  maxRequestsLifetime,
  pluginNotLoaded,
  // Sockets.
  httpRouterToHttpSocket,
  publicUwsgiSocket,
  unixSocketPathLength,
  // Host filesystem.
  missingPath,
];
