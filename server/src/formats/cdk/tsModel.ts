import type * as TS from 'typescript';
import { ModelDocument, PolicyStatement, TaskDefinition, emptyModel } from '../../model/document';
import { HOLE, MArray, MObject, MProp, MValue, NodeRef, Span, getProp, str } from '../../model/values';
import { InferredEnvironment, buildTask } from '../taskModel';
import {
  ASSIGN_PUBLIC_IP, AWS_LOGS_OPTIONS, CLUSTER_INSIGHTS_PROPS, COMMON_LOG_DRIVER_OPTIONS, LOG_DRIVER_OPTIONS, LOG_DRIVER_OPTIONS_MAP,
  LOG_DRIVERS_WITH_OPTIONS_MAP, PATTERN_DEFAULT_LOG_DRIVER, PATTERN_ENABLE_LOGGING, SECRET_VALUE_CLASS, SECRET_VALUE_PLAIN_TEXT, CONTAINER_METHODS, CONTAINER_PROPS, ENUMS, FARGATE_DEFAULTS,
  IMAGE_FACTORIES, L1_CLASSES, LINUX_PARAMETERS_METHODS, LINUX_PARAMETERS_PROPS, LOG_DRIVER_CLASSES, LOG_DRIVER_FACTORIES,
  PATTERN_CLASSES, PATTERN_IMAGE_OPTIONS, PATTERN_SIZE_PROPS, POLICY_METHODS, POLICY_STATEMENT_METHODS, POLICY_STATEMENT_PROPS,
  ROLE_POLICY_ATTACH_METHODS, ROLE_POLICY_METHODS, SERVICE_CLASSES, TASK_DEFINITION_CLASSES, TASK_IMAGE_PROPS, TASK_METHODS,
  TASK_PROPS,
} from './constructs';
import { Imports, Resolved, resolveName } from './tsImports';
import { describe, dottedName, isMissing, propName, spanOf, unwrap } from './tsSyntax';
import type { TypeScript } from './typescriptLoader';

// ---------------------------------------------------------------------------------------------
// References from model nodes back to the source: what the renderer (tsEdit.ts) edits.

/** The kind of props object a literal is: decides how ECS names are spelt and values written there. */
export type Dialect = 'task' | 'container' | 'imageOptions' | 'service' | 'cluster' | 'cfn' | 'plain';

/** Where a value sits in a literal, so that it can be removed together with its comma. */
export type Place = { obj: TS.ObjectLiteralExpression; prop: TS.ObjectLiteralElementLike } | { arr: TS.ArrayLiteralExpression };

/** How a model value is written in CDK when it is not a plain literal (CDK's booleans for ECS's strings). */
export interface Encoding {
  /** ECS value → the boolean CDK writes for it. */
  booleans: Record<string, boolean>;
}

/** The adapter's handle on the source of a model node (`MValue.ref`). */
export type TsRef =
  /** A props object literal of a construct (or a nested literal). */
  | { t: 'obj'; node: TS.ObjectLiteralExpression; dialect: Dialect; place?: Place; container?: ContainerEntity }
  /** A construct written without a props object: a `set` adds one as argument `argIndex`. */
  | { t: 'noProps'; call: TS.NewExpression | TS.CallExpression; argIndex: number; dialect: Dialect }
  | { t: 'arr'; node: TS.ArrayLiteralExpression; place?: Place }
  /** A value expression (literal, enum member, name); `enumName` when a name stands for a member of that enum. */
  | { t: 'val'; node: TS.Expression; place?: Place; encoding?: Encoding; enumName?: string }
  /** An argument of a method call (`addCapabilities(ecs.Capability.SYS_ADMIN)`). */
  | { t: 'arg'; call: TS.CallExpression; index: number }
  /** One entry of an object map that ECS spells as a list (`environment: { KEY: 'v' }`). */
  | { t: 'mapEntry'; prop: TS.ObjectLiteralElementLike; map: TS.ObjectLiteralExpression }
  /** An entry added by a method call (`container.addEnvironment('KEY', 'v')`). */
  | { t: 'callEntry'; call: TS.CallExpression }
  /**
   * The props of a log driver (`LogDrivers.splunk({…})`, `new FireLensLogDriver({…})`), for the
   * ECS logConfiguration it stands for; `optionsMap` when its options are a map of their own.
   */
  | { t: 'logDriver'; node: TS.ObjectLiteralExpression; driver: string; optionsMap: boolean };

/** Wraps an adapter reference for the model (rules never look inside). */
export function R(r: TsRef): NodeRef {
  return r;
}

/** The adapter reference of a model node, if it has one. */
export function tsRef(v: { ref?: NodeRef } | undefined): TsRef | undefined {
  return v?.ref as TsRef | undefined;
}

