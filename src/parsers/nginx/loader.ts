/**
 * Loading nginx configurations: which candidate files are configs of their own, how their
 * `include`s resolve (FACTS §3, `ngx_conf_include` src/core/ngx_conf_file.c:821), and the
 * problems found on the way (missing, unreadable and looping includes).
 *
 * Includes, as nginx does them:
 * - A relative path is joined to the directory of the MAIN configuration file
 *   (`cycle->conf_prefix`), never to the including file's directory.
 * - The path is a glob only if it contains `*`, `?` or `[`; matches are sorted bytewise
 *   (nginx never calls setlocale), dotfiles are not matched, there is no brace expansion,
 *   and a glob that matches nothing is fine. Inside `geo { }` an include is never a glob.
 * - A literal path that does not exist → `open() "…" failed (2: No such file or
 *   directory)`; a directory (literal or matched by a glob) → `pread() "…" failed (21: Is
 *   a directory)`.
 * - nginx follows an include cycle until it crashes (`nginx -t` segfaults); we report the
 *   include that closes the loop once and do not follow it.
 *
 * Every file is read through `ctx.fs` (so the path map applies: configs name deployed
 * paths such as /etc/nginx/…) and parsed once per run however often it is included; all
 * include sites of a file share one NginxFile. (A file reached under two different main
 * directories is resolved, and so parsed, once per main directory, because its relative
 * includes mean different files there.)
 *
 * Candidates: a candidate that another candidate includes is linted where it is included
 * and is not a config of its own. Main-like candidates (named nginx.conf, or with `events`,
 * `http`, `user`… at top level) are taken first, then the others.
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { ParseProblem } from '../../core/diagnostic.js';
import { compareBytewise, hasGlobMagic, globSegmentToRegExp } from '../../core/fs.js';
import type { ReadResult } from '../../core/fs.js';
import type { LoadContext } from '../../core/project.js';
import type { SourceFile, Span } from '../../core/source.js';
import type { IncludeResolution, NginxConfig, NginxContext, NginxDirective, NginxFile } from './ast.js';
import { inferSnippetContext } from './contexts.js';
import { parseNginx, type IncludeSite, type ParsedNginxFile } from './parser.js';

export const INCLUDE_NOT_FOUND = 'nginx/include-not-found';
export const INCLUDE_UNREADABLE = 'nginx/include-unreadable';
export const INCLUDE_CYCLE = 'nginx/include-cycle';

/** Top-level directives that only a main nginx.conf has. */
const MAIN_MARKERS = new Set([
  'events',
  'http',
  'stream',
  'mail',
  'worker_processes',
  'user',
  'pid',
  'load_module',
  'worker_rlimit_nofile',
  'daemon',
  'master_process',
]);

/** Directories of the Debian layout whose files are included from the directory above. */
const LAYOUT_DIR = /^(sites-[^/]*|conf\.d|snippets|modules-[^/]*)$/;

/**
 * Files the nginx package installs next to nginx.conf. A config kept in a repository
 * often includes them relatively without shipping them; they exist on any nginx host.
 */
const STOCK_FILES = new Set([
  'mime.types',
  'fastcgi_params',
  'fastcgi.conf',
  'uwsgi_params',
  'scgi_params',
  'proxy_params',
  'koi-utf',
  'koi-win',
  'win-utf',
  'snippets/fastcgi-php.conf',
  'snippets/snakeoil.conf',
]);
const DEBIAN_CONF_PREFIX = '/etc/nginx/';

/** Blocks whose handler treats `include` as an ordinary entry (not a file include). */
const NO_INCLUDE_BLOCKS = new Set(['split_clients', 'charset_map']);

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
};

const UNVISITED = 0;
const ACTIVE = 1;
const DONE = 2;

/** One file resolved under one main-config directory. */
interface FileRecord {
  file: NginxFile;
  includes: IncludeSite[];
  /** Directory relative includes are joined to, with a trailing slash. */
  prefix: string;
  /** The prefix is a guess (a snippet checked on its own outside the Debian layout). */
  guessed: boolean;
  state: number;
  /** Problems of this file's include sites. */
  problems: ParseProblem[];
}

