/**
 * Everything parsed in one run: the configs of every kind, and the filesystem view and
 * configuration they were read with. Rules read this; nothing here runs user code.
 */
import type { ParseProblem } from './diagnostic.js';
import type { FsView } from './fs.js';
import type { StackConfig } from './config.js';
import type { SourceFile } from './source.js';
import type { NginxConfig } from '../parsers/nginx/ast.js';
import type { UwsgiConfig } from '../parsers/uwsgi/model.js';
import type { SupervisorConfig } from '../parsers/supervisor/model.js';
import type { DjangoSettings } from '../parsers/django/model.js';

export interface Project {
  fs: FsView;
  config: StackConfig;
  nginx: NginxConfig[];
  uwsgi: UwsgiConfig[];
  supervisor: SupervisorConfig[];
  django: DjangoSettings[];
  /** Problems with the inputs themselves (unreadable, binary, unrecognised), reported by core rules. */
  inputProblems: ParseProblem[];
}

/** What a front end needs to load files: the filesystem view and the configuration. */
export interface LoadContext {
  fs: FsView;
  config: StackConfig;
}

export function allSources(project: Project): SourceFile[] {
  const seen = new Set<SourceFile>();
  for (const c of project.nginx) for (const f of c.files) seen.add(f.source);
  for (const c of [...project.uwsgi, ...project.supervisor, ...project.django]) for (const f of c.files) seen.add(f);
  return [...seen];
}
