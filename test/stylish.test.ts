import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { formatStylish } from '../src/cli/formatters/stylish.js';
import { toDiagnostic } from '../src/core/diagnostic.js';
import { SourceFile } from '../src/core/source.js';

describe('stylish formatter', () => {
  it('puts the caret under the range, numbers lines absolutely, and shows related frames and hints', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line${i + 1} value;`).join('\n');
    const a = new SourceFile('/w/a.conf', text);
    const b = new SourceFile('/w/b.ini', 'x = 1\ny = 2\n');
    const d = toDiagnostic('nginx/example', 'error', {
      at: { source: a, start: a.offsetAt(11, 8), end: a.offsetAt(11, 13) },
      message: 'something is wrong',
      hint: 'do this instead',
      related: [{ at: { source: b, start: b.offsetAt(2, 1), end: b.offsetAt(2, 2) }, message: 'because of this' }],
    });
    const out = formatStylish([d], { cwd: '/w', colors: pc.createColors(false), sourceOf: (f) => (f === a.path ? a : b) });
    expect(out).toContain('a.conf\n  11:8  error  something is wrong  nginx/example');
    expect(out).toContain('    > 11 | line11 value;\n         |        ^^^^^');
    expect(out).toContain('     9 | line9 value;');
    expect(out).toContain('related b.ini:2:1: because of this');
    expect(out).toContain('      > 2 | y = 2');
    expect(out).toContain('hint do this instead');
    expect(out).toMatch(/✖ 1 problem \(1 error, 0 warnings\)\n$/);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatStylish([], { cwd: '/', colors: pc.createColors(false), sourceOf: () => undefined })).toBe('');
  });
});
