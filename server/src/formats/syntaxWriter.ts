import { SArray, SNode, SObject, SourceJson, nest, sprop } from './syntax';

/**
 * What the JSON and YAML writers share: walking a `set` or `append` path down the syntax tree, and
 * deciding whether the change is a replacement of an existing value or an insertion of a new member.
 * How a value is replaced and a member inserted is each format's own business.
 */
export abstract class SyntaxWriter {
  protected abstract replace(node: SNode, value: SourceJson): boolean;
  protected abstract insertProperty(obj: SObject, key: string, value: SourceJson): boolean;
  protected abstract insertItem(arr: SArray, item: SourceJson): boolean;

  /** Sets the value at `path` under `target`, creating the missing objects on the way. */
  protected set(target: SObject, path: string[], value: SourceJson): boolean {
    const prop = sprop(target, path[0]);
    if (!prop || !prop.value) {
      if (prop) return false; // a key with no value yet: leave the user's typing alone
      return this.insertProperty(target, path[0], nest(path.slice(1), value));
    }
    if (path.length === 1) return this.replace(prop.value, value);
    if (prop.value.kind === 'object') return this.set(prop.value, path.slice(1), value);
    return this.replace(prop.value, nest(path.slice(1), value));
  }

  /** Appends `item` to the array at `path` under `target`, creating it (and its parents) if missing. */
  protected append(target: SObject, path: string[], item: SourceJson): boolean {
    let obj: SObject = target;
    for (let i = 0; i < path.length; i++) {
      const prop = sprop(obj, path[i]);
      if (!prop || !prop.value) {
        if (prop) return false;
        return this.insertProperty(obj, path[i], nest(path.slice(i + 1), [item]));
      }
      const v = prop.value;
      if (i === path.length - 1) return v.kind === 'array' && this.insertItem(v, item);
      if (v.kind !== 'object') return false;
      obj = v;
    }
    return false;
  }
}
