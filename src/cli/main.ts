/**
 * `stacklint` command line. Exit status: 0 no errors (and warnings within --max-warnings),
 * 1 errors or too many warnings, 2 usage or internal errors.
 */
import { Command, CommanderError, Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import pc from 'picocolors';
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, type StackConfig } from '../core/config.js';
import { parseMapping } from '../core/fs.js';
import type { FileKind } from '../core/rule.js';
import { allSources } from '../core/project.js';
import { lint } from '../engine/lint.js';
import { FILE_KINDS } from '../engine/discover.js';
import { allRules } from '../rules/index.js';
import { packageVersion } from '../core/package-root.js';
import { formatJson } from './formatters/json.js';
import { formatStylish, rel } from './formatters/stylish.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

interface CheckOptions {
  format: 'stylish' | 'json';
  maxWarnings?: string;
  map: string[];
  fs: boolean;
  kind?: FileKind;
  config?: string;
  quiet?: boolean;
  color?: boolean;
}

function colorEnabled(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (flag === true) return true;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

class UsageError extends Error {}

/**
 * What the check runs of this process read and wrote: the file kinds linted and the output
 * format. bin/stacklint.cjs keeps its code cache covering what runs have needed.
 */
export const coverage = new Set<string>();

/**
 * The configuration file: `--config`, else the nearest `.stacklintrc.json` above the first
 * path checked (so `stacklint check examples/mysite` uses that stack's file), else above cwd.
 */
function buildConfig(opts: CheckOptions, cwd: string, paths: string[]): StackConfig {
  let file = opts.config ? path.resolve(cwd, opts.config) : undefined;
  if (!file && paths[0] !== undefined) {
    const first = path.resolve(cwd, paths[0]);
    const dir = fs.existsSync(first) && fs.statSync(first).isDirectory() ? first : path.dirname(first);
    file = findConfigFile(dir);
  }
  file ??= findConfigFile(cwd);
  if (opts.config && !fs.existsSync(file!)) throw new UsageError(`configuration file ${opts.config} does not exist`);
  const config = file ? loadConfigFile(file) : defaultConfig(cwd);
  for (const spec of opts.map) {
    const m = parseMapping(spec, cwd);
    if (!m) throw new UsageError(`--map expects DEPLOYED=LOCAL with an absolute DEPLOYED path, got "${spec}"`);
    config.map.push(m);
  }
  if (!opts.fs) config.hostChecks = false;
  return config;
}

function runCheck(paths: string[], opts: CheckOptions): number {
  const cwd = process.cwd();
  let maxWarnings = -1;
  if (opts.maxWarnings !== undefined) {
    if (!/^\d+$/.test(opts.maxWarnings)) throw new UsageError(`--max-warnings expects a number, got "${opts.maxWarnings}"`);
    maxWarnings = Number(opts.maxWarnings);
  }
  const config = buildConfig(opts, cwd, paths);
  const result = lint({ paths: paths.length ? paths : ['.'], cwd, config, ...(opts.kind ? { kind: opts.kind } : {}) });
  for (const m of result.missing) process.stderr.write(`stacklint: ${m}: no such file or directory\n`);

  let diagnostics = result.diagnostics;
  if (opts.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  for (const kind of FILE_KINDS) if (result.project[kind].length) coverage.add(kind);
  coverage.add(opts.format);
  const sources = new Map(allSources(result.project).map((s) => [s.path, s]));
  for (const p of result.project.inputProblems) sources.set(p.at.source.path, p.at.source);
  if (opts.format === 'json') {
    process.stdout.write(formatJson(diagnostics, [...sources.keys()].map((f) => rel(cwd, f))));
  } else {
    const colors = pc.createColors(colorEnabled(process.stdout, opts.color));
    process.stdout.write(formatStylish(diagnostics, { cwd, colors, sourceOf: (f) => sources.get(f) }));
  }
  for (const ie of result.internalErrors) {
    process.stderr.write(`stacklint: internal error in ${ie.where} (this is a bug in stacklint): ${ie.error.stack ?? ie.error.message}\n`);
  }
  if (result.internalErrors.length || result.missing.length) return EXIT_USAGE;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    process.stderr.write(`stacklint: ${warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function runRulesList(format: string): number {
  if (format === 'json') {
    process.stdout.write(JSON.stringify(allRules.map((r) => r.meta), null, 2) + '\n');
  } else {
    for (const r of allRules) process.stdout.write(`${r.meta.id.padEnd(40)} ${r.meta.severity.padEnd(8)} ${r.meta.description}\n`);
  }
  return EXIT_OK;
}

export function main(argv: string[]): number {
  let code = EXIT_OK;
  const program = new Command();
  program
    .name('stacklint')
    .description('Lint an nginx → uWSGI → Django deployment kept alive by supervisor')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('check', { isDefault: true })
    .description('check files and directories (default: the current directory)')
    .argument('[paths...]', 'files or directories')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--map <deployed=local>', 'read a deployed path from a local directory (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--no-fs', "do not check the target host's filesystem (log dirs, chdir, sockets)")
    .addOption(new Option('--kind <kind>', 'treat every given file as this kind').choices(['nginx', 'uwsgi', 'supervisor', 'django']))
    .option('-c, --config <file>', 'configuration file (default: .stacklintrc.json found upward)')
    .option('-q, --quiet', 'report errors only')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action((paths: string[], opts: CheckOptions) => {
      code = runCheck(paths, opts);
    });
  program
    .command('rules')
    .description('list the rules')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { format: string }) => {
      code = runRulesList(opts.format);
    });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError || e instanceof ConfigError) {
      process.stderr.write(`stacklint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`stacklint: internal error (this is a bug in stacklint): ${(e as Error).stack ?? e}\n`);
    return EXIT_USAGE;
  }
  return code;
}

// `stacklint check | head`: the reader stopped reading. Stop quietly with the exit status
// already decided, as command-line tools killed by SIGPIPE do, instead of a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit();
});

// Set the exit code rather than calling process.exit, so piped output is flushed.
process.exitCode = main(process.argv.slice(2));