/** An include pattern resolved against a prefix: the files it names, in nginx's order. */
interface Resolution {
  resolved: string;
  isGlob: boolean;
  targets: string[];
  /**
   * What a site including every target got (no target unreadable, none closing a cycle),
   * with the targets' records. A later site whose targets are all resolved gets the same,
   * and shares it: `include uwsgi_params;` in 15,000 locations is one IncludeResolution.
   */
  settled?: { include: IncludeResolution; records: FileRecord[] };
}

interface Root {
  source: SourceFile;
  parsed: ParsedNginxFile;
  mainLike: boolean;
  marker: string | undefined;
  prefix: string;
  guessed: boolean;
}

export class NginxLoader {
  /** Parses by local path (and the prefix the tree's includes were resolved with). */
  private readonly parses = new Map<string, { parsed: ParsedNginxFile; prefix: string | undefined }>();
  /** Records by local path, then by prefix. */
  private readonly records = new Map<string, Map<string, FileRecord>>();
  /** Include patterns resolved so far, by prefix, then by pattern (outside `geo`). */
  private readonly resolutions = new Map<string, Map<string, Resolution>>();
  /** Number of files parsed (for tests: a file included 1,000 times is parsed once). */
  parseCount = 0;

  constructor(private readonly ctx: LoadContext) {}

  load(candidates: SourceFile[]): NginxConfig[] {
    const roots: Root[] = candidates.map((source) => this.classify(source));
    // nginx.conf first, then other main-like files, then snippets; stable otherwise.
    const rank = (r: Root) => (path.basename(r.source.path) === 'nginx.conf' ? 0 : r.mainLike ? 1 : 2);
    const ordered = roots.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i);

    // Files are compared by their real path: sites-enabled/x is usually a symlink to
    // sites-available/x, and the file must not be linted again as a config of its own.
    const reachedBy = new Map<string, number>(); // real path → index (in `kept`) of the first root reaching it
    const kept: Array<{ root: Root; rec: FileRecord; files: NginxFile[] }> = [];
    for (const { r } of ordered) {
      if (reachedBy.has(this.identity(r.source.path))) continue;
      const rec = this.record(r.source, r.prefix, r.guessed);
      this.resolve(rec);
      const files = this.filesOf(rec);
      const index = kept.length;
      kept.push({ root: r, rec, files });
      for (const f of files) {
        const id = this.identity(f.source.path);
        if (!reachedBy.has(id)) reachedBy.set(id, index);
      }
    }
    // A root that a later root includes is linted there, not on its own.
    const rootIndex = new Map<string, number>();
    kept.forEach((k, index) => rootIndex.set(this.identity(k.root.source.path), index));
    const demoted = new Set<number>();
    kept.forEach((k, index) => {
      for (const f of k.files) {
        const other = rootIndex.get(this.identity(f.source.path));
        if (other !== undefined && other !== index) demoted.add(other);
      }
    });

