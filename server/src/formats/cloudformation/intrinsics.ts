import { HOLE, MScalar, MUnknown, MValue } from '../../model/values';
import type { SNode, SScalar } from '../syntax';

/** A CloudFormation intrinsic function call, short (`!Sub x`) or long (`{"Fn::Sub": x}`). */
export interface Intrinsic {
  /** The long name: `Ref`, `Condition`, `Fn::Sub`, … */
  name: string;
  arg: SNode | undefined;
  node: SNode;
  short: boolean;
}

/** The intrinsic function call a node is, if it is one. */
export function intrinsicOf(n: SNode | undefined): Intrinsic | undefined {
  if (!n) return undefined;
  if (n.kind === 'tagged') {
    return { name: n.tag === 'Ref' || n.tag === 'Condition' ? n.tag : 'Fn::' + n.tag, arg: n.value, node: n, short: true };
  }
  if (n.kind === 'object' && n.props.length === 1) {
    const k = n.props[0].key;
    if (k === 'Ref' || k === 'Condition' || k.startsWith('Fn::')) return { name: k, arg: n.props[0].value, node: n, short: false };
  }
  return undefined;
}

/** What the template declares that intrinsics refer to. */
export interface TemplateContext {
  /** Parameter name → its Default, undefined when it has none. */
  parameters: Map<string, SNode | undefined>;
  /** Resource logical id → its type. */
  resources: Map<string, string>;
}

// Nested intrinsics (a !Sub inside a !Join inside a !If) are followed this deep for literal parts;
// deeper ones count as wholly unknown. Keeps the work bounded whatever the input's depth.
const MAX_NESTING = 4;

interface Part {
  /** The text with each unknown part replaced by HOLE. */
  text: string;
  /** Some part is filled in at deployment with a value that may be a secret. */
  deploy: boolean;
  /** Parameters whose Default was used. */
  defaults: string[];
}

const DYNAMIC_REFERENCE = /\{\{resolve:([a-z-]{1,30}):([^{}]{0,2048})\}\}/g;

/** Replaces each `{{resolve:…}}` dynamic reference in a literal with HOLE. */
function withoutDynamicReferences(s: string): { text: string; found: boolean } {
  if (!s.includes('{{resolve:')) return { text: s, found: false };
  DYNAMIC_REFERENCE.lastIndex = 0;
  const text = s.replace(DYNAMIC_REFERENCE, HOLE);
  return { text, found: text !== s };
}

const short = (s: string, max = 80) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

/** A readable, secret-free description of a call: `!Ref DbPassword`, `Fn::GetAtt Role.Arn`, `!Sub`. */
function hintOf(call: Intrinsic, detail?: string): string {
  const head = call.short ? '!' + call.name.replace(/^Fn::/, '') : call.name;
  return detail ? `${head} ${short(detail)}` : head;
}

/** The text of a literal scalar (numbers and booleans as written), undefined for anything else. */
export function literal(n: SNode | undefined): string | undefined {
  return n?.kind === 'scalar' && n.value !== null && !n.invalid ? String(n.value) : undefined;
}

/** `A.B` from `!GetAtt A.B`, `[A, B]` or the long forms. */
export function getAttTarget(arg: SNode | undefined): string | undefined {
  const s = literal(arg);
  if (s !== undefined) return s;
  if (arg?.kind === 'array' && arg.items.length >= 2) {
    const a = literal(arg.items[0]);
    const b = literal(arg.items[1]);
    if (a !== undefined && b !== undefined) return `${a}.${b}`;
  }
  return undefined;
}

/** The string of a `!Sub`, and its variable map in the `[string, {vars}]` form. */
export function subArgs(arg: SNode | undefined): { s?: string; vars?: Map<string, SNode> } {
  const s = literal(arg);
  if (s !== undefined) return { s };
  if (arg?.kind === 'array' && arg.items.length >= 1) {
    const first = literal(arg.items[0]);
    const vars = new Map<string, SNode>();
    const m = arg.items[1];
    if (m?.kind === 'object') for (const p of m.props) if (p.value) vars.set(p.key, p.value);
    return { s: first, vars };
  }
  return {};
}

