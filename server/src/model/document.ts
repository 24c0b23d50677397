import { MObject, MValue, Span, get, getProp, items, str, path, NodeRef } from './values';

/** JSON-like data carried by fix intents; keys use the ECS API's names. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * What the source format implies when a setting is absent. Rules consult it before reporting an
 * absent setting, so that a default which is already safe is never reported.
 */
export interface Defaults {
  /** Containers log somewhere when they set no logConfiguration (CDK ecs-patterns enable logging). */
  loggingEnabled?: boolean;
  /** Network mode when the task sets none; undefined = ECS's own rule (bridge on EC2, awsvpc on Fargate). */
  networkMode?: string;
}

/** One task definition, whatever format declared it. */
export interface TaskDefinition {
  /** Task-level properties under their ECS API names (family, networkMode, volumes, …). */
  obj: MObject;
  /** Short name for messages: the family, a CloudFormation logical id, a CDK construct id. */
  label: string;
  /** Where task-level findings go when the offending setting is absent. */
  anchor: Span;
  containers: Container[];
  defaults: Defaults;
  /** Which properties the source can express at all (CDK has no place for some); undefined = all. */
  supports?: (key: string) => boolean;
}

/** One container definition inside a task definition. */
export interface Container {
  obj: MObject;
  task: TaskDefinition;
  /** The container's name, or its position when it has none. */
  label: string;
  /** Where findings about an absent setting go: the name, else the start of the definition. */
  anchor: Span;
}

/** An ECS service, task set or ecs-patterns service (CreateService names: networkConfiguration, …). */
export interface Service {
  obj: MObject;
  label: string;
  anchor: Span;
}

/** An ECS cluster (CreateCluster names: clusterSettings, …). */
export interface Cluster {
  obj: MObject;
  label: string;
  anchor: Span;
}

/**
 * An IAM policy statement (keys: effect, action, notAction, resource, notResource) that grants
 * permissions to the task role of one or more task definitions in the document.
 */
export interface PolicyStatement {
  obj: MObject;
  /** The role's name for messages. */
  roleLabel: string;
  /** Labels of the task definitions whose task role gets this statement. */
  tasks: string[];
}

/** Everything one source document declares, in the format-neutral model. */
export interface ModelDocument {
  tasks: TaskDefinition[];
  services: Service[];
  clusters: Cluster[];
  taskRoleStatements: PolicyStatement[];
  /** Values the document states about its AWS environment, for fixes that need them. */
  environment: {
    accountId?: string;
    region?: string;
    partition?: string;
    /**
     * The deployment supplies its own account, region and partition (CloudFormation's pseudo
     * parameters): where a fix writes their placeholders ({@link REGION_PLACEHOLDER}, `REGION` and
     * `ACCOUNT_ID` in an ARN), the adapter writes a reference to them, so nothing is left to fill in.
     */
    deploymentProvided?: boolean;
  };
}

/** What a fix writes where the region the task runs in belongs and the document does not say it. */
export const REGION_PLACEHOLDER = '<REGION>';

export function emptyModel(): ModelDocument {
  return { tasks: [], services: [], clusters: [], taskRoleStatements: [], environment: {} };
}

// ---------------------------------------------------------------------------------------------
// Fix intents: what a rule wants changed, in the model's terms; the adapter renders the text.

export type FixIntent =
  /** Set `path` (ECS names, relative to `target`) to `value`, creating missing objects on the way. */
  | { op: 'set'; target: MObject; path: string[]; value: Json }
  /** Remove the property whose value is `node`, or the array item that is `node`. */
  | { op: 'remove'; node: MValue }
  /** Replace the value `node` with `value`. */
  | { op: 'replace'; node: MValue; value: Json }
  /** Append `item` to the array at `path` under `target`, creating the array when absent. */
  | { op: 'append'; target: MObject; path: string[]; item: Json }
  /**
   * Move a plaintext environment entry of `container` into its secrets, as a reference to
   * `valueFrom`; the plaintext value leaves the file.
   */
  | { op: 'moveToSecrets'; container: MObject; entry: MObject; name: string; valueFrom: string };

export const set = (target: MObject, path: string[] | string, value: Json): FixIntent =>
  ({ op: 'set', target, path: typeof path === 'string' ? [path] : path, value });