    const configs: NginxConfig[] = [];
    kept.forEach((k, index) => {
      if (demoted.has(index)) return;
      const { context, reason } = this.rootContext(k.root, k.rec.file);
      const problems: ParseProblem[] = [];
      for (const f of k.files) {
        const rec = this.recordOf(f);
        if (rec) for (const p of rec.problems) problems.push(p);
      }
      configs.push({
        kind: 'nginx',
        main: k.rec.file,
        files: k.files,
        rootContext: context,
        rootContextReason: reason,
        problems,
      });
    });
    return configs;
  }

  private readonly fileRecords = new Map<NginxFile, FileRecord>();
  private readonly reads = new Map<string, ReadResult>();
  private readonly realPaths = new Map<string, string>();

  /** The real path of a local file (symlinks resolved), to tell when two paths are one file. */
  private identity(localPath: string): string {
    let id = this.realPaths.get(localPath);
    if (id === undefined) {
      try {
        id = realpathSync.native(localPath);
      } catch {
        id = localPath;
      }
      this.realPaths.set(localPath, id);
    }
    return id;
  }

  private recordOf(file: NginxFile): FileRecord | undefined {
    return this.fileRecords.get(file);
  }

  private parse(source: SourceFile, prefix: string | undefined): ParsedNginxFile {
    const hit = this.parses.get(source.path);
    if (hit) {
      if (hit.prefix === undefined) {
        hit.prefix = prefix;
        return hit.parsed;
      }
      // Same prefix, or no includes whose meaning depends on it: share the tree.
      if (prefix === undefined || hit.prefix === prefix || hit.parsed.includes.length === 0) return hit.parsed;
      this.parseCount++;
      return parseNginx(source);
    }
    this.parseCount++;
    const parsed = parseNginx(source);
    this.parses.set(source.path, { parsed, prefix });
    return parsed;
  }

  private classify(source: SourceFile): Root {
    const parsed = this.parse(source, undefined);
    let marker: string | undefined;
    for (const n of parsed.file.children) {
      if (n.type === 'directive' && MAIN_MARKERS.has(n.name)) {
        marker = n.name;
        break;
      }
    }
    const named = path.basename(source.path) === 'nginx.conf' || source.path.endsWith('.nginx.conf');
    const mainLike = marker !== undefined || path.basename(source.path) === 'nginx.conf';
    const deployed = source.deployedPath;
    if (mainLike || named) return { source, parsed, mainLike, marker, prefix: dirWithSlash(deployed), guessed: false };
    const { prefix, guessed } = snippetPrefix(deployed);
    return { source, parsed, mainLike, marker, prefix, guessed };
  }

  private record(source: SourceFile, prefix: string, guessed: boolean): FileRecord {
    let byPrefix = this.records.get(source.path);
    if (!byPrefix) this.records.set(source.path, (byPrefix = new Map()));
    const hit = byPrefix.get(prefix);
    if (hit) return hit;
    const p = this.parse(source, prefix);
    const rec: FileRecord = { file: p.file, includes: p.includes, prefix, guessed, state: UNVISITED, problems: [] };
    byPrefix.set(prefix, rec);
    if (!this.fileRecords.has(p.file)) this.fileRecords.set(p.file, rec);
    return rec;
  }

  /** Resolve the includes of `start` and everything it reaches (iterative DFS; cycles are back edges). */
  private resolve(start: FileRecord): void {
    if (start.state !== UNVISITED) return;
    interface DfsFrame {
      rec: FileRecord;
      /** The include site being read, and whether its targets have been looked up. */
      site: number;
      started: boolean;
      /** The site's targets (null: nothing to read), and the next one. */
      resolution: Resolution | null;
      next: number;
      /** Records of the targets included so far (null once one was skipped: unreadable, or a cycle). */
      included: FileRecord[] | null;
    }
    const frame = (rec: FileRecord): DfsFrame => ({ rec, site: 0, started: false, resolution: null, next: 0, included: null });
    start.state = ACTIVE;
    const stack: DfsFrame[] = [frame(start)];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const sites = top.rec.includes;
      if (top.site >= sites.length) {
        top.rec.state = DONE;
        stack.pop();
        continue;
      }
      const site = sites[top.site]!;
      const d = site.directive;
      if (!top.started) {
        top.started = true;
        top.resolution = this.startSite(top.rec, site);
        top.next = 0;
        top.included = [];
      }
      const r = top.resolution;
      if (r === null || top.next >= r.targets.length) {
        if (r !== null && top.included !== null && r.settled === undefined) r.settled = { include: d.include!, records: top.included };
        top.site++;
        top.started = false;
        continue;
      }
      const target = r.targets[top.next++]!;
      const source = this.readInclude(top.rec, d, target);
      if (!source) {
        top.included = null;
        continue;
      }
      const child = this.record(source, top.rec.prefix, top.rec.guessed);
      if (child.state === ACTIVE) {
        // One report per include directive: a glob that loops through many files is one mistake.
        if (d.include!.cycles.length === 0) top.rec.problems.push(this.cycleProblem(stack, child, d, target));
        d.include!.cycles.push(target);
        top.included = null;
        continue;
      }
      d.include!.files.push(child.file);
      top.included?.push(child);
      if (child.state === UNVISITED) {
        child.state = ACTIVE;
        stack.push(frame(child));
      }
    }
  }

  /**
   * Look up what an include site pulls in and fill `directive.include`: the targets to
   * read, in nginx's order, or null when there is nothing to read (not a file include, or
   * the outcome of an earlier site with the same targets applies).
   */
  private startSite(rec: FileRecord, site: IncludeSite): Resolution | null {
    const d = site.directive;
    if (d.argCount !== 1 || (site.parentBlock !== null && NO_INCLUDE_BLOCKS.has(site.parentBlock))) return null;
    const pattern = d.argValue(0);
    const r = this.resolution(rec.prefix, pattern, site.parentBlock === 'geo');
    const settled = r.settled;
    if (settled !== undefined && allDone(settled.records)) {
      d.include = settled.include;
      return null;
    }
    d.include = { pattern, resolved: r.resolved, isGlob: r.isGlob, files: [], cycles: [] };
    return r;
  }

  /** Where an include pattern points, once per prefix and pattern (a file included from 10,000 sites is resolved once). */
  private resolution(prefix: string, pattern: string, inGeo: boolean): Resolution {
    // Inside `geo` an include is never a glob (and is rare): not cached.
    if (inGeo) {
      const resolved = joinPrefix(prefix, pattern);
      return { resolved, isGlob: false, targets: [resolved] };
    }
    let byPattern = this.resolutions.get(prefix);
    if (!byPattern) this.resolutions.set(prefix, (byPattern = new Map()));
    let r = byPattern.get(pattern);
    if (r === undefined) {
      const resolved = joinPrefix(prefix, pattern);
      r = { resolved, isGlob: hasGlobMagic(resolved), targets: [resolved] };
      if (r.isGlob) {
        try {
          r.targets = this.ctx.fs.glob(resolved).sort(compareBytewise);
        } catch {
          // A pattern glob(3) cannot match (e.g. the range `[z-a]`): no file, like nginx.
          r.targets = [];
        }
      }
      byPattern.set(pattern, r);
    }
    return r;
  }

  private readInclude(rec: FileRecord, d: NginxDirective, target: string): SourceFile | undefined {
    const fs = this.ctx.fs;
    // One FsView lookup per distinct target (a file included from 10,000 sites is
    // resolved once; FsView.read normalises the path on every call).
    let result = this.reads.get(target);
    if (result === undefined) {
      result = fs.readDeployed(target);
      this.reads.set(target, result);
    }
    if (result.ok) {
      if (result.source.decode.binary) {
        rec.problems.push({
          ruleId: INCLUDE_UNREADABLE,
          at: includeSpan(d),
          message: `included file "${target}" is binary (it contains NUL bytes), not an nginx configuration`,
          hint: 'nginx would read it as configuration text and fail. Check the include path (or the glob, which may match more than configuration files).',
        });
        return undefined;
      }
      return result.source;
    }
    const pattern = d.include!.pattern;
    const mapped = fs.toLocal(target) !== target;
    // A stock file nginx installs next to nginx.conf, included by a config kept outside
    // the real conf directory: look where the nginx package puts it, else stay silent.
    if (result.code === 'ENOENT' && !pattern.startsWith('/') && !d.include!.isGlob && !mapped) {
      const stock = path.posix.normalize(pattern);
      if (STOCK_FILES.has(stock) && rec.prefix !== DEBIAN_CONF_PREFIX) {
        const alt = fs.readDeployed(DEBIAN_CONF_PREFIX + stock);
        return alt.ok && !alt.source.decode.binary ? alt.source : undefined;
      }
    }
    // Without host checks an unmapped path tells nothing about the target host.
    if (!fs.hostChecks && !mapped) return undefined;
    const errno = ERRNO[result.code];
    const op = result.code === 'EISDIR' ? 'pread()' : 'open()';
    const message = errno ? `${op} "${target}" failed (${errno[0]}: ${errno[1]})` : `open() "${target}" failed (${result.message})`;
    const notFound = result.code === 'ENOENT' || result.code === 'ENOTDIR' || result.code === 'EISDIR';
    const where = describeWhere(pattern, rec);
    let hint: string;
    if (result.code === 'EISDIR') {
      hint = d.include!.isGlob
        ? `The glob "${d.include!.resolved}" matches this directory, and nginx fails on it ("nginx -t" reports it as a critical error). Narrow the glob (e.g. "*.conf") or move the directory away.`
        : 'nginx includes files, not directories. To include every file of the directory, end the path with "/*.conf" (or "/*").';
    } else if (notFound) {
      hint = `nginx -t fails when an included file is missing (only a glob may match nothing).${where}${mapped ? '' : ' If the file exists on the server but not here, map its directory (e.g. --map /etc/nginx=./deploy/nginx) or run with --no-fs.'}`;
    } else {
      hint = `nginx must be able to read every included file.${where}`;
    }
    const problem: ParseProblem = { ruleId: notFound ? INCLUDE_NOT_FOUND : INCLUDE_UNREADABLE, at: includeSpan(d), message, hint };
    if (rec.guessed && !pattern.startsWith('/')) problem.severity = 'warning';
    rec.problems.push(problem);
    return undefined;
  }

  private cycleProblem(
    stack: Array<{ rec: FileRecord; site: number }>,
    child: FileRecord,
    d: NginxDirective,
    target: string,
  ): ParseProblem {
    const k = stack.findIndex((f) => f.rec === child);
    const loop = stack.slice(k);
    const names = loop.map((f) => `"${f.rec.file.source.deployedPath}"`);
    if (names.length > 6) names.splice(3, names.length - 5, `… (${names.length - 5} more)`);
    const chain = [...names, `"${child.file.source.deployedPath}"`].join(' → ');
    const related: NonNullable<ParseProblem['related']> = [];
    for (const f of loop.slice(0, -1)) {
      const site = f.rec.includes[f.site]!.directive;
      related.push({
        at: { source: site.source, start: site.start, end: site.end },
        message: related.length === 0 ? 'the loop starts with this include' : 'the loop goes on through this include',
      });
      if (related.length >= 10) break;
    }
    const self = loop.length === 1;
    return {
      ruleId: INCLUDE_CYCLE,
      at: includeSpan(d),
      message: self
        ? `"${target}" includes itself`
        : `include cycle: ${chain}`,
      hint: `nginx follows includes with no depth limit, so "nginx -t" crashes on this configuration (segmentation fault). ${d.include!.isGlob ? `The glob "${d.include!.resolved}" matches the file it is written in (or one that includes it): narrow it, or move the file out of that directory.` : 'Remove one of the includes in the loop.'}`,
      ...(related.length ? { related } : {}),
    };
  }

  /** Every file of a config, its main file first, each once (iterative). */
  private filesOf(rec: FileRecord): NginxFile[] {
    const out: NginxFile[] = [rec.file];
    const seen = new Set<NginxFile>(out);
    for (let i = 0; i < out.length; i++) {
      for (const s of this.fileRecords.get(out[i]!)?.includes ?? []) {
        for (const f of s.directive.include?.files ?? []) {
          if (!seen.has(f)) {
            seen.add(f);
            out.push(f);
          }
        }
      }
    }
    return out;
  }

  private rootContext(root: Root, file: NginxFile): { context: NginxContext; reason: string } {
    const configured = configuredContext(this.ctx, root.source);
    if (configured) return configured;
    if (root.marker) return { context: 'main', reason: `it has "${root.marker}" at top level, so it is a main nginx.conf` };
    const inferred = inferSnippetContext(file.children);
    if (path.basename(root.source.path) === 'nginx.conf') {
      if (inferred.context === 'main') return { context: 'main', reason: 'it is named nginx.conf' };
      return { context: inferred.context, reason: `it is named nginx.conf but has no main-level directive, and ${inferred.reason}` };
    }
    return inferred;
  }
}

