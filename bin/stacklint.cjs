#!/usr/bin/env node
'use strict';
// Starts the bundled CLI (dist/stacklint.cjs) with a V8 code cache. Start-up is most of a
// small run: CommonJS here (the ESM loader costs more), the bundle is pure ASCII so it is read
// as latin1 into a one-byte string, and the cache (node_modules/.cache/stacklint, keyed by
// bundle and Node version) spares compiling the functions an earlier run compiled. Any
// failure to read or write the cache only costs that time.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const root = path.dirname(__dirname);
const bundle = path.join(root, 'dist', 'stacklint.cjs');
// The bundle is a module function expression (see rolldown.config.ts).
const source = fs.readFileSync(bundle, 'latin1');
const stat = fs.statSync(bundle);
const cacheDir = path.join(root, 'node_modules', '.cache', 'stacklint');
const cacheKey = `${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}-${process.arch}`;
// The cache file's name also lists what the runs that made it covered (file kinds and output
// formats, `<key>.json+nginx+stylish.bin`): a run that needs code the cache lacks compiles it
// on every start until the cache is made again with it.
let cacheFile;
let cachedData;
try {
  cacheFile = fs.readdirSync(cacheDir).find((f) => f.startsWith(`${cacheKey}.`) && f.endsWith('.bin'));
  if (cacheFile) cachedData = fs.readFileSync(path.join(cacheDir, cacheFile));
} catch {
  cachedData = undefined;
}
const script = new vm.Script(source, { filename: bundle, cachedData });
const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));

// After a check run (only a check says what it covered: a cache made by `--version` would
// leave every check compiling anew), write the cache when it was missing or unusable, or when
// this run covered something it did not.
process.once('exit', () => {
  const used = mod.exports.coverage;
  if (!used || used.size === 0) return;
  const covered = cacheUsed ? cacheFile.slice(cacheKey.length + 1, -'.bin'.length).split('+') : [];
  if (cacheUsed && [...used].every((u) => covered.includes(u))) return;
  const name = `${cacheKey}.${[...new Set([...covered, ...used])].sort().join('+')}.bin`;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Caches of earlier builds, or covering less, are never read again.
    for (const old of fs.readdirSync(cacheDir)) if (old !== name) fs.rmSync(path.join(cacheDir, old), { force: true });
    fs.writeFileSync(path.join(cacheDir, name), script.createCachedData());
  } catch {
    // read-only install: run without a cache
  }
});
