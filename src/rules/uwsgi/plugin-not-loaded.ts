import type { Rule } from '../../core/rule.js';
import type { UwsgiOptionValue } from '../../parsers/uwsgi/model.js';
import { configs, runByBuiltInPython } from './_util.js';

function pluginHint(plugin: string, names: string[]): string {
  const list = names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '');
  if (plugin === 'python')
    return `Debian's uWSGI (uwsgi-core) has no built-in plugins: without "plugins = python3" it ignores ${list}, logs "*** no app loaded. going in full dynamic mode ***" and every request gets an empty reply. Add "plugins = python3" before these options (or run uwsgi_python3, or set autoload = true). A uWSGI installed with pip has python built in: if that is what runs this file, this does not apply.`;
  if (plugin === 'http')
    return `The HTTP router is the http plugin (http_plugin.so), not part of Debian's uwsgi-core binary: without "plugins = http" uWSGI ignores ${list} and no router listens. Add http to the plugins line (plugins = python3,http).`;
  return `uWSGI ignores options of plugins it has not loaded (${list}) without a word. Add "${plugin}" to the plugins line, or check that the option is the one you mean.`;
}

export const pluginNotLoaded: Rule = {
  meta: {
    id: 'uwsgi/plugin-not-loaded',
    severity: 'error',
    description:
      'Options of a plugin (python: module, wsgi-file, home…; http: http, http-*) in a configuration that never loads the plugin: Debian\'s uWSGI has no built-in plugins and ignores them, so the app never loads.',
    reads: ['uwsgi', 'supervisor'],
  },
  check(ctx) {
    for (const c of configs(ctx)) {
      if (c.binary === 'embedded' || c.autoload) continue;
      const modular = c.binary === 'debian' || !c.assumedPlugins?.length;
      for (const r of c.pluginRequests ?? []) {
        if (r.available) continue;
        ctx.report({
          at: r.at,
          message: `Debian's uWSGI has no plugin "${r.spec}" (${r.spec}_plugin.so): UNABLE to load uWSGI plugin`,
          hint: /^python(2|27)?$/.test(r.spec)
            ? 'Debian 12 ships only the Python 3 plugin (python3_plugin.so): write "plugins = python3". uWSGI logs the failure and goes on without python: every python option (module, wsgi-file, home…) is ignored and no app loads.'
            : 'uWSGI logs the failure and goes on without the plugin. Install the package that ships it, or fix the name.',
        });
      }
      const failed = new Set((c.pluginRequests ?? []).filter((r) => !r.available).map((r) => r.dir));
      const groups = new Map<string, UwsgiOptionValue[]>();
      for (const o of c.options) {
        // pluginLoaded is false only for a plugin's option (undefined for the core's).
        if (o.pluginLoaded !== false || o.placeholder || o.origin === 'env') continue;
        const plugin = o.plugin!;
        if (failed.has(plugin)) continue;
        const g = groups.get(plugin);
        if (g) g.push(o);
        else groups.set(plugin, [o]);
      }
      if (!groups.size) continue;
      if (!modular && c.entry === 'ini' && runByBuiltInPython(ctx, c)) continue;
      for (const [plugin, opts] of groups) {
        const first = opts[0]!;
        const names = [...new Set(opts.map((o) => o.name))];
        ctx.report({
          at: first.keyAt,
          severity: modular ? 'error' : 'warning',
          message: `"${first.name}" is an option of the ${plugin} plugin, which this configuration never loads`,
          hint: pluginHint(plugin, names),
          ...(opts.length > 1 ? { related: opts.slice(1, 6).map((o) => ({ at: o.keyAt, message: `"${o.name}" is ignored too` })) } : {}),
        });
      }
    }
  },
};
