/**
 * uWSGI "magic variables": `%d`, `%n`, `%(`… substituted in the whole text of a config file
 * when it is read (`magic_sub`, core/utils.c:1844), before it is split into lines.
 *
 * `init_magic_table` (utils.c:1874) sets all 256 entries to "" so any other `%X` is deleted
 * (including `%` + newline, which joins two lines); `%%` → `%`; `%(` is kept for the
 * placeholder pass. The file-related entries come from `config_magic_table_fill`
 * (core/uwsgi.c:1041), the static ones from uwsgi.c:2223-2236. Values that depend on the
 * host at run time (hostname, cwd, time, uid…) are unknown here: they are left as written
 * and the positions are recorded so the values holding them count as unknown.
 */
import { lastAtOrBefore } from '../../core/source.js';

/** Letters with a meaning; every other `%X` is deleted by uWSGI. */
export const MAGIC_LETTERS = new Set('dpsnecx0123456789obijvhtTVkuUgG[%(DPSNECXOIJ'.split(''));

/** Letters whose value uWSGI computes at run time on the host (unknown statically). */
const HOST_LETTERS = new Set(['b', 'i', 'v', 'h', 't', 'T', 'k', 'u', 'U', 'g', 'G', 'I']);

export const UWSGI_VERSION = '2.0.21-debian';

export type MagicTable = Map<string, string>;

/** File-related entries for a config file read as `path` (deployed, absolute), `section` when given as `file:section`. */
export function fileMagic(filePath: string, asGiven: string, section: string | undefined): Map<string, string> {
  const m = new Map<string, string>();
  m.set('o', asGiven);
  const slash = filePath.lastIndexOf('/');
  const s = filePath.slice(slash + 1);
  const dWithSlash = filePath.slice(0, slash + 1);
  const d = dWithSlash.endsWith('/') && dWithSlash.length > 1 ? dWithSlash.slice(0, -1) : dWithSlash;
  m.set('p', filePath);
  m.set('s', s);
  m.set('d', dWithSlash);
  m.set('j', djb33xHex(filePath));
  const lastSlash = d.lastIndexOf('/');
  let c = lastSlash >= 0 ? d.slice(lastSlash + 1) : '';
  if (c.endsWith('/')) c = c.slice(0, -1);
  m.set('c', c);
  const parts = d.split('/').filter((x) => x !== '');
  for (let i = 0; i <= 9; i++) m.set(String(i), parts[i] ?? '');
  const dot = s.lastIndexOf('.');
  m.set('e', dot >= 0 ? s.slice(dot + 1) : '');
  m.set('n', dot >= 0 ? s.slice(0, dot) : s);
  m.set('x', section ?? '');
  return m;
}

/** `djb33x_hash` of a string as uWSGI prints it for `%j` (4 bytes of the hash, little-endian, hex). */
function djb33xHex(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let hash = 5381;
  for (let i = 0; i < bytes.length; i++) {
    // `key[i]` is a (signed) char on x86: bytes >= 0x80 are sign-extended.
    const c = bytes[i]! >= 128 ? bytes[i]! - 256 : bytes[i]!;
    hash = ((((hash << 5) >>> 0) + hash) >>> 0) ^ c;
    hash >>>= 0;
  }
  const b = Buffer.alloc(4);
  b.writeUInt32LE(hash);
  return b.toString('hex').toUpperCase();
}

/** Capital letters: the lower-case entry of the first config file (`%O`, `%D`, …). */
const FIRST_FILE_LETTERS = [
  ['o', 'O'],
  ['d', 'D'],
  ['s', 'S'],
  ['p', 'P'],
  ['c', 'C'],
  ['e', 'E'],
  ['n', 'N'],
  ['x', 'X'],
  ['j', 'J'],
] as const;

/**
 * The table for one read: file entries of this file, capitals from the first config file,
 * static entries. Unknown (host) letters are not in the table.
 */
