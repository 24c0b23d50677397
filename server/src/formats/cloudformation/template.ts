import type { TextEdit } from '../../engine/edits';
import { ModelDocument, REGION_PLACEHOLDER, emptyModel } from '../../model/document';
import { MArray, MObject, Span, getProp } from '../../model/values';
import type { FormatId, ParsedDocument } from '../adapter';
import { intentsToOps } from '../intents';
import type { SComment, SNode, SObject, SProp, SourceJson, SyntaxOp } from '../syntax';
import { sget, sprop } from '../syntax';
import { ConvertHooks, toModel } from '../toModel';
import { buildTask } from '../taskModel';
import { TemplateContext, dynamicReference, getAttTarget, intrinsicOf, intrinsicToModel, literal, subArgs, subVariables } from './intrinsics';
import { CFN_SPELLING, cfnKeyToEcs } from './names';

/** The root of a CloudFormation template: a `Resources` map with at least one `Type: AWS::…`. */
export function templateRoot(root: SNode | undefined): SObject | undefined {
  if (root?.kind !== 'object') return undefined;
  const resources = sget(root, 'Resources');
  if (resources?.kind !== 'object') return undefined;
  for (const r of resources.props) {
    if (literal(sget(r.value, 'Type'))?.startsWith('AWS::')) return root;
  }
  return undefined;
}

// How many nodes a walk through intrinsics (role references, !If branches) may visit: bounded
// work whatever the input, and far beyond what a real template nests.
const WALK_BUDGET = 10_000;

/**
 * Reads a CloudFormation/SAM template (from the YAML or the JSON reader: both give the shared
 * syntax tree) into the model: task definitions, services and task sets, clusters, and the
 * policy statements of the IAM roles that task definitions use as their task role.
 */
export function readTemplate(root: SObject, text: string, format: FormatId, problems: ParsedDocument['problems'], comments: SComment[], renderOps: (ops: SyntaxOp[]) => TextEdit[] | undefined): ParsedDocument {
  const resources = sget(root, 'Resources') as SObject;
  const ctx: TemplateContext = { parameters: new Map(), resources: new Map() };
  const params = sget(root, 'Parameters');
  if (params?.kind === 'object') for (const p of params.props) ctx.parameters.set(p.key, sget(p.value, 'Default'));
  for (const r of resources.props) ctx.resources.set(r.key, literal(sget(r.value, 'Type')) ?? '');

  const hooks: ConvertHooks = {
    mapKey: cfnKeyToEcs,
    tagged: n => intrinsicToModel(intrinsicOf(n)!, ctx),
    object: n => {
      const call = intrinsicOf(n);
      return call ? intrinsicToModel(call, ctx) : undefined;
    },
    scalar: n => dynamicReference(n),
  };
  const convertObject = (n: SObject, rootKey?: string) => toModel(n, hooks, rootKey) as MObject;

  const model = emptyModel();
  const resourceIgnores: NonNullable<ParsedDocument['resourceIgnores']> = [];
  const taskRoles = new Map<string, Set<string>>(); // role logical id → labels of the tasks using it
  let names: Map<string, string> | undefined;

  for (const r of resources.props) {
    const res = r.value;
    if (res?.kind !== 'object' || intrinsicOf(res)) continue;
    const ignore = metadataIgnore(r, res);
    if (ignore) {
      const { op, ...entry } = ignore;
      resourceIgnores.push({ ...entry, rewrite: keep => renderOps([op(keep)]) });
    }
    const type = literal(sget(res, 'Type'));
    const props = sget(res, 'Properties');
    // Properties chosen by an !If as a whole: nothing can be said about them.
    if (props && (props.kind !== 'object' || intrinsicOf(props))) continue;
    // Only the resources the model holds are converted: a stack's other resources cost nothing more.
    const objectOf = (): MObject => (props ? convertObject(props) : { kind: 'object', props: [], span: r.keySpan });
    switch (type) {
      case 'AWS::ECS::TaskDefinition': {
        const obj = objectOf();
        if (props) readContainers(props, obj, ctx, hooks);
        model.tasks.push(buildTask(obj, { label: r.key, anchor: r.keySpan }));
        for (const role of roleTargets(props && sget(props, 'TaskRoleArn'), ctx, (names ??= roleNames(resources)))) {
          let tasks = taskRoles.get(role);
          if (!tasks) taskRoles.set(role, (tasks = new Set()));
          tasks.add(r.key);
        }
        break;
      }
      case 'AWS::ECS::Service':
      case 'AWS::ECS::TaskSet':
        model.services.push({ obj: objectOf(), label: r.key, anchor: r.keySpan });
        break;
      case 'AWS::ECS::Cluster':
        model.clusters.push({ obj: objectOf(), label: r.key, anchor: r.keySpan });
        break;
    }
  }
  if (taskRoles.size) model.taskRoleStatements = roleStatements(resources, taskRoles, convertObject);

  // A template is deployed into the stack's own account and region, so a fix that needs them
  // writes the pseudo parameters (see withPseudoParameters), never an account or region that an
  // ARN elsewhere in the file happens to mention: the environment states none of them.
  model.environment = { deploymentProvided: true };

  return {
    format,
    text,
    model,
    problems,
    comments,
    resourceIgnores,
    render(intents) {
      const ops = intentsToOps(intents, CFN_SPELLING, ecsKeyOf);
      if (!ops || ops.some(crossesIntrinsic)) return undefined;
      return renderOps(ops.map(withPseudoParameters));
    },
  };
}

