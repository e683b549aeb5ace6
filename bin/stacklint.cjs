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
const cacheName = `${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}-${process.arch}.bin`;
let cachedData;
try {
  cachedData = fs.readFileSync(path.join(cacheDir, cacheName));
} catch {
  cachedData = undefined;
}
const script = new vm.Script(source, { filename: bundle, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
// Only a check run writes the cache, after the run, so that it holds the functions a check
// compiles (one made by `stacklint --version` would leave later checks compiling them anew).
if ((cachedData === undefined || script.cachedDataRejected) && process.argv.includes('check')) {
  process.once('exit', () => {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      // Caches of earlier builds are never read again.
      for (const old of fs.readdirSync(cacheDir)) if (old !== cacheName) fs.rmSync(path.join(cacheDir, old), { force: true });
      fs.writeFileSync(path.join(cacheDir, cacheName), script.createCachedData());
    } catch {
      // read-only install: run without a cache
    }
  });
}
