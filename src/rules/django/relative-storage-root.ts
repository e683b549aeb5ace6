import type { Rule } from '../../core/rule.js';
import { abspath, isAbs, truthy } from '../../parsers/django/values.js';
import { assumptionsText, get, wording } from './_util.js';

export const relativeStorageRoot: Rule = {
  meta: {
    id: 'django/relative-storage-root',
    severity: 'warning',
    description: 'STATIC_ROOT or MEDIA_ROOT is a relative path: it depends on the working directory of whatever process uses it.',
    reads: ['django', 'uwsgi', 'supervisor'],
  },
  check(ctx) {
    for (const s of ctx.project.django) {
      for (const name of ['STATIC_ROOT', 'MEDIA_ROOT']) {
        const l = get(s, name);
        const v = l.value;
        if (!l.setting || (v.k !== 'str' && v.k !== 'path') || truthy(v) !== true || isAbs(v.v)) continue;
        const where = s.cwd
          ? `Under ${s.cwd.what} ${s.cwd.path} it is ${abspath(v.v, s.cwd.path)}, but \`manage.py collectstatic\` or a shell started elsewhere uses another directory. `
          : 'Django makes it absolute with os.path.abspath(), i.e. against the current directory of the process: the uWSGI chdir, the supervisor directory, or wherever `manage.py collectstatic` was started. ';
        const report = {
          at: l.setting.at,
          message: `${name} is a relative path, so it depends on the process's working directory: ${wording(name, l)}`,
          hint: where + `Build it from the settings file's location, e.g. ${name} = BASE_DIR / '${v.v.replace(/^\.\//, '')}'.` + assumptionsText(l),
          ...(s.cwd ? { related: [{ at: s.cwd.at, message: `${s.cwd.what} ${s.cwd.path}` }] } : {}),
        };
        ctx.report(report);
      }
    }
  },
};
