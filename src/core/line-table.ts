/**
 * A generated JSON table whose entries are written one per line under one key, as the
 * generators in scripts/ write them:
 *
 *     {
 *       "generatedFrom": "...",
 *       "<key>": {
 *         "name": <value>,
 *         ...
 *       }
 *     }
 *
 * The CLI reads these tables on every start but looks up a few dozen names, so the entry
 * lines are indexed by name and each value is parsed on first use; parsing every entry cost
 * a cold start several milliseconds. A file that does not have this layout is parsed whole.
 */
export class LineTable<T> {
  /** The file's other top-level fields (the entries key maps to an empty object). */
  readonly header: Record<string, unknown>;
  private readonly raw = new Map<string, string>();
  private readonly parsed = new Map<string, T>();

  constructor(text: string, key: string) {
    const open = `\n  ${JSON.stringify(key)}: {\n`;
    const start = text.indexOf(open);
    const close = start < 0 ? -1 : text.indexOf('\n  }', start + open.length - 1);
    if (start >= 0 && close >= 0 && this.index(text, start + open.length, close)) {
      this.header = JSON.parse(text.slice(0, start + open.length - 1) + text.slice(close + 1)) as Record<string, unknown>;
      return;
    }
    // Not the generators' layout (edited by hand?): parse it all.
    this.raw.clear();
    const whole = JSON.parse(text) as Record<string, unknown>;
    for (const [name, value] of Object.entries((whole[key] ?? {}) as Record<string, T>)) {
      this.raw.set(name, '');
      this.parsed.set(name, value);
    }
    this.header = { ...whole, [key]: {} };
  }

  /** Index `    "name": value,` lines between `from` and `to`; false if a line is not one. */
  private index(text: string, from: number, to: number): boolean {
    let i = from;
    while (i < to) {
      let end = text.indexOf('\n', i);
      if (end < 0 || end > to) end = to;
      const quote = text.indexOf('"', i);
      const sep = text.indexOf('": ', quote + 1);
      if (quote < 0 || sep < 0 || sep > end || text.slice(i, quote).trim() !== '') return false;
      const nameText = text.slice(quote, sep + 1);
      const name = nameText.includes('\\') ? (JSON.parse(nameText) as string) : nameText.slice(1, -1);
      const valueEnd = text.charCodeAt(end - 1) === 44 /* , */ ? end - 1 : end;
      this.raw.set(name, text.slice(sep + 3, valueEnd));
      i = end + 1;
    }
    return true;
  }

  has(name: string): boolean {
    return this.raw.has(name);
  }

  get(name: string): T | undefined {
    let value = this.parsed.get(name);
    if (value === undefined) {
      const text = this.raw.get(name);
      if (text === undefined) return undefined;
      value = JSON.parse(text) as T;
      this.parsed.set(name, value);
    }
    return value;
  }

  /** Every name, in file order. */
  names(): string[] {
    return [...this.raw.keys()];
  }
}