/** Is `${name}` / `!Ref name` a value that may carry a secret (a parameter, an attribute), not a resource id or pseudo parameter? */
function refMayBeSecret(name: string, ctx: TemplateContext): boolean {
  if (name.startsWith('AWS::')) return false;
  if (ctx.resources.has(name)) return false;
  return true;
}

function defaultOf(name: string, ctx: TemplateContext): string | undefined {
  if (!ctx.parameters.has(name)) return undefined;
  return literal(ctx.parameters.get(name));
}

function subText(s: string, vars: Map<string, SNode> | undefined, ctx: TemplateContext, resolveDefaults: boolean, depth: number): Part {
  const out: string[] = [];
  let deploy = false;
  const defaults: string[] = [];
  let i = 0;
  for (;;) {
    const j = s.indexOf('${', i);
    if (j < 0) {
      out.push(s.slice(i));
      break;
    }
    out.push(s.slice(i, j));
    const close = s.indexOf('}', j + 2);
    if (close < 0) {
      out.push(s.slice(j));
      break;
    }
    const name = s.slice(j + 2, close).trim();
    i = close + 1;
    if (name.startsWith('!')) {
      out.push('${' + name.slice(1) + '}'); // `${!Literal}` writes `${Literal}`
      continue;
    }
    const v = vars?.get(name);
    if (v) {
      const p = partOf(v, ctx, resolveDefaults, depth + 1);
      out.push(p.text);
      deploy ||= p.deploy;
      for (const d of p.defaults) defaults.push(d); // a loop, not a spread: the list's length is the input's
      continue;
    }
    const def = resolveDefaults ? defaultOf(name, ctx) : undefined;
    if (def !== undefined) {
      out.push(def);
      defaults.push(name);
      continue;
    }
    out.push(HOLE);
    if (name.includes('.') || refMayBeSecret(name, ctx)) deploy = true;
  }
  const d = withoutDynamicReferences(out.join(''));
  return { text: d.text, deploy: deploy || d.found, defaults };
}

function joinText(arg: SNode | undefined, ctx: TemplateContext, resolveDefaults: boolean, depth: number): Part | undefined {
  if (arg?.kind !== 'array' || arg.items.length < 2) return undefined;
  const delim = arg.items[0].kind === 'scalar' ? literal(arg.items[0]) ?? '' : undefined;
  const list = arg.items[1];
  if (delim === undefined || list.kind !== 'array') return undefined;
  const parts = list.items.map(it => partOf(it, ctx, resolveDefaults, depth + 1));
  return { text: parts.map(p => p.text).join(delim), deploy: parts.some(p => p.deploy), defaults: parts.flatMap(p => p.defaults) };
}

/** The text of any value as far as it is literal, for the parts of a !Sub or !Join. */
function partOf(n: SNode, ctx: TemplateContext, resolveDefaults: boolean, depth: number): Part {
  if (n.kind === 'scalar') {
    if (n.invalid) return { text: HOLE, deploy: true, defaults: [] };
    const d = withoutDynamicReferences(n.value === null ? '' : String(n.value));
    return { text: d.text, deploy: d.found, defaults: [] };
  }
  const call = intrinsicOf(n);
  if (!call || depth > MAX_NESTING) return { text: HOLE, deploy: true, defaults: [] };
  switch (call.name) {
    case 'Ref': {
      const name = literal(call.arg) ?? '';
      const def = resolveDefaults ? defaultOf(name, ctx) : undefined;
      if (def !== undefined) return { text: def, deploy: false, defaults: [name] };
      return { text: HOLE, deploy: refMayBeSecret(name, ctx), defaults: [] };
    }
    case 'Fn::Sub': {
      const { s, vars } = subArgs(call.arg);
      return s === undefined ? { text: HOLE, deploy: true, defaults: [] } : subText(s, vars, ctx, resolveDefaults, depth);
    }
    case 'Fn::Join':
      return joinText(call.arg, ctx, resolveDefaults, depth) ?? { text: HOLE, deploy: true, defaults: [] };
    default:
      return { text: HOLE, deploy: true, defaults: [] };
  }
}