/** Load nginx configs from candidate files (see the file comment). */
export function loadNginxConfigs(candidates: SourceFile[], ctx: LoadContext): NginxConfig[] {
  return new NginxLoader(ctx).load(candidates);
}

/** Whether every record is resolved (reading it again can neither recurse nor close a cycle). */
function allDone(records: FileRecord[]): boolean {
  for (const r of records) if (r.state !== DONE) return false;
  return true;
}

/** A relative include path is joined to the main config's directory (`prefix`, with its slash). */
function joinPrefix(prefix: string, pattern: string): string {
  return pattern.startsWith('/') ? pattern : prefix + pattern;
}

/** From the path to the `;`: nginx names the line where the directive ends. */
function includeSpan(d: NginxDirective): Span {
  return { source: d.source, start: d.args[0]!.start, end: d.end };
}

function dirWithSlash(p: string): string {
  const dir = path.posix.dirname(p);
  return dir.endsWith('/') ? dir : dir + '/';
}

/**
 * Where the relative includes of a snippet checked on its own resolve. nginx joins them to
 * the directory of the main nginx.conf, which we do not have; in the Debian layout
 * (/etc/nginx/{sites-available,sites-enabled,conf.d,snippets,modules-enabled}/…) that is the
 * directory above the snippet's directory, so that is used when the snippet lives in one of
 * those; otherwise the snippet's own directory, which is a guess (missing relative includes
 * are then only warnings).
 */
