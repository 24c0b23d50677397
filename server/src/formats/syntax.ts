import type { Span } from '../model/values';

/**
 * A source-level tree shared by the JSON and YAML readers: keys as written, values as written,
 * exact spans, and parent links so that an edit can find the comma or the line it must touch.
 * Format adapters map it onto the format-neutral model (model/values.ts).
 */
export type SNode = SObject | SArray | SScalar | STagged;

interface SBase {
  span: Span;
  parent?: SObject | SArray | STagged;
  /** The property this node is the value of, when it is one. */
  prop?: SProp;
}

export interface SProp {
  key: string;
  keySpan: Span;
  /** Key through value. */
  span: Span;
  /** Absent in half-typed text (`"image":` and nothing yet). */
  value?: SNode;
  parent: SObject;
}

export interface SObject extends SBase {
  kind: 'object';
  props: SProp[];
  /** YAML: written in flow style (`{ a: 1 }`); JSON objects are always flow. */
  flow: boolean;
}

export interface SArray extends SBase {
  kind: 'array';
  items: SNode[];
  flow: boolean;
}

export interface SScalar extends SBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** How a string was written: '"' or "'" quoted, '' plain, '|'/'>' block (YAML). */
  style?: '"' | "'" | '' | '|' | '>';
  /** A bare word where a value belongs (JSON `$VAR`): kept as text, treated as a placeholder. */
  invalid?: boolean;
}

/** A YAML value with a custom tag (`!Ref X`, `!Sub "..."`): CloudFormation's short intrinsics. */
export interface STagged extends SBase {
  kind: 'tagged';
  /** The tag without "!" (Ref, Sub, GetAtt, …). */
  tag: string;
  value: SNode;
}

/** A comment in the source, without its delimiters in `text`. */
export interface SComment {
  span: Span;
  text: string;
}

export function sprop(obj: SNode | undefined, key: string): SProp | undefined {
  if (obj?.kind !== 'object') return undefined;
  for (let i = obj.props.length - 1; i >= 0; i--) if (obj.props[i].key === key) return obj.props[i];
  return undefined;
}

export function sget(obj: SNode | undefined, key: string): SNode | undefined {
  return sprop(obj, key)?.value;
}

/** A JSON-like value whose keys are already in the source's spelling. */
export type SourceJson = string | number | boolean | null | SourceJson[] | { [key: string]: SourceJson };

/**
 * An edit in source terms: what the JSON and YAML writers implement. Adapters translate the
 * model's fix intents (ECS names) into these (source names).
 */
export type SyntaxOp =
  | { op: 'set'; target: SObject; path: string[]; value: SourceJson }
  | { op: 'remove'; node: SNode }
  | { op: 'replace'; node: SNode; value: SourceJson }
  | { op: 'append'; target: SObject; path: string[]; item: SourceJson };

/** Wraps `value` in objects along `path` ({a: {b: value}} for ['a', 'b']). */
export function nest(path: string[], value: SourceJson): SourceJson {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) v = { [path[i]]: v };
  return v;
}