const IAM_ROLE = 'AWS::IAM::Role';

/**
 * The identity of a reference to one of the template's IAM roles: `!Ref Role` (its name),
 * `!GetAtt Role.Arn` and `!Sub "${Role.Arn}"` all name the same role, and ECS takes a role's name
 * or ARN alike, so they compare equal. Undefined for anything that is not a template role.
 */
function roleIdentity(target: string, ctx: TemplateContext): string | undefined {
  const dot = target.indexOf('.');
  const id = dot < 0 ? target : target.slice(0, dot);
  if (dot >= 0 && target.slice(dot + 1) !== 'Arn') return undefined;
  return ctx.resources.get(id) === IAM_ROLE ? `Role:${id}` : undefined;
}

/** The one variable of a !Sub string that is nothing else (`${Role.Arn}`), or undefined. */
function soleVariable(s: string): string | undefined {
  if (!s.startsWith('${') || !s.endsWith('}') || s.startsWith('${!')) return undefined;
  const name = s.slice(2, -1);
  return name.includes('}') || name.includes('${') ? undefined : name.trim();
}

const originOf = (names: string[]): string | undefined => {
  const unique = [...new Set(names)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? `the Default of parameter ${unique[0]}` : `the Defaults of parameters ${unique.join(', ')}`;
};

/**
 * The model value of an intrinsic call: Unknown, with a hint for messages, an identity to compare
 * two references, the literal parts of a !Sub or !Join as a template, and whether the deployment
 * fills in a value that may be a secret. With `resolveDefaults` (image tags, network mode), a
 * `!Ref` to a parameter with a Default becomes that Default, marked with its origin and without a
 * `ref`, so that no fix ever edits the parameter's use in place of its value.
 */
export function intrinsicToModel(call: Intrinsic, ctx: TemplateContext, resolveDefaults = false): MValue {
  // A value built with a parameter's Default is not what the text says: no fix may edit it.
  const unknown = (u: Omit<MUnknown, 'kind' | 'span' | 'ref'>): MUnknown => ({ kind: 'unknown', span: call.node.span, ref: u.origin ? undefined : call.node, ...u });
  switch (call.name) {
    case 'Ref': {
      const name = literal(call.arg);
      if (name === undefined) return unknown({ hint: hintOf(call), deployTimeValue: true });
      const def = resolveDefaults ? defaultOf(name, ctx) : undefined;
      if (def !== undefined) {
        const v: MScalar = { kind: 'scalar', value: def, span: call.node.span, origin: `the Default of parameter ${name}` };
        return v;
      }
      return unknown({ hint: hintOf(call, name), identity: roleIdentity(name, ctx) ?? `Ref:${name}`, deployTimeValue: refMayBeSecret(name, ctx) || undefined });
    }
    case 'Fn::GetAtt': {
      const target = getAttTarget(call.arg);
      const identity = target === undefined ? undefined : roleIdentity(target, ctx) ?? `GetAtt:${target}`;
      return unknown({ hint: hintOf(call, target), identity, deployTimeValue: true });
    }
    case 'Fn::Sub': {
      const { s, vars } = subArgs(call.arg);
      if (s === undefined) return unknown({ hint: hintOf(call), deployTimeValue: true });
      const p = subText(s, vars, ctx, resolveDefaults, 0);
      const names = subVariables(s);
      const sole = vars ? undefined : soleVariable(s);
      const role = sole !== undefined ? roleIdentity(sole, ctx) : undefined;
      // The hint names the variables only: the literal text may hold a secret.
      return unknown({
        template: p.text, hint: names.length ? `${hintOf(call)} of ${names.slice(0, 3).map(n => '${' + short(n, 60) + '}').join(', ')}` : hintOf(call),
        identity: role ?? (vars ? undefined : `Sub:${s}`), deployTimeValue: p.deploy || undefined, origin: originOf(p.defaults),
      });
    }
    case 'Fn::Join': {
      const p = joinText(call.arg, ctx, resolveDefaults, 0);
      return unknown({ template: p?.text, hint: hintOf(call), deployTimeValue: p ? p.deploy || undefined : true, origin: p && originOf(p.defaults) });
    }
    case 'Fn::ImportValue': {
      const name = literal(call.arg);
      return unknown({ hint: hintOf(call, name), identity: name !== undefined ? `ImportValue:${name}` : undefined, deployTimeValue: true });
    }
    case 'Fn::FindInMap': {
      const keys = call.arg?.kind === 'array' ? call.arg.items.map(literal) : [];
      const all = keys.length === 3 && keys.every(k => k !== undefined);
      return unknown({ hint: hintOf(call, all ? keys.join('.') : undefined), identity: all ? `FindInMap:${keys.join('/')}` : undefined, deployTimeValue: true });
    }
    case 'Fn::If': {
      const cond = call.arg?.kind === 'array' ? literal(call.arg.items[0]) : undefined;
      return unknown({ hint: hintOf(call, cond), deployTimeValue: true });
    }
    default:
      return unknown({ hint: hintOf(call), deployTimeValue: true });
  }
}

/** The `${…}` variable names of a !Sub string (not `${!literal}`). */
export function subVariables(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const j = s.indexOf('${', i);
    if (j < 0) break;
    const close = s.indexOf('}', j + 2);
    if (close < 0) break;
    const name = s.slice(j + 2, close).trim();
    if (!name.startsWith('!')) out.push(name);
    i = close + 1;
  }
  return out;
}