export function buildMagicTable(file: Map<string, string>, first: Map<string, string>): MagicTable {
  const t: MagicTable = new Map();
  for (const [k, v] of file) t.set(k, v);
  for (const [lower, upper] of FIRST_FILE_LETTERS) {
    const v = first.get(lower);
    if (v !== undefined) t.set(upper, v);
  }
  t.set('V', UWSGI_VERSION);
  t.set('[', '\x1b');
  t.set('%', '%');
  t.set('(', '%(');
  return t;
}

export interface MagicResult {
  text: string;
  /** Segment starts in the output (ascending) and where each starts in the input; replacement segments flagged. */
  outStarts: number[];
  inStarts: number[];
  /** Input length of each segment (2 for a replacement). */
  inLens: number[];
  replaced: boolean[];
  /** Output ranges whose value is unknown (host-dependent magic), as [start, end) pairs. */
  unknownRanges: number[];
  /** `%X` whose letter means nothing to uWSGI (deleted): input offsets of the `%`. */
  deleted: Array<{ offset: number; letter: string }>;
}

/** Apply magic substitution to `text`; identity (no segments) when it holds no `%`. */
export function magicSub(text: string, table: MagicTable): MagicResult {
  const res: MagicResult = { text, outStarts: [], inStarts: [], inLens: [], replaced: [], unknownRanges: [], deleted: [] };
  let i = text.indexOf('%');
  if (i === -1) return res;
  const parts: string[] = [];
  let outLen = 0;
  let litStart = 0;
  const pushLiteral = (from: number, to: number) => {
    if (to <= from) return;
    res.outStarts.push(outLen);
    res.inStarts.push(from);
    res.inLens.push(to - from);
    res.replaced.push(false);
    parts.push(text.slice(from, to));
    outLen += to - from;
  };
  while (i !== -1) {
    // uWSGI: `%` followed by any byte (the buffer ends with a NUL, so a final `%` is deleted too).
    pushLiteral(litStart, i);
    const letter = i + 1 < text.length ? text[i + 1]! : '';
    let repl: string;
    const known = table.get(letter);
    if (known !== undefined) repl = known;
    else if (HOST_LETTERS.has(letter)) {
      repl = '%' + letter;
      res.unknownRanges.push(outLen, outLen + repl.length);
    } else {
      repl = '';
      if (!MAGIC_LETTERS.has(letter)) res.deleted.push({ offset: i, letter });
    }
    const inLen = letter === '' ? 1 : 2;
    res.outStarts.push(outLen);
    res.inStarts.push(i);
    res.inLens.push(inLen);
    res.replaced.push(true);
    parts.push(repl);
    outLen += repl.length;
    litStart = i + inLen;
    i = litStart < text.length ? text.indexOf('%', litStart) : -1;
  }
  pushLiteral(litStart, text.length);
  res.text = parts.join('');
  return res;
}

/** Input offset of an output offset (a start: a replacement maps to its `%`). */
export function mapStart(m: MagicResult, out: number): number {
  const k = segmentAt(m, out);
  if (k < 0) return out;
  if (m.replaced[k]) return m.inStarts[k]!;
  return m.inStarts[k]! + (out - m.outStarts[k]!);
}

/** Input offset of an output end offset (an end inside or after a replacement maps past it). */
export function mapEnd(m: MagicResult, out: number): number {
  if (!m.outStarts.length) return out;
  if (out <= 0) return 0;
  const k = segmentAt(m, out - 1);
  if (k < 0) return out;
  if (m.replaced[k]) return m.inStarts[k]! + m.inLens[k]!;
  return m.inStarts[k]! + (out - m.outStarts[k]!);
}

function segmentAt(m: MagicResult, out: number): number {
  const starts = m.outStarts;
  if (!starts.length) return -1;
  // Of empty replacement segments sharing a start, the last one: the segment that covers `out`.
  return lastAtOrBefore(starts, out);
}

/** Whether the output range [start, end) overlaps an unknown magic value. */
export function rangeHasUnknown(m: MagicResult, start: number, end: number): boolean {
  const u = m.unknownRanges;
  for (let i = 0; i < u.length; i += 2) if (u[i]! < end && u[i + 1]! > start) return true;
  return false;
}
