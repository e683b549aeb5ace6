import type { Rule } from '../../core/rule.js';
import { own } from './_util.js';

export const missingProgramDirectory: Rule = {
  meta: {
    id: 'supervisor/missing-program-directory',
    severity: 'error',
    description: 'A program’s directory= does not exist on the host: every start fails with "couldn’t chdir".',
    reads: ['supervisor'],
  },
  check(ctx) {
    const fs = ctx.project.fs;
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        const dir = p.directory;
        const v = own(p, 'directory');
        if (!dir || !v || !dir.startsWith('/')) continue;
        const kind = fs.hostKindOf(dir);
        if (kind !== 'missing' && kind !== 'file' && kind !== 'other') continue;
        ctx.report({
          at: v.at,
          message: `couldn't chdir to ${dir}: ${kind === 'missing' ? 'ENOENT' : 'ENOTDIR'}`,
          hint:
            'supervisord does not check directory= when it reads the configuration; the child process fails to chdir and exits ' +
            'with status 127 on every start, so the program ends FATAL. Create the directory or fix the path.',
        });
      }
    }
  },
};
