import type { Container, Defaults, ModelDocument, TaskDefinition } from '../model/document';
import { MObject, MValue, Span, get, str } from '../model/values';

export interface TaskOptions {
  label?: string;
  anchor?: Span;
  defaults?: Defaults;
  supports?: (key: string) => boolean;
}

/** Wraps a task-definition object (ECS names) and its containerDefinitions into the model. */
export function buildTask(obj: MObject, options: TaskOptions = {}): TaskDefinition {
  const family = get(obj, 'family');
  const task: TaskDefinition = {
    obj,
    label: options.label ?? str(family) ?? 'task definition',
    anchor: options.anchor ?? family?.span ?? { start: obj.span.start, end: obj.span.start + 1 },
    containers: [],
    defaults: options.defaults ?? {},
    supports: options.supports,
  };
  const defs = get(obj, 'containerDefinitions');
  if (defs?.kind === 'array') {
    defs.items.forEach((item, i) => {
      if (item.kind === 'object') task.containers.push(buildContainer(item, task, i));
    });
  }
  return task;
}

export function buildContainer(obj: MObject, task: TaskDefinition, index: number, anchor?: Span): Container {
  const name = get(obj, 'name');
  const label = str(name) ?? `#${index + 1}`;
  return { obj, task, label, anchor: anchor ?? name?.span ?? { start: obj.span.start, end: obj.span.start + 1 } };
}

const ARN = /\barn:(aws[a-z-]*):[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d)?:(\d{12}):/;
const ECR_HOST = /\b(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

type Environment = ModelDocument['environment'];

/**
 * A document's environment, inferred from `roots` on first use: most analyses never ask (only the
 * fixes that write a region or an ARN do), and a large document's walk costs a millisecond or two.
 * The getters sit on the class, not on each model: a getter defined on a model object
 * (Object.defineProperty with a closure) gave every model a hidden class of its own, which V8 keeps
 * until a full collection; through the getter's closure, each model with its syntax tree and text
 * then survived every young-generation collection until then. Half of what an analysis allocated
 * was copied by each of those collections, and a CDK keystroke's p99 was 16-20 ms instead of 5.
 */
export class InferredEnvironment implements Environment {
  private found: Environment | undefined;
  constructor(private readonly roots: MValue[], readonly deploymentProvided?: boolean) {}
  get accountId(): string | undefined { return this.inferred().accountId; }
  get region(): string | undefined { return this.inferred().region; }
  get partition(): string | undefined { return this.inferred().partition; }
  private inferred(): Environment {
    return (this.found ??= inferEnvironment(this.roots));
  }
}

/**
 * Finds the AWS account and region a document talks about (ARNs, ECR image hosts, awslogs-region),
 * for fixes that must write an ARN. Walks iteratively; stops once both are known.
 */
export function inferEnvironment(roots: MValue[]): ModelDocument['environment'] {
  const env: ModelDocument['environment'] = {};
  const stack = [...roots];
  let seen = 0;
  while (stack.length && seen++ < 200_000 && !(env.accountId && env.region && env.partition)) {
    const v = stack.pop()!;
    if (v.kind === 'object') {
      for (const p of v.props) {
        if (p.key === 'awslogs-region' && !env.region) {
          const r = str(p.value);
          if (r && REGION.test(r)) env.region = r;
        }
        stack.push(p.value);
      }
    } else if (v.kind === 'array') stack.push(...v.items);
    else if (v.kind === 'scalar' && typeof v.value === 'string') {
      const s = v.value;
      if (s.includes('arn:')) {
        const m = ARN.exec(s);
        if (m) {
          env.partition ??= m[1];
          if (m[2]) env.region ??= m[2];
          env.accountId ??= m[3];
        }
      }
      if (s.includes('.dkr.ecr')) {
        const m = ECR_HOST.exec(s);
        if (m) {
          env.accountId ??= m[1];
          env.region ??= m[2];
        }
      }
    }
  }
  return env;
}
