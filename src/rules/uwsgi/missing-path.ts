import * as path from 'node:path';
import type { Rule, RuleContext } from '../../core/rule.js';
import type { UwsgiConfig, UwsgiOptionValue } from '../../parsers/uwsgi/model.js';
import { allValues, configs, effectiveValue } from './_util.js';

/** Option values already reported in this run (one ini file is often loaded by many programs). */
const reported = new WeakMap<object, Set<string>>();

function check(ctx: RuleContext, o: UwsgiOptionValue, p: string, want: 'directory' | 'file' | 'parent', message: (kind: string) => string, hint: string, severity?: 'warning'): void {
  // The host's answers are cached (and all unknown without host checks): ask first.
  const target = want === 'parent' ? path.posix.dirname(p) : p;
  const kind = ctx.project.fs.hostKindOf(target);
  if (kind === 'unknown') return;
  const ok = want === 'file' ? kind === 'file' || kind === 'other' : kind === 'directory';
  if (ok) return;
  let seen = reported.get(ctx.project);
  if (!seen) reported.set(ctx.project, (seen = new Set()));
  const key = `${o.source.path}\0${o.at.start}\0${p}`;
  if (seen.has(key)) return;
  seen.add(key);
  ctx.report({ at: o.at, message: message(kind === 'missing' ? 'does not exist' : kind === 'file' ? 'is a file, not a directory' : 'is a directory'), hint, ...(severity ? { severity } : {}) });
}

function usable(o: UwsgiOptionValue | undefined): o is UwsgiOptionValue {
  return !!o && !o.unknown && !o.noValue && !o.conditional && !o.placeholder && o.value !== '';
}

/** The directory relative python files resolve against: the last chdir, when absolute. */
function chdirOf(c: UwsgiConfig): string | undefined {
  const d = effectiveValue(c, 'chdir');
  if (!usable(d) || !d.value.startsWith('/')) return undefined;
  return d.value;
}

export const missingPath: Rule = {
  meta: {
    id: 'uwsgi/missing-path',
    severity: 'error',
    description:
      'A path uWSGI needs at startup does not exist on the target host: chdir, the virtualenv (home/virtualenv/venv/pyhome), wsgi-file, the directory of a log file (logto, daemonize) or of a pid file.',
    reads: ['uwsgi'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      for (const name of ['chdir', 'chdir2']) {
        const o = effectiveValue(c, name);
        if (!usable(o) || !o.value.startsWith('/')) continue;
        check(ctx, o, o.value, 'directory', (k) => `${name} directory "${o.value}" ${k}`, `uWSGI fails with "chdir(): No such file or directory" and exits. Fix the path, or map the deployed path to a local copy with --map.`);
      }
      const home = effectiveValue(c, 'home');
      if (usable(home) && home.value.startsWith('/'))
        check(
          ctx,
          home,
          home.value,
          'directory',
          (k) => `${home.name} "${home.value}" ${k}`,
          'The python plugin sets PYTHONHOME to it; with a missing directory Python stops with "Fatal Python error: init_fs_encoding … No module named \'encodings\'". Point it at the virtualenv directory (the one holding bin/ and lib/).',
        );
      const wsgi = effectiveValue(c, 'wsgi-file');
      if (usable(wsgi)) {
        const base = chdirOf(c);
        const p = wsgi.value.startsWith('/') ? wsgi.value : base ? path.posix.join(base, wsgi.value) : undefined;
        if (p)
          check(
            ctx,
            wsgi,
            p,
            'file',
            (k) => `${wsgi.name} "${p}" ${k}`,
            'uWSGI logs "failed to open python file" and "unable to load app 0", goes on without an app, and every request gets a 500 (exit only with need-app). Fix the path (relative paths resolve after chdir).',
          );
      }
      for (const name of ['logto', 'logto2', 'daemonize', 'daemonize2']) {
        for (const o of allValues(c, name)) {
          if (!usable(o) || !o.value.startsWith('/') || o.value.includes(':')) continue;
          check(ctx, o, o.value, 'parent', (k) => `the directory of the log file "${o.value}" ${k}`, `uWSGI cannot open ${o.value} and exits (open(): No such file or directory). Create the directory (owned by the user uWSGI runs as) or fix the path.`);
        }
      }
      for (const name of ['pidfile', 'pidfile2']) {
        const o = effectiveValue(c, name);
        if (!usable(o) || !o.value.startsWith('/')) continue;
        check(ctx, o, o.value, 'parent', (k) => `the directory of the pid file "${o.value}" ${k}`, 'uWSGI logs "could not write pidfile." and goes on without one, so scripts that stop or reload uWSGI through the pid file fail. Create the directory or fix the path.', 'warning');
      }
    }
  },
};