/**
 * Replaces the task's containerDefinitions with its containers as far as they can be read: a
 * container wrapped in `!If` counts in each branch (`!Ref AWS::NoValue` branches drop out), and
 * so does a whole list chosen by `!If`. A container's image and the task's network mode also read
 * a parameter's Default through `!Ref` (marked with its origin), which nothing else does.
 */
function readContainers(props: SObject, obj: MObject, ctx: TemplateContext, hooks: ConvertHooks): void {
  const withDefaults = (node: SNode | undefined, prop: ReturnType<typeof getProp>) => {
    const call = intrinsicOf(node);
    if (call && prop) prop.value = intrinsicToModel(call, ctx, true);
  };
  withDefaults(sget(props, 'NetworkMode'), getProp(obj, 'networkMode'));
  const defsProp = getProp(obj, 'containerDefinitions');
  const defs = sget(props, 'ContainerDefinitions');
  if (!defsProp || !defs) return;
  const arr: MArray = { kind: 'array', items: [], span: defs.span, ref: defs.kind === 'array' ? defs : undefined };
  const stack: SNode[] = [defs];
  let budget = WALK_BUDGET;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    const call = intrinsicOf(n);
    if (call) {
      if (call.name === 'Fn::If' && call.arg?.kind === 'array') {
        for (let i = Math.min(call.arg.items.length, 3) - 1; i >= 1; i--) stack.push(call.arg.items[i]);
      }
      continue; // any other intrinsic: not a container we can read
    }
    // Arrays are reached as the list itself or as an !If branch that is a whole list.
    if (n.kind === 'array') {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    } else if (n.kind === 'object') {
      const c = toModel(n, hooks, 'containerDefinitions') as MObject;
      withDefaults(sget(n, 'Image'), getProp(c, 'image'));
      arr.items.push(c);
    }
  }
  defsProp.value = arr;
}

/** Logical ids of the IAM roles by their literal RoleName, for ARNs and names written out. */
function roleNames(resources: SObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of resources.props) {
    if (literal(sget(r.value, 'Type')) !== 'AWS::IAM::Role') continue;
    const name = literal(sget(sget(r.value, 'Properties'), 'RoleName'));
    if (name !== undefined) out.set(name, r.key);
  }
  return out;
}

/**
 * The logical ids of the template's IAM roles that a role reference names: `!GetAtt Role.Arn`,
 * `!Ref Role`, a !Sub of `${Role}` or `${Role.Arn}`, either branch of an !If, a literal ARN or
 * name matching a role's RoleName.
 */
function roleTargets(node: SNode | undefined, ctx: TemplateContext, byName: Map<string, string>): Set<string> {
  const out = new Set<string>();
  const isRole = (id: string | undefined) => id !== undefined && ctx.resources.get(id) === 'AWS::IAM::Role';
  const add = (id: string | undefined) => { if (isRole(id)) out.add(id!); };
  const stack: (SNode | undefined)[] = [node];
  let budget = 200;
  while (stack.length && budget-- > 0) {
    const n = stack.pop();
    if (!n) continue;
    const call = intrinsicOf(n);
    if (!call) {
      if (n.kind === 'array') for (const it of n.items) stack.push(it);
      const s = literal(n);
      if (s !== undefined) {
        const name = s.slice(s.lastIndexOf('/') + 1);
        const id = byName.get(name);
        if (id && (s === name || s.includes(':role/'))) add(id);
      }
      continue;
    }
    switch (call.name) {
      case 'Ref': add(literal(call.arg)); break;
      case 'Fn::GetAtt': add(getAttTarget(call.arg)?.split('.')[0]); break;
      case 'Fn::Sub': {
        const { s } = subArgs(call.arg);
        if (s !== undefined) for (const v of subVariables(s)) add(v.split('.')[0]);
        break;
      }
      case 'Fn::If': case 'Fn::Join': case 'Fn::Select':
        stack.push(call.arg);
        break;
    }
  }
  return out;
}

