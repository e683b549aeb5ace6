import type { Rule } from '../../core/rule.js';
import { pyRepr } from '../../parsers/supervisor/pystr.js';
import { argSpan } from './_util.js';

export const commandNotRunnable: Rule = {
  meta: {
    id: 'supervisor/command-not-runnable',
    severity: 'error',
    description: 'supervisord cannot start the command: shlex cannot split it, it is empty, or its absolute program path is missing on the host.',
    reads: ['supervisor'],
  },
  check(ctx) {
    const fs = ctx.project.fs;
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        const cmd = p.command;
        if (!cmd || cmd.text === undefined) continue;
        const fatal = 'supervisord accepts the configuration but every start fails: the program goes straight to FATAL.';
        if (cmd.argvError) {
          ctx.report({
            at: cmd.value.at,
            message: `can't parse command ${pyRepr(cmd.text)}: ${cmd.argvError}`,
            hint: `${fatal} Close the quote (supervisord splits command like a POSIX shell would, with shlex) or escape it with a backslash.`,
          });
          continue;
        }
        const argv = cmd.argv;
        if (!argv) continue;
        if (argv.length === 0) {
          ctx.report({ at: cmd.value.at, message: 'command is empty', hint: fatal });
          continue;
        }
        const prog = argv[0]!.value;
        if (!prog.startsWith('/')) continue; // PATH lookup or supervisord's cwd: unknown here
        const kind = fs.hostKindOf(prog);
        if (kind === 'missing') {
          ctx.report({
            at: argSpan(p, 0),
            message: `can't find command ${pyRepr(prog)}`,
            hint: `${fatal} ${prog} does not exist on the host; check the path (a virtualenv's bin/ directory, /usr/local/bin…).`,
          });
        } else if (kind === 'directory') {
          ctx.report({ at: argSpan(p, 0), message: `command at ${pyRepr(prog)} is a directory`, hint: `${fatal} Name the executable inside it.` });
        }
      }
    }
  },
};
