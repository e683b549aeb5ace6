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

/**
 * The file-related entries of the table for one config file read (`config_magic_table_fill`,
 * core/uwsgi.c:1041). A file is read with few of its letters (often one or none): each is
 * computed when asked for instead of filling a table per read.
 */
export class FileMagic {
  constructor(
    /** Deployed absolute path of the file (`%p`). */
    readonly path: string,
    /** The path as given on the command line or in `ini =` (`%o`). */
    readonly asGiven: string,
    /** The section when given as `file:section` (`%x`). */
    readonly section: string | undefined,
  ) {}

  /** The entry of a file letter (`o p s d j c e n x 0-9`), undefined for any other letter. */
  get(letter: string): string | undefined {
    switch (letter) {
      case 'o':
        return this.asGiven;
      case 'p':
        return this.path;
      case 's':
        return this.fileName();
      case 'd':
        return this.path.slice(0, this.path.lastIndexOf('/') + 1);
      case 'j':
        return djb33xHex(this.path);
      case 'c': {
        const d = this.dir();
        const lastSlash = d.lastIndexOf('/');
        const c = lastSlash >= 0 ? d.slice(lastSlash + 1) : '';
        return c.endsWith('/') ? c.slice(0, -1) : c;
      }
      case 'e': {
        const s = this.fileName();
        const dot = s.lastIndexOf('.');
        return dot >= 0 ? s.slice(dot + 1) : '';
      }
      case 'n': {
        const s = this.fileName();
        const dot = s.lastIndexOf('.');
        return dot >= 0 ? s.slice(0, dot) : s;
      }
      case 'x':
        return this.section ?? '';
      default: {
        const digit = letter.length === 1 ? letter.charCodeAt(0) - 48 : -1;
        if (digit < 0 || digit > 9) return undefined;
        return this.dir().split('/').filter((x) => x !== '')[digit] ?? '';
      }
    }
  }

  private fileName(): string {
    return this.path.slice(this.path.lastIndexOf('/') + 1);
  }

  /** The directory without its trailing slash (`/` stays `/`). */
  private dir(): string {
    const withSlash = this.path.slice(0, this.path.lastIndexOf('/') + 1);
    return withSlash.endsWith('/') && withSlash.length > 1 ? withSlash.slice(0, -1) : withSlash;
  }
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
const FIRST_FILE_LETTERS = new Set(['O', 'D', 'S', 'P', 'C', 'E', 'N', 'X', 'J']);

/**
 * The table for one read: file entries of this file, capitals from the first config file
 * (none before one was read), static entries. Unknown (host) letters are not in the table.
 */
export class MagicTable {
  constructor(
    private readonly file: FileMagic,
    private readonly first: FileMagic | undefined,
  ) {}

  /** Identifies the table: the entries depend on this file's path, `%o` and `%x`, and on those of the first file. */
  key(): string {
    const { file, first } = this;
    return `${file.path}\0${file.asGiven}\0${file.section ?? ''}\0${first?.path}\0${first?.asGiven}\0${first?.section ?? ''}`;
  }

  get(letter: string): string | undefined {
    switch (letter) {
      case 'V':
        return UWSGI_VERSION;
      case '[':
        return '\x1b';
      case '%':
        return '%';
      case '(':
        return '%(';
      default:
        if (FIRST_FILE_LETTERS.has(letter)) return this.first?.get(letter.toLowerCase());
        return this.file.get(letter);
    }
  }
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

/**
 * Apply magic substitution to `text`. `%(` stays as it is (uWSGI keeps it for the placeholder
 * pass), so it needs no segment: a text whose only `%` start placeholders is its own result,
 * returned as identity (no segments) like a text without any `%`.
 */
export function magicSub(text: string, table: MagicTable): MagicResult {
  const res: MagicResult = { text, outStarts: [], inStarts: [], inLens: [], replaced: [], unknownRanges: [], deleted: [] };
  const parts: string[] = [];
  let outLen = 0;
  let litStart = 0;
  for (let i = text.indexOf('%'); i !== -1; i = i + 1 < text.length ? text.indexOf('%', i + 2) : -1) {
    // uWSGI: `%` followed by any byte (the buffer ends with a NUL, so a final `%` is deleted too).
    const letter = i + 1 < text.length ? text[i + 1]! : '';
    if (letter === '(') continue;
    if (i > litStart) {
      res.outStarts.push(outLen);
      res.inStarts.push(litStart);
      res.inLens.push(i - litStart);
      res.replaced.push(false);
      parts.push(text.slice(litStart, i));
      outLen += i - litStart;
    }
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
  }
  if (!parts.length) return res;
  if (litStart < text.length) {
    res.outStarts.push(outLen);
    res.inStarts.push(litStart);
    res.inLens.push(text.length - litStart);
    res.replaced.push(false);
    parts.push(text.slice(litStart));
  }
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