/**
 * The statements that reach the task roles: the roles' inline `Policies`, managed policies of the
 * template listed in their `ManagedPolicyArns`, and `AWS::IAM::Policy`, `ManagedPolicy` and
 * `RolePolicy` resources attached to them. One entry per statement, naming every task role it reaches.
 */
function roleStatements(resources: SObject, taskRoles: Map<string, Set<string>>, convert: (n: SObject, rootKey?: string) => MObject): ModelDocument['taskRoleStatements'] {
  const owners = new Map<SObject, { roles: Set<string>; tasks: Set<string> }>();
  const grant = (policyDocument: SNode | undefined, role: string) => {
    const tasks = taskRoles.get(role);
    if (!tasks) return;
    for (const st of statementsOf(policyDocument)) {
      let o = owners.get(st);
      if (!o) owners.set(st, (o = { roles: new Set(), tasks: new Set() }));
      o.roles.add(role);
      for (const t of tasks) o.tasks.add(t);
    }
  };
  const byName = roleNames(resources);
  /** The template role a `Roles` entry or `RoleName` names (`!Ref Role` gives the role's name). */
  const roleOf = (n: SNode | undefined): string | undefined => {
    const call = intrinsicOf(n);
    if (call?.name === 'Ref') return literal(call.arg);
    const s = literal(n);
    return s !== undefined ? byName.get(s) : undefined;
  };
  const plainItems = (n: SNode | undefined): SNode[] => (n?.kind === 'array' ? n.items : []);
  for (const r of resources.props) {
    const props = sget(r.value, 'Properties');
    if (props?.kind !== 'object' || intrinsicOf(props)) continue;
    switch (literal(sget(r.value, 'Type'))) {
      case 'AWS::IAM::Role':
        if (!taskRoles.has(r.key)) break;
        for (const p of plainItems(sget(props, 'Policies'))) grant(sget(p, 'PolicyDocument'), r.key);
        for (const arn of plainItems(sget(props, 'ManagedPolicyArns'))) {
          const id = roleOf(arn);
          const mp = id !== undefined ? resources.props.find(x => x.key === id) : undefined;
          if (mp && literal(sget(mp.value, 'Type')) === 'AWS::IAM::ManagedPolicy') grant(sget(sget(mp.value, 'Properties'), 'PolicyDocument'), r.key);
        }
        break;
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
        for (const role of plainItems(sget(props, 'Roles'))) {
          const id = roleOf(role);
          if (id !== undefined) grant(sget(props, 'PolicyDocument'), id);
        }
        break;
      case 'AWS::IAM::RolePolicy': {
        const id = roleOf(sget(props, 'RoleName'));
        if (id !== undefined) grant(sget(props, 'PolicyDocument'), id);
        break;
      }
    }
  }
  const out: ModelDocument['taskRoleStatements'] = [];
  for (const [st, o] of owners) out.push({ obj: convert(st, 'statement'), roleLabel: [...o.roles].join(', '), tasks: [...o.tasks] });
  return out;
}

/** The statement objects of a policy document (`Statement` as a list or a single object; each branch of an !If). */
function statementsOf(doc: SNode | undefined): SObject[] {
  if (doc?.kind !== 'object' || intrinsicOf(doc)) return [];
  const st = sget(doc, 'Statement');
  const out: SObject[] = [];
  const stack: (SNode | undefined)[] = [st];
  let budget = WALK_BUDGET;
  while (stack.length && budget-- > 0) {
    const n = stack.pop();
    if (!n) continue;
    const call = intrinsicOf(n);
    if (call) {
      if (call.name === 'Fn::If' && call.arg?.kind === 'array') stack.push(call.arg.items[2], call.arg.items[1]);
    } else if (n.kind === 'array' && n === st) {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    } else if (n.kind === 'object') out.push(n);
  }
  return out;
}

/**
 * `Metadata: {ecs-guard: {ignore: [ids]}}` on a resource (a comma-separated string works too),
 * with the edit that keeps only some of the ids, or removes the directive when none is kept.
 */
