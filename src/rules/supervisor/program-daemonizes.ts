import * as path from 'node:path';
import type { Project } from '../../core/project.js';
import type { Rule } from '../../core/rule.js';
import type { Span } from '../../core/source.js';
import type { NginxFile, NginxNode } from '../../parsers/nginx/ast.js';
import type { SupervisorProgram } from '../../parsers/supervisor/model.js';
import { effectiveValue } from '../../parsers/uwsgi/index.js';
import { argSpan, programBase } from './_util.js';

interface Finding {
  at: Span;
  message: string;
  how: string;
  fix: string;
  related?: Array<{ at: Span; message: string }>;
}

const NGINX_CONF = '/etc/nginx/nginx.conf';

/** nginx's `daemon` setting from its config: 'on' / 'off', undefined when absent, 'unknown' when unreadable. */
function nginxDaemon(project: Project, conf: string): { value: 'on' | 'off' | undefined; at?: Span } | 'unknown' {
  const loaded = project.nginx.find((c) => c.main.source.deployedPath === conf);
  if (loaded) {
    let found: { value: 'on' | 'off' | undefined; at?: Span } = { value: undefined };
    const visit = (file: NginxFile, nodes: NginxNode[], depth: number) => {
      for (const n of nodes) {
        if (n.type !== 'directive') continue;
        if (n.name === 'daemon' && n.args[0]) {
          const v = n.args[0].value.toLowerCase();
          if (v === 'on' || v === 'off') found = { value: v, at: { source: file.source, start: n.start, end: n.end } };
        } else if (n.name === 'include' && n.include && depth < 8) {
          for (const f of n.include.files) visit(f, f.children, depth + 1);
        }
      }
    };
    visit(loaded.main, loaded.main.children, 0);
    return found;
  }
  if (project.fs.hostKindOf(conf) !== 'file') return 'unknown';
  const r = project.fs.readDeployed(conf);
  if (!r.ok) return 'unknown';
  // Top-level `daemon on|off;` outside comments (includes are not followed: stay silent on them).
  const text = r.source.text.replace(/#[^\n]*/g, '');
  if (/(^|[;{}\s])include\s/.test(text) && !/(^|[;}\s])daemon\s/.test(text)) return 'unknown';
  const m = /(?:^|[;}\s])daemon\s+(on|off)\s*;/i.exec(text);
  return { value: m ? (m[1]!.toLowerCase() as 'on' | 'off') : undefined };
}

function nginxFinding(project: Project, p: SupervisorProgram): Finding | undefined {
  const argv = p.command!.argv!;
  let conf = NGINX_CONF;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!.value;
    // Not a server run: test, signal, version.
    if (/^-[tTvVsh?]/.test(a)) return undefined;
    const g = a === '-g' ? argv[i + 1]?.value : a.startsWith('-g') ? a.slice(2) : undefined;
    if (g !== undefined && /(?:^|[;\s])daemon\s+off\s*;/.test(g)) return undefined;
    if (g !== undefined && /(?:^|[;\s])daemon\s+on\s*;/.test(g)) {
      return { at: argSpan(p, i), message: 'nginx is told to daemonize (`daemon on;`)', how: 'nginx', fix: "run it with -g 'daemon off;'" };
    }
    if (a === '-c' && argv[i + 1]) conf = argv[i + 1]!.value;
    else if (a.startsWith('-c') && a.length > 2) conf = a.slice(2);
  }
  if (!conf.startsWith('/')) conf = path.posix.join('/usr/share/nginx', conf);
  const d = nginxDaemon(project, conf);
  if (d === 'unknown' || d.value === 'off') return undefined;
  return {
    at: argSpan(p, 0),
    message: `nginx daemonizes (no \`daemon off;\` in ${conf} or on the command line)`,
    how: 'nginx',
    fix: "add -g 'daemon off;' to the command (or `daemon off;` to nginx.conf)",
    ...(d.at ? { related: [{ at: d.at, message: 'daemon on' }] } : {}),
  };
}

/** Index of the first argument (after argv[0]) that is one of two words, or -1. */
function argIndex(p: SupervisorProgram, a: string, b: string): number {
  const argv = p.command!.argv!;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!.value;
    if (w === a || w === b) return i;
  }
  return -1;
}

function argvFinding(p: SupervisorProgram, base: string | undefined): Finding | undefined {
  const argv = p.command!.argv!;
  if (base === 'gunicorn' || base === 'gunicorn3') {
    const i = argIndex(p, '-D', '--daemon');
    if (i > 0) {
      const w = argv[i]!.value;
      return { at: argSpan(p, i), message: `gunicorn is started with ${w} (daemon mode)`, how: 'gunicorn', fix: `remove ${w}` };
    }
  }
  if (base === 'celery' || base === 'celeryd') {
    const i = argIndex(p, '--detach', 'multi');
    if (i > 0) {
      const multi = argv[i]!.value === 'multi';
      return {
        at: argSpan(p, i),
        message: multi ? '`celery multi` starts detached workers and exits' : 'celery is started with --detach',
        how: 'celery',
        fix: multi ? 'run `celery worker` (one program per worker, or numprocs)' : 'remove --detach',
      };
    }
  }
  return undefined;
}

export const programDaemonizes: Rule = {
  meta: {
    id: 'supervisor/program-daemonizes',
    severity: 'error',
    description: 'A program supervisord runs puts itself in the background (uWSGI daemonize, nginx without `daemon off;`, gunicorn --daemon, celery --detach/multi).',
    reads: ['supervisor', 'uwsgi', 'nginx'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        if (!p.command?.argv?.length) continue;
        let f: Finding | undefined;
        if (p.uwsgi) {
          const d = effectiveValue(p.uwsgi, 'daemonize') ?? effectiveValue(p.uwsgi, 'daemonize2');
          if (d && !d.unknown) {
            f = {
              at: d.origin === 'argv' && d.at.source === p.command.value.source ? d.keyAt : argSpan(p, 0),
              message: `uWSGI daemonizes (${d.name} = ${d.value})`,
              how: 'uWSGI',
              fix: `remove ${d.name} and log with logto (or let supervisord capture stdout)`,
              ...(d.at.source !== p.command.value.source ? { related: [{ at: d.keyAt, message: `${d.name} is set here` }] } : {}),
            };
          }
        } else {
          const base = programBase(p);
          f = base === 'nginx' || base === 'openresty' ? nginxFinding(ctx.project, p) : argvFinding(p, base);
        }
        if (!f) continue;
        ctx.report({
          at: f.at,
          message: f.message + ': supervisord sees the program exit and restarts it',
          hint:
            `${f.how} forks into the background and its first process exits, so supervisord logs "exited: … (exit status 0; not ` +
            'expected)", retries and gives up with FATAL "Exited too quickly", while the daemon keeps running unsupervised ' +
            '(and the retries fail with "Address already in use"). Supervised programs must stay in the foreground: ' +
            `${f.fix}.`,
          ...(f.related ? { related: f.related } : {}),
        });
      }
    }
  },
};
