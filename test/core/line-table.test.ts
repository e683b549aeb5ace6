import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineTable } from '../../src/core/line-table.js';

const DATA = path.resolve(import.meta.dirname, '../../data');

describe('LineTable', () => {
  it.each([
    ['nginx/directives.json', 'directives'],
    ['uwsgi/options.json', 'options'],
  ])('reads %s exactly as JSON.parse does', (file, key) => {
    const text = fs.readFileSync(path.join(DATA, file), 'latin1');
    const whole = JSON.parse(text) as Record<string, Record<string, unknown>>;
    const table = new LineTable(text, key);
    expect(table.names()).toEqual(Object.keys(whole[key]!));
    for (const name of table.names()) expect(table.get(name)).toEqual(whole[key]![name]);
    expect(table.header).toEqual({ ...whole, [key]: {} });
  });

  it('indexes the generator layout, escaped names included', () => {
    const text = '{\n  "source": "x",\n  "entries": {\n    "a": [1],\n    "b\\"c": {"d": 2}\n  }\n}\n';
    const table = new LineTable<unknown>(text, 'entries');
    expect(table.names()).toEqual(['a', 'b"c']);
    expect(table.get('b"c')).toEqual({ d: 2 });
    expect(table.has('zz')).toBe(false);
    expect(table.get('zz')).toBeUndefined();
    expect(table.header).toEqual({ source: 'x', entries: {} });
  });

  it('parses a file of another layout whole', () => {
    const text = JSON.stringify({ source: 'y', entries: { a: [1], b: { c: 3 } } }, null, 4);
    const table = new LineTable<unknown>(text, 'entries');
    expect(table.names()).toEqual(['a', 'b']);
    expect(table.get('b')).toEqual({ c: 3 });
    expect(table.header).toEqual({ source: 'y', entries: {} });
  });
});
