import type { Rule } from '../../core/rule.js';
import { argSpan, own } from './_util.js';

const FILE_EXT = /\.(?:py|ini|conf|sock|ya?ml|json|toml|cfg|sh|js|mjs|rb|php|pl|jar|xml|log|pid)$/;

/** A relative filesystem path (not an option, module name, URL or address). */
export function looksRelativePath(a: string): boolean {
  if (!a || /^[-/~$%]/.test(a) || a.includes('://') || a.includes('%(')) return false;
  if (/^(?:unix|tcp|udp|http|https):/.test(a)) return false;
  if (/^[\w.-]*:\d+$/.test(a)) return false; // host:port
  if (a.includes('/')) return /^[\w.@+-][\w.@+/-]*$/.test(a);
  return FILE_EXT.test(a);
}

export const relativePathWithoutDirectory: Rule = {
  meta: {
    id: 'supervisor/relative-path-without-directory',
    severity: 'warning',
    description: 'A relative command or file argument in a program without directory=: it resolves against supervisord’s own working directory.',
    reads: ['supervisor'],
  },
  check(ctx) {
    for (const c of ctx.project.supervisor) {
      for (const p of c.programs) {
        const argv = p.command?.argv;
        if (!argv || argv.length === 0) continue;
        const hasDir = own(p, 'directory') !== undefined;
        const a0 = argv[0]!.value;
        if (a0.includes('/') && !a0.startsWith('/') && !a0.startsWith('~')) {
          ctx.report({
            at: argSpan(p, 0),
            message: `relative command path '${a0}'`,
            hint:
              'supervisord looks the program up relative to its own working directory (not directory=, which only applies in the ' +
              'child after the lookup) and then executes it relative to directory=: both must hold. Write the absolute path.',
          });
        }
        if (hasDir) continue;
        for (let i = 1; i < argv.length; i++) {
          const a = argv[i]!.value;
          const eq = a.startsWith('-') ? a.indexOf('=') : -1;
          const path = eq === -1 ? a : a.slice(eq + 1);
          if (!looksRelativePath(path)) continue;
          ctx.report({
            at: argSpan(p, i),
            message: `relative path '${path}' in command, but the program has no directory=`,
            hint:
              'Without directory= the program starts in supervisord’s working directory (usually / when started by the init ' +
              'system), so the path is looked up there. Set directory= to the project directory or write the absolute path.',
          });
          break;
        }
      }
    }
  },
};
