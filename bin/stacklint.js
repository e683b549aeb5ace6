#!/usr/bin/env node
// Starts the bundled CLI (dist/stacklint.cjs) with a V8 code cache. Compiling the 1 MB
// bundle and its functions is most of a cold start; the cache, kept under
// node_modules/.cache/stacklint and keyed by bundle and Node version, saves about a third
// of it. Any failure to read or write the cache only costs that time.
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundle = path.join(root, 'dist', 'stacklint.cjs');
const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
const stat = fs.statSync(bundle);
const cacheDir = path.join(root, 'node_modules', '.cache', 'stacklint');
const cacheFile = path.join(cacheDir, `${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}-${process.arch}.bin`);
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so the cache also holds the functions this run compiled.
  process.once('exit', () => {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // read-only install: run without a cache
    }
  });
}
