/**
 * The format-neutral value tree. Every adapter turns its syntax into these nodes, using the ECS
 * API's own property names, and every node keeps the source range it came from. Rules read only
 * this tree (through the wrappers in model/taskDefinition.ts); they never see JSON, YAML or code.
 */

/** Offsets into the document text (UTF-16 code units, as JavaScript strings index). */
export interface Span {
  start: number;
  end: number;
}

/**
 * An adapter's own handle on a source node. Rules never look inside: they pass it back in fix
 * intents, and only the adapter that made it knows how to edit there.
 */
export type NodeRef = { readonly __adapterNode?: never } & object;

interface Base {
  span: Span;
  /** The adapter's handle, present where the node can be edited (removed, replaced, extended). */
  ref?: NodeRef;
  /** How the value was obtained when it is not a plain literal (e.g. "the Default of parameter Tag"). */
  origin?: string;
}

export interface MScalar extends Base {
  kind: 'scalar';
  value: string | number | boolean | null;
}

export interface MProp {
  key: string;
  keySpan: Span;
  /** Key through value (and nothing else): what a removal takes away. */
  span: Span;
  value: MValue;
}

export interface MObject extends Base {
  kind: 'object';
  props: MProp[];
}

export interface MArray extends Base {
  kind: 'array';
  items: MValue[];
}

/**
 * A value the source does not state literally: an intrinsic function, a placeholder such as
 * `${VAR}`, a variable we cannot resolve. Rules never report an Unknown as insecure.
 * `template` keeps the literal parts where there are some, with each unknown part replaced by
 * {@link HOLE}, so a rule can still decide on a literal part (`${Repo}:latest` has tag latest).
 */
export interface MUnknown extends Base {
  kind: 'unknown';
  template?: string;
  /** What the source says instead of a literal, for messages (e.g. "!Ref ImageUri"). */
  hint?: string;
  /**
   * A stable name for what the value refers to, so two unknowns can be compared: the same
   * `!GetAtt TaskRole.Arn`, the same CDK variable. Absent when there is nothing to compare.
   */
  identity?: string;
  /**
   * The deployment fills in a real value here that then sits in the registered task definition
   * (CloudFormation `!Ref Param`, `{{resolve:…}}`): a secret passed this way is still plaintext.
   * Template placeholders in task-definition JSON do not set it.
   */
  deployTimeValue?: boolean;
  /**
   * Where the deployment reads this value from, in the form a container's `secrets` take as
   * `valueFrom` (the secret or parameter of a CloudFormation `{{resolve:…}}` reference), so that a
   * fix can reference it instead of a placeholder.
   */
  secretRef?: string;
}

export type MValue = MScalar | MObject | MArray | MUnknown;

/** Stands for an unknown part inside an {@link MUnknown} template. */
export const HOLE = '\uFFFF';

export function getProp(obj: MObject | undefined, key: string): MProp | undefined {
  if (!obj) return undefined;
  // Last one wins, as in JSON.parse and CloudFormation.
  for (let i = obj.props.length - 1; i >= 0; i--) if (obj.props[i].key === key) return obj.props[i];
  return undefined;
}

export function get(obj: MValue | undefined, key: string): MValue | undefined {
  return obj?.kind === 'object' ? getProp(obj, key)?.value : undefined;
}

/** Follows a path of keys through objects; stops at the first missing or non-object step. */
export function path(obj: MValue | undefined, ...keys: string[]): MValue | undefined {
  let cur = obj;
  for (const k of keys) {
    cur = get(cur, k);
    if (!cur) return undefined;
  }
  return cur;
}

export const isObject = (v: MValue | undefined): v is MObject => v?.kind === 'object';
export const isArray = (v: MValue | undefined): v is MArray => v?.kind === 'array';
export const isUnknown = (v: MValue | undefined): v is MUnknown => v?.kind === 'unknown';
export const isScalar = (v: MValue | undefined): v is MScalar => v?.kind === 'scalar';

/** A string literal, or undefined for anything else (absent, unknown, other types). */
export function str(v: MValue | undefined): string | undefined {
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

/** True/false for a boolean literal; the strings "true"/"false" count too (CloudFormation writes them). */
export function bool(v: MValue | undefined): boolean | undefined {
  if (v?.kind !== 'scalar') return undefined;
  if (typeof v.value === 'boolean') return v.value;
  if (typeof v.value === 'string') {
    const s = v.value.toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

/** A number literal; numeric strings count (templates often quote them). */
export function num(v: MValue | undefined): number | undefined {
  if (v?.kind !== 'scalar') return undefined;
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v.value)) return Number(v.value);
  return undefined;
}

/** The items of a literal array; an empty list for anything else. */
export function items(v: MValue | undefined): MValue[] {
  return v?.kind === 'array' ? v.items : [];
}

/** The literal text of a string, or the template of an unknown with literal parts. */
export function textOrTemplate(v: MValue | undefined): string | undefined {
  if (v?.kind === 'scalar' && typeof v.value === 'string') return v.value;
  if (v?.kind === 'unknown') return v.template;
  return undefined;
}
