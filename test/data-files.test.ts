/**
 * The CLI reads the generated tables as latin1 (a one-byte string, faster on every start),
 * which is exact only while they are pure ASCII: the generators escape everything else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const DATA = path.resolve(import.meta.dirname, '../data');

describe('generated data files', () => {
  const files = fs.readdirSync(DATA, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  it('are found', () => {
    expect(files).toEqual(expect.arrayContaining(['nginx/directives.json', 'uwsgi/options.json']));
  });
  it.each(files)('%s is pure ASCII', (file) => {
    const bytes = fs.readFileSync(path.join(DATA, file));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  });
});
