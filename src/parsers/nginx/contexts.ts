/**
 * Contexts of nginx blocks and of snippet files checked on their own.
 * STUB: replaced by the nginx directive-table work.
 */
import type { NginxContext, NginxNode } from './ast.js';

/**
 * The context a snippet's top-level directives most likely live in (a file with
 * `location` at top level is a server snippet), with the reason for messages.
 */
export function inferSnippetContext(_children: NginxNode[]): { context: NginxContext; reason: string } {
  return { context: 'main', reason: 'no context inference yet' };
}
