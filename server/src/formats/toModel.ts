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

/**
 * Converts a syntax subtree to model values, mapping keys on the way. Iterative: the depth of the
 * input never reaches the call stack.
 */
export function toModel(root: SNode, hooks: ConvertHooks = {}, rootKey?: string): MValue {
  const convertLeaf = (n: SNode): MValue | undefined => {
    switch (n.kind) {
      case 'scalar': return hooks.scalar?.(n) ?? scalarToModel(n);
      case 'tagged': return hooks.tagged ? hooks.tagged(n) : { kind: 'unknown', span: n.span, ref: n, hint: '!' + n.tag };
      case 'object': return hooks.object?.(n);
      default: return undefined;
    }
  };
  const first = convertLeaf(root);
  if (first) return first;
  const make = (n: SNode): MObject | MArray =>
    n.kind === 'object' ? { kind: 'object', props: [], span: n.span, ref: n } : { kind: 'array', items: [], span: n.span, ref: n };
  const top = make(root);
  const work: { src: SNode; dst: MObject | MArray; key: string | undefined }[] = [{ src: root, dst: top, key: rootKey }];
  while (work.length) {
    const { src, dst, key } = work.pop()!;
    if (src.kind === 'object' && dst.kind === 'object') {
      for (const p of src.props) {
        if (!p.value) continue; // half-typed: a key with no value yet
        const mapped = hooks.mapKey ? hooks.mapKey(p.key, key) : p.key;
        let value = convertLeaf(p.value);
        if (!value) {
          const child = make(p.value);
          work.push({ src: p.value, dst: child, key: mapped });
          value = child;
        }
        const mp: MProp = { key: mapped, keySpan: p.keySpan, span: p.span, value };
        dst.props.push(mp);
      }
    } else if (src.kind === 'array' && dst.kind === 'array') {
      for (const it of src.items) {
        let value = convertLeaf(it);
        if (!value) {
          const child = make(it);
          work.push({ src: it, dst: child, key });
          value = child;
        }
        dst.items.push(value);
      }
    }
  }
  return top;
}
