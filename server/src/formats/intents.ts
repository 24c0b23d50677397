import type { FixIntent, Json } from '../model/document';
import type { MValue } from '../model/values';
import type { SNode, SObject, SourceJson, SyntaxOp } from './syntax';

/** How a source spells the ECS API's names (identity for task-definition JSON). */
export interface Spelling {
  /** The source name of `key`, inside the property `parent` (ECS names both). */
  key(key: string, parent: string | undefined): string;
}

export const IDENTITY: Spelling = { key: k => k };

/** Converts a value's keys (deeply) to the source's spelling; `parent` is the ECS key that holds it. */
export function spellValue(value: Json, spelling: Spelling, parent: string | undefined): SourceJson {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(v => spellValue(v, spelling, parent));
  const out: { [k: string]: SourceJson } = {};
  for (const [k, v] of Object.entries(value)) out[spelling.key(k, parent)] = spellValue(v, spelling, k);
  return out;
}

function spellPath(path: string[], spelling: Spelling, parent: string | undefined): string[] {
  const out: string[] = [];
  let p = parent;
  for (const k of path) {
    out.push(spelling.key(k, p));
    p = k;
  }
  return out;
}

/** The ECS key under which `obj` sits, for spelling what goes inside it. */
function ecsKeyOf(node: SNode, keyOf: (n: SNode) => string | undefined): string | undefined {
  return keyOf(node);
}

/**
 * Translates model fix intents into syntax ops for the JSON and YAML writers. `keyOf` tells the
 * ECS key a syntax node is the value of (used to spell nested keys); undefined = cannot render.
 */
export function intentsToOps(intents: FixIntent[], spelling: Spelling, keyOf: (n: SNode) => string | undefined = () => undefined): SyntaxOp[] | undefined {
  const ops: SyntaxOp[] = [];
  const node = (v: MValue | undefined) => v?.ref as SNode | undefined;
  for (const it of intents) {
    switch (it.op) {
      case 'set': {
        const t = node(it.target);
        if (t?.kind !== 'object') return undefined;
        const parent = ecsKeyOf(t, keyOf);
        const path = spellPath(it.path, spelling, parent);
        ops.push({ op: 'set', target: t as SObject, path, value: spellValue(it.value, spelling, it.path[it.path.length - 1]) });
        break;
      }
      case 'append': {
        const t = node(it.target);
        if (t?.kind !== 'object') return undefined;
        const path = spellPath(it.path, spelling, ecsKeyOf(t, keyOf));
        ops.push({ op: 'append', target: t as SObject, path, item: spellValue(it.item, spelling, it.path[it.path.length - 1]) });
        break;
      }
      case 'remove': {
        const n = node(it.node);
        if (!n) return undefined;
        ops.push({ op: 'remove', node: n });
        break;
      }
      case 'replace': {
        const n = node(it.node);
        if (!n) return undefined;
        ops.push({ op: 'replace', node: n, value: spellValue(it.value, spelling, undefined) });
        break;
      }
      case 'moveToSecrets': {
        const c = node(it.container);
        const e = node(it.entry);
        if (c?.kind !== 'object' || !e) return undefined;
        ops.push({ op: 'remove', node: e });
        ops.push({
          op: 'append', target: c as SObject, path: [spelling.key('secrets', undefined)],
          item: spellValue({ name: it.name, valueFrom: it.valueFrom }, spelling, 'secrets'),
        });
        break;
      }
    }
  }
  return ops;
}