function withEncoding(ref: NodeRef | undefined, encoding: Encoding): NodeRef | undefined {
  const r = ref as TsRef | undefined;
  return r?.t === 'val' ? R({ ...r, encoding }) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Constructs found in the file.

/** A task definition the file declares (L2, L1 or made by a pattern), or the stand-in for one it does not. */
export interface TaskEntity {
  kind: 'task';
  node?: TS.NewExpression;
  cls: string;
  dialect: 'l2' | 'cfn' | 'pattern';
  id?: TS.Expression;
  props?: TS.ObjectLiteralExpression;
  containers: ContainerEntity[];
  volumeCalls: TS.CallExpression[];
  role?: RoleEntity;
  pattern?: PatternEntity;
  /** Containers added to a task definition the file does not declare (a parameter, say). */
  orphan?: boolean;
}

/** A container: `addContainer`, `new ContainerDefinition`, or a pattern's image options. */
export interface ContainerEntity {
  kind: 'container';
  node: TS.Node;
  task: TaskEntity;
  id?: TS.Expression;
  props?: TS.ObjectLiteralExpression;
  /** Props that came from elsewhere (a const) and cannot be edited in place. */
  readOnly?: boolean;
  calls: TS.CallExpression[];
  dialect: 'container' | 'imageOptions';
  linux?: LinuxEntity;
  /** Where a pattern's container is declared (its image options), for findings about what it lacks. */
  anchor?: TS.Node;
  defaultName?: string;
}

/** `new LinuxParameters(…)` and the capability calls made on it. */
export interface LinuxEntity { kind: 'linux'; node: TS.NewExpression; props?: TS.ObjectLiteralExpression; calls: TS.CallExpression[] }
/** An ecs-patterns construct (a service or scheduled task that builds its own task definition). */
export interface PatternEntity { kind: 'pattern'; node: TS.NewExpression; cls: string; id?: TS.Expression; props?: TS.ObjectLiteralExpression; task?: TaskEntity }
/** An L2 or L1 ECS service. */
export interface ServiceEntity { kind: 'service'; node: TS.NewExpression; cls: string; id?: TS.Expression; props?: TS.ObjectLiteralExpression; dialect: 'l2' | 'cfn' }
/** An L2 or L1 ECS cluster. */
export interface ClusterEntity { kind: 'cluster'; node: TS.NewExpression; id?: TS.Expression; props?: TS.ObjectLiteralExpression; dialect: 'l2' | 'cfn' }
/** An IAM role (declared, or the one CDK makes for a task definition) and the statements it gets. */
export interface RoleEntity { kind: 'role'; node?: TS.NewExpression; label: string; identity: string; props?: TS.ObjectLiteralExpression; statements: TS.Expression[]; tasks: TaskEntity[] }
/** `new PolicyStatement(…)` or `PolicyStatement.fromJson(…)`, with the calls that add to it. */
export interface StatementEntity { kind: 'statement'; node: TS.Expression; props?: TS.Expression; json: boolean; calls: TS.CallExpression[] }
/** `new Policy(…)`: statements attached to roles. */
export interface PolicyEntity { kind: 'policy'; node: TS.NewExpression; props?: TS.ObjectLiteralExpression; statements: TS.Expression[]; roles: TS.Expression[] }
/** `new PolicyDocument(…)` or `PolicyDocument.fromJson(…)`. */
export interface DocumentEntity { kind: 'document'; node: TS.Expression; props?: TS.Expression; json: boolean }
/** `taskDefinition.taskRole`: whichever role that turns out to be. */
export interface TaskRoleOf { kind: 'taskRoleOf'; task: TaskEntity }

type Entity = TaskEntity | ContainerEntity | LinuxEntity | PatternEntity | ServiceEntity | ClusterEntity | RoleEntity
  | StatementEntity | PolicyEntity | DocumentEntity | TaskRoleOf;

interface Decl {
  init?: TS.Expression;
  isConst: boolean;
  scope: Span;
  pos: number;
}

/** Methods whose calls the reader follows; every other call is ignored while walking. */
const METHODS = new Set<string>([
  ...Object.keys(TASK_METHODS), ...Object.keys(CONTAINER_METHODS), ...Object.keys(LINUX_PARAMETERS_METHODS),
  ...ROLE_POLICY_METHODS, ...ROLE_POLICY_ATTACH_METHODS, ...Object.keys(POLICY_METHODS), ...Object.keys(POLICY_STATEMENT_METHODS),
]);

/** Own keys only: a name like `constructor` must not find Object.prototype's. */
const has = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** Const-to-const hops (and spreads of spreads) followed before a value counts as unknown. */
const MAX_HOPS = 8;
const DURATION_SECONDS: Record<string, number> = { millis: 0.001, seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** What the reader hands to the adapter: the model, and what the renderer needs to write in the file's terms. */
export interface CdkRead {
  model: ModelDocument;
  imports: Imports;
}

/**
 * Reads AWS CDK code (TypeScript or JavaScript, syntax only: nothing is type-checked or run) into
 * the model: finds the ECS constructs through the file's imports, follows the method calls made
 * on them, resolves literals, same-file consts and enum members, and keeps a reference to the
 * source of every value for the renderer.
 */
export class CdkReader {
  private readonly K: typeof TS.SyntaxKind;
  private decls = new Map<string, Decl[]>();
  /** `this.x = …` and class fields, per class (by the class's span) and name. */
  private thisProps = new Map<string, { cls: Span; init: TS.Expression }[]>();
  private assigns = new Map<string, TS.Expression>();
  private news: TS.NewExpression[] = [];
  private calls: TS.CallExpression[] = [];
  private entities = new Map<TS.Node, Entity | null>();
  private tasks: TaskEntity[] = [];
  private patterns: PatternEntity[] = [];
  private services: ServiceEntity[] = [];
  private clusters: ClusterEntity[] = [];
  private roles: RoleEntity[] = [];
  private policies: PolicyEntity[] = [];
  private orphanTask?: TaskEntity;
  private implicitRoles = new Map<TaskEntity, RoleEntity>();
  /** Properties reached through a spread or a const: read, never edited. */
  private readOnlyProps = new Set<TS.ObjectLiteralElementLike>();

  constructor(private ts: TypeScript, private sf: TS.SourceFile, private imports: Imports) {
    this.K = ts.SyntaxKind;
  }

  /** The model of the file, or undefined when it declares no ECS construct. */
  read(): CdkRead | undefined {
    this.walk();
    for (const n of this.news) this.entityOf(n);
    for (const c of this.calls) this.follow(c);
    const model = this.build();
    if (!model.tasks.length && !model.services.length && !model.clusters.length) return undefined;
    return { model, imports: this.imports };
  }

  // --- collecting ---------------------------------------------------------------------------

  /** One iterative pass over the tree: declarations (with their scopes), `new` expressions, followed calls. */
  private walk(): void {
    const { K, ts } = this;
    // Children are pushed as forEachChild yields them (so visited last to first); what needs
    // source order is sorted afterwards. `undefined` on the stack marks the end of a scope,
    // `null` the end of a class.
    const nodes: (TS.Node | undefined | null)[] = [this.sf];
    const scopes: Span[] = [];
    const classes: Span[] = [];
    let scope: Span = { start: 0, end: this.sf.end + 1 };
    let cls: Span = scope;
    const visit = (n: TS.Node) => { nodes.push(n); };
    while (nodes.length) {
      const node = nodes.pop();
      if (node === undefined) {
        scope = scopes.pop()!;
        continue;
      }
      if (node === null) {
        cls = classes.pop()!;
        continue;
      }
      const kind = node.kind;
      if ((kind >= K.FirstTypeNode && kind <= K.LastTypeNode) || kind === K.InterfaceDeclaration || kind === K.TypeAliasDeclaration || kind === K.ImportDeclaration) continue;
      switch (kind) {
        case K.SourceFile: case K.Block: case K.ModuleBlock: case K.CaseBlock: case K.FunctionDeclaration: case K.FunctionExpression:
        case K.ArrowFunction: case K.MethodDeclaration: case K.Constructor: case K.GetAccessor: case K.SetAccessor: case K.ForStatement:
        case K.ForInStatement: case K.ForOfStatement: case K.CatchClause: case K.ClassStaticBlockDeclaration:
          scopes.push(scope);
          nodes.push(undefined);
          scope = { start: node.pos, end: node.end };
          break;
        case K.ClassDeclaration: case K.ClassExpression:
          classes.push(cls);
          nodes.push(null);
          cls = { start: node.pos, end: node.end };
          break;
        case K.VariableDeclarationList: {
          const list = node as TS.VariableDeclarationList;
          const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
          for (const d of list.declarations) this.declare(d.name, d.initializer, isConst, scope);
          break;
        }
        case K.Parameter:
          this.declare((node as TS.ParameterDeclaration).name, undefined, false, scope);
          break;
        case K.NewExpression:
          this.news.push(node as TS.NewExpression);
          break;
        case K.CallExpression: {
          const callee = (node as TS.CallExpression).expression;
          if (callee.kind === K.PropertyAccessExpression && METHODS.has((callee as TS.PropertyAccessExpression).name.text)) this.calls.push(node as TS.CallExpression);
          break;
        }
        case K.BinaryExpression: {
          const b = node as TS.BinaryExpression;
          if (b.operatorToken.kind !== K.EqualsToken) break;
          if (b.left.kind === K.PropertyAccessExpression && (b.left as TS.PropertyAccessExpression).expression.kind === K.ThisKeyword) {
            this.setThisProp((b.left as TS.PropertyAccessExpression).name.text, b.right, cls);
          } else if (b.left.kind === K.Identifier) {
            // The first assignment in the file stands for the variable (`let td; td = new …`).
            const prev = this.assigns.get((b.left as TS.Identifier).text);
            if (!prev || prev.pos > b.right.pos) this.assigns.set((b.left as TS.Identifier).text, b.right);
          }
          break;
        }
        case K.PropertyDeclaration: {
          const p = node as TS.PropertyDeclaration;
          const name = propName(ts, p.name);
          if (name && p.initializer) this.setThisProp(name, p.initializer, cls);
          break;
        }
      }
      ts.forEachChild(node, visit);
    }
    const bySource = (a: TS.Node, b: TS.Node) => a.pos - b.pos;
    this.news.sort(bySource);
    this.calls.sort(bySource);
  }

  /** `this.x = …` and class fields: the first one in the file stands for the property. */
  private setThisProp(name: string, init: TS.Expression, cls: Span): void {
    const list = this.thisProps.get(name);
    if (!list) {
      this.thisProps.set(name, [{ cls, init }]);
      return;
    }
    const prev = list.find(x => x.cls === cls);
    if (!prev) list.push({ cls, init });
    else if (prev.init.pos > init.pos) prev.init = init;
  }

  /** What `this.name` holds at `at`: the property of the innermost class around it. */
  private thisProp(name: string, at: number): TS.Expression | undefined {
    let best: { cls: Span; init: TS.Expression } | undefined;
    for (const x of this.thisProps.get(name) ?? []) {
      if (x.cls.start <= at && at < x.cls.end && (!best || x.cls.start > best.cls.start)) best = x;
    }
    return best?.init;
  }

  /** Records the names a declaration binds; destructured names shadow outer consts without a value. */
  private declare(name: TS.BindingName, init: TS.Expression | undefined, isConst: boolean, scope: Span): void {
    const K = this.K;
    const stack: TS.BindingName[] = [name];
    let first = true;
    while (stack.length) {
      const n = stack.pop()!;
      if (n.kind === K.Identifier) {
        const list = this.decls.get(n.text);
        const d: Decl = { init: first ? init : undefined, isConst: first && isConst, scope, pos: n.pos };
        if (list) list.push(d);
        else this.decls.set(n.text, [d]);
      } else {
        for (const el of (n as TS.ObjectBindingPattern | TS.ArrayBindingPattern).elements) {
          if (el.kind === K.BindingElement) stack.push(el.name);
        }
      }
      first = false;
    }
  }

  /** The declaration `name` refers to at `at`: the one in the innermost enclosing scope. */
  private lookup(name: string, at: number): Decl | undefined {
    const list = this.decls.get(name);
    if (!list) return undefined;
    let best: Decl | undefined;
    for (const d of list) {
      if (d.scope.start > at || at >= d.scope.end) continue;
      if (!best || d.scope.start > best.scope.start || (d.scope.start === best.scope.start && d.pos <= at)) best = d;
    }
    return best;
  }

  /** The initializer of the const an identifier names, if it is one. */
  private constInit(id: TS.Expression): TS.Expression | undefined {
    const e = unwrap(this.ts, id);
    if (e.kind !== this.K.Identifier) return undefined;
    const d = this.lookup((e as TS.Identifier).text, e.end - 1);
    return d?.isConst ? d.init : undefined;
  }

  // --- recognising constructs ---------------------------------------------------------------

  private resolve(expr: TS.Expression): Resolved | undefined {
    return resolveName(this.ts, this.imports, expr);
  }

  /** The construct an expression evaluates to, if the file shows it (memoized per node). */
  private entityOf(expr: TS.Expression | undefined, hops = 0): Entity | undefined {
    if (!expr || hops > MAX_HOPS) return undefined;
    const { K } = this;
    const e = unwrap(this.ts, expr);
    const known = this.entities.get(e);
    if (known !== undefined) return known ?? undefined;
    this.entities.set(e, null); // a cycle (a = b; b = a) ends here
    let ent: Entity | undefined;
    switch (e.kind) {
      case K.NewExpression: ent = this.construct(e as TS.NewExpression); break;
      case K.CallExpression: ent = this.callResult(e as TS.CallExpression, hops); break;
      case K.Identifier: {
        const name = (e as TS.Identifier).text;
        const d = this.lookup(name, e.end - 1);
        const init = d ? d.init ?? (d.isConst ? undefined : this.assigns.get(name)) : undefined;
        ent = this.entityOf(init, hops + 1);
        break;
      }
      case K.PropertyAccessExpression: {
        const pa = e as TS.PropertyAccessExpression;
        if (pa.expression.kind === K.ThisKeyword) {
          ent = this.entityOf(this.thisProp(pa.name.text, pa.pos), hops + 1);
          break;
        }
        const owner = this.entityOf(pa.expression, hops + 1);
        if (owner?.kind === 'pattern' && pa.name.text === 'taskDefinition') ent = owner.task ?? this.entityOf(this.propExpr(owner.props, 'taskDefinition'), hops + 1);
        else if (owner?.kind === 'task' && pa.name.text === 'taskRole') ent = { kind: 'taskRoleOf', task: owner };
        break;
      }
    }
    this.entities.set(e, ent ?? null);
    return ent;
  }

  /** A `new X(scope, id, props)` of a class the table knows. */
  private construct(n: TS.NewExpression): Entity | undefined {
    const r = this.resolve(n.expression);
    if (!r || 'ns' in r || r.member !== undefined) return undefined;
    const args = n.arguments ?? [];
    const id = args[1];
    const props = this.literal(args[2]);
    const cls = r.name;
    if (r.module === 'ecs') {
      if (has(TASK_DEFINITION_CLASSES, cls)) {
        const t: TaskEntity = { kind: 'task', node: n, cls, dialect: 'l2', id, props, containers: [], volumeCalls: [] };
        this.tasks.push(t);
        return t;
      }
      if (cls === 'ContainerDefinition') {
        if (!props) return undefined;
        const task = this.entityOf(this.propExpr(props, 'taskDefinition'));
        const owner = task?.kind === 'task' ? task : this.orphan();
        const c: ContainerEntity = { kind: 'container', node: n, task: owner, id, props, calls: [], dialect: 'container' };
        owner.containers.push(c);
        return c;
      }
      if (cls === 'LinuxParameters') return { kind: 'linux', node: n, props, calls: [] };
      if (Object.prototype.hasOwnProperty.call(SERVICE_CLASSES, cls)) {
        const s: ServiceEntity = { kind: 'service', node: n, cls, id, props, dialect: 'l2' };
        this.services.push(s);
        return s;
      }
      if (cls === 'Cluster') {
        const c: ClusterEntity = { kind: 'cluster', node: n, id, props, dialect: 'l2' };
        this.clusters.push(c);
        return c;
      }
      const l1 = has(L1_CLASSES, cls) ? L1_CLASSES[cls] : undefined;
      if (l1 === 'task') {
        const t: TaskEntity = { kind: 'task', node: n, cls, dialect: 'cfn', id, props, containers: [], volumeCalls: [] };
        this.tasks.push(t);
        return t;
      }
      if (l1 === 'service') {
        const s: ServiceEntity = { kind: 'service', node: n, cls, id, props, dialect: 'cfn' };
        this.services.push(s);
        return s;
      }
      if (l1 === 'cluster') {
        const c: ClusterEntity = { kind: 'cluster', node: n, id, props, dialect: 'cfn' };
        this.clusters.push(c);
        return c;
      }
      return undefined;
    }
    if (r.module === 'ecs-patterns' && has(PATTERN_CLASSES, cls)) {
      const p: PatternEntity = { kind: 'pattern', node: n, cls, id, props };
      this.patterns.push(p);
      this.patternTask(p);
      return p;
    }
    if (r.module === 'iam') {
      if (cls === 'Role') {
        const role: RoleEntity = { kind: 'role', node: n, label: this.idLabel(id) ?? 'Role', identity: `role@${n.pos}`, props, statements: [], tasks: [] };
        this.roles.push(role);
        return role;
      }
      // Statements and documents are not constructs: their props come first.
      if (cls === 'PolicyStatement') return { kind: 'statement', node: n, props: args[0], json: false, calls: [] };
      if (cls === 'PolicyDocument') return { kind: 'document', node: n, props: args[0], json: false };
      if (cls === 'Policy') {
        const p: PolicyEntity = { kind: 'policy', node: n, props, statements: [], roles: [] };
        this.policies.push(p);
        return p;
      }
    }
    return undefined;
  }

  /** What a call returns: the container of `addContainer`, a statement or document `fromJson`. */
  private callResult(call: TS.CallExpression, hops: number): Entity | undefined {
    const { K } = this;
    if (call.expression.kind !== K.PropertyAccessExpression) return undefined;
    const callee = call.expression as TS.PropertyAccessExpression;
    const method = callee.name.text;
    if (TASK_METHODS[method] === 'container') {
      const id = call.arguments[0];
      const props = this.literal(call.arguments[1]);
      const recv = this.entityOf(callee.expression, hops + 1);
      let task: TaskEntity;
      if (recv?.kind === 'task') task = recv;
      else if (!recv && props && this.hasEcsImage(props)) task = this.orphan();
      else return undefined;
      const c: ContainerEntity = { kind: 'container', node: call, task, id, props, calls: [], dialect: 'container' };
      task.containers.push(c);
      return c;
    }
    if (method === 'fromJson') {
      const r = this.resolve(callee.expression);
      if (r && !('ns' in r) && r.module === 'iam' && r.member === undefined) {
        if (r.name === 'PolicyStatement') return { kind: 'statement', node: call, props: call.arguments[0], json: true, calls: [] };
        if (r.name === 'PolicyDocument') return { kind: 'document', node: call, props: call.arguments[0], json: true };
      }
    }
    return undefined;
  }

  /** A container's props name an image made by `ContainerImage.x(…)`: proof enough that the call is ECS's addContainer. */
  private hasEcsImage(props: TS.ObjectLiteralExpression): boolean {
    const img = this.propExpr(props, 'image');
    if (!img) return false;
    const e = unwrap(this.ts, this.constInit(img) ?? img);
    if (e.kind !== this.K.CallExpression) return false;
    const r = this.resolve((e as TS.CallExpression).expression);
    return !!r && !('ns' in r) && r.module === 'ecs' && r.name === 'ContainerImage';
  }

  private orphan(): TaskEntity {
    if (!this.orphanTask) {
      this.orphanTask = { kind: 'task', cls: 'TaskDefinition', dialect: 'l2', containers: [], volumeCalls: [], orphan: true };
      this.tasks.push(this.orphanTask);
    }
    return this.orphanTask;
  }

  /** Attaches a followed method call to the construct it is called on. */
  private follow(call: TS.CallExpression): void {
    const callee = call.expression as TS.PropertyAccessExpression;
    const method = callee.name.text;
    const taskMethod = TASK_METHODS[method];
    if (taskMethod === 'container') {
      this.entityOf(call);
      return;
    }
    const recv = this.entityOf(callee.expression);
    if (!recv) return;
    if (taskMethod && recv.kind === 'task') {
      if (taskMethod === 'volume') recv.volumeCalls.push(call);
      else if (call.arguments[0]) this.taskRole(recv).statements.push(call.arguments[0]);
      return;
    }
    if (has(CONTAINER_METHODS, method) && recv.kind === 'container') recv.calls.push(call);
    else if (has(LINUX_PARAMETERS_METHODS, method) && recv.kind === 'linux') recv.calls.push(call);
    else if (has(POLICY_STATEMENT_METHODS, method) && recv.kind === 'statement') recv.calls.push(call);
    else if (ROLE_POLICY_METHODS.includes(method) && (recv.kind === 'role' || recv.kind === 'taskRoleOf')) {
      const role = recv.kind === 'role' ? recv : this.taskRole(recv.task);
      if (call.arguments[0]) role.statements.push(call.arguments[0]);
    } else if (ROLE_POLICY_ATTACH_METHODS.includes(method) && (recv.kind === 'role' || recv.kind === 'taskRoleOf')) {
      const policy = this.entityOf(call.arguments[0]);
      if (policy?.kind === 'policy') policy.roles.push(callee.expression);
    } else if (recv.kind === 'policy') {
      if (method === 'addStatements') recv.statements.push(...call.arguments);
      else if (method === 'attachToRole' && call.arguments[0]) recv.roles.push(call.arguments[0]);
    }
  }

  /** The role a task definition's containers run with: the one passed as taskRole, or the one CDK creates. */
  private taskRole(task: TaskEntity): RoleEntity {
    if (task.role) return task.role;
    let role = this.implicitRoles.get(task);
    if (!role) {
      role = { kind: 'role', label: 'TaskRole', identity: `taskRole@${task.node?.pos ?? -1}`, statements: [], tasks: [task] };
      this.implicitRoles.set(task, role);
      this.roles.push(role);
    }
    return role;
  }

  // --- values -------------------------------------------------------------------------------

  /** An object literal argument (a const's literal counts too, but is then read-only). */
  private literal(arg: TS.Expression | undefined): TS.ObjectLiteralExpression | undefined {
    if (!arg) return undefined;
    const e = unwrap(this.ts, arg);
    return e.kind === this.K.ObjectLiteralExpression ? e as TS.ObjectLiteralExpression : undefined;
  }

  /** The value expression of a property written in a literal (last one wins), spreads of consts included. */
  private propExpr(obj: TS.ObjectLiteralExpression | undefined, key: string): TS.Expression | undefined {
    if (!obj) return undefined;
    let found: TS.Expression | undefined;
    for (const prop of this.flatten(obj)) {
      if (this.keyOf(prop) !== key) continue;
      found = this.initOf(prop) ?? found;
    }
    return found;
  }

  /**
   * The properties of a literal with spreads of const literals expanded in place. Those that come
   * from elsewhere (a spread, a const) are recorded in {@link readOnlyProps}: they are not edited.
   * Most literals have no spread: their own property list is returned as it is.
   */
  private flatten(obj: TS.ObjectLiteralExpression, readOnly = false, hops = 0): readonly TS.ObjectLiteralElementLike[] {
    const K = this.K;
    if (!readOnly && !obj.properties.some(p => p.kind === K.SpreadAssignment)) return obj.properties;
    const out: TS.ObjectLiteralElementLike[] = [];
    for (const prop of obj.properties) {
      if (prop.kind === K.SpreadAssignment) {
        if (hops >= MAX_HOPS) continue;
        const lit = this.literal(this.constInit((prop as TS.SpreadAssignment).expression));
        if (lit) out.push(...this.flatten(lit, true, hops + 1));
        continue;
      }
      if (readOnly) this.readOnlyProps.add(prop);
      out.push(prop);
    }
    return out;
  }

  private keyOf(prop: TS.ObjectLiteralElementLike): string | undefined {
    const { K } = this;
    if (prop.kind === K.PropertyAssignment) {
      const name = (prop as TS.PropertyAssignment).name;
      if (name.kind === K.ComputedPropertyName) {
        const v = this.value(name.expression, undefined, 1, true);
        return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
      }
      return propName(this.ts, name);
    }
    if (prop.kind === K.ShorthandPropertyAssignment) return (prop as TS.ShorthandPropertyAssignment).name.text;
    return undefined;
  }

  /** The value of a property; undefined while it is being typed (`user:` and nothing yet), as if absent. */
  private initOf(prop: TS.ObjectLiteralElementLike): TS.Expression | undefined {
    const { K } = this;
    if (prop.kind === K.PropertyAssignment) {
      const init = (prop as TS.PropertyAssignment).initializer;
      return isMissing(init) ? undefined : init;
    }
    if (prop.kind === K.ShorthandPropertyAssignment) return (prop as TS.ShorthandPropertyAssignment).name;
    return undefined;
  }

  private span(node: TS.Node): Span {
    return spanOf(node, this.sf);
  }

  private unknown(node: TS.Node, hint: string): MValue {
    return { kind: 'unknown', span: this.span(node), hint };
  }

  /**
   * Converts an expression to a model value; undefined for `undefined` (absent). Object and array
   * literals are converted iteratively; a const is followed (at most {@link MAX_HOPS} times) and
   * its composite values are read-only, as an edit there would change every use.
   */
  value(expr: TS.Expression, place: Place | undefined, hops = 0, readOnly = false, dialect: Dialect = 'plain'): MValue | undefined {
    const e = unwrap(this.ts, expr);
    if (e.kind === this.K.ObjectLiteralExpression || e.kind === this.K.ArrayLiteralExpression) return this.composite(e as TS.ObjectLiteralExpression | TS.ArrayLiteralExpression, place, hops, readOnly, dialect);
    return this.leaf(e, place, hops, readOnly);
  }

  private composite(root: TS.ObjectLiteralExpression | TS.ArrayLiteralExpression, place: Place | undefined, hops: number, readOnly: boolean, dialect: Dialect): MValue {
    const { K } = this;
    const make = (n: TS.ObjectLiteralExpression | TS.ArrayLiteralExpression, at: Place | undefined, ro: boolean): MObject | MArray =>
      n.kind === K.ObjectLiteralExpression
        ? { kind: 'object', props: [], span: this.span(n), ref: ro ? undefined : R({ t: 'obj', node: n as TS.ObjectLiteralExpression, dialect, place: at }) }
        : { kind: 'array', items: [], span: this.span(n), ref: ro ? undefined : R({ t: 'arr', node: n as TS.ArrayLiteralExpression, place: at }) };
    const top = make(root, place, readOnly);
    const work: { src: TS.ObjectLiteralExpression | TS.ArrayLiteralExpression; dst: MObject | MArray; ro: boolean }[] = [{ src: root, dst: top, ro: readOnly }];
    const convert = (child: TS.Expression, at: Place, ro: boolean): MValue | undefined => {
      const c = unwrap(this.ts, child);
      if (c.kind === K.ObjectLiteralExpression || c.kind === K.ArrayLiteralExpression) {
        const dst = make(c as TS.ObjectLiteralExpression | TS.ArrayLiteralExpression, at, ro);
        work.push({ src: c as TS.ObjectLiteralExpression | TS.ArrayLiteralExpression, dst, ro });
        return dst;
      }
      return this.leaf(c, at, hops, ro);
    };
    while (work.length) {
      const { src, dst, ro } = work.pop()!;
      if (src.kind === K.ObjectLiteralExpression && dst.kind === 'object') {
        for (const prop of this.flatten(src as TS.ObjectLiteralExpression, ro, hops)) {
          const key = this.keyOf(prop);
          const init = this.initOf(prop);
          if (key === undefined || !init) continue;
          const v = convert(init, { obj: src as TS.ObjectLiteralExpression, prop }, ro || this.readOnlyProps.has(prop));
          if (v) dst.props.push({ key, keySpan: this.span((prop as TS.PropertyAssignment).name), span: this.span(prop), value: v });
        }
      } else if (src.kind === K.ArrayLiteralExpression && dst.kind === 'array') {
        for (const el of (src as TS.ArrayLiteralExpression).elements) {
          if (el.kind === K.OmittedExpression) continue;
          if (el.kind === K.SpreadElement) {
            const arr = this.constInit((el as TS.SpreadElement).expression);
            const lit = arr && unwrap(this.ts, arr);
            if (lit?.kind === K.ArrayLiteralExpression && hops < MAX_HOPS) {
              for (const it of (lit as TS.ArrayLiteralExpression).elements) {
                const v = this.value(it, undefined, hops + 1, true, dialect);
                if (v) dst.items.push(v);
              }
            } else dst.items.push(this.unknown(el, 'a spread list'));
            continue;
          }
          const v = convert(el, { arr: src as TS.ArrayLiteralExpression }, ro);
          if (v) dst.items.push(v);
        }
      }
    }
    return top;
  }

  /** Any value that is not an object or array literal. */
  private leaf(e: TS.Expression, place: Place | undefined, hops: number, readOnly: boolean): MValue | undefined {
    const { K } = this;
    const span = this.span(e);
    const ref = readOnly ? undefined : R({ t: 'val', node: e, place });
    switch (e.kind) {
      case K.StringLiteral: case K.NoSubstitutionTemplateLiteral:
        return { kind: 'scalar', value: (e as TS.StringLiteral).text, span, ref };
      case K.NumericLiteral:
        return { kind: 'scalar', value: Number((e as TS.NumericLiteral).text), span, ref };
      case K.TrueKeyword: return { kind: 'scalar', value: true, span, ref };
      case K.FalseKeyword: return { kind: 'scalar', value: false, span, ref };
      case K.NullKeyword: return { kind: 'scalar', value: null, span, ref };
      case K.PrefixUnaryExpression: {
        const p = e as TS.PrefixUnaryExpression;
        if (p.operator === K.MinusToken && p.operand.kind === K.NumericLiteral) return { kind: 'scalar', value: -Number((p.operand as TS.NumericLiteral).text), span, ref };
        return { kind: 'unknown', span, ref, hint: 'an expression' };
      }
      case K.TemplateExpression: return this.template(e as TS.TemplateExpression, span, ref, hops);
      case K.Identifier: {
        const name = (e as TS.Identifier).text;
        if (name === 'undefined') return undefined;
        const init = hops < MAX_HOPS ? this.constInit(e) : undefined;
        if (init) {
          const v = this.value(init, undefined, hops + 1, true);
          if (!v) return undefined;
          // A literal reached through a const is reported, and replaced, where it is used.
          if (v.kind === 'scalar') {
            // A const that holds an enum member is replaced by a member of the same enum.
            const r = this.resolve(unwrap(this.ts, init));
            const enumName = r && !('ns' in r) && r.member !== undefined && has(ENUMS, r.name) ? r.name : undefined;
            return { ...v, span, ref: ref && enumName ? R({ t: 'val', node: e, place, enumName }) : ref, origin: `the const ${name}` };
          }
          if (v.kind === 'unknown') return { ...v, span, ref, origin: `the const ${name}`, hint: name, identity: v.identity ?? name };
          return v;
        }
        const ent = this.entityOf(e);
        if (ent?.kind === 'role') return { kind: 'unknown', span, ref, hint: name, identity: ent.identity };
        return { kind: 'unknown', span, ref, hint: name, identity: name };
      }
      case K.PropertyAccessExpression: {
        const r = this.resolve(e);
        if (r && !('ns' in r) && r.member !== undefined) {
          const table = has(ENUMS, r.name) ? ENUMS[r.name] : undefined;
          if (table && has(table, r.member)) return { kind: 'scalar', value: table[r.member], span, ref };
        }
        const path = dottedName(this.ts, e) ?? 'an expression';
        const pa = e as TS.PropertyAccessExpression;
        const owner = pa.name.text === 'roleArn' ? this.entityOf(pa.expression) : undefined;
        return { kind: 'unknown', span, ref, hint: path, identity: owner?.kind === 'role' ? owner.identity : path };
      }
      case K.CallExpression: return this.callValue(e as TS.CallExpression, span, ref, hops);
      case K.NewExpression: {
        const n = e as TS.NewExpression;
        const r = this.resolve(n.expression);
        if (r && !('ns' in r) && r.module === 'ecs' && r.member === undefined && has(LOG_DRIVER_CLASSES, r.name)) {
          return this.logDriver(n, LOG_DRIVER_CLASSES[r.name], n.arguments?.[0], !!ref);
        }
        const ent = this.entityOf(n);
        if (ent?.kind === 'role') return { kind: 'unknown', span, ref, hint: describe(this.ts, n), identity: ent.identity };
        return { kind: 'unknown', span, ref, hint: describe(this.ts, n) };
      }
      default:
        return { kind: 'unknown', span, ref, hint: describe(this.ts, e) };
    }
  }

  private template(e: TS.TemplateExpression, span: Span, ref: NodeRef | undefined, hops: number): MValue {
    let out = e.head.text;
    let holes = false;
    for (const s of e.templateSpans) {
      const v = this.value(s.expression, undefined, hops + 1, true);
      if (v?.kind === 'scalar' && v.value !== null) out += String(v.value);
      else {
        out += HOLE;
        holes = true;
      }
      out += s.literal.text;
    }
    if (!holes) return { kind: 'scalar', value: out, span, ref };
    return { kind: 'unknown', span, ref, template: out, hint: 'a template string' };
  }

  /** Calls with a meaning: ContainerImage factories, log drivers, Duration; anything else is unknown. */
  private callValue(call: TS.CallExpression, span: Span, ref: NodeRef | undefined, hops: number): MValue {
    const r = this.resolve(call.expression);
    if (!r || 'ns' in r || r.member === undefined) return { kind: 'unknown', span, ref, hint: describe(this.ts, call) };
    if (r.module === 'ecs' && r.name === 'ContainerImage') return this.image(call, r.member, span, hops, !ref);
    if (r.module === 'ecs' && (r.name === 'LogDrivers' || r.name === 'LogDriver') && has(LOG_DRIVER_FACTORIES, r.member)) {
      return this.logDriver(call, LOG_DRIVER_FACTORIES[r.member], call.arguments[0], !!ref);
    }
    if ((r.module === 'root' || r.module === 'core') && r.name === SECRET_VALUE_CLASS && SECRET_VALUE_PLAIN_TEXT.includes(r.member) && call.arguments[0]) {
      // The secret is its argument, written into the template as it is: a literal there is in
      // plain text, reported where it is written (and edited as the whole call).
      const v = this.value(call.arguments[0], undefined, hops + 1, true);
      if (v?.kind === 'scalar') return { ...v, ref };
    }
    if ((r.module === 'root' || r.module === 'core') && r.name === 'Duration' && has(DURATION_SECONDS, r.member) && call.arguments[0]) {
      const n = this.value(call.arguments[0], undefined, hops + 1, true);
      if (n?.kind === 'scalar' && typeof n.value === 'number') return { kind: 'scalar', value: n.value * DURATION_SECONDS[r.member], span, ref, origin: describe(this.ts, call) };
    }
    return { kind: 'unknown', span, ref, hint: describe(this.ts, call) };
  }

  /**
   * `ContainerImage.fromRegistry('repo:tag')` is its argument; `fromEcrRepository(repo, tag)` an ECR
   * reference with that tag (latest when omitted); images built locally have no tag or registry.
   */
  private image(call: TS.CallExpression, factory: string, span: Span, hops: number, readOnly: boolean): MValue {
    const kind = has(IMAGE_FACTORIES, factory) ? IMAGE_FACTORIES[factory] : undefined;
    const [first, second] = call.arguments;
    if (kind === 'registry' && first) {
      return this.value(first, undefined, hops + 1, readOnly) ?? { kind: 'unknown', span, hint: 'an image' };
    }
    if (kind === 'ecr') {
      const ecr = `${HOLE}.dkr.ecr.${HOLE}.amazonaws.com/${HOLE}`;
      if (!second) return { kind: 'unknown', span, hint: 'an ECR repository without a tag', template: `${ecr}:latest` };
      const tag = this.value(second, undefined, hops + 1, true);
      const t = tag?.kind === 'scalar' && typeof tag.value === 'string' ? tag.value : HOLE;
      return { kind: 'unknown', span: this.span(second), ref: readOnly ? undefined : R({ t: 'val', node: unwrap(this.ts, second) }), hint: 'an ECR repository', template: `${ecr}${t.startsWith('sha256:') ? '@' : ':'}${t}` };
    }
    return { kind: 'unknown', span, hint: kind === 'asset' ? 'an image built from local files' : describe(this.ts, call) };
  }

  /**
   * A log driver: `{logDriver, options}` in ECS terms, its span the whole call. Where it is written
   * in place (`editable`, props given as a literal) its options can be edited there.
   */
  private logDriver(node: TS.CallExpression | TS.NewExpression, driver: string | undefined, propsArg: TS.Expression | undefined, editable: boolean): MValue {
    const span = this.span(node);
    const props = this.literal(propsArg);
    const opts = props ? this.composite(props, undefined, 0, !editable, 'plain') as MObject : undefined;
    const generic = driver === undefined;
    if (driver === undefined) {
      const named = opts ? getProp(opts, 'logDriver') : undefined;
      if (!named) return { kind: 'unknown', span, hint: describe(this.ts, node) };
      driver = str(named.value);
      if (driver === undefined) return { kind: 'unknown', span, hint: describe(this.ts, node) };
    }
    const optionsMap = LOG_DRIVERS_WITH_OPTIONS_MAP.includes(generic ? 'GenericLogDriver' : driver);
    const ref = editable && props ? R({ t: 'logDriver', node: props, driver, optionsMap }) : undefined;
    const obj: MObject = { kind: 'object', span, ref, props: [{ key: 'logDriver', keySpan: span, span, value: { kind: 'scalar', value: driver, span } }] };
    if (!opts) return obj;
    if (optionsMap) {
      // The options are a map of their own, already in Docker's names.
      const map = getProp(opts, LOG_DRIVER_OPTIONS_MAP);
      if (map) obj.props.push({ key: 'options', keySpan: map.keySpan, span: map.span, value: map.value });
      return obj;
    }
    // Each prop becomes the option its driver writes; a driver CDK does not know keeps the names as written.
    const names = driver === 'awslogs' ? AWS_LOGS_OPTIONS : has(LOG_DRIVER_OPTIONS, driver) ? { ...COMMON_LOG_DRIVER_OPTIONS, ...LOG_DRIVER_OPTIONS[driver] } : undefined;
    const options: MObject = { kind: 'object', span: opts.span, props: [] };
    for (const p of opts.props) {
      const key = !names ? p.key : has(names, p.key) ? names[p.key] : undefined;
      if (key) options.props.push({ ...p, key });
    }
    obj.props.push({ key: 'options', keySpan: opts.span, span: opts.span, value: options });
    return obj;
  }

  // --- building the model -------------------------------------------------------------------

  private build(): ModelDocument {
    const model = emptyModel();
    for (const t of this.tasks) this.linkRole(t);
    const built = new Map<TaskEntity, TaskDefinition>();
    for (const t of this.tasks) {
      const task = this.task(t);
      if (task) {
        built.set(t, task);
        model.tasks.push(task);
      }
    }
    for (const s of this.services) model.services.push(this.service(s));
    for (const p of this.patterns) model.services.push(this.patternService(p));
    for (const c of this.clusters) model.clusters.push(this.cluster(c));
    model.taskRoleStatements = this.statements(built);
    const roots = model.tasks.map(t => t.obj as MValue);
    // The stack supplies its account and region at synthesis (awsLogs() writes the stack's region):
    // a fix in CDK code leaves none of them to fill in.
    model.environment = new InferredEnvironment(roots, true);
    return model;
  }

  private idLabel(id: TS.Expression | undefined): string | undefined {
    if (!id) return undefined;
    const v = this.value(id, undefined, 0, true);
    if (v?.kind === 'scalar' && typeof v.value === 'string') return v.value;
    return dottedName(this.ts, unwrap(this.ts, id));
  }

  private prop(key: string, at: TS.Node | Span, value: MValue): MProp {
    const span = 'start' in at ? at : this.span(at);
    return { key, keySpan: span, span, value };
  }

  /** A value CDK supplies that the source does not state: placed on the construct, not editable. */
  private synthetic(value: string | number | string[], at: Span, origin: string): MValue {
    if (Array.isArray(value)) return { kind: 'array', span: at, origin, items: value.map(v => ({ kind: 'scalar', value: v, span: at, origin })) };
    return { kind: 'scalar', value, span: at, origin };
  }

  private linkRole(t: TaskEntity): void {
    let roleExpr: TS.Expression | undefined;
    if (t.dialect === 'l2') roleExpr = this.propExpr(t.props, 'taskRole');
    else if (t.dialect === 'cfn') {
      const arn = this.propExpr(t.props, 'taskRoleArn');
      const e = arn && unwrap(this.ts, arn);
      if (e?.kind === this.K.PropertyAccessExpression && (e as TS.PropertyAccessExpression).name.text === 'roleArn') roleExpr = (e as TS.PropertyAccessExpression).expression;
    } else if (t.pattern) {
      const opt = PATTERN_IMAGE_OPTIONS[t.pattern.cls];
      const options = opt.options ? this.literal(this.propExpr(t.pattern.props, opt.options)) : t.pattern.props;
      roleExpr = this.propExpr(options, 'taskRole');
    }
    const role = this.entityOf(roleExpr);
    if (role?.kind !== 'role') return;
    const implicit = this.implicitRoles.get(t);
    if (implicit) {
      // Statements added with addToTaskRolePolicy before the role was known go to the real role.
      role.statements.push(...implicit.statements);
      implicit.statements = [];
    }
    t.role = role;
    role.tasks.push(t);
  }

  private task(t: TaskEntity): TaskDefinition | undefined {
    if (t.dialect === 'cfn') return this.cfnTask(t);
    if (t.orphan) {
      const containers = t.containers.map(c => this.container(c));
      const span = containers[0]?.span ?? { start: 0, end: 0 };
      const obj: MObject = { kind: 'object', span, props: [this.prop('containerDefinitions', span, { kind: 'array', span, items: containers })] };
      return buildTask(obj, { label: 'container definitions', anchor: span, supports: key => key === 'containerDefinitions' });
    }
    if (t.dialect === 'pattern') return this.patternTaskModel(t);
    return this.l2Task(t);
  }

  /** L1: the props are CloudFormation's, in camelCase, which are the ECS API's names; no CDK defaults apply. */
  private cfnTask(t: TaskEntity): TaskDefinition {
    const node = t.node!;
    const obj: MObject = t.props
      ? this.composite(t.props, undefined, 0, false, 'cfn') as MObject
      : { kind: 'object', props: [], span: this.span(node), ref: R({ t: 'noProps', call: node, argIndex: 2, dialect: 'cfn' }) };
    return buildTask(obj, { label: str(getProp(obj, 'family')?.value) ?? this.idLabel(t.id) ?? t.cls, anchor: this.span(t.id ?? node) });
  }

  private l2Task(t: TaskEntity): TaskDefinition {
    const node = t.node!;
    const anchor = this.span(t.id ?? node);
    const obj: MObject = t.props
      ? { kind: 'object', props: [], span: this.span(t.props), ref: R({ t: 'obj', node: t.props, dialect: 'task' }) }
      : { kind: 'object', props: [], span: this.span(node), ref: R({ t: 'noProps', call: node, argIndex: 2, dialect: 'task' }) };
    const cls = TASK_DEFINITION_CLASSES[t.cls];
    let compat = cls.compatibilities;
    if (t.props) {
      for (const prop of this.flatten(t.props)) {
        const key = this.keyOf(prop);
        const init = this.initOf(prop);
        if (!key || !init || !has(TASK_PROPS, key)) continue;
        let v = this.value(init, { obj: t.props, prop }, 0, this.readOnlyProps.has(prop));
        if (!v) continue;
        if (key === 'compatibility') {
          // ECS lists the launch types; CDK's enum joins two of them in one member.
          const s = str(v);
          if (s !== undefined) {
            compat = s.split(',');
            v = { kind: 'array', span: v.span, items: compat.map(c => ({ kind: 'scalar', value: c, span: v!.span })) };
          }
        }
        if (key === 'taskRole' || key === 'executionRole') v = this.roleValue(init, v);
        obj.props.push({ key: TASK_PROPS[key], keySpan: this.span((prop as TS.PropertyAssignment).name), span: this.span(prop), value: v });
      }
    }
    const classAt = this.span(node.expression);
    if (cls.compatibilities && !getProp(obj, 'requiresCompatibilities')) obj.props.push(this.prop('requiresCompatibilities', classAt, this.synthetic(cls.compatibilities, classAt, `${t.cls}`)));
    const fargate = !!compat?.includes('FARGATE');
    // FargateTaskDefinition has a default size; a plain TaskDefinition for Fargate must state one.
    if (cls.compatibilities?.includes('FARGATE')) {
      if (!getProp(obj, 'memory')) obj.props.push(this.prop('memory', classAt, this.synthetic(FARGATE_DEFAULTS.memory, classAt, 'the CDK default for Fargate')));
      if (!getProp(obj, 'cpu')) obj.props.push(this.prop('cpu', classAt, this.synthetic(FARGATE_DEFAULTS.cpu, classAt, 'the CDK default for Fargate')));
    }
    this.addVolumes(obj, t);
    obj.props.push(this.containerList(t, obj.span));
    const networkMode = cls.networkMode ?? (fargate ? 'awsvpc' : 'bridge');
    return buildTask(obj, { label: str(getProp(obj, 'family')?.value) ?? this.idLabel(t.id) ?? t.cls, anchor, defaults: { networkMode } });
  }

  /** A role passed as a construct: an unknown ARN whose identity is the role, so two uses compare equal. */
  private roleValue(init: TS.Expression, v: MValue): MValue {
    const ent = this.entityOf(init);
    if (ent?.kind === 'role' && v.kind === 'unknown') return { ...v, identity: ent.identity };
    return v;
  }

  private addVolumes(obj: MObject, t: TaskEntity): void {
    if (!t.volumeCalls.length) return;
    let list = getProp(obj, 'volumes')?.value;
    if (list?.kind !== 'array') {
      const span = this.span(t.volumeCalls[0]);
      list = { kind: 'array', span, items: [] };
      obj.props.push(this.prop('volumes', span, list));
    }
    for (const call of t.volumeCalls) {
      const arg = call.arguments[0];
      const v = arg && this.value(arg, undefined, 0, false, 'plain');
      if (v) list.items.push(v);
    }
  }

  private containerList(t: TaskEntity, span: Span): MProp {
    const items = [...t.containers].sort((a, b) => a.node.pos - b.node.pos).map(c => this.container(c));
    return this.prop('containerDefinitions', span, { kind: 'array', span, items });
  }

  /** A container (addContainer, ContainerDefinition, a pattern's image options) in ECS terms. */
  private container(c: ContainerEntity): MObject {
    const table = c.dialect === 'imageOptions' ? TASK_IMAGE_PROPS : CONTAINER_PROPS;
    const obj: MObject = c.props && !c.readOnly
      ? { kind: 'object', props: [], span: this.span(c.props), ref: R({ t: 'obj', node: c.props, dialect: c.dialect, container: c }) }
      : { kind: 'object', props: [], span: this.span(c.props ?? c.node) };
    const nameAt = c.anchor ?? c.id;
    if (nameAt) {
      const given = c.id ? this.value(c.id, undefined, 0, true) : undefined;
      const name: MValue = given ? { ...given, ref: undefined } : { kind: 'scalar', value: c.defaultName ?? 'web', span: this.span(nameAt), origin: 'the name CDK gives the container' };
      if (c.anchor) name.span = this.span(c.anchor);
      obj.props.push(this.prop('name', name.span, name));
    }
    if (c.props) {
      for (const prop of this.flatten(c.props, !!c.readOnly)) {
        const readOnly = this.readOnlyProps.has(prop);
        const key = this.keyOf(prop);
        const init = this.initOf(prop);
        if (!key || !init) continue;
        const mapping = has(table, key) ? table[key] : undefined;
        if (!mapping || mapping.key === 'taskRoleArn' || mapping.key === 'executionRoleArn' || mapping.key === 'family') continue;
        const place: Place = { obj: c.props, prop };
        let v: MValue | undefined;
        if (mapping.map === 'nameValue') v = this.nameValueMap(init, mapping.key === 'secrets' ? 'valueFrom' : 'value', readOnly);
        else if (mapping.key === 'linuxParameters') v = this.linux(c, init);
        else v = this.value(init, place, 0, readOnly);
        if (v) obj.props.push({ key: mapping.key, keySpan: this.span((prop as TS.PropertyAssignment).name), span: this.span(prop), value: v });
      }
    }
    // EC2 patterns size the container (Fargate ones the task: patternTaskModel).
    const pattern = c.dialect === 'imageOptions' ? c.task.pattern : undefined;
    if (pattern && !PATTERN_CLASSES[pattern.cls].compatibilities.includes('FARGATE')) this.sizes(obj, pattern, 'container');
    if (pattern && !getProp(obj, 'logConfiguration')) {
      const logging = this.patternLogging(c, this.span(c.anchor ?? c.node));
      if (logging) obj.props.push(this.prop('logConfiguration', logging.span, logging));
    }
    for (const call of c.calls) this.containerCall(obj, call);
    return obj;
  }

  /** `{ KEY: value }` → ECS's `[{name: 'KEY', value}]` (or valueFrom, for secrets). */
  private nameValueMap(init: TS.Expression, valueKey: string, readOnly: boolean): MValue | undefined {
    const e = unwrap(this.ts, init);
    let lit = e.kind === this.K.ObjectLiteralExpression ? e as TS.ObjectLiteralExpression : undefined;
    let ro = readOnly;
    if (!lit) {
      lit = this.literal(this.constInit(e));
      ro = true;
    }
    if (!lit) return this.leaf(e, undefined, 0, true);
    const arr: MArray = { kind: 'array', span: this.span(e), items: [] };
    const obj = lit;
    for (const prop of this.flatten(lit, ro)) {
      const name = this.keyOf(prop);
      const valueExpr = this.initOf(prop);
      if (name === undefined || !valueExpr) continue;
      const entryRo = ro || this.readOnlyProps.has(prop);
      const nameNode = (prop as TS.PropertyAssignment).name;
      const value = this.value(valueExpr, { obj, prop }, 0, entryRo);
      const entry: MObject = {
        kind: 'object', span: this.span(prop), ref: entryRo ? undefined : R({ t: 'mapEntry', prop, map: obj }),
        props: [this.prop('name', nameNode, { kind: 'scalar', value: name, span: this.span(nameNode) })],
      };
      if (value) entry.props.push({ key: valueKey, keySpan: this.span(nameNode), span: this.span(prop), value });
      arr.items.push(entry);
    }
    return arr;
  }

  private containerCall(obj: MObject, call: TS.CallExpression): void {
    const method = (call.expression as TS.PropertyAccessExpression).name.text;
    const spec = CONTAINER_METHODS[method];
    const list = (kind: 'array' | 'object'): MArray | MObject => {
      const existing = getProp(obj, spec.key)?.value;
      if (existing?.kind === kind) return existing;
      const span = this.span(call);
      const made: MArray | MObject = kind === 'array' ? { kind, span, items: [] } : { kind, span, props: [] };
      obj.props.push(this.prop(spec.key, span, made));
      return made;
    };
    const args = call.arguments;
    if (spec.args === 'nameValue') {
      if (args.length < 2) return;
      const name = this.value(args[0], undefined, 0, true);
      const value = this.value(args[1], undefined, 0, true);
      if (!name || !value) return;
      const span = this.span(call);
      const entry: MObject = { kind: 'object', span, ref: R({ t: 'callEntry', call }), props: [this.prop('name', args[0], name)] };
      entry.props.push(this.prop(spec.key === 'secrets' ? 'valueFrom' : 'value', args[1], value));
      (list('array') as MArray).items.push(entry);
    } else if (spec.args === 'label') {
      if (args.length < 2) return;
      const key = this.value(args[0], undefined, 0, true);
      const value = this.value(args[1], undefined, 0, true);
      if (key?.kind !== 'scalar' || typeof key.value !== 'string' || !value) return;
      (list('object') as MObject).props.push({ key: key.value, keySpan: key.span, span: this.span(call), value });
    } else {
      const arr = list('array') as MArray;
      for (const a of args) {
        const v = this.value(a, undefined, 0, false, 'plain');
        if (v) arr.items.push(v);
      }
    }
  }

  /** `linuxParameters: lp` with `lp.addCapabilities(…)`/`dropCapabilities(…)` followed in the file. */
  private linux(c: ContainerEntity, init: TS.Expression): MValue | undefined {
    const ent = this.entityOf(init);
    if (ent?.kind !== 'linux') return this.value(init, undefined, 0, true);
    c.linux = ent;
    const span = this.span(ent.node);
    const obj: MObject = { kind: 'object', span, props: [] };
    if (ent.props) {
      for (const prop of this.flatten(ent.props, true)) {
        const key = this.keyOf(prop);
        const v = this.initOf(prop);
        if (!key || !v || !(has(LINUX_PARAMETERS_PROPS, key))) continue;
        const value = this.value(v, undefined, 0, true);
        if (value) obj.props.push({ key: LINUX_PARAMETERS_PROPS[key], keySpan: this.span(prop), span: this.span(prop), value });
      }
    }
    for (const call of ent.calls) {
      const path = LINUX_PARAMETERS_METHODS[(call.expression as TS.PropertyAccessExpression).name.text];
      let holder = obj;
      for (let i = 0; i < path.length - 1; i++) {
        let next = getProp(holder, path[i])?.value;
        if (next?.kind !== 'object') {
          next = { kind: 'object', span, props: [] };
          holder.props.push(this.prop(path[i], span, next));
        }
        holder = next;
      }
      const last = path[path.length - 1];
      let arr = getProp(holder, last)?.value;
      if (arr?.kind !== 'array') {
        arr = { kind: 'array', span: this.span(call), items: [] };
        holder.props.push(this.prop(last, this.span(call), arr));
      }
      call.arguments.forEach((a, index) => {
        if (a.kind === this.K.SpreadElement) {
          (arr as MArray).items.push(this.unknown(a, 'a spread list'));
          return;
        }
        const v = this.value(a, undefined, 0, true);
        if (v) (arr as MArray).items.push({ ...v, ref: R({ t: 'arg', call, index }) });
      });
    }
    return obj;
  }

  // --- ecs-patterns -------------------------------------------------------------------------

  /** The task a pattern builds from its image options (none when it is given a task definition). */
  private patternTask(p: PatternEntity): void {
    const opt = PATTERN_IMAGE_OPTIONS[p.cls];
    if (!opt) return;
    let options: TS.ObjectLiteralExpression | undefined;
    let readOnly = false;
    let anchor: TS.Node | undefined;
    if (opt.options) {
      const found = (p.props ? this.flatten(p.props) : []).filter(x => this.keyOf(x) === opt.options).pop();
      const init = found && this.initOf(found);
      if (!found || !init) return;
      options = this.literal(init);
      if (!options) {
        options = this.literal(this.constInit(init));
        readOnly = true;
      }
      anchor = (found as TS.PropertyAssignment).name;
      readOnly = readOnly || this.readOnlyProps.has(found);
    } else {
      options = p.props;
      anchor = p.id ?? p.node;
      if (!options || this.propExpr(options, 'image') === undefined) return;
    }
    if (!options) return;
    const t: TaskEntity = { kind: 'task', node: p.node, cls: p.cls, dialect: 'pattern', id: p.id, containers: [], volumeCalls: [], pattern: p };
    const c: ContainerEntity = { kind: 'container', node: options, task: t, props: options, readOnly, calls: [], dialect: 'imageOptions', anchor, defaultName: opt.containerName };
    const named = this.propExpr(options, 'containerName');
    if (named) c.id = named;
    t.containers.push(c);
    p.task = t;
    this.tasks.push(t);
  }

  private patternTaskModel(t: TaskEntity): TaskDefinition {
    const p = t.pattern!;
    const info = PATTERN_CLASSES[p.cls];
    const span = this.span(p.id ?? p.node);
    const options = t.containers.find(c => c.dialect === 'imageOptions')!.props!;
    const obj: MObject = { kind: 'object', span: this.span(p.node), props: [] };
    const classAt = this.span(p.node.expression);
    obj.props.push(this.prop('requiresCompatibilities', classAt, this.synthetic(info.compatibilities, classAt, p.cls)));
    for (const key of ['taskRole', 'executionRole', 'family']) {
      const init = this.propExpr(options, key);
      const v = init && this.value(init, undefined, 0, true);
      if (v) obj.props.push(this.prop(TASK_IMAGE_PROPS[key].key, v.span, key === 'family' ? v : this.roleValue(init, v)));
    }
    const fargate = info.compatibilities.includes('FARGATE');
    if (fargate) {
      this.sizes(obj, p, 'task');
      if (!getProp(obj, 'memory')) obj.props.push(this.prop('memory', classAt, this.synthetic(FARGATE_DEFAULTS.memory, classAt, 'the CDK default for Fargate')));
      if (!getProp(obj, 'cpu')) obj.props.push(this.prop('cpu', classAt, this.synthetic(FARGATE_DEFAULTS.cpu, classAt, 'the CDK default for Fargate')));
    }
    obj.props.push(this.containerList(t, obj.span));
    return buildTask(obj, { label: str(getProp(obj, 'family')?.value) ?? this.idLabel(p.id) ?? p.cls, anchor: span, defaults: { networkMode: info.networkMode } });
  }

  /**
   * The log configuration a pattern gives its own container when its image options name no
   * logDriver: awslogs with the pattern's id as stream prefix, unless `enableLogging` is false
   * (unknown when it is not a literal). Only that container: others added to the pattern's task
   * definition log nowhere unless they say so.
   */
  private patternLogging(c: ContainerEntity, at: Span): MValue | undefined {
    const p = c.task.pattern!;
    const enable = this.propExpr(c.props, PATTERN_ENABLE_LOGGING);
    const enabled = enable ? this.value(enable, undefined, 0, true) : undefined;
    if (enabled?.kind === 'scalar' && enabled.value === false) return undefined;
    if (enabled && !(enabled.kind === 'scalar' && enabled.value === true)) return { kind: 'unknown', span: enabled.span, hint: PATTERN_ENABLE_LOGGING };
    const origin = `the logging ${p.cls} enables by default`;
    const logConfiguration: MObject = { kind: 'object', span: at, origin, props: [this.prop('logDriver', at, this.synthetic(PATTERN_DEFAULT_LOG_DRIVER.logDriver, at, origin))] };
    const prefix = this.idLabel(p.id);
    if (prefix !== undefined) {
      const options: MObject = { kind: 'object', span: at, props: [this.prop(PATTERN_DEFAULT_LOG_DRIVER.streamPrefixOption, at, this.synthetic(prefix, at, origin))] };
      logConfiguration.props.push(this.prop('options', at, options));
    }
    return logConfiguration;
  }

  /** memoryLimitMiB/cpu of a pattern, written on the pattern or in its image options (Scheduled*). */
  private sizes(obj: MObject, p: PatternEntity, target: 'task' | 'container'): void {
    const opt = PATTERN_IMAGE_OPTIONS[p.cls];
    const options = opt.options ? this.literal(this.propExpr(p.props, opt.options)) : undefined;
    for (const holder of [p.props, options]) {
      for (const prop of holder ? this.flatten(holder) : []) {
        const key = this.keyOf(prop);
        const init = this.initOf(prop);
        if (!key || !init || !has(PATTERN_SIZE_PROPS, key)) continue;
        if (target === 'task' && key === 'memoryReservationMiB') continue;
        const v = this.value(init, undefined, 0, true);
        if (v) obj.props.push({ key: PATTERN_SIZE_PROPS[key][target], keySpan: this.span(prop), span: this.span(prop), value: v });
      }
    }
  }

  private patternService(p: PatternEntity) {
    return this.serviceModel(p.node, p.id, p.props);
  }

  // --- services, clusters, statements -------------------------------------------------------

  private service(s: ServiceEntity) {
    if (s.dialect === 'cfn') {
      const obj = s.props ? this.composite(s.props, undefined, 0, false, 'cfn') as MObject : { kind: 'object' as const, span: this.span(s.node), props: [] };
      return { obj, label: this.idLabel(s.id) ?? s.cls, anchor: this.span(s.id ?? s.node) };
    }
    return this.serviceModel(s.node, s.id, s.props);
  }

  /** An L2 or pattern service: CDK's boolean assignPublicIp becomes ECS's ENABLED/DISABLED. */
  private serviceModel(node: TS.NewExpression, id: TS.Expression | undefined, props: TS.ObjectLiteralExpression | undefined) {
    const anchor = this.span(id ?? node);
    const obj: MObject = { kind: 'object', span: this.span(props ?? node), props: [] };
    const found = props ? this.flatten(props).filter(x => this.keyOf(x) === 'assignPublicIp').pop() : undefined;
    const init = found && this.initOf(found);
    if (props && found && init) {
      let v = this.value(init, { obj: props, prop: found }, 0, this.readOnlyProps.has(found));
      if (v?.kind === 'scalar' && typeof v.value === 'boolean') {
        const encoding: Encoding = { booleans: { [ASSIGN_PUBLIC_IP.true]: true, [ASSIGN_PUBLIC_IP.false]: false } };
        v = { ...v, value: v.value ? ASSIGN_PUBLIC_IP.true : ASSIGN_PUBLIC_IP.false, ref: withEncoding(v.ref, encoding) };
      }
      if (v) {
        const [a, b, c] = ASSIGN_PUBLIC_IP.path;
        const inner: MObject = { kind: 'object', span: v.span, props: [{ key: c, keySpan: this.span((found as TS.PropertyAssignment).name), span: this.span(found), value: v }] };
        const mid: MObject = { kind: 'object', span: v.span, props: [this.prop(b, v.span, inner)] };
        obj.props.push(this.prop(a, v.span, mid));
      }
    }
    return { obj, label: this.idLabel(id) ?? 'service', anchor };
  }

  /** A cluster: containerInsights / containerInsightsV2 become the containerInsights cluster setting. */
  private cluster(c: ClusterEntity) {
    const label = this.idLabel(c.id) ?? 'cluster';
    const anchor = this.span(c.id ?? c.node);
    if (c.dialect === 'cfn') {
      const obj = c.props ? this.composite(c.props, undefined, 0, false, 'cfn') as MObject : { kind: 'object' as const, span: this.span(c.node), props: [] };
      return { obj, label, anchor };
    }
    const obj: MObject = { kind: 'object', span: this.span(c.props ?? c.node), props: [] };
    let setting: { prop: TS.ObjectLiteralElementLike; value: MValue } | undefined;
    for (const prop of c.props ? this.flatten(c.props) : []) {
      const key = this.keyOf(prop);
      const init = this.initOf(prop);
      if (!c.props || !key || !init || !has(CLUSTER_INSIGHTS_PROPS, key)) continue;
      let v = this.value(init, { obj: c.props, prop }, 0, this.readOnlyProps.has(prop));
      if (!v) continue;
      const spec = CLUSTER_INSIGHTS_PROPS[key];
      if (spec.boolean && v.kind === 'scalar' && typeof v.value === 'boolean') {
        const encoding: Encoding = { booleans: { [spec.boolean.true]: true, [spec.boolean.false]: false, enhanced: true } };
        v = { ...v, value: v.value ? spec.boolean.true : spec.boolean.false, ref: withEncoding(v.ref, encoding) };
      }
      // containerInsightsV2 supersedes containerInsights when both are given.
      if (!setting || key === 'containerInsightsV2') setting = { prop, value: v };
    }
    if (setting) {
      const keySpan = this.span((setting.prop as TS.PropertyAssignment).name);
      const entry: MObject = {
        kind: 'object', span: this.span(setting.prop),
        props: [this.prop('name', keySpan, { kind: 'scalar', value: 'containerInsights', span: keySpan }), { key: 'value', keySpan, span: this.span(setting.prop), value: setting.value }],
      };
      obj.props.push(this.prop('clusterSettings', this.span(setting.prop), { kind: 'array', span: this.span(setting.prop), items: [entry] }));
    }
    return { obj, label, anchor };
  }

  /** Statements granted to the task roles of the file's task definitions. */
  private statements(built: Map<TaskEntity, TaskDefinition>): PolicyStatement[] {
    for (const p of this.policies) {
      const props = p.props;
      p.roles.push(...this.arrayItems(this.propExpr(props, 'roles')));
      p.statements.push(...this.arrayItems(this.propExpr(props, 'statements')));
      const doc = this.propExpr(props, 'document');
      for (const r of p.roles) {
        const role = this.roleOf(r);
        if (!role) continue;
        role.statements.push(...p.statements);
        if (doc) role.statements.push(doc);
      }
    }
    const out: PolicyStatement[] = [];
    for (const role of this.roles) {
      const tasks = role.tasks.filter(t => built.has(t));
      if (!tasks.length) continue;
      const sources = [...role.statements];
      const inline = this.literal(this.propExpr(role.props, 'inlinePolicies'));
      for (const prop of inline ? this.flatten(inline) : []) {
        const init = this.initOf(prop);
        if (init) sources.push(init);
      }
      const seen = new Set<string>();
      for (const s of sources) {
        for (const obj of this.statementObjects(s)) {
          if (seen.has(obj.key)) continue;
          seen.add(obj.key);
          out.push({ obj: obj.model, roleLabel: role.label, tasks: tasks.map(t => built.get(t)!.label) });
        }
      }
    }
    return out;
  }

  private roleOf(expr: TS.Expression): RoleEntity | undefined {
    const ent = this.entityOf(expr);
    if (ent?.kind === 'role') return ent;
    if (ent?.kind === 'taskRoleOf') return this.taskRole(ent.task);
    return undefined;
  }

  /** The statements an expression stands for: a PolicyStatement, or every statement of a PolicyDocument. */
  private statementObjects(expr: TS.Expression): { key: string; model: MObject }[] {
    const ent = this.entityOf(expr);
    if (ent?.kind === 'statement') {
      const m = this.statement(ent);
      return m ? [{ key: `s${ent.node.pos}`, model: m }] : [];
    }
    if (ent?.kind !== 'document') return [];
    if (ent.json) {
      const v = ent.props && this.value(ent.props, undefined, 0, true);
      const list = v?.kind === 'object' ? getProp(v, 'Statement')?.value : undefined;
      const stmts = list?.kind === 'array' ? list.items : list ? [list] : [];
      return stmts.flatMap((st, i) => st.kind === 'object' ? [{ key: `d${ent.node.pos}:${i}`, model: jsonStatement(st) }] : []);
    }
    return this.arrayItems(this.propExpr(this.literal(ent.props), 'statements')).flatMap(st => this.statementObjects(st));
  }

  /** The elements of an array literal, or of the array literal a const holds. */
  private arrayItems(expr: TS.Expression | undefined): TS.Expression[] {
    if (!expr) return [];
    let e: TS.Expression | undefined = unwrap(this.ts, expr);
    if (e.kind !== this.K.ArrayLiteralExpression) {
      const init = this.constInit(e);
      e = init && unwrap(this.ts, init);
    }
    if (e?.kind !== this.K.ArrayLiteralExpression) return [];
    return (e as TS.ArrayLiteralExpression).elements.filter(x => x.kind !== this.K.SpreadElement && x.kind !== this.K.OmittedExpression);
  }

  private statement(s: StatementEntity): MObject | undefined {
    if (s.json) {
      const v = s.props && this.value(s.props, undefined, 0, true);
      return v?.kind === 'object' ? jsonStatement(v) : undefined;
    }
    const lit = this.literal(s.props);
    const obj: MObject = { kind: 'object', span: this.span(lit ?? s.node), props: [] };
    for (const prop of lit ? this.flatten(lit) : []) {
      const key = this.keyOf(prop);
      const init = this.initOf(prop);
      if (!lit || !key || !init || !has(POLICY_STATEMENT_PROPS, key)) continue;
      const v = this.value(init, { obj: lit, prop }, 0, this.readOnlyProps.has(prop));
      if (v) obj.props.push({ key: POLICY_STATEMENT_PROPS[key], keySpan: this.span((prop as TS.PropertyAssignment).name), span: this.span(prop), value: v });
    }
    for (const call of s.calls) {
      const method = (call.expression as TS.PropertyAccessExpression).name.text;
      const key = POLICY_STATEMENT_METHODS[method];
      let arr = getProp(obj, key)?.value;
      if (arr?.kind !== 'array') {
        const prev = arr;
        arr = { kind: 'array', span: this.span(call), items: prev ? [prev] : [] };
        obj.props.push(this.prop(key, this.span(call), arr));
      }
      if (method === 'addAllResources') arr.items.push({ kind: 'scalar', value: '*', span: this.span(call), origin: 'addAllResources()' });
      for (const a of call.arguments) {
        const v = this.value(a, undefined, 0, true);
        if (v) arr.items.push(v);
      }
    }
    return obj;
  }
}

/** IAM policy JSON (`PolicyStatement.fromJson`, `PolicyDocument.fromJson`) → the model's statement keys. */
const IAM_JSON_KEYS: Record<string, string> = { Effect: 'effect', Action: 'action', NotAction: 'notAction', Resource: 'resource', NotResource: 'notResource' };

function jsonStatement(s: MObject): MObject {
  return { ...s, props: s.props.filter(p => has(IAM_JSON_KEYS, p.key)).map(p => ({ ...p, key: IAM_JSON_KEYS[p.key] })) };
}
