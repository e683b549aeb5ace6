import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { lint } from '../../../src/engine/lint.js';
import { binaryFile } from '../../../src/rules/core/binary-file.js';
import { unrecognizedFile } from '../../../src/rules/core/unrecognized-file.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(binaryFile, {
  valid: [{ name: 'a text config', files: { 'nginx.conf': 'events {}\n' }, kind: 'nginx' }],
  invalid: [
    {
      name: 'NUL bytes',
      files: { 'app.conf': 'PK\u0003\u0004\u0000\u0000binary' },
      errors: [{ message: /binary file/, line: 1, column: 1 }],
    },
  ],
});

testRule(unrecognizedFile, {
  valid: [{ name: 'kind given', files: { 'notes.txt': 'events {}\n' }, kind: 'nginx' }],
  invalid: [{ name: 'prose', files: { 'notes.txt': 'just some notes\n' }, errors: [{ message: /not recognised/ }] }],
});

describe('core/unreadable-file', () => {
  it('reports a symbolic-link loop instead of throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklint-unreadable-'));
    fs.symlinkSync(path.join(dir, 'b.conf'), path.join(dir, 'a.conf'));
    fs.symlinkSync(path.join(dir, 'a.conf'), path.join(dir, 'b.conf'));
    const result = lint({ paths: [path.join(dir, 'a.conf')], cwd: dir, config: defaultConfig(dir) });
    expect(result.internalErrors).toEqual([]);
    const found = result.diagnostics.filter((d) => d.ruleId === 'core/unreadable-file');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/symbolic link loop/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
