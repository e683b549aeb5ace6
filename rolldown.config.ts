import { defineConfig, type Plugin } from 'rolldown';

/**
 * Escape every non-ASCII character of the bundle as \uXXXX. A pure ASCII file is read by
 * bin/stacklint.js as latin1 into a one-byte string, which V8 decodes, hashes and compiles
 * faster than the two-byte string a single `…` in a message would force (~4 ms per start).
 */
function asciiOnly(): Plugin {
  return {
    name: 'ascii-only',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunk.code = chunk.code.replace(/(\\*)([^\x00-\x7f])/g, (_m, slashes: string, ch: string) => {
          // An escaped character (`\…`) would turn into an escaped backslash: refuse it.
          if (slashes.length % 2 === 1) throw new Error(`ascii-only: escaped non-ASCII character ${JSON.stringify(ch)} in ${chunk.fileName}`);
          return slashes + '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
        });
      }
    },
  };
}

/**
 * commander requires node:child_process at load time for executable subcommands, which
 * stacklint does not have; loading it (and the stream modules behind it) cost ~4.5 ms of
 * every start. Give commander a stand-in that loads the real module on first use.
 */
function deferChildProcess(): Plugin {
  const id = '\0deferred-child-process';
  return {
    name: 'defer-child-process',
    resolveId(source, importer) {
      if ((source === 'node:child_process' || source === 'child_process') && importer?.includes('/node_modules/commander/')) return id;
      return null;
    },
    load(loading) {
      if (loading !== id) return null;
      return `module.exports = new Proxy({}, { get: (_target, key) => require('node:child_process')[key] });`;
    },
  };
}

/**
 * The bundle is the body of a CommonJS module function, written out as a function
 * expression: bin/stacklint.cjs compiles the file's text as it is, without Module.wrap's
 * concatenation, whose flattened copy of the whole bundle (a second young 560 KB string)
 * cost a scavenge on every start. The body is strict, as the ES modules it is made of.
 */
const MODULE_FUNCTION_HEAD = "(function (exports, require, module, __filename, __dirname) {'use strict';";
const MODULE_FUNCTION_TAIL = '})';

export default defineConfig({
  input: 'src/cli/main.ts',
  platform: 'node',
  logLevel: 'warn',
  plugins: [deferChildProcess(), asciiOnly()],
  output: {
    file: 'dist/stacklint.cjs',
    format: 'cjs',
    postBanner: MODULE_FUNCTION_HEAD,
    postFooter: MODULE_FUNCTION_TAIL,
    // Smaller code to read and compile on every start; names kept for readable stack traces.
    minify: { compress: { keepNames: { function: true, class: true } }, mangle: { keepNames: true } },
  },
});
