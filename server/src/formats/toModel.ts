import type { MArray, MObject, MProp, MValue } from '../model/values';
import type { SNode, SObject, SScalar, STagged } from './syntax';
import { placeholderTemplate } from './placeholders';

export interface ConvertHooks {
  /** Maps a source key to its ECS API name; `parentKey` is the (mapped) key of the enclosing property. */
  mapKey?(key: string, parentKey: string | undefined): string;
  /** Converts a tagged node (YAML `!Ref x`); default: an Unknown. */
  tagged?(node: STagged): MValue;
  /** Lets the adapter claim an object (CloudFormation's `{"Fn::Sub": …}`); undefined = plain object. */
  object?(node: SObject): MValue | undefined;
  /** Lets the adapter read a scalar its own way (CloudFormation's `{{resolve:…}}`); undefined = the default. */
  scalar?(node: SScalar): MValue | undefined;
  /** A subtree that already is a model value and is used as it is (the JSON reader's nodes: see JsonParseResult.reuse). */
  reuse?(node: SNode): MValue | undefined;
}

/** Scalar conversion shared by every source: placeholders and invented words become Unknown. */
export function scalarToModel(n: SScalar): MValue {
  if (n.invalid) return { kind: 'unknown', span: n.span, ref: n, template: placeholderTemplate(String(n.value)), hint: String(n.value) };
  if (typeof n.value === 'string') {
    const template = placeholderTemplate(n.value);
    if (template !== undefined) return { kind: 'unknown', span: n.span, ref: n, template, hint: 'a template placeholder' };
  }
  return { kind: 'scalar', value: n.value, span: n.span, ref: n };
}

const NONE: never[] = [];

/**
 * Converts a syntax subtree to model values, mapping keys on the way. Iterative: the depth of the
 * input never reaches the call stack.
 */
export function toModel(root: SNode, hooks: ConvertHooks = {}, rootKey?: string): MValue {
  const convertLeaf = (n: SNode): MValue | undefined => {
    const same = hooks.reuse?.(n);
    if (same) return same;
    switch (n.kind) {
      case 'scalar': return hooks.scalar?.(n) ?? scalarToModel(n);
      case 'tagged': return hooks.tagged ? hooks.tagged(n) : { kind: 'unknown', span: n.span, ref: n, hint: '!' + n.tag };
      case 'object': return hooks.object?.(n);
      default: return undefined;
    }
  };
  const first = convertLeaf(root);
  if (first) return first;
  // Containers are made empty and filled when their turn comes, with arrays of exactly their size
  // (a large document has tens of thousands: room to grow would double what they keep alive).
  const make = (n: SNode): MObject | MArray =>
    n.kind === 'object' ? { kind: 'object', props: NONE, span: n.span, ref: n } : { kind: 'array', items: NONE, span: n.span, ref: n };
  const top = make(root);
  const work: { src: SNode; dst: MObject | MArray; key: string | undefined }[] = [{ src: root, dst: top, key: rootKey }];
  const convert = (n: SNode, key: string | undefined): MValue => {
    const leaf = convertLeaf(n);
    if (leaf) return leaf;
    const child = make(n);
    work.push({ src: n, dst: child, key });
    return child;
  };
  while (work.length) {
    const { src, dst, key } = work.pop()!;
    if (src.kind === 'object' && dst.kind === 'object') {
      let valued = 0;
      for (const p of src.props) if (p.value) valued++; // half-typed: a key with no value yet is left out
      const props: MProp[] = new Array(valued);
      let i = 0;
      for (const p of src.props) {
        if (!p.value) continue;
        const mapped = hooks.mapKey ? hooks.mapKey(p.key, key) : p.key;
        props[i++] = { key: mapped, keySpan: p.keySpan, span: p.span, value: convert(p.value, mapped) };
      }
      dst.props = props;
    } else if (src.kind === 'array' && dst.kind === 'array') {
      const items: MValue[] = new Array(src.items.length);
      for (let i = 0; i < items.length; i++) items[i] = convert(src.items[i], key);
      dst.items = items;
    }
  }
  return top;
}