/**
 * A string holding `{{resolve:…}}` dynamic references: Unknown, filled in at deployment. When the
 * whole string is one reference to Secrets Manager or Parameter Store, `secretRef` says what a
 * container's `secrets` entry can reference instead.
 */
export function dynamicReference(n: SScalar): MUnknown | undefined {
  if (typeof n.value !== 'string' || !n.value.includes('{{resolve:')) return undefined;
  const s = n.value;
  DYNAMIC_REFERENCE.lastIndex = 0;
  const first = DYNAMIC_REFERENCE.exec(s);
  if (!first) return undefined;
  const { text } = withoutDynamicReferences(s);
  const whole = first.index === 0 && first[0].length === s.length;
  return {
    kind: 'unknown', span: n.span, ref: n, template: text, hint: `a {{resolve:${first[1]}:…}} dynamic reference`,
    deployTimeValue: true, secretRef: whole ? secretRefOf(first[1], first[2]) : undefined,
  };
}

/** The `valueFrom` of an ECS secret equivalent to `{{resolve:service:body}}`, when there is one. */
export function secretRefOf(service: string, body: string): string | undefined {
  const parts = body.split(':');
  if (service === 'secretsmanager') {
    // body: secret-id[:SecretString[:json-key[:version-stage[:version-id]]]]; the id may be an ARN (7 parts).
    const idParts = body.startsWith('arn:') ? 7 : 1;
    if (parts.length < idParts || parts.slice(0, idParts).some(p => p === '')) return undefined;
    const id = parts.slice(0, idParts).join(':');
    const rest = parts.slice(idParts);
    if (rest.length > 0 && rest[0] !== 'SecretString' && rest[0] !== '') return undefined;
    const [, key = '', stage = '', version = ''] = rest;
    if (!key && !stage && !version) return id;
    if (idParts === 1) return undefined; // a JSON key or version needs the full ARN in ECS
    return `${id}:${key}:${stage}:${version}`;
  }
  if (service === 'ssm' || service === 'ssm-secure') {
    // body: parameter-name-or-ARN[:version]; ECS references a parameter without a version.
    const idParts = body.startsWith('arn:') ? 6 : 1;
    return parts.length === idParts && parts.every(p => p !== '') ? body : undefined;
  }
  return undefined;
}