export function snippetPrefix(deployedPath: string): { prefix: string; guessed: boolean } {
  const dir = path.posix.dirname(deployedPath);
  if (LAYOUT_DIR.test(path.posix.basename(dir))) return { prefix: dirWithSlash(dir), guessed: false };
  return { prefix: dir.endsWith('/') ? dir : dir + '/', guessed: true };
}

function describeWhere(pattern: string, rec: FileRecord): string {
  if (pattern.startsWith('/')) return '';
  return rec.guessed
    ? ` A relative include is joined to the directory of the main nginx.conf; this file is checked on its own, so "${rec.prefix}" (its own directory) was assumed.`
    : ` A relative include is joined to the directory of the main nginx.conf ("${rec.prefix}"), not to the directory of the file that includes it.`;
}

/** `nginx.contexts` from the configuration: glob on the file path → context of its top level. */
function configuredContext(ctx: LoadContext, source: SourceFile): { context: NginxContext; reason: string } | undefined {
  const entries = Object.entries(ctx.config.nginx.contexts);
  if (!entries.length) return undefined;
  const rel = path.relative(ctx.config.root, source.path).split(path.sep).join('/');
  const candidates = [source.deployedPath, source.path.split(path.sep).join('/'), rel];
  for (const [pattern, context] of entries) {
    if (candidates.some((p) => pathGlobMatches(pattern, p))) {
      return { context, reason: `the configuration sets its context with "nginx.contexts": {"${pattern}": "${context}"}` };
    }
  }
  return undefined;
}

