import type { Rule, RuleContext } from '../../core/rule.js';
import type { NginxDirective } from '../../parsers/nginx/ast.js';
import { isBodyContext } from '../../parsers/nginx/directives.js';
import type { Frame, Visit } from '../../parsers/nginx/walk.js';
import { analyses, headSpan, nameSpan, term } from './_structure.js';

/**
 * `ngx_atofp(value, len - 1, 2)` of split_clients (src/core/ngx_string.c): digits with at
 * most one dot and two decimals, as hundredths; undefined when nginx returns NGX_ERROR.
 */
function percent(s: string): number | undefined {
  if (!s.endsWith('%')) return undefined;
  const t = s.slice(0, -1);
  if (!/^(?:\d+(?:\.\d{0,2})?|\.\d{1,2})$/.test(t) || t === '.') return undefined;
  const [i = '', f = ''] = t.split('.');
  const v = Number(i || '0') * 100 + Number((f + '00').slice(0, 2));
  return Number.isSafeInteger(v) ? v : undefined;
}

/** `ngx_hextoi`: hex digits only, not empty. */
function hex(s: string): number | undefined {
  return /^[0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : undefined;
}

interface BodyState {
  frame: Frame;
  /** map: default seen; keys seen (lower-cased) */
  defaultAt?: NginxDirective;
  keys?: Map<string, NginxDirective>;
  hostnames?: boolean;
  /** geo: an entry that creates the tree was seen (so "ranges" is too late) */
  geoEntries?: boolean;
  /** split_clients: running total in hundredths, or overflow */
  sum?: number;
  over?: boolean;
}

export const invalidBlockEntry: Rule = {
  meta: {
    id: 'nginx/invalid-block-entry',
    severity: 'error',
    description: 'An entry of a types, map, geo, split_clients or charset_map block that its module refuses.',
    reads: ['nginx'],
  },
  check(ctx) {
    for (const a of analyses(ctx)) {
      const states = new Map<number, BodyState>();
      /** types: extension → first entry, per level holding the types block(s). */
      const extensions = new Map<string, { type: string }>();
      for (const v of a.bodies) {
        const ctxName = v.frame.context;
        if (!isBodyContext(ctxName) || !v.frame.owner) continue;
        const d = v.d;
        if (term(d) === '{') {
          ctx.report({
            at: { source: d.source, start: d.terminatorAt, end: d.terminatorAt + 1 },
            message: 'unexpected "{"',
            hint: `The body of "${v.frame.owner.name}" holds plain entries ending with ";", not blocks.`,
          });
          continue;
        }
        let st = states.get(v.frame.id);
        if (!st) {
          st = { frame: v.frame };
          states.set(v.frame.id, st);
        }
        switch (ctxName) {
          case 'types':
            checkTypes(ctx, v, extensions);
            break;
          case 'map':
          case 'stream/map':
            checkMap(ctx, v, st);
            break;
          case 'geo':
          case 'stream/geo':
            checkGeo(ctx, v, st, ctxName === 'geo');
            break;
          case 'split_clients':
          case 'stream/split_clients':
            checkSplit(ctx, v, st);
            break;
          case 'charset_map':
            checkCharsetMap(ctx, v);
            break;
        }
      }
      for (const st of states.values()) {
        if (st.over && st.frame.owner) {
          ctx.report({
            at: nameSpan(st.frame.owner),
            message: 'percent total is greater than 100%',
            hint: 'The percentages of a split_clients block must add up to at most 100%, and "*" (the rest) must come last.',
          });
        }
      }
    }
  },
};

function checkTypes(ctx: RuleContext, v: Visit, extensions: Map<string, { type: string }>): void {
  const d = v.d;
  if (d.name === 'include') {
    if (d.argCount !== 1) ctx.report({ at: headSpan(d), message: 'invalid number of arguments in "include" directive', hint: '"include" takes exactly one file name or glob.' });
    return;
  }
  // ngx_http_core_type: later extensions override earlier ones at the same level, with a warning.
  const level = v.frame.parent?.id ?? -1;
  for (const w of d.args) {
    const ext = w.value.toLowerCase();
    const key = `${level}\0${ext}`;
    const prev = extensions.get(key);
    if (prev) {
      ctx.report({
        at: { source: d.source, start: w.start, end: w.end },
        severity: 'warning',
        message: `duplicate extension "${ext}", content type: "${d.name}", previous content type: "${prev.type}"`,
        hint: `nginx keeps the last type for ".${ext}" (${d.name}); remove one of the entries.`,
      });
    }
    extensions.set(key, { type: d.name });
  }
}

function checkMap(ctx: RuleContext, v: Visit, st: BodyState): void {
  const d = v.d;
  const n = d.argCount + 1;
  if (n === 1 && (d.name === 'hostnames' || d.name === 'volatile')) {
    if (d.name === 'hostnames') st.hostnames = true;
    return;
  }
  if (n !== 2) {
    ctx.report({
      at: headSpan(d),
      message: 'invalid number of the map parameters',
      hint: 'Each map entry is a source value and a result ("key value;"); quote values that contain spaces.',
    });
    return;
  }
  if (d.name === 'include') return;
  if (d.name === 'default') {
    if (st.defaultAt) {
      ctx.report({ at: nameSpan(d), message: 'duplicate default map parameter', hint: 'A map has one default value; remove one of them.', related: [{ at: nameSpan(st.defaultAt), message: 'first default here' }] });
    } else st.defaultAt = d;
    return;
  }
  if (d.name.startsWith('~') || st.hostnames) return;
  // ngx_hash_add_key lower-cases exact keys: "Foo" and "foo" conflict.
  const key = (d.name.startsWith('\\') ? d.name.slice(1) : d.name).toLowerCase();
  st.keys ??= new Map();
  const prev = st.keys.get(key);
  if (prev) {
    ctx.report({
      at: nameSpan(d),
      message: `conflicting parameter "${key}"`,
      hint: 'map keys are compared without regard to case; each source value may appear once.',
      related: [{ at: nameSpan(prev), message: 'first entry here' }],
    });
  } else st.keys.set(key, d);
}

function checkGeo(ctx: RuleContext, v: Visit, st: BodyState, http: boolean): void {
  const d = v.d;
  const n = d.argCount + 1;
  if (n === 1 && d.name === 'ranges') {
    if (st.geoEntries) {
      ctx.report({
        at: nameSpan(d),
        message: 'the "ranges" directive must be the first directive inside "geo" block',
        hint: 'Move "ranges" to the top of the geo block.',
      });
    }
    return;
  }
  if (n === 1 && http && d.name === 'proxy_recursive') return;
  if (n !== 2) {
    ctx.report({ at: headSpan(d), message: 'invalid number of the geo parameters', hint: 'Each geo entry is an address (or range) and a value ("10.0.0.0/8 internal;").' });
    return;
  }
  if (d.name === 'include' || (http && d.name === 'proxy')) return;
  st.geoEntries = true;
}

function checkSplit(ctx: RuleContext, v: Visit, st: BodyState): void {
  const d = v.d;
  let p: number;
  if (d.name === '*') p = 0;
  else {
    const x = percent(d.name);
    if (x === undefined || x === 0) {
      ctx.report({ at: nameSpan(d), message: `invalid percent value "${d.name}"`, hint: 'Write a percentage with at most two decimals ("0.5%", "33.33%") or "*" for the rest.' });
      return;
    }
    p = x;
  }
  // ngx_conf_split_clients_block: sum = percent ? sum + percent : 10000; > 10000 is an error.
  const sum = p ? (st.sum ?? 0) + p : 10000;
  if (sum > 10000) st.over = true;
  st.sum = sum;
}

function checkCharsetMap(ctx: RuleContext, v: Visit): void {
  const d = v.d;
  if (d.argCount !== 1) {
    ctx.report({ at: headSpan(d), message: 'invalid parameters number', hint: 'Each charset_map entry is two hex codes ("C0 FE;").' });
    return;
  }
  const src = hex(d.name);
  if (src === undefined || src > 255) {
    ctx.report({ at: nameSpan(d), message: `invalid value "${d.name}"`, hint: 'The first code is one byte in hex (00–FF).' });
    return;
  }
  const owner = v.frame.owner!;
  const utf8 = owner.argCount > 1 && owner.argValue(1).toLowerCase() === 'utf-8';
  const w = d.args[0]!;
  const ok = utf8 ? w.value.length > 0 && w.value.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(w.value) : (hex(w.value) ?? 256) <= 255;
  if (!ok) {
    ctx.report({
      at: { source: d.source, start: w.start, end: w.end },
      message: `invalid value "${w.value}"`,
      hint: utf8 ? 'Towards utf-8 the second code is the UTF-8 bytes in hex, two digits per byte ("D0B0").' : 'The second code is one byte in hex (00–FF).',
    });
  }
}