export const remove = (node: MValue): FixIntent => ({ op: 'remove', node });
export const replace = (node: MValue, value: Json): FixIntent => ({ op: 'replace', node, value });
export const append = (target: MObject, path: string[] | string, item: Json): FixIntent =>
  ({ op: 'append', target, path: typeof path === 'string' ? [path] : path, item });

/** True when every node an intent names can be edited by its adapter. */
export function intentEditable(intent: FixIntent): boolean {
  const has = (n: { ref?: NodeRef }) => n.ref !== undefined;
  switch (intent.op) {
    case 'set': case 'append': return has(intent.target);
    case 'remove': case 'replace': return has(intent.node);
    case 'moveToSecrets': return has(intent.container) && has(intent.entry);
  }
}

// ---------------------------------------------------------------------------------------------
// Platform facts every rule needs; derived from the model, never stored twice.

/** The launch types the task declares (requiresCompatibilities), upper-cased; undefined when not stated. */
export function compatibilities(task: TaskDefinition): string[] | undefined {
  const v = get(task.obj, 'requiresCompatibilities');
  if (v?.kind !== 'array') return undefined;
  const out: string[] = [];
  for (const it of v.items) {
    const s = str(it);
    if (s === undefined) return undefined; // an unknown entry: we cannot tell
    out.push(s.toUpperCase());
  }
  return out;
}

/** The task can only run on Fargate. */
export function isFargateOnly(task: TaskDefinition): boolean {
  const c = compatibilities(task);
  return !!c && c.length > 0 && c.every(x => x === 'FARGATE');
}

/** The task declares Fargate among its launch types (so Fargate-invalid settings break it). */
export function targetsFargate(task: TaskDefinition): boolean {
  return !!compatibilities(task)?.includes('FARGATE');
}

/** The task may run on EC2 (or external) instances, where bridge is the default network mode. */
export function mayRunOnEc2(task: TaskDefinition): boolean {
  const c = compatibilities(task);
  if (!c || c.length === 0) return true; // ECS defaults to EC2 when nothing is stated
  return c.some(x => x === 'EC2' || x === 'EXTERNAL');
}

const WINDOWS_IMAGE = /^(mcr\.microsoft\.com\/(windows|dotnet\/framework)|microsoft\/(iis|windowsservercore|nanoserver|dotnet-framework|aspnet))\b/i;

const windowsCache = new WeakMap<TaskDefinition, boolean>();

/** Windows tasks: runtimePlatform says so, or every image is a Windows image. */
export function isWindows(task: TaskDefinition): boolean {
  let w = windowsCache.get(task);
  if (w === undefined) windowsCache.set(task, (w = computeIsWindows(task)));
  return w;
}

function computeIsWindows(task: TaskDefinition): boolean {
  const os = str(path(task.obj, 'runtimePlatform', 'operatingSystemFamily'));
  if (os !== undefined) return os.toUpperCase().startsWith('WINDOWS');
  const images = task.containers.map(c => str(get(c.obj, 'image')));
  return images.length > 0 && images.every(i => i !== undefined && WINDOWS_IMAGE.test(i));
}

/** The effective network mode: stated, implied by the source, or ECS's default for the launch types. */
export function effectiveNetworkMode(task: TaskDefinition): { mode?: string; stated: boolean; node?: MValue } {
  const node = get(task.obj, 'networkMode');
  if (node) return { mode: str(node)?.toLowerCase(), stated: true, node };
  if (task.defaults.networkMode) return { mode: task.defaults.networkMode, stated: false };
  if (isFargateOnly(task)) return { mode: 'awsvpc', stated: false };
  return { mode: isWindows(task) ? 'default' : 'bridge', stated: false };
}

/** A property of the container, looked up under its ECS name. */
export const cget = (c: Container, key: string) => get(c.obj, key);
export const cprop = (c: Container, key: string) => getProp(c.obj, key);
export const citems = (c: Container, key: string) => items(get(c.obj, key));

/** "Fargate rejects this setting": the sentence rules add when the task targets Fargate. */
export function fargateNote(task: TaskDefinition): string {
  return targetsFargate(task) ? ' Fargate rejects this setting, so the task will not even register there.' : '';
}