/**
 * Match a path against a glob of `nginx.contexts`: `*` and `?` stay inside one segment, `**`
 * spans segments; a pattern without `/` matches the file name, a relative pattern matches
 * the end of the path at a segment boundary, an absolute one the whole path.
 */
export function pathGlobMatches(pattern: string, p: string): boolean {
  const pat = pattern.replace(/^\.\//, '');
  const patSegs = pat.split('/').filter((s, i) => s !== '' || i === 0);
  const segs = p.split('/');
  if (!pat.includes('/')) return segmentMatches(pat, segs[segs.length - 1] ?? '');
  if (pat.startsWith('/')) return matchSegs(patSegs.slice(1), segs.slice(1));
  for (let i = 0; i < segs.length; i++) if (matchSegs(patSegs, segs.slice(i))) return true;
  return false;
}

function matchSegs(pat: string[], segs: string[]): boolean {
  // Iterative matcher with backtracking over `**` (patterns are short).
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i + ',' + j;
    const m = memo.get(key);
    if (m !== undefined) return m;
    let r: boolean;
    if (i === pat.length) r = j === segs.length;
    else if (pat[i] === '**') r = go(i + 1, j) || (j < segs.length && go(i, j + 1));
    else r = j < segs.length && segmentMatches(pat[i]!, segs[j]!) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

function segmentMatches(pat: string, seg: string): boolean {
  if (!hasGlobMagic(pat)) return pat === seg;
  return globSegmentToRegExp(pat).test(seg);
}
