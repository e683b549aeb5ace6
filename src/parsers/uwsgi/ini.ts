/**
 * One read of a uWSGI ini file, as `uwsgi_ini_config` (core/ini.c) does it:
 *
 * - the whole text goes through magic substitution first (`uwsgi_open_and_read`);
 * - lines split at `\n`; each line is a C string (a NUL ends it) stripped of space, tab
 *   and CR on both sides; empty lines are skipped;
 * - a line starting with `[` is a section header: the name is the rest with its last
 *   character chopped (`[uwsgi] ; x` names section `uwsgi] ; `);
 * - a line starting with `;` or `#` is a comment (only there: no inline comments);
 * - anything else is `key = value`, split at the first `=`, both sides stripped; a line
 *   without `=` is a key with value "";
 * - only lines in the asked section (`uwsgi` by default) are kept; repeated sections merge.
 *
 * Hand-written (a line scanner mirroring a C loop), linear in the text size.
 */
import type { SourceFile } from '../../core/source.js';
import { magicSub, mapEnd, mapStart, rangeHasUnknown, type MagicResult, type MagicTable } from './magic.js';

export interface IniEntry {
  key: string;
  value: string;
  /** Source offsets (into the original text) of the key and value. */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The line had an `=`. */
  hasEquals: boolean;
  /** The value holds a magic variable only known on the host (`%h`, `%v`…). */
  unknownMagic: boolean;
}

export interface IniHeader {
  /** Section name as uWSGI computes it (last character chopped). */
  name: string;
  /** The stripped header line as written. */
  text: string;
  start: number;
  end: number;
  /** Key lines under this header. */
  entries: number;
}

export interface IniRead {
  entries: IniEntry[];
  headers: IniHeader[];
  /** Some key line belongs to the asked section (uWSGI's `got_section`). */
  sectionFound: boolean;
  /** `%X` sequences the magic substitution deleted (the rest of its result is not kept: reads are cached for the run). */
  deletedMagic: MagicResult['deleted'];
  /** Offsets of NUL bytes that cut a line short. */
  nulAt: number[];
}

function isStripChar(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

export function readIni(source: SourceFile, table: MagicTable, section: string): IniRead {
  const magic = magicSub(source.text, table);
  const t = magic.text;
  const identity = magic.outStarts.length === 0;
  // Offsets of the substituted text map back to the source. A line lying inside one literal
  // segment (most lines) maps by a constant shift, found once per line with a cursor over the
  // segments; only lines touching a substitution go through the segment search per offset.
  const segStarts = magic.outStarts;
  let seg = 0;
  let direct = true;
  let shift = 0;
  const entries: IniEntry[] = [];
  const headers: IniHeader[] = [];
  const nulAt: number[] = [];
  let current = '';
  let currentHeader: IniHeader | undefined;
  let pos = 0;
  const n = t.length;
  // Next NUL and next `=` at or after the line start (each searched again only once passed,
  // so every character is looked at once whatever the lines hold).
  let nextNul = t.indexOf('\0');
  let nextEq = t.indexOf('=');
  while (pos < n) {
    let nl = t.indexOf('\n', pos);
    if (nl === -1) nl = n;
    let ls = pos;
    let le = nl;
    pos = nl + 1;
    if (!identity) {
      // An empty key at the line start ends at the line break before it: cover that too.
      const from = ls > 0 ? ls - 1 : 0;
      while (seg + 1 < segStarts.length && segStarts[seg + 1]! <= from) seg++;
      direct = !magic.replaced[seg] && (seg + 1 === segStarts.length || segStarts[seg + 1]! >= le);
      shift = magic.inStarts[seg]! - segStarts[seg]!;
    }
    if (nextNul !== -1 && nextNul < ls) nextNul = t.indexOf('\0', ls);
    if (nextNul !== -1 && nextNul < le) {
      nulAt.push(direct ? nextNul + shift : mapStart(magic, nextNul));
      le = nextNul;
    }
    while (ls < le && isStripChar(t.charCodeAt(ls))) ls++;
    while (le > ls && isStripChar(t.charCodeAt(le - 1))) le--;
    if (ls === le) continue;
    const c0 = t.charCodeAt(ls);
    if (c0 === 91 /* [ */) {
      current = t.slice(ls + 1, le - 1);
      currentHeader = { name: current, text: t.slice(ls, le), start: direct ? ls + shift : mapStart(magic, ls), end: direct ? le + shift : mapEnd(magic, le), entries: 0 };
      headers.push(currentHeader);
      continue;
    }
    if (c0 === 59 /* ; */ || c0 === 35 /* # */) continue;
    if (currentHeader) currentHeader.entries++;
    if (current !== section) continue;
    if (nextEq !== -1 && nextEq < ls) nextEq = t.indexOf('=', ls);
    const eq = nextEq;
    let ke: number;
    let vs: number;
    let hasEquals = false;
    if (eq !== -1 && eq < le) {
      hasEquals = true;
      ke = eq;
      while (ke > ls && isStripChar(t.charCodeAt(ke - 1))) ke--;
      vs = eq + 1;
      while (vs < le && isStripChar(t.charCodeAt(vs))) vs++;
    } else {
      ke = le;
      vs = le;
    }
    entries.push(
      direct
        ? { key: t.slice(ls, ke), value: t.slice(vs, le), keyStart: ls + shift, keyEnd: ke + shift, valueStart: vs + shift, valueEnd: le + shift, hasEquals, unknownMagic: false }
        : {
            key: t.slice(ls, ke),
            value: t.slice(vs, le),
            keyStart: mapStart(magic, ls),
            keyEnd: mapEnd(magic, ke),
            valueStart: vs < le ? mapStart(magic, vs) : mapEnd(magic, le),
            valueEnd: mapEnd(magic, le),
            hasEquals,
            unknownMagic: vs < le && rangeHasUnknown(magic, vs, le),
          },
    );
  }
  // `got_section` counts only key lines of the asked section.
  return { entries, headers, sectionFound: entries.length > 0, deletedMagic: magic.deleted, nulAt };
}