function metadataIgnore(r: SProp, res: SObject): { span: Span; rules: string[]; directive: Span; op: (keep: string[]) => SyntaxOp } | undefined {
  const metaProp = sprop(res, 'Metadata');
  const meta = metaProp?.value;
  const entry = sprop(meta, 'ecs-guard');
  if (!meta || !entry?.value) return undefined;
  const list = sget(entry.value, 'ignore');
  const rules: string[] = [];
  const add = (s: string | undefined) => {
    if (s !== undefined) for (const id of s.split(/[\s,]+/)) if (id) rules.push(id);
  };
  if (list?.kind === 'array') for (const it of list.items) add(literal(it));
  else add(literal(list));
  if (rules.length === 0 || !list) return undefined;
  const op = (keep: string[]): SyntaxOp => {
    if (keep.length > 0) return { op: 'replace', node: list, value: list.kind === 'array' ? keep : keep.join(', ') };
    // Nothing kept: the smallest enclosing entry that holds nothing else goes.
    if (entry.value!.kind === 'object' && entry.value!.props.length > 1) return { op: 'remove', node: list };
    if (meta.kind === 'object' && meta.props.length > 1) return { op: 'remove', node: entry.value! };
    return { op: 'remove', node: meta };
  };
  return { span: r.span, rules, directive: entry.span, op };
}

/** The model (ECS) name of the property a syntax node is the value of, for spelling what goes inside it. */
function ecsKeyOf(n: SNode): string | undefined {
  // Collect the source keys from the node up to the resource's Properties, then map them downwards.
  const chain: string[] = [];
  let cur: SNode | undefined = n;
  for (let guard = 0; cur && guard < WALK_BUDGET; guard++) {
    const p: SProp | undefined = cur.prop;
    if (p) {
      if (p.key === 'Properties' && p.parent.prop?.parent.prop?.key === 'Resources') break;
      if (!p.key.startsWith('Fn::')) chain.push(p.key);
      cur = p.parent;
    } else cur = cur.parent;
  }
  let key: string | undefined;
  for (let i = chain.length - 1; i >= 0; i--) key = cfnKeyToEcs(chain[i], key);
  return key;
}

/** A set or append that would have to write inside an intrinsic (`RuntimePlatform: !If …`) cannot be rendered. */
function crossesIntrinsic(op: SyntaxOp): boolean {
  if (op.op !== 'set' && op.op !== 'append') return false;
  let obj: SNode = op.target;
  const steps = op.op === 'set' ? op.path.length - 1 : op.path.length;
  for (let i = 0; i < steps; i++) {
    const p = sprop(obj, op.path[i]);
    if (!p?.value) return false;
    if (intrinsicOf(p.value)) return true;
    if (p.value.kind !== 'object') return false;
    obj = p.value;
  }
  return false;
}

const PLACEHOLDER_ARN = /^arn:([a-z-]{1,20}):secretsmanager:([A-Za-z0-9-]{1,30}):([A-Z_]{1,20}|\d{12}):secret:([^\s${}]{1,512})$/;

/** `{"Ref": "AWS::Region"}` for each region placeholder in a value a fix writes (a rule's value: its depth is the rule's, not the input's). */
function regionReferences(v: SourceJson): SourceJson {
  if (v === REGION_PLACEHOLDER) return { Ref: 'AWS::Region' };
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(regionReferences);
  const out: { [k: string]: SourceJson } = {};
  for (const [k, x] of Object.entries(v)) out[k] = regionReferences(x);
  return out;
}

/**
 * Placeholders for what the rule could not know become the pseudo parameters: in a template, the
 * stack's own region and account are right. The region placeholder becomes `!Ref AWS::Region`; a
 * secret ARN with `REGION` or `ACCOUNT_ID` becomes a !Sub.
 */
function withPseudoParameters(input: SyntaxOp): SyntaxOp {
  let op = input;
  if (op.op === 'set') op = { ...op, value: regionReferences(op.value) };
  else if (op.op === 'replace') op = { ...op, value: regionReferences(op.value) };
  else if (op.op === 'append') op = { ...op, item: regionReferences(op.item) };
  if (op.op !== 'append' || !op.item || typeof op.item !== 'object' || Array.isArray(op.item)) return op;
  const vf = op.item.ValueFrom;
  if (typeof vf !== 'string') return op;
  const m = PLACEHOLDER_ARN.exec(vf);
  if (!m || (m[2] !== 'REGION' && m[3] !== 'ACCOUNT_ID')) return op;
  const region = m[2] === 'REGION' ? '${AWS::Region}' : m[2];
  const account = m[3] === 'ACCOUNT_ID' ? '${AWS::AccountId}' : m[3];
  const partition = m[2] === 'REGION' ? '${AWS::Partition}' : m[1];
  const item: { [k: string]: SourceJson } = { ...op.item, ValueFrom: { 'Fn::Sub': `arn:${partition}:secretsmanager:${region}:${account}:secret:${m[4]}` } };
  return { ...op, item };
}
