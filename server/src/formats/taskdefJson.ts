import { ModelDocument, emptyModel } from '../model/document';
import type { MObject, MValue } from '../model/values';
import type { SArray, SNode, SObject } from './syntax';
import { sget, sprop } from './syntax';
import { ConvertHooks, toModel } from './toModel';
import { InferredEnvironment, buildTask } from './taskModel';

// Keys that only an ECS container definition has (Kubernetes and Compose use other names), to tell
// a bare container-definitions array from any other array of objects with a name and an image.
const ECS_CONTAINER_KEYS = new Set([
  'essential', 'portMappings', 'memoryReservation', 'logConfiguration', 'mountPoints', 'linuxParameters',
  'readonlyRootFilesystem', 'dockerLabels', 'volumesFrom', 'firelensConfiguration', 'repositoryCredentials',
  'dependsOn', 'healthCheck', 'privileged', 'disableNetworking', 'dnsServers', 'extraHosts', 'ulimits',
  'systemControls', 'resourceRequirements', 'environmentFiles', 'startTimeout', 'stopTimeout', 'pseudoTerminal',
  'interactive', 'dockerSecurityOptions', 'workingDirectory', 'secrets', 'cpu', 'memory', 'entryPoint',
]);

function looksLikeContainer(n: SNode): boolean {
  if (n.kind !== 'object') return false;
  if (!sprop(n, 'image') || !sprop(n, 'name')) return false;
  return n.props.some(p => ECS_CONTAINER_KEYS.has(p.key) || (p.key === 'environment' && p.value?.kind === 'array'));
}

/** Which task-definition JSON shape the root is, if any. */
export function taskDefinitionRoot(root: SNode | undefined, uri: string): { task: SObject; wrapped: boolean } | { containers: SArray } | undefined {
  if (!root) return undefined;
  if (root.kind === 'object') {
    if (sprop(root, 'containerDefinitions')) return { task: root, wrapped: false };
    const inner = sget(root, 'taskDefinition');
    if (inner?.kind === 'object' && sprop(inner, 'containerDefinitions')) return { task: inner, wrapped: true };
    return undefined;
  }
  if (root.kind === 'array' && root.items.length > 0) {
    const byName = /container[-_]?def|task[-_]?def/i.test(uri.slice(uri.lastIndexOf('/') + 1));
    const objects = root.items.filter(i => i.kind === 'object');
    if (objects.length === 0 || objects.length !== root.items.length) return undefined;
    if (objects.some(looksLikeContainer) || (byName && objects.every(o => o.kind === 'object' && !!sprop(o, 'image')))) return { containers: root };
  }
  return undefined;
}

/** Builds the model of a task-definition JSON document (register, describe, or containers only). */
export function taskDefinitionModel(shape: NonNullable<ReturnType<typeof taskDefinitionRoot>>, reuse?: ConvertHooks['reuse']): ModelDocument {
  const model = emptyModel();
  let roots: MValue[];
  if ('task' in shape) {
    const obj = toModel(shape.task, { reuse }) as MObject;
    model.tasks.push(buildTask(obj));
    roots = [obj];
  } else {
    const arr = toModel(shape.containers, { reuse });
    // Containers only: task-level settings (network mode, volumes, roles) live in another file.
    const obj: MObject = {
      kind: 'object',
      span: shape.containers.span,
      props: [{ key: 'containerDefinitions', keySpan: shape.containers.span, span: shape.containers.span, value: arr }],
    };
    model.tasks.push(buildTask(obj, { label: 'container definitions', supports: key => key === 'containerDefinitions' }));
    roots = [arr];
  }
  model.environment = new InferredEnvironment(roots);
  return model;
}
