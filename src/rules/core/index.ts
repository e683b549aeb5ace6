import type { Rule } from '../../core/rule.js';
import { binaryFile } from './binary-file.js';
import { unreadableFile } from './unreadable-file.js';
import { unrecognizedFile } from './unrecognized-file.js';

export const coreRules: Rule[] = [unreadableFile, binaryFile, unrecognizedFile];
