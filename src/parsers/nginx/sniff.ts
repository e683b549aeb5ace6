/**
 * Is this file an nginx configuration? From its name first, then from a cheap look at its
 * text (the engine passes at most 64 KB).
 *
 * - `nginx.conf`, `*.nginx.conf`, `nginx` → 1.
 * - Files in `sites-*` or `conf.d` → 1, unless the text looks like an ini file (supervisor
 *   also keeps `conf.d/*.conf`) or Python.
 * - Other files → by content: lines ending in `;`, `{` or `}` (directives and blocks),
 *   known block names, no `[section]` lines, no Python statements.
 */
const INI_SECTION = /^[ \t]*\[[^\]\n]+\][ \t]*\r?$/m;
const PYTHON = /^(?:import [\w.]+|from [\w.]+ import |def \w+\(|class \w+[(:])/m;
const INI_KEY = /^[ \t]*[\w.-]+[ \t]*=/;
const BLOCK_OPEN = /^[ \t]*(?:http|server|location|upstream|events|stream|map|if|types|limit_except|geo|mail)\b[^;{]*\{/m;

export function sniffNginx(filePath: string, text: string): number {
  const slash = filePath.replace(/\\/g, '/');
  const base = slash.slice(slash.lastIndexOf('/') + 1);
  const dirs = slash.split('/');
  const dir = dirs.length >= 2 ? dirs[dirs.length - 2]! : '';
  if (base === 'nginx.conf' || base.endsWith('.nginx.conf') || base === 'nginx') return 1;
  if (/\.(py|pyi|ini)$/.test(base)) return 0;
  const iniLike = INI_SECTION.test(text);
  if (iniLike || PYTHON.test(text)) return 0;
  const layoutDir = dir.startsWith('sites-') || dir === 'conf.d' || dir === 'nginx';
  if (layoutDir) return 1;
  const score = contentScore(text);
  if (/\.(conf|vhost|nginx)$/.test(base) || !base.includes('.')) return score;
  return score >= 0.9 ? 0.6 : 0;
}

/** 0..0.95 from how nginx-like the statements are. */
function contentScore(text: string): number {
  let statements = 0;
  let nginxish = 0;
  let iniKeys = 0;
  let start = 0;
  const n = text.length;
  let lines = 0;
  while (start < n && lines < 2000) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    lines++;
    let s = start;
    let e = end;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    start = end + 1;
    if (s === e) continue;
    const first = text.charCodeAt(s);
    if (first === 35 || first === 59) continue; // # or ; comment
    statements++;
    // Strip a trailing comment after whitespace.
    const hash = text.indexOf(' #', s);
    if (hash >= 0 && hash < e) {
      e = hash;
      while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    }
    const last = text.charCodeAt(e - 1);
    if (last === 59 || last === 123 || last === 125) nginxish++;
    else if (INI_KEY.test(text.slice(s, Math.min(e, s + 200)))) iniKeys++;
  }
  if (statements === 0) return 0;
  const ratio = nginxish / statements;
  if (nginxish === 0 || iniKeys > nginxish) return 0;
  let score = ratio >= 0.6 ? 0.8 : ratio >= 0.3 ? 0.5 : 0.2;
  if (BLOCK_OPEN.test(text)) score += 0.15;
  return Math.min(score, 0.95);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}
