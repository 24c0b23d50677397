import { Defaults, ModelDocument, emptyModel } from '../../model/document';
import { HOLE, MArray, MObject, MProp, MScalar, MUnknown, MValue, NodeRef, Span, get } from '../../model/values';
import { InferredEnvironment, buildTask } from '../taskModel';
import {
  ASSIGN_PUBLIC_IP, AWS_LOGS_OPTIONS, GENERIC_LOG_DRIVER_PROP, LOG_DRIVER_OPTIONS, LOG_DRIVER_OPTIONS_MAP, LOG_DRIVER_SECRET_PROPS, SECRET_VALUE_CLASS, SECRET_VALUE_PLAIN_TEXT, COMMON_LOG_DRIVER_OPTIONS, CDK_PYTHON_IAM_MODULES, CDK_PYTHON_MODULES, CLUSTER_CLASSES, CLUSTER_INSIGHTS_PROPS,
  CONTAINER_CLASSES, CONTAINER_LIST_METHODS, CONTAINER_METHODS, CONTAINER_PROPS, ECR_DEFAULT_TAG, ENUMS, FARGATE_DEFAULTS, IMAGE_FACTORIES, IMAGE_HOLDERS, L1_CLASSES,
  L1_KEY_RENAMES, LINUX_PARAMETERS_CLASS, LINUX_PARAMETERS_METHODS, LINUX_PARAMETERS_PROPS, LOG_DRIVER_CLASSES,
  LOG_DRIVER_FACTORIES, LOG_DRIVER_HOLDERS, MAP_VALUED_KEYS, PATTERN_CLASSES, PATTERN_ENABLE_LOGGING, PATTERN_IMAGE_OPTIONS,
  PATTERN_TASK_DEFINITION, PATTERN_TASK_PROPS, POLICY_ADD_ALL_RESOURCES, POLICY_STATEMENT_CLASS, POLICY_STATEMENT_METHODS,
  POLICY_STATEMENT_PROPS, ROLE_CLASS, ROLE_INLINE_POLICIES, ROLE_POLICY_METHODS, SERVICE_CLASSES, TASK_DEFINITION_CLASSES,
  TASK_IMAGE_PROPS, TASK_METHODS, TASK_PROPS, TASK_ROLE_ATTRIBUTE, snakeCase,
} from './constructs';
import type { Codec, KeyContext, PyItem, PyProps, PyRef, PySeq } from './pyRef';
import { ModuleStatements, Scope, Statement } from './pyStatements';
import { PyArgs, PyNode, callArgs, dottedParts, field, keyword, readString, shortText, spanOf } from './pySyntax';

// The Python module paths of the constructs (v1 and v2 share them: `aws_cdk.aws_ecs`).
const ECS = CDK_PYTHON_MODULES.find(m => m.endsWith('.aws_ecs'))!;
const PATTERNS = CDK_PYTHON_MODULES.find(m => m.endsWith('.aws_ecs_patterns'))!;
const IAM = CDK_PYTHON_IAM_MODULES[0];

/** A table's own entry: names written in the file (`constructor`, `toString`) must not reach Object.prototype. */
const own = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** Python spelling → the table's (camelCase) name. */
function pythonNames(keys: Iterable<string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of keys) m.set(snakeCase(k), k);
  return m;
}

/** Early CDK v1 releases spelt MiB as `mi_b` (`memory_limit_mi_b`). */
const normalizeKwarg = (name: string) => (name.includes('_mi_b') ? name.replace(/_mi_b(?![a-z])/g, '_mib') : name);

/** snake_case → camelCase, for struct props whose camelCase names are the ECS API's (`source_path`). */
export function camelCase(name: string): string {
  return name.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const PY_TASK_PROPS = pythonNames(Object.keys(TASK_PROPS));
const PY_CONTAINER_PROPS = pythonNames(Object.keys(CONTAINER_PROPS));
const PY_IMAGE_PROPS = pythonNames(Object.keys(TASK_IMAGE_PROPS));
const PY_PATTERN_TASK_PROPS = pythonNames(Object.keys(PATTERN_TASK_PROPS));
const PY_STATEMENT_PROPS = pythonNames(Object.keys(POLICY_STATEMENT_PROPS));
const PY_LINUX_PROPS = pythonNames(Object.keys(LINUX_PARAMETERS_PROPS));
const PY_LOG_FACTORIES = pythonNames(Object.keys(LOG_DRIVER_FACTORIES));
const PY_IMAGE_FACTORIES = pythonNames(Object.keys(IMAGE_FACTORIES));
const PY_AWS_LOGS_OPTIONS = pythonNames(Object.keys(AWS_LOGS_OPTIONS));
const PY_CLUSTER_PROPS = pythonNames(Object.keys(CLUSTER_INSIGHTS_PROPS));
const PY_LOG_OPTIONS = new Map(Object.entries(LOG_DRIVER_OPTIONS).map(([d, props]) => [d, pythonNames(Object.keys({ ...COMMON_LOG_DRIVER_OPTIONS, ...props }))]));
const PY_SECRET_VALUE_PLAINTEXT = SECRET_VALUE_PLAIN_TEXT.map(snakeCase);

/** Every method name (Python spelling) whose calls the reader looks at, and what it is. */
type MethodKind = 'task' | 'container' | 'containerList' | 'linux' | 'statement' | 'allResources' | 'role';
const METHODS = new Map<string, { kind: MethodKind; name: string }>();
for (const m of Object.keys(TASK_METHODS)) METHODS.set(snakeCase(m), { kind: 'task', name: m });
for (const m of Object.keys(CONTAINER_METHODS)) METHODS.set(snakeCase(m), { kind: 'container', name: m });
for (const m of Object.keys(CONTAINER_LIST_METHODS)) METHODS.set(snakeCase(m), { kind: 'containerList', name: m });
for (const m of Object.keys(LINUX_PARAMETERS_METHODS)) METHODS.set(snakeCase(m), { kind: 'linux', name: m });
for (const m of Object.keys(POLICY_STATEMENT_METHODS)) METHODS.set(snakeCase(m), { kind: 'statement', name: m });
METHODS.set(snakeCase(POLICY_ADD_ALL_RESOURCES), { kind: 'allResources', name: POLICY_ADD_ALL_RESOURCES });
for (const m of ROLE_POLICY_METHODS) METHODS.set(snakeCase(m), { kind: 'role', name: m });

/** Construct classes by module, and what they declare. */
type ClassKind = 'task' | 'l1' | 'container' | 'linux' | 'service' | 'cluster' | 'pattern' | 'statement' | 'role';
const ECS_CLASSES = new Map<string, ClassKind>();
for (const c of Object.keys(TASK_DEFINITION_CLASSES)) ECS_CLASSES.set(c, 'task');
for (const c of Object.keys(L1_CLASSES)) ECS_CLASSES.set(c, 'l1');
for (const c of CONTAINER_CLASSES) ECS_CLASSES.set(c, 'container');
ECS_CLASSES.set(LINUX_PARAMETERS_CLASS, 'linux');
for (const c of Object.keys(SERVICE_CLASSES)) ECS_CLASSES.set(c, 'service');
for (const c of CLUSTER_CLASSES) ECS_CLASSES.set(c, 'cluster');
const IAM_CLASSES = new Map<string, ClassKind>([[POLICY_STATEMENT_CLASS, 'statement'], [ROLE_CLASS, 'role']]);

/** The names the text scan looks for: every class and method above. */
export const HIT_NAMES: readonly string[] = [
  ...ECS_CLASSES.keys(), ...Object.keys(PATTERN_CLASSES), ...IAM_CLASSES.keys(), ...METHODS.keys(),
];
/** The names a star import of aws_ecs brings in, as far as the reader cares. */
const ECS_EXPORTS = new Set([...ECS_CLASSES.keys(), ...Object.keys(ENUMS), ...IMAGE_HOLDERS, ...LOG_DRIVER_HOLDERS, ...Object.keys(LOG_DRIVER_CLASSES), 'Secret']);

// The order in which call sites are read, so that what a call refers to exists when it is read.
const PASS: Record<string, number> = { statement: 0, task: 1, l1: 1, linux: 1, role: 1, cluster: 1, pattern: 2, service: 2, container: 3, taskMethod: 3, roleMethod: 3, containerMethod: 4, linuxMethod: 4, statementMethod: 4 };

/** A name inside one of the construct modules: the module and the path below it. */
interface Qualified { module: 'ecs' | 'patterns' | 'iam'; path: string[] }

interface TaskEnt {
  k: 'task';
  obj: MObject;
  label: string;
  anchor: Span;
  defaults: Defaults;
  defs: MArray;
  role?: RoleEnt;
}
interface ContainerEnt { k: 'container'; obj: MObject; task: TaskEnt }
interface LinuxEnt { k: 'linux'; obj: MObject }
interface RoleEnt { k: 'role'; label: string; identity: string; statements: MObject[] }
interface StatementEnt { k: 'statement'; obj: MObject }
interface ServiceEnt { k: 'service'; obj: MObject; label: string; anchor: Span; task?: TaskEnt }
interface ClusterEnt { k: 'cluster'; obj: MObject; label: string; anchor: Span }
interface PatternEnt { k: 'pattern'; service: ServiceEnt; task?: TaskEnt }
type Entity = TaskEnt | ContainerEnt | LinuxEnt | RoleEnt | StatementEnt | ServiceEnt | ClusterEnt | PatternEnt;

interface Site {
  call: PyNode;
  args: PyArgs;
  stmt: PyNode;
  scope: Scope;
  /** The name the call's result is assigned to, if any. */
  target?: PyNode;
  /** The statement has a syntax error: nothing in it gets a handle for fixes. */
  broken: boolean;
  pass: number;
  what: { kind: 'class'; cls: ClassKind; name: string; calleeText: string } | { kind: 'method'; method: MethodKind; name: string; receiver: PyNode };
}

/** What fixes need to know about the file beyond the model. */
export interface PyNames {
  /** How this file names an attribute of the aws_ecs module (`ecs.Secret`), or undefined when it cannot. */
  ecs(name: string): string | undefined;
  /** The file's usual string quote. */
  quote: string;
}

export interface PythonReadResult {
  model: ModelDocument;
  /** The file imports aws_ecs or aws_ecs_patterns (it is an ECS document even when it declares nothing yet). */
  usesEcs: boolean;
  names: PyNames;
}

const key = (n: { start: number; end: number }) => `${n.start}:${n.end}`;
/** Shared by every value written as a Python literal (codecs are never changed). */
const LITERAL: Codec = { t: 'literal' };
/** Types a handle written in place (the model's `ref` is opaque to everything but this adapter). */
const pyRef = (r: PyRef): NodeRef => r as NodeRef;

/** Reads the statements of a CDK Python file into the model. */
export function readPython(text: string, module: ModuleStatements, statements: Statement[]): PythonReadResult {
  return new Reader(text, module).read(statements);
}

class Reader {
  private imports = new Map<string, string>();
  private stars: string[] = [];
  private bindings = new Map<string, { at: number; ent: Entity }[]>();
  private byCall = new Map<string, Entity>();
  private tasks: TaskEnt[] = [];
  private services: ServiceEnt[] = [];
  private clusters: ClusterEnt[] = [];
  private roles: RoleEnt[] = [];
  private unknownTasks = new Map<string, TaskEnt>();
  private l1Tasks: TaskEnt[] = [];
  private quotes = { '"': 0, "'": 0 };

  constructor(private text: string, private module: ModuleStatements) {
    for (const imp of module.imports) this.readImport(imp);
  }

  // -------------------------------------------------------------------------------------------
  // Imports and names

  private readImport(n: PyNode): void {
    const t = this.text;
    if (n.type === 'import_statement') {
      for (const c of n.children) {
        if (c.type === 'dotted_name') {
          const dotted = t.slice(c.start, c.end).replace(/\s+/g, '');
          const head = dotted.split('.')[0];
          this.imports.set(head, head);
        } else if (c.type === 'aliased_import') {
          const [name, alias] = c.children;
          if (name && alias) this.imports.set(t.slice(alias.start, alias.end), t.slice(name.start, name.end).replace(/\s+/g, ''));
        }
      }
      return;
    }
    const [mod, ...names] = n.children;
    if (!mod || mod.type !== 'dotted_name') return; // relative imports are the project's own modules
    const from = t.slice(mod.start, mod.end).replace(/\s+/g, '');
    for (const c of names) {
      if (c.type === 'wildcard_import') this.stars.push(from);
      else if (c.type === 'dotted_name') {
        const name = t.slice(c.start, c.end);
        this.imports.set(name, `${from}.${name}`);
      } else if (c.type === 'aliased_import') {
        const [name, alias] = c.children;
        if (name && alias) this.imports.set(t.slice(alias.start, alias.end), `${from}.${t.slice(name.start, name.end)}`);
      }
    }
    if (names.length === 0 && n.children.some(c => c.type === 'wildcard_import')) this.stars.push(from);
  }

  private qualified = new Map<string, Qualified | undefined>();

  /** The qualified name (`aws_cdk.aws_ecs.NetworkMode.HOST`) of a dotted expression, through the imports. */
  private qualify(n: PyNode): Qualified | undefined {
    const written = this.text.slice(n.start, n.end);
    if (this.qualified.has(written)) return this.qualified.get(written);
    const q = this.qualifyParts(n);
    this.qualified.set(written, q);
    return q;
  }

  private qualifyParts(n: PyNode): Qualified | undefined {
    const parts = dottedParts(n, this.text);
    if (!parts) return undefined;
    let q = this.imports.get(parts[0]);
    let rest = parts.slice(1);
    if (q === undefined) {
      const star = this.stars.find(s => s === ECS && ECS_EXPORTS.has(parts[0])) ?? this.stars.find(s => s === PATTERNS && own(PATTERN_CLASSES, parts[0]));
      if (!star) return undefined;
      q = star;
      rest = parts;
    }
    const full = [...q.split('.'), ...rest];
    const joined = full.join('.');
    for (const [mod, name] of [[PATTERNS, 'patterns'], [ECS, 'ecs'], [IAM, 'iam']] as const) {
      const prefix = mod.split('.');
      if (joined === mod || joined.startsWith(mod + '.')) return { module: name, path: full.slice(prefix.length) };
    }
    return undefined;
  }

  /** True when the file imports aws_ecs or its patterns in any form. */
  private usesEcs(): boolean {
    for (const q of this.imports.values()) if (q === ECS || q.startsWith(ECS + '.') || q === PATTERNS || q.startsWith(PATTERNS + '.')) return true;
    if (this.stars.some(s => s === ECS || s === PATTERNS)) return true;
    // `import aws_cdk as cdk` reaches aws_ecs as `cdk.aws_ecs`; `import aws_cdk.aws_ecs` binds `aws_cdk`.
    return [...this.imports.entries()].some(([, q]) => q === 'aws_cdk') && /\baws_ecs(_patterns)?\b/.test(this.text);
  }

  private names(): PyNames {
    const imports = this.imports;
    const stars = this.stars;
    return {
      quote: this.quotes["'"] > this.quotes['"'] ? "'" : '"',
      ecs(name: string) {
        for (const [local, q] of imports) if (q === `${ECS}.${name}`) return local;
        for (const [local, q] of imports) if (q === ECS) return `${local}.${name}`;
        if (stars.includes(ECS)) return name;
        for (const [local, q] of imports) if (q === 'aws_cdk') return `${local}.aws_ecs.${name}`;
        return undefined;
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Call sites

  read(statements: Statement[]): PythonReadResult {
    const sites: Site[] = [];
    for (const st of statements) this.collectSites(st, sites);
    sites.sort((a, b) => a.pass - b.pass || a.call.start - b.call.start || b.call.end - a.call.end);
    for (const s of sites) this.readSite(s);
    return { model: this.model(), usesEcs: this.usesEcs(), names: this.names() };
  }

  /** Finds the calls in a statement that the reader cares about (iterative walk of the copy). */
  private collectSites(st: Statement, out: Site[]): void {
    const stmt = st.node;
    let target: PyNode | undefined;
    let assigned: PyNode | undefined;
    const first = stmt.type === 'expression_statement' ? stmt.children[0] : undefined;
    if (first?.type === 'assignment') {
      target = field(first, 'left');
      assigned = field(first, 'right');
    }
    const work: PyNode[] = [stmt];
    while (work.length) {
      const n = work.pop()!;
      for (let i = n.children.length - 1; i >= 0; i--) work.push(n.children[i]);
      if (n.type === 'string') {
        const q = this.text[stringQuoteAt(this.text, n.start)];
        if (q === '"' || q === "'") this.quotes[q]++;
      }
      if (n.type !== 'call') continue;
      const fn = field(n, 'function');
      const args = callArgs(n, this.text);
      if (!fn || !args) continue;
      const isTarget = assigned && assigned.start === n.start && assigned.end === n.end ? target : undefined;
      const q = fn.type === 'identifier' || fn.type === 'attribute' ? this.qualify(fn) : undefined;
      if (q) {
        const name = q.path[q.path.length - 1];
        let cls: ClassKind | undefined;
        if (q.path.length === 1) {
          if (q.module === 'ecs') cls = ECS_CLASSES.get(name);
          else if (q.module === 'patterns' && own(PATTERN_CLASSES, name)) cls = 'pattern';
          else if (q.module === 'iam') cls = IAM_CLASSES.get(name);
        }
        if (cls) out.push({ call: n, args, stmt, scope: st.scope, target: isTarget, broken: st.broken, pass: PASS[cls], what: { kind: 'class', cls, name, calleeText: this.text.slice(fn.start, fn.end) } });
        continue;
      }
      if (fn.type !== 'attribute') continue;
      const attr = field(fn, 'attribute');
      const receiver = field(fn, 'object');
      const m = attr && METHODS.get(this.text.slice(attr.start, attr.end));
      if (!m || !receiver) continue;
      const pass = m.kind === 'task' ? (m.name === 'addContainer' || m.name === 'addFirelensLogRouter' ? PASS.container : PASS.taskMethod)
        : m.kind === 'role' ? PASS.roleMethod : m.kind === 'container' || m.kind === 'containerList' ? PASS.containerMethod : m.kind === 'linux' ? PASS.linuxMethod : PASS.statementMethod;
      out.push({ call: n, args, stmt, scope: st.scope, target: isTarget, broken: st.broken, pass, what: { kind: 'method', method: m.kind, name: m.name, receiver } });
    }
  }

  /** Whether the site being read sits in a statement with a syntax error. */
  private inBroken = false;

  private readSite(s: Site): void {
    this.inBroken = s.broken;
    let ent: Entity | undefined;
    if (s.what.kind === 'class') {
      switch (s.what.cls) {
        case 'task': ent = this.taskDefinition(s, s.what.name); break;
        case 'l1': ent = this.l1(s, s.what.name, s.what.calleeText); break;
        case 'container': ent = this.containerConstruct(s); break;
        case 'linux': ent = this.linuxParameters(s); break;
        case 'service': ent = this.service(s); break;
        case 'cluster': ent = this.cluster(s); break;
        case 'pattern': ent = this.pattern(s, s.what.name); break;
        case 'statement': ent = this.policyStatement(s); break;
        case 'role': ent = this.role(s); break;
      }
    } else {
      ent = this.method(s, s.what.method, s.what.name, s.what.receiver);
    }
    if (!ent) return;
    this.byCall.set(key(s.call), ent);
    if (s.target) this.bind(s.target, s.scope, ent, s.call.start);
  }

  // -------------------------------------------------------------------------------------------
  // Variables

  private bindingKey(target: PyNode, scope: Scope): string | undefined {
    if (target.type === 'identifier') {
      const name = this.text.slice(target.start, target.end);
      return scope.fn !== undefined ? `f${scope.fn}:${name}` : `m:${name}`;
    }
    if (target.type === 'attribute' && scope.cls !== undefined) {
      const obj = field(target, 'object');
      const attr = field(target, 'attribute');
      if (obj?.type === 'identifier' && this.text.slice(obj.start, obj.end) === 'self' && attr) return `c${scope.cls}:${this.text.slice(attr.start, attr.end)}`;
    }
    return undefined;
  }

  private bind(target: PyNode, scope: Scope, ent: Entity, at: number): void {
    const k = this.bindingKey(target, scope);
    if (!k) return;
    let list = this.bindings.get(k);
    if (!list) this.bindings.set(k, (list = []));
    list.push({ at, ent });
    list.sort((a, b) => a.at - b.at);
  }

  /** What a name refers to at `at`: the last assignment before it in its function, else in the module (or class, for self.x). */
  private lookup(n: PyNode, scope: Scope, at: number): Entity | undefined {
    const keys: string[] = [];
    const own = this.bindingKey(n, scope);
    if (own) keys.push(own);
    if (n.type === 'identifier' && scope.fn !== undefined) keys.push(`m:${this.text.slice(n.start, n.end)}`);
    for (const k of keys) {
      const list = this.bindings.get(k);
      if (!list?.length) continue;
      let found: Entity | undefined;
      for (const b of list) if (b.at < at) found = b.ent;
      // self.x set in another method, or a module-level name bound further down: the last binding.
      if (!found && !k.startsWith('f')) found = list[list.length - 1].ent;
      if (found) return found;
    }
    return undefined;
  }

  /** The entity an expression denotes: a variable, a call's result, or an attribute of one (`svc.task_definition`). */
  private resolve(n: PyNode, scope: Scope): Entity | undefined {
    const chain: string[] = [];
    let cur: PyNode | undefined = unwrap(n);
    while (cur && cur.type === 'attribute') {
      const obj = field(cur, 'object');
      // self.x is a binding of its own.
      if (obj?.type === 'identifier' && this.text.slice(obj.start, obj.end) === 'self') break;
      const attr = field(cur, 'attribute');
      if (!attr || !obj) return undefined;
      chain.push(this.text.slice(attr.start, attr.end));
      cur = unwrap(obj);
    }
    if (!cur) return undefined;
    let ent = cur.type === 'call' ? this.byCall.get(key(cur)) : this.lookup(cur, scope, n.start);
    for (let i = chain.length - 1; i >= 0 && ent; i--) ent = this.member(ent, chain[i]);
    return ent;
  }

  private member(ent: Entity, name: string): Entity | undefined {
    if ((ent.k === 'pattern' || ent.k === 'service') && name === 'task_definition') return ent.task;
    if (ent.k === 'pattern' && name === 'service') return ent.service;
    if (ent.k === 'task' && name === snakeCase(TASK_ROLE_ATTRIBUTE)) return this.taskRole(ent);
    return undefined;
  }

  /** The task role of a task definition: the one it was given, else CDK's default role. */
  private taskRole(task: TaskEnt): RoleEnt {
    if (!task.role) {
      task.role = { k: 'role', label: `${task.label}/TaskRole`, identity: `default-task-role:${task.anchor.start}`, statements: [] };
      this.roles.push(task.role);
    }
    return task.role;
  }

  // -------------------------------------------------------------------------------------------
  // Values

  private seq(n: PyNode, kind: PySeq['kind']): PySeq {
    let made = seqs.get(n);
    if (!made) seqs.set(n, (made = new LazySeq(kind, n, this.text, this.inBroken)));
    return made;
  }

  private itemOf(seq: PySeq, parent: PyNode, child: PyNode): PyItem | undefined {
    const index = parent.children.indexOf(child);
    return index >= 0 ? { seq, index } : undefined;
  }

  private ref(n: PyNode, item?: PyItem, codec: Codec | undefined = LITERAL): PyRef {
    // In a statement with a syntax error, a value can be reported but not rewritten.
    if (this.inBroken) return { span: spanOf(n) };
    return { span: spanOf(n), codec, item };
  }

  private unknown(n: PyNode, hint: string, item?: PyItem, extra: Partial<MUnknown> = {}): MUnknown {
    return { kind: 'unknown', span: spanOf(n), ref: this.ref(n, item), hint, ...extra };
  }

  private scalar(value: MScalar['value'], n: PyNode, item?: PyItem, codec?: Codec, origin?: string): MScalar {
    return { kind: 'scalar', value, span: spanOf(n), ref: this.ref(n, item, codec), ...(origin ? { origin } : {}) };
  }

  /** A module-level constant's value node, following `B = A` a few steps. */
  private constant(name: string): PyNode | undefined {
    let current = name;
    for (let hops = 0; hops < 8; hops++) {
      const get = this.module.constants.get(current);
      if (!get) return undefined;
      const stmt = get();
      const assign = stmt?.children[0];
      const right = assign?.type === 'assignment' ? field(assign, 'right') : undefined;
      if (!right || right.type === 'assignment') return undefined;
      const inner = unwrap(right);
      if (inner.type !== 'identifier') return inner;
      current = this.text.slice(inner.start, inner.end);
    }
    return undefined;
  }

  /**
   * Converts an expression to a model value. Literals, constants and enum members are known; dicts,
   * lists and struct calls become objects and arrays; everything else is Unknown with a hint.
   * Iterative: nesting depth never reaches the call stack.
   */
  private value(root: PyNode, opts: { mode: 'l1' | 'struct' | 'raw'; parentKey?: string; item?: PyItem; scope?: Scope; l1Class?: string; readOnly?: boolean; asObject?: boolean }): MValue {
    const top = this.leafOrShell(root, opts.item, opts.parentKey, opts.mode, opts.l1Class, opts.readOnly, opts.asObject);
    if (top.value) return top.value;
    const work: { n: PyNode; dst: MObject | MArray; parentKey?: string; readOnly?: boolean }[] = [{ n: top.node!, dst: top.shell!, parentKey: opts.parentKey, readOnly: opts.readOnly || top.readOnly }];
    let guard = 0;
    while (work.length && guard++ < 100_000) {
      const { n, dst, parentKey, readOnly } = work.pop()!;
      const keyMode = parentKey !== undefined && MAP_VALUED_KEYS.includes(parentKey) ? 'raw' : opts.mode;
      const add = (child: PyNode, k: string | undefined, keyNode: PyNode | undefined, itemNode: PyNode, item: PyItem | undefined) => {
        const r = this.leafOrShell(child, readOnly ? undefined : item, k ?? parentKey, opts.mode, opts.l1Class, readOnly);
        const v = r.value ?? r.shell!;
        if (r.shell) work.push({ n: r.node!, dst: r.shell, parentKey: k ?? parentKey, readOnly: readOnly || r.readOnly });
        if (dst.kind === 'array') dst.items.push(v);
        else if (k !== undefined && keyNode) dst.props.push({ key: k, keySpan: spanOf(keyNode), span: spanOf(itemNode), value: v });
      };
      if (n.type === 'dictionary') {
        const seq = (dst.ref as PyRef | undefined)?.props?.seq ?? this.seq(n, 'dict');
        for (const pair of n.children) {
          if (pair.type !== 'pair') continue;
          const kn = field(pair, 'key');
          const vn = field(pair, 'value');
          const ks = kn && this.stringValue(kn);
          if (!vn || ks === undefined) continue;
          const k = keyMode === 'raw' ? ks : this.mapKey(ks, keyMode);
          add(vn, k, kn!, pair, this.itemOf(seq, n, pair));
        }
      } else if (n.type === 'list' || n.type === 'tuple') {
        const seq = (dst.ref as PyRef | undefined)?.list ?? this.seq(n, 'list');
        for (const it of n.children) {
          if (it.type === 'list_splat' || it.type === 'ERROR') continue;
          add(it, undefined, undefined, it, this.itemOf(seq, n, it));
        }
      } else if (n.type === 'call') {
        const args = callArgs(n, this.text);
        if (!args) continue;
        const seq = (dst.ref as PyRef | undefined)?.props?.seq ?? this.seq(args.node, 'args');
        for (const kw of args.keywords) {
          add(kw.value, keyMode === 'raw' ? kw.name : this.mapKey(kw.name, keyMode), kw.nameNode, kw.node, this.itemOf(seq, args.node, kw.node));
        }
      }
    }
    return top.shell!;
  }

  private mapKey(k: string, mode: 'l1' | 'struct' | 'raw'): string {
    const c = camelCase(normalizeKwarg(k));
    return mode === 'l1' ? L1_KEY_RENAMES[c] ?? c : c;
  }

  /** A leaf value, or an empty object/array ("shell") for the caller to fill with the node's children. */
  private leafOrShell(n0: PyNode, item: PyItem | undefined, parentKey: string | undefined, mode: 'l1' | 'struct' | 'raw', l1Class?: string, readOnly?: boolean, asObject?: boolean): { value?: MValue; shell?: MObject | MArray; node?: PyNode; readOnly?: boolean } {
    let n = unwrap(n0);
    let constOrigin: string | undefined;
    if (n.type === 'identifier') {
      const name = this.text.slice(n.start, n.end);
      const c = this.constant(name);
      if (c) {
        constOrigin = `the constant ${name}`;
        if (isContainer(c, this.text)) {
          // A dict or list constant: shown where it is written, not editable through this use.
          n = c;
          readOnly = true;
        } else {
          const v = this.leaf(n, item, parentKey);
          if (readOnly) v.ref = undefined;
          return { value: v };
        }
      }
    }
    if ((asObject && n.type === 'call' && field(n, 'arguments')?.type === 'argument_list') || isContainer(n, this.text)) {
      const ctx: KeyContext = mode === 'l1' ? 'l1' : 'struct';
      const base: PyRef = { span: spanOf(n), item };
      let shell: MObject | MArray;
      if (n.type === 'dictionary') shell = { kind: 'object', props: [], span: spanOf(n), ref: readOnly ? undefined : pyRef({ ...base, props: { seq: this.seq(n, 'dict'), style: 'dict', context: ctx, l1Class } }) };
      else if (n.type === 'call') {
        const args = field(n, 'arguments')!;
        shell = { kind: 'object', props: [], span: spanOf(n), ref: readOnly ? undefined : pyRef({ ...base, props: { seq: this.seq(args, 'args'), style: 'kwargs', context: ctx, l1Class } }) };
      } else shell = { kind: 'array', items: [], span: spanOf(n), ref: readOnly ? undefined : pyRef({ ...base, list: this.seq(n, 'list') }) };
      if (constOrigin) shell.origin = constOrigin;
      return { shell, node: n, readOnly };
    }
    const v = this.leaf(n, readOnly ? undefined : item, parentKey);
    if (readOnly) v.ref = undefined;
    return { value: v };
  }

  /** A string literal's value (strings, f-strings without substitutions); undefined for anything else. */
  private stringValue(n: PyNode): string | undefined {
    const u = unwrap(n);
    if (u.type !== 'string' && u.type !== 'concatenated_string') return undefined;
    return readString(u, this.text)?.value;
  }

  private leafDepth = 0;

  /**
   * Converts a node that is not a container. Constants, f-strings and concatenations lead back
   * here (`A = B + "x"`, even `A = A + "x"`), so the depth is bounded: past it, a value is Unknown.
   */
  private leaf(n0: PyNode, item: PyItem | undefined, parentKey: string | undefined, origin?: string): MValue {
    if (this.leafDepth > 24) return this.unknown(unwrap(n0), shortText(n0, this.text), item);
    this.leafDepth++;
    try {
      return this.leafOf(n0, item, parentKey, origin);
    } finally {
      this.leafDepth--;
    }
  }

  private leafOf(n0: PyNode, item: PyItem | undefined, parentKey: string | undefined, origin?: string): MValue {
    const n = unwrap(n0);
    const t = this.text;
    switch (n.type) {
      case 'string':
      case 'concatenated_string':
        return this.stringLeaf(n, item, origin);
      case 'integer': {
        const v = parseInteger(t.slice(n.start, n.end));
        return v === undefined ? this.unknown(n, shortText(n, t), item) : this.scalar(v, n, item, undefined, origin);
      }
      case 'float': {
        const v = Number(t.slice(n.start, n.end).replace(/_/g, ''));
        return Number.isFinite(v) ? this.scalar(v, n, item, undefined, origin) : this.unknown(n, shortText(n, t), item);
      }
      case 'true': return this.scalar(true, n, item, undefined, origin);
      case 'false': return this.scalar(false, n, item, undefined, origin);
      case 'none': return this.scalar(null, n, item, undefined, origin);
      case 'unary_operator': {
        // -1, -2.5: a sign before a number literal.
        const arg = field(n, 'argument');
        const number = arg && (arg.type === 'integer' ? parseInteger(t.slice(arg.start, arg.end)) : arg.type === 'float' ? Number(t.slice(arg.start, arg.end).replace(/_/g, '')) : undefined);
        if (number !== undefined && Number.isFinite(number) && t.slice(n.start, arg!.start).trim() === '-') return this.scalar(-number, n, item, undefined, origin);
        return this.unknown(n, shortText(n, t), item);
      }
      case 'identifier': {
        const name = t.slice(n.start, n.end);
        const c = this.constant(name);
        if (c && !isContainer(c, t) && c.type !== 'identifier') {
          const v = this.leaf(c, undefined, parentKey, `the constant ${name}`);
          // The value's text is at the definition; findings and edits go where it is used.
          const statement = this.module.constants.get(name)?.();
          const ref: PyRef = { ...this.ref(n, item), constant: statement ? { name, statement: spanOf(statement) } : undefined };
          return { ...v, span: spanOf(n), ref: pyRef(ref) };
        }
        return this.unknown(n, `the variable ${name}`, item, { identity: `var:${name}` });
      }
      case 'attribute': {
        const e = this.enumMember(n);
        if (e) return this.scalar(e.value, n, item, { t: 'enum', prefix: e.prefix, enumName: e.enumName }, origin);
        const text = shortText(n, t);
        return this.unknown(n, text, item, { identity: `expr:${t.slice(n.start, n.end).replace(/\s+/g, '')}` });
      }
      case 'binary_operator':
        return this.concatenation(n, item);
      case 'subscript':
        if (isEnviron(field(n, 'value'), t)) return this.unknown(n, `${shortText(n, t)} (read when the app is synthesized)`, item, { deployTimeValue: true });
        return this.unknown(n, shortText(n, t), item);
      case 'call':
        return this.callLeaf(n, item);
      default:
        return this.unknown(n, shortText(n, t), item);
    }
  }

  private stringLeaf(n: PyNode, item: PyItem | undefined, origin?: string): MValue {
    const s = readString(n, this.text);
    if (!s) return this.unknown(n, shortText(n, this.text), item);
    if (s.value !== undefined) return this.scalar(s.value, n, item, undefined, origin);
    // An f-string: substitutions of module constants are filled in, anything else is a hole.
    let template = '';
    let holes = 0;
    for (const p of s.parts) {
      if (typeof p === 'string') template += p;
      else {
        const c = p.type === 'identifier' ? this.constant(this.text.slice(p.start, p.end)) : undefined;
        const v = c && !isContainer(c, this.text) ? this.leaf(c, undefined, undefined) : undefined;
        if (v?.kind === 'scalar' && v.value !== null) template += String(v.value);
        else {
          template += HOLE;
          holes++;
        }
      }
    }
    if (holes === 0) return this.scalar(template, n, item, undefined, 'an f-string of constants');
    return this.unknown(n, 'an f-string', item, { template });
  }

  /** `a + "b"`: literal parts are kept, the rest are holes. */
  private concatenation(n: PyNode, item: PyItem | undefined): MValue {
    if (!this.isPlus(n)) return this.unknown(n, shortText(n, this.text), item);
    const parts: PyNode[] = [];
    const work = [n];
    while (work.length) {
      const x = work.pop()!;
      const left = field(x, 'left');
      const right = field(x, 'right');
      if (x.type === 'binary_operator' && left && right && this.isPlus(x)) work.push(right, left);
      else parts.push(x);
    }
    let template = '';
    let holes = 0;
    let strings = 0;
    for (const p of parts) {
      // Another operator inside (`a - b + "x"`) is a hole, not a value to read.
      const v = p.type === 'binary_operator' ? undefined : this.leaf(p, undefined, undefined);
      if (!v) {
        template += HOLE;
        holes++;
        continue;
      }
      if (v.kind === 'scalar' && typeof v.value === 'string') {
        template += v.value;
        strings++;
      } else if (v.kind === 'unknown' && v.template !== undefined) {
        template += v.template;
        holes++;
        strings++;
      } else {
        template += HOLE;
        holes++;
      }
    }
    if (strings === 0) return this.unknown(n, shortText(n, this.text), item);
    if (holes === 0) return this.scalar(template, n, item, undefined, 'a concatenation of literals');
    return this.unknown(n, shortText(n, this.text), item, { template });
  }

  private isPlus(n: PyNode): boolean {
    const left = field(n, 'left');
    const right = field(n, 'right');
    return n.type === 'binary_operator' && !!left && !!right && this.text.slice(left.end, right.start).trim() === '+';
  }

  /** Calls that stand for a value: durations, environment reads, unwrapped secrets; else Unknown. */
  private callLeaf(n: PyNode, item: PyItem | undefined): MValue {
    const t = this.text;
    const fn = field(n, 'function');
    const args = callArgs(n, t);
    const parts = fn ? dottedParts(fn, t) : undefined;
    const method = parts?.[parts.length - 1] ?? (fn?.type === 'attribute' ? t.slice(field(fn, 'attribute')!.start, fn.end) : undefined);
    if (parts && parts.length >= 2 && parts[parts.length - 2] === 'Duration' && args?.positional.length === 1 && /^(integer|float|identifier)$/.test(args.positional[0].type)) {
      const v = this.leaf(args.positional[0], undefined, undefined);
      const scale: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, millis: 0.001 };
      if (v.kind === 'scalar' && typeof v.value === 'number' && method && method in scale) return this.scalar(v.value * scale[method], n, item, LITERAL, shortText(n, t));
    }
    // Values read from the environment when the app is synthesized end up in the template as they are.
    if (parts && ((parts[0] === 'os' && parts[1] === 'getenv') || (parts[0] === 'os' && parts[1] === 'environ' && parts[2] === 'get'))) {
      return this.unknown(n, `${shortText(n, t)} (read when the app is synthesized)`, item, { deployTimeValue: true });
    }
    // SecretValue.unsafe_plain_text("…") is its argument, written into the template as it is.
    if (parts && args?.positional.length === 1 && PY_SECRET_VALUE_PLAINTEXT.includes(parts[parts.length - 1]) && this.isCdkCore(parts.slice(0, -1), SECRET_VALUE_CLASS)) {
      const v = this.leaf(args.positional[0], undefined, undefined);
      if (v.kind === 'scalar') return { ...v, ref: this.ref(n, item, undefined) };
      return this.unknown(n, shortText(n, t), item, v.kind === 'unknown' && v.template !== undefined ? { template: v.template } : {});
    }
    if (method === 'unsafe_unwrap' || (fn?.type === 'attribute' && /\.secret_value(_from_json\([^)]*\))?\.to_string$/.test(t.slice(fn.start, fn.end).replace(/\s+/g, '')))) {
      return this.unknown(n, `${shortText(n, t)} (a secret unwrapped into plain text)`, item, { deployTimeValue: true });
    }
    return this.unknown(n, shortText(n, t), item);
  }

  /** Whether the dotted name `parts` is the core library's class `cls` (`cdk.SecretValue`, v1's `core.SecretValue`). */
  private isCdkCore(parts: string[], cls: string): boolean {
    if (parts.length === 0) return false;
    const head = this.imports.get(parts[0]);
    if (head === undefined) return false;
    const full = [...head.split('.'), ...parts.slice(1)].join('.');
    return full === `aws_cdk.${cls}` || full === `aws_cdk.core.${cls}`;
  }

  /** `ecs.NetworkMode.HOST` → ('host', prefix 'ecs.NetworkMode'). */
  private enumMember(n: PyNode): { value: string; prefix: string; enumName: string } | undefined {
    const q = this.qualify(n);
    if (!q || q.module === 'patterns' || q.path.length !== 2) return undefined;
    const [enumName, member] = q.path;
    const value = own(ENUMS, enumName) && own(ENUMS[enumName], member) ? ENUMS[enumName][member] : undefined;
    if (value === undefined) return undefined;
    const obj = field(n, 'object')!;
    return { value, prefix: this.text.slice(obj.start, obj.end), enumName };
  }

  // -------------------------------------------------------------------------------------------
  // Property sources: keyword arguments of a call, or string keys of a dict

  private propsOf(n: PyNode): { entries: { name: string; nameNode: PyNode; value: PyNode; node: PyNode; item: PyItem }[]; seq: PySeq; style: 'kwargs' | 'dict'; splats: PyNode[]; node: PyNode } | undefined {
    const u = unwrap(n);
    if (u.type === 'dictionary') {
      const seq = this.seq(u, 'dict');
      const entries = [];
      const splats: PyNode[] = [];
      for (const pair of u.children) {
        if (pair.type === 'dictionary_splat') splats.push(pair);
        if (pair.type !== 'pair') continue;
        const kn = field(pair, 'key');
        const vn = field(pair, 'value');
        const ks = kn && this.stringValue(kn);
        if (ks === undefined || !vn) continue;
        entries.push({ name: normalizeKwarg(ks), nameNode: kn!, value: vn, node: pair, item: this.itemOf(seq, u, pair)! });
      }
      return { entries, seq, style: 'dict', splats, node: u };
    }
    if (u.type === 'call') {
      const args = callArgs(u, this.text);
      if (!args) return undefined;
      const seq = this.seq(args.node, 'args');
      return {
        entries: args.keywords.map(k => ({ name: normalizeKwarg(k.name), nameNode: k.nameNode, value: k.value, node: k.node, item: this.itemOf(seq, args.node, k.node)! })),
        seq, style: 'kwargs', splats: args.splats, node: u,
      };
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Task definitions

  private newTask(obj: MObject, label: string, anchor: Span, defaults: Defaults): TaskEnt {
    const defs: MArray = { kind: 'array', items: [], span: anchor };
    obj.props.push({ key: 'containerDefinitions', keySpan: anchor, span: anchor, value: defs });
    const t: TaskEnt = { k: 'task', obj, label, anchor, defaults, defs };
    this.tasks.push(t);
    return t;
  }

  /** `ecs.FargateTaskDefinition(self, "Id", **props)` and its siblings. */
  private taskDefinition(s: Site, cls: string): TaskEnt {
    const info = TASK_DEFINITION_CLASSES[cls];
    const idNode = s.args.positional[1];
    const label = (idNode && this.stringValue(idNode)) ?? cls;
    const anchor = idNode ? spanOf(idNode) : spanOf(field(s.call, 'function')!);
    const seq = this.seq(s.args.node, 'args');
    const obj: MObject = { kind: 'object', props: [], span: spanOf(s.call), ref: pyRef({ span: spanOf(s.call), props: { seq, style: 'kwargs', context: 'task' } }) };
    const task = this.newTask(obj, label, anchor, {});
    let compat: string[] | undefined = info.compatibilities;
    for (const kw of s.args.keywords) {
      const prop = PY_TASK_PROPS.get(normalizeKwarg(kw.name));
      if (!prop) continue;
      const ecsKey = TASK_PROPS[prop];
      const item = this.itemOf(seq, s.args.node, kw.node);
      let value: MValue;
      if (ecsKey === 'taskRoleArn' || ecsKey === 'executionRoleArn') value = this.roleValue(kw.value, s.scope, s.call.start, ecsKey === 'taskRoleArn' ? task : undefined, item);
      else if (ecsKey === 'requiresCompatibilities') {
        const v = this.leaf(kw.value, item, ecsKey);
        if (v.kind === 'scalar' && typeof v.value === 'string') {
          compat = v.value.split(',');
          value = { kind: 'array', span: v.span, items: compat.map(c => ({ kind: 'scalar', value: c, span: v.span }) as MScalar) };
        } else value = v;
      } else value = this.value(kw.value, { mode: 'struct', parentKey: ecsKey, item, scope: s.scope });
      obj.props.push({ key: ecsKey, keySpan: spanOf(kw.nameNode), span: spanOf(kw.node), value });
    }
    this.unknownSplats(obj, s.args.splats, Object.values(TASK_PROPS));
    if (info.compatibilities) {
      const at = spanOf(field(s.call, 'function')!);
      obj.props.push({ key: 'requiresCompatibilities', keySpan: at, span: at, value: { kind: 'array', span: at, items: info.compatibilities.map(c => ({ kind: 'scalar', value: c, span: at }) as MScalar) } });
      if (info.compatibilities.includes('FARGATE')) this.fargateDefaults(obj, at);
    }
    // CDK's default network mode: awsvpc when Fargate is among the launch types, else bridge.
    task.defaults.networkMode = info.networkMode ?? (compat ? (compat.includes('FARGATE') ? 'awsvpc' : 'bridge') : undefined);
    // Named like the JSON it becomes: the family when the code states one.
    const family = get(obj, 'family');
    if (family?.kind === 'scalar' && typeof family.value === 'string') task.label = family.value;
    return task;
  }

  /** What CDK gives a Fargate task that states no size (not editable: there is nothing written to edit). */
  private fargateDefaults(obj: MObject, at: Span): void {
    for (const [k, v] of Object.entries(FARGATE_DEFAULTS)) {
      if (!obj.props.some(p => p.key === k)) obj.props.push({ key: k, keySpan: at, span: at, value: { kind: 'scalar', value: v, span: at, origin: 'the CDK default' } });
    }
  }

  /** A role given to a task definition: the same role variable gives the same identity. */
  private roleValue(n: PyNode, scope: Scope, at: number, task: TaskEnt | undefined, item: PyItem | undefined): MValue {
    const ent = this.resolve(n, scope);
    const text = shortText(n, this.text);
    let role: RoleEnt;
    if (ent?.k === 'role') role = ent;
    else {
      // A role made elsewhere (a parameter, an import): statements added to it here still count.
      // A name or attribute denotes one object wherever it is written; a call (`make_role(self)`)
      // may return a new role each time, so two calls are never taken for one role.
      const u = unwrap(n);
      const named = u.type === 'identifier' || u.type === 'attribute';
      role = { k: 'role', label: text, identity: named ? `expr:${this.text.slice(u.start, u.end).replace(/\s+/g, '')}` : `value:${u.start}`, statements: [] };
      this.roles.push(role);
      if (named) this.bind(u, scope, role, at);
    }
    if (task) task.role = role;
    return { kind: 'unknown', span: spanOf(n), ref: this.ref(n, item), hint: `the role ${role.label}`, identity: role.identity };
  }

  /** `**props` passed to a construct: any of `keys` may be set there, so absent ones are Unknown, not absent. */
  private unknownSplats(obj: MObject, splats: PyNode[], keys: string[]): void {
    const dict = splats.find(x => x.type === 'dictionary_splat');
    if (!dict) return;
    const have = new Set(obj.props.map(p => p.key));
    const hint = `${shortText(dict, this.text)} (not read)`;
    for (const k of new Set(keys)) {
      if (have.has(k) || k === 'name' || k === 'requiresCompatibilities') continue;
      obj.props.push({ key: k, keySpan: spanOf(dict), span: spanOf(dict), value: { kind: 'unknown', span: spanOf(dict), hint } });
    }
  }

  /** `ecs.CfnTaskDefinition(self, "Id", container_definitions=[…], …)` and the other L1 classes: ECS names throughout. */
  private l1(s: Site, cls: string, calleeText: string): Entity | undefined {
    const kind = L1_CLASSES[cls];
    const idNode = s.args.positional[1];
    const id = (idNode && this.stringValue(idNode)) ?? cls;
    const anchor = idNode ? spanOf(idNode) : spanOf(field(s.call, 'function')!);
    const obj = this.value(s.call, { mode: 'l1', scope: s.scope, l1Class: calleeText, asObject: true }) as MObject;
    if (kind === 'task') {
      const family = get(obj, 'family');
      const label = family?.kind === 'scalar' && typeof family.value === 'string' ? family.value : id;
      const t: TaskEnt = { k: 'task', obj, label, anchor, defaults: {}, defs: { kind: 'array', items: [], span: anchor } };
      this.l1Tasks.push(t);
      return t;
    }
    if (kind === 'service') {
      const svc: ServiceEnt = { k: 'service', obj, label: id, anchor };
      this.services.push(svc);
      return svc;
    }
    const cl: ClusterEnt = { k: 'cluster', obj, label: id, anchor };
    this.clusters.push(cl);
    return cl;
  }
  // -------------------------------------------------------------------------------------------
  // Containers

  /** `td.add_container("id", **options)`, `ecs.ContainerDefinition(self, "id", task_definition=td, …)`. */
  private addContainer(task: TaskEnt, idNode: PyNode | undefined, src: NonNullable<ReturnType<Reader['propsOf']>>, context: 'container' | 'imageOptions', defaultName: string | undefined, nameAnchor: Span, scope: Scope): ContainerEnt {
    const id = idNode ? this.stringValue(idNode) : defaultName;
    const obj: MObject = { kind: 'object', props: [], span: spanOf(src.node), ref: pyRef({ span: spanOf(src.node), props: { seq: src.seq, style: src.style, context, containerId: id } }) };
    const table = context === 'container' ? PY_CONTAINER_PROPS : PY_IMAGE_PROPS;
    let named = false;
    for (const e of src.entries) {
      const prop = table.get(e.name);
      if (!prop) continue;
      const spec = context === 'container' ? CONTAINER_PROPS[prop] : TASK_IMAGE_PROPS[prop];
      const ecsKey = spec.key;
      let value: MValue;
      if (ecsKey === 'image') value = this.image(e.value, e.item);
      else if (spec.map === 'nameValue') value = this.envMap(e.value, ecsKey, e.item);
      else if (ecsKey === 'logConfiguration') value = this.logConfiguration(e.value, e.item);
      else if (ecsKey === 'linuxParameters') {
        const lp = this.resolve(e.value, scope);
        value = lp?.k === 'linux' ? lp.obj : this.leaf(e.value, e.item, ecsKey);
      } else if (ecsKey === 'taskRoleArn' || ecsKey === 'executionRoleArn' || ecsKey === 'family') {
        // Image options that describe the task, not the container.
        const v = ecsKey === 'family' ? this.leaf(e.value, e.item, ecsKey) : this.roleValue(e.value, scope, e.value.start, ecsKey === 'taskRoleArn' ? task : undefined, e.item);
        task.obj.props.push({ key: ecsKey, keySpan: spanOf(e.nameNode), span: spanOf(e.node), value: v });
        if (ecsKey === 'family' && v.kind === 'scalar' && typeof v.value === 'string') task.label = v.value;
        continue;
      } else value = this.value(e.value, { mode: 'struct', parentKey: ecsKey, item: e.item, scope });
      if (ecsKey === 'name') named = true;
      obj.props.push({ key: ecsKey, keySpan: spanOf(e.nameNode), span: spanOf(e.node), value });
    }
    if (!named) {
      // The container is named after its construct id (or the pattern's default name).
      const at = idNode ? spanOf(idNode) : nameAnchor;
      const name: MValue = id !== undefined ? { kind: 'scalar', value: id, span: at } : idNode ? this.leaf(idNode, undefined, 'name') : { kind: 'unknown', span: at, hint: 'the container name' };
      if (name.kind !== 'scalar') delete name.ref;
      obj.props.unshift({ key: 'name', keySpan: at, span: at, value: name });
    }
    if (src.splats.length) this.unknownSplats(obj, src.splats, Object.values(context === 'container' ? CONTAINER_PROPS : TASK_IMAGE_PROPS).map(p => p.key));
    task.defs.items.push(obj);
    return { k: 'container', obj, task };
  }

  /** The image a container runs: a registry name, an ECR repository with a tag, or a locally built asset. */
  private image(n0: PyNode, item: PyItem | undefined): MValue {
    const { n, readOnly } = this.deref(n0);
    if (readOnly) item = undefined;
    const t = this.text;
    if (n.type === 'call') {
      const fn = field(n, 'function')!;
      const q = this.qualify(fn);
      const args = callArgs(n, t);
      if (q?.module === 'ecs' && q.path.length === 2 && IMAGE_HOLDERS.includes(q.path[0]) && args) {
        const factory = IMAGE_FACTORIES[PY_IMAGE_FACTORIES.get(q.path[1]) ?? ''];
        if (factory === 'registry') {
          const name = args.positional[0] ?? keyword(args, 'name')?.value;
          if (name) return this.leaf(name, undefined, 'image');
        } else if (factory === 'ecr') {
          const tagNode = args.positional[1] ?? keyword(args, 'tag')?.value ?? keyword(args, 'tag_or_digest')?.value;
          const tag = tagNode ? this.leaf(tagNode, undefined, 'image') : undefined;
          const tagText = tag === undefined ? ECR_DEFAULT_TAG : tag.kind === 'scalar' && typeof tag.value === 'string' ? tag.value : tag.kind === 'unknown' ? tag.template ?? HOLE : HOLE;
          const sep = tagText.startsWith('sha256:') ? '@' : ':';
          return this.unknown(n, tagNode ? 'an image from an ECR repository' : `an image from an ECR repository, tag '${ECR_DEFAULT_TAG}' by default`, item, { template: `${HOLE}${sep}${tagText}` });
        } else if (factory === 'asset') {
          return this.unknown(n, 'an image built from source by the CDK (pinned by its content hash)', item);
        }
      }
    }
    return this.leaf(n0, item, 'image');
  }

  /** A name of a module constant holding a call (`IMAGE = ecs.ContainerImage…`) stands for that call, read-only. */
  private deref(n0: PyNode): { n: PyNode; readOnly: boolean } {
    const n = unwrap(n0);
    if (n.type !== 'identifier') return { n, readOnly: false };
    const c = this.constant(this.text.slice(n.start, n.end));
    return c?.type === 'call' ? { n: c, readOnly: true } : { n, readOnly: false };
  }

  /** `environment={"K": "v"}` (a dict in CDK) → ECS's list of {name, value}; secrets' values are references. */
  private envMap(n0: PyNode, ecsKey: string, item: PyItem | undefined): MValue {
    let n = unwrap(n0);
    let readOnly = false;
    if (n.type === 'identifier') {
      const c = this.constant(this.text.slice(n.start, n.end));
      if (c?.type === 'dictionary') {
        n = c;
        readOnly = true;
      }
    }
    if (n.type !== 'dictionary') return this.leaf(n0, item, ecsKey);
    const seq = this.seq(n, 'dict');
    const arr: MArray = { kind: 'array', items: [], span: spanOf(n), ref: readOnly ? undefined : pyRef({ span: spanOf(n), item, map: seq }) };
    const valueKey = ecsKey === 'secrets' ? 'valueFrom' : 'value';
    for (const pair of n.children) {
      if (pair.type !== 'pair') continue;
      const kn = field(pair, 'key');
      const vn = field(pair, 'value');
      if (!kn || !vn) continue;
      const pairItem = readOnly ? undefined : this.itemOf(seq, n, pair);
      const name = this.leaf(kn, undefined, 'name');
      if (name.kind === 'scalar' || readOnly) delete name.ref;
      const value = this.leaf(vn, pairItem, valueKey);
      if (readOnly) delete value.ref;
      arr.items.push({
        kind: 'object', span: spanOf(pair), ref: pairItem ? pyRef({ span: spanOf(pair), item: pairItem }) : undefined,
        props: [
          { key: 'name', keySpan: spanOf(kn), span: spanOf(kn), value: name },
          { key: valueKey, keySpan: spanOf(kn), span: spanOf(pair), value },
        ],
      });
    }
    return arr;
  }

  /**
   * `logging=ecs.LogDrivers.aws_logs(stream_prefix=…)` (or a log driver class) → logConfiguration:
   * the driver, and the options CDK renders from its props (LOG_DRIVER_OPTIONS), or those written
   * in its `options` map (FireLens, GenericLogDriver). Each option keeps its place in the call, so
   * that a fix can take it out.
   */
  private logConfiguration(n0: PyNode, item: PyItem | undefined): MValue {
    const { n, readOnly } = this.deref(n0);
    if (n.type === 'call') {
      const fn = field(n, 'function')!;
      const q = this.qualify(fn);
      const args = callArgs(n, this.text);
      let driver: string | undefined;
      let generic = false;
      if (q?.module === 'ecs' && q.path.length === 2 && LOG_DRIVER_HOLDERS.includes(q.path[0])) driver = LOG_DRIVER_FACTORIES[PY_LOG_FACTORIES.get(q.path[1]) ?? ''];
      else if (q?.module === 'ecs' && q.path.length === 1 && own(LOG_DRIVER_CLASSES, q.path[0])) {
        driver = LOG_DRIVER_CLASSES[q.path[0]];
        if (driver === undefined && args) {
          // GenericLogDriver(log_driver="splunk", options={…}): the driver is named in a prop.
          generic = true;
          const named = keyword(args, snakeCase(GENERIC_LOG_DRIVER_PROP));
          const v = named && this.leaf(named.value, undefined, undefined);
          driver = v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
        }
      }
      if (driver && args) {
        const seq = this.seq(args.node, 'args');
        const optionProps: MProp[] = [];
        const names = driver === 'awslogs' ? PY_AWS_LOGS_OPTIONS : PY_LOG_OPTIONS.get(driver);
        // Every driver but awslogs also takes the common options (tag, labels, env, envRegex).
        const table = driver === 'awslogs' ? AWS_LOGS_OPTIONS : own(LOG_DRIVER_OPTIONS, driver) ? { ...COMMON_LOG_DRIVER_OPTIONS, ...LOG_DRIVER_OPTIONS[driver] } : undefined;
        for (const kw of args.keywords) {
          const kwItem = readOnly ? undefined : this.itemOf(seq, args.node, kw.node);
          if (kw.name === LOG_DRIVER_OPTIONS_MAP) {
            const map = this.value(kw.value, { mode: 'raw', parentKey: 'options', item: kwItem, readOnly });
            if (map.kind === 'object') optionProps.push(...map.props);
            continue;
          }
          const opt = names?.get(kw.name);
          if (opt) optionProps.push({ key: table![opt], keySpan: spanOf(kw.nameNode), span: spanOf(kw.node), value: this.leaf(kw.value, kwItem, 'options') });
        }
        const at = spanOf(fn);
        const secretsKey = generic ? 'generic' : driver;
        const secretsProp = own(LOG_DRIVER_SECRET_PROPS, secretsKey) ? LOG_DRIVER_SECRET_PROPS[secretsKey] : undefined;
        let secrets: PyProps['secrets'];
        if (secretsProp && 'map' in secretsProp) {
          const written = keyword(args, snakeCase(secretsProp.map));
          const dict = written && unwrap(written.value);
          secrets = { map: snakeCase(secretsProp.map), existing: !written ? undefined : dict?.type === 'dictionary' ? this.seq(dict, 'dict') : 'unknown' };
        } else if (secretsProp) {
          secrets = { prop: snakeCase(secretsProp.prop), option: secretsProp.option, present: !!keyword(args, snakeCase(secretsProp.prop)) };
        }
        const ref: PyRef | undefined = readOnly ? undefined : this.inBroken ? { span: spanOf(n) } : { span: spanOf(n), item, props: { seq, style: 'kwargs', context: 'logDriver', secrets } };
        return {
          kind: 'object', span: spanOf(n), ref: ref && pyRef(ref),
          props: [
            { key: 'logDriver', keySpan: at, span: at, value: { kind: 'scalar', value: driver, span: at } },
            { key: 'options', keySpan: spanOf(args.node), span: spanOf(args.node), value: { kind: 'object', props: optionProps, span: spanOf(args.node) } },
          ],
        };
      }
    }
    return this.leaf(n0, item, 'logConfiguration');
  }

  private containerConstruct(s: Site): ContainerEnt | undefined {
    const td = keyword(s.args, 'task_definition');
    const task = td ? this.resolve(td.value, s.scope) : undefined;
    const src = this.propsOf(s.call);
    if (!src) return undefined;
    const owner = task?.k === 'task' ? task : td ? this.unknownTask(td.value, s.scope) : undefined;
    if (!owner) return undefined;
    const idNode = s.args.positional[1];
    return this.addContainer(owner, idNode, src, 'container', undefined, idNode ? spanOf(idNode) : spanOf(field(s.call, 'function')!), s.scope);
  }

  /** A task definition this file uses but does not declare (a parameter, an attribute of something else). */
  private unknownTask(receiver: PyNode, scope: Scope): TaskEnt {
    const text = this.text.slice(receiver.start, receiver.end).replace(/\s+/g, '');
    const k = `${scope.cls ?? ''}:${scope.fn ?? ''}:${text}`;
    let t = this.unknownTasks.get(k);
    if (!t) {
      const at = spanOf(receiver);
      const hint = `task definition ${shortText(receiver, this.text)} (declared elsewhere)`;
      const unknownProp = (key: string): MProp => ({ key, keySpan: at, span: at, value: { kind: 'unknown', span: at, hint } });
      const obj: MObject = { kind: 'object', span: at, props: ['networkMode', 'pidMode', 'ipcMode', 'requiresCompatibilities', 'volumes', 'taskRoleArn', 'executionRoleArn', 'runtimePlatform', 'memory'].map(unknownProp) };
      t = this.newTask(obj, shortText(receiver, this.text), at, {});
      this.unknownTasks.set(k, t);
    }
    return t;
  }

  // -------------------------------------------------------------------------------------------
  // Linux parameters, services, clusters, patterns, roles

  private linuxParameters(s: Site): LinuxEnt {
    const seq = this.seq(s.args.node, 'args');
    // Capabilities are added by method calls on the construct's variable: a fix that drops them
    // writes such a call after the statement that makes it.
    const receiver = s.target && (s.target.type === 'identifier' || s.target.type === 'attribute') ? this.text.slice(s.target.start, s.target.end) : undefined;
    const linux = receiver && !/\s/.test(receiver) ? { receiver, statement: spanOf(s.stmt) } : undefined;
    const obj: MObject = { kind: 'object', props: [], span: spanOf(s.call), ref: pyRef({ span: spanOf(s.call), props: { seq, style: 'kwargs', context: 'linux', linux } }) };
    for (const kw of s.args.keywords) {
      const prop = PY_LINUX_PROPS.get(kw.name);
      if (prop) obj.props.push({ key: LINUX_PARAMETERS_PROPS[prop], keySpan: spanOf(kw.nameNode), span: spanOf(kw.node), value: this.leaf(kw.value, this.itemOf(seq, s.args.node, kw.node), prop) });
    }
    return { k: 'linux', obj };
  }

  /** A boolean prop that the model holds as ENABLED/DISABLED (assignPublicIp) or enabled/disabled (Container Insights). */
  private switchValue(n: PyNode, item: PyItem | undefined, on: string, off: string): MValue {
    const v = this.leaf(n, item, undefined);
    if (v.kind === 'scalar' && typeof v.value === 'boolean') return { ...v, value: v.value ? on : off, ref: this.ref(unwrap(n), item, { t: 'switch', on, off }) };
    return v;
  }

  private assignPublicIp(obj: MObject, kw: PyArgs['keywords'][number] | undefined, seq: PySeq, args: PyNode): void {
    if (!kw) return;
    const value = this.switchValue(kw.value, this.itemOf(seq, args, kw.node), 'ENABLED', 'DISABLED');
    const at = spanOf(kw.nameNode);
    let inner: MValue = value;
    for (let i = ASSIGN_PUBLIC_IP.path.length - 1; i >= 1; i--) inner = { kind: 'object', span: spanOf(kw.node), props: [{ key: ASSIGN_PUBLIC_IP.path[i], keySpan: at, span: spanOf(kw.node), value: inner }] };
    obj.props.push({ key: ASSIGN_PUBLIC_IP.path[0], keySpan: at, span: spanOf(kw.node), value: inner });
  }

  private service(s: Site): ServiceEnt {
    const idNode = s.args.positional[1];
    const seq = this.seq(s.args.node, 'args');
    const obj: MObject = { kind: 'object', props: [], span: spanOf(s.call), ref: pyRef({ span: spanOf(s.call), props: { seq, style: 'kwargs', context: 'service' } }) };
    this.assignPublicIp(obj, keyword(s.args, 'assign_public_ip'), seq, s.args.node);
    const td = keyword(s.args, 'task_definition');
    const task = td ? this.resolve(td.value, s.scope) : undefined;
    const svc: ServiceEnt = { k: 'service', obj, label: (idNode && this.stringValue(idNode)) ?? 'service', anchor: idNode ? spanOf(idNode) : spanOf(s.call), task: task?.k === 'task' ? task : undefined };
    this.services.push(svc);
    return svc;
  }

  private cluster(s: Site): ClusterEnt {
    const idNode = s.args.positional[1];
    const seq = this.seq(s.args.node, 'args');
    const obj: MObject = { kind: 'object', props: [], span: spanOf(s.call) };
    for (const kw of s.args.keywords) {
      const prop = PY_CLUSTER_PROPS.get(kw.name);
      if (!prop) continue;
      const item = this.itemOf(seq, s.args.node, kw.node);
      const value = !!CLUSTER_INSIGHTS_PROPS[prop].boolean ? this.switchValue(kw.value, item, 'enabled', 'disabled') : this.leaf(kw.value, item, 'value');
      const at = spanOf(kw.nameNode);
      const setting: MObject = {
        kind: 'object', span: spanOf(kw.node), props: [
          { key: 'name', keySpan: at, span: at, value: { kind: 'scalar', value: 'containerInsights', span: at } },
          { key: 'value', keySpan: at, span: spanOf(kw.node), value },
        ],
      };
      // containerInsightsV2 wins over the boolean when both are given, as in CDK.
      const existing = obj.props.find(p => p.key === 'clusterSettings');
      if (existing && prop === 'containerInsightsV2') existing.value = { kind: 'array', span: spanOf(kw.node), items: [setting] };
      else if (!existing) obj.props.push({ key: 'clusterSettings', keySpan: at, span: spanOf(kw.node), value: { kind: 'array', span: spanOf(kw.node), items: [setting] } });
    }
    const cl: ClusterEnt = { k: 'cluster', obj, label: (idNode && this.stringValue(idNode)) ?? 'cluster', anchor: idNode ? spanOf(idNode) : spanOf(s.call) };
    this.clusters.push(cl);
    return cl;
  }

  /** ecs-patterns: a service, and (unless it is given one) a task definition with one container from its image options. */
  private pattern(s: Site, cls: string): PatternEnt {
    const info = PATTERN_CLASSES[cls];
    const opts = PATTERN_IMAGE_OPTIONS[cls];
    const idNode = s.args.positional[1];
    const label = (idNode && this.stringValue(idNode)) ?? cls;
    const anchor = idNode ? spanOf(idNode) : spanOf(s.call);
    const seq = this.seq(s.args.node, 'args');
    const svcObj: MObject = { kind: 'object', props: [], span: spanOf(s.call), ref: pyRef({ span: spanOf(s.call), props: { seq, style: 'kwargs', context: 'service' } }) };
    this.assignPublicIp(svcObj, keyword(s.args, 'assign_public_ip'), seq, s.args.node);
    const service: ServiceEnt = { k: 'service', obj: svcObj, label, anchor };
    this.services.push(service);
    const given = keyword(s.args, snakeCase(PATTERN_TASK_DEFINITION));
    if (given) {
      const t = this.resolve(given.value, s.scope);
      service.task = t?.k === 'task' ? t : undefined;
      return { k: 'pattern', service, task: service.task };
    }
    // No options prop (QueueProcessing*): the image options are the pattern's own keyword arguments.
    const optionsKw = opts?.options ? keyword(s.args, snakeCase(opts.options)) : undefined;
    const src = opts && !opts.options ? this.propsOf(s.call) : optionsKw ? this.propsOf(optionsKw.value) : undefined;
    const taskObj: MObject = { kind: 'object', props: [], span: spanOf(s.call) };
    const fn = spanOf(field(s.call, 'function')!);
    taskObj.props.push({ key: 'requiresCompatibilities', keySpan: fn, span: fn, value: { kind: 'array', span: fn, items: info.compatibilities.map(c => ({ kind: 'scalar', value: c, span: fn }) as MScalar) } });
    for (const kw of s.args.keywords) {
      const prop = PY_PATTERN_TASK_PROPS.get(normalizeKwarg(kw.name));
      if (prop) taskObj.props.push({ key: PATTERN_TASK_PROPS[prop], keySpan: spanOf(kw.nameNode), span: spanOf(kw.node), value: this.leaf(kw.value, undefined, prop) });
    }
    // The patterns log to CloudWatch unless enableLogging is false.
    const enable = src?.entries.find(e => e.name === snakeCase(PATTERN_ENABLE_LOGGING));
    const enableValue = enable ? this.leaf(enable.value, undefined, undefined) : undefined;
    const logging = enableValue === undefined ? true : enableValue.kind === 'scalar' && enableValue.value === false ? false : enableValue.kind === 'scalar' ? true : undefined;
    if (info.compatibilities.includes('FARGATE')) this.fargateDefaults(taskObj, fn);
    const task = this.newTask(taskObj, label, anchor, { networkMode: info.networkMode, loggingEnabled: logging });
    service.task = task;
    if (src && opts) {
      const nameAnchor = optionsKw ? spanOf(optionsKw.nameNode) : anchor;
      this.addContainer(task, undefined, src, 'imageOptions', opts.containerName, nameAnchor, s.scope);
    }
    return { k: 'pattern', service, task };
  }

  private policyStatement(s: Site): StatementEnt {
    const seq = this.seq(s.args.node, 'args');
    const obj: MObject = { kind: 'object', props: [], span: spanOf(s.call), ref: pyRef({ span: spanOf(s.call), props: { seq, style: 'kwargs', context: 'struct' } }) };
    for (const kw of s.args.keywords) {
      const prop = PY_STATEMENT_PROPS.get(kw.name);
      if (!prop) continue;
      const item = this.itemOf(seq, s.args.node, kw.node);
      obj.props.push({ key: POLICY_STATEMENT_PROPS[prop], keySpan: spanOf(kw.nameNode), span: spanOf(kw.node), value: this.value(kw.value, { mode: 'raw', item, scope: s.scope }) });
    }
    return { k: 'statement', obj };
  }

  private role(s: Site): RoleEnt {
    const idNode = s.args.positional[1];
    const label = (idNode && this.stringValue(idNode)) ?? 'role';
    const role: RoleEnt = { k: 'role', label, identity: `role:${s.call.start}`, statements: [] };
    this.roles.push(role);
    const inline = keyword(s.args, snakeCase(ROLE_INLINE_POLICIES));
    if (inline) {
      // {name: iam.PolicyDocument(statements=[iam.PolicyStatement(…), …])}
      const work = [inline.value];
      let guard = 0;
      while (work.length && guard++ < 10_000) {
        const n = unwrap(work.pop()!);
        const ent = n.type === 'call' ? this.byCall.get(key(n)) : undefined;
        if (ent?.k === 'statement') role.statements.push(ent.obj);
        else for (const c of n.children) work.push(c);
      }
    }
    return role;
  }

  // -------------------------------------------------------------------------------------------
  // Methods

  private method(s: Site, kind: MethodKind, name: string, receiver: PyNode): Entity | undefined {
    const target = this.resolve(receiver, s.scope);
    switch (kind) {
      case 'task': {
        const what = TASK_METHODS[name];
        if (what === 'container') {
          const task = target?.k === 'task' ? target : target === undefined ? this.unknownTask(receiver, s.scope) : undefined;
          const src = this.propsOf(s.call);
          if (!task || !src) return undefined;
          const idNode = s.args.positional[0] ?? keyword(s.args, 'id')?.value;
          return this.addContainer(task, idNode, src, 'container', undefined, idNode ? spanOf(idNode) : spanOf(s.call), s.scope);
        }
        if (target?.k !== 'task') return undefined;
        if (what === 'volume') this.addVolume(target, s);
        else if (what === 'taskRolePolicy') this.attach(this.taskRole(target), s);
        return undefined;
      }
      case 'role':
        if (target?.k === 'role') this.attach(target, s);
        return undefined;
      case 'container':
        if (target?.k === 'container') this.containerMethod(target, name, s);
        return undefined;
      case 'containerList':
        if (target?.k === 'container') {
          const k = CONTAINER_LIST_METHODS[name];
          const seq = this.seq(s.args.node, 'args');
          const values = s.args.positional.map(a => this.value(a, { mode: 'struct', parentKey: k, item: this.itemOf(seq, s.args.node, a), scope: s.scope }));
          this.appendTo(target.obj, k, values, spanOf(s.call));
        }
        return undefined;
      case 'linux':
        // Only the capability methods matter to the rules (devices and tmpfs do not).
        if (target?.k === 'linux' && LINUX_PARAMETERS_METHODS[name][0] === 'capabilities') this.capabilities(target, LINUX_PARAMETERS_METHODS[name][1] as 'add' | 'drop', s);
        return undefined;
      case 'statement':
        if (target?.k === 'statement') this.statementMethod(target, POLICY_STATEMENT_METHODS[name], s);
        return undefined;
      case 'allResources':
        if (target?.k === 'statement') this.appendTo(target.obj, 'resource', [{ kind: 'scalar', value: '*', span: spanOf(s.call) }], spanOf(s.call));
        return undefined;
    }
  }

  private attach(role: RoleEnt, s: Site): void {
    const arg = s.args.positional[0] ?? keyword(s.args, 'statement')?.value;
    const ent = arg ? this.resolve(arg, s.scope) : undefined;
    if (ent?.k === 'statement' && !role.statements.includes(ent.obj)) role.statements.push(ent.obj);
  }

  private addVolume(task: TaskEnt, s: Site): void {
    const src = this.propsOf(s.call);
    if (!src) return;
    const obj: MObject = { kind: 'object', props: [], span: spanOf(s.call), ref: pyRef({ span: spanOf(s.call), props: { seq: src.seq, style: 'kwargs', context: 'struct' } }) };
    for (const e of src.entries) {
      const k = camelCase(e.name);
      obj.props.push({ key: k, keySpan: spanOf(e.nameNode), span: spanOf(e.node), value: this.value(e.value, { mode: 'struct', parentKey: k, item: e.item, scope: s.scope }) });
    }
    this.appendTo(task.obj, 'volumes', [obj], spanOf(s.call));
  }

  /** Adds items to an array property, creating it (at `at`) when absent; an Unknown array stays Unknown. */
  private appendTo(obj: MObject, k: string, values: MValue[], at: Span): void {
    let prop = obj.props.find(p => p.key === k);
    if (!prop) {
      prop = { key: k, keySpan: at, span: at, value: { kind: 'array', items: [], span: at } };
      obj.props.push(prop);
    }
    if (prop.value.kind === 'array') prop.value.items.push(...values);
  }

  private containerMethod(c: ContainerEnt, name: string, s: Site): void {
    const spec = CONTAINER_METHODS[name];
    const [kn, vn] = s.args.positional;
    if (!kn || !vn) return;
    // Added by a call of its own: the value cannot be replaced or removed alone, but the whole
    // call can be rewritten (`add_environment` into `add_secret`). A constant it names is kept in
    // the ref, so that a fix can take the plaintext out of the file.
    const nameValue = this.leaf(kn, undefined, 'name');
    const value = this.leaf(vn, undefined, spec.key === 'secrets' ? 'valueFrom' : 'value');
    delete nameValue.ref;
    const constant = (value.ref as PyRef | undefined)?.constant;
    value.ref = constant && !this.inBroken ? pyRef({ span: value.span, constant }) : undefined;
    if (spec.args === 'nameValue') {
      const fn = field(s.call, 'function');
      const method = fn && field(fn, 'attribute');
      const entry: MObject = {
        kind: 'object', span: spanOf(s.call),
        ref: method && !this.inBroken ? pyRef({ span: spanOf(s.call), call: { method: method.start, end: s.call.end, key: spanOf(kn) } }) : undefined,
        props: [
          { key: 'name', keySpan: spanOf(kn), span: spanOf(kn), value: nameValue },
          { key: spec.key === 'secrets' ? 'valueFrom' : 'value', keySpan: spanOf(kn), span: spanOf(s.args.node), value },
        ],
      };
      this.appendTo(c.obj, spec.key, [entry], spanOf(s.call));
    } else if (nameValue.kind === 'scalar' && typeof nameValue.value === 'string') {
      let labels = c.obj.props.find(p => p.key === spec.key);
      if (!labels) c.obj.props.push((labels = { key: spec.key, keySpan: spanOf(s.call), span: spanOf(s.call), value: { kind: 'object', props: [], span: spanOf(s.call) } }));
      if (labels.value.kind === 'object') labels.value.props.push({ key: nameValue.value, keySpan: spanOf(kn), span: spanOf(s.args.node), value });
    }
  }

  /** `lp.add_capabilities(ecs.Capability.SYS_ADMIN, …)`: each capability is an item the fix can remove. */
  private capabilities(lp: LinuxEnt, which: 'add' | 'drop', s: Site): void {
    const seq = this.seq(s.args.node, 'args');
    const alone = s.stmt.type === 'expression_statement' && s.stmt.children.length === 1 && s.stmt.children[0].start === s.call.start && s.stmt.children[0].end === s.call.end;
    const values = s.args.positional.map(a => {
      const item = this.itemOf(seq, s.args.node, a);
      return this.leaf(a, item && alone ? { ...item, statement: spanOf(s.stmt) } : item, 'capabilities');
    });
    let caps = lp.obj.props.find(p => p.key === 'capabilities');
    if (!caps) lp.obj.props.push((caps = { key: 'capabilities', keySpan: spanOf(s.call), span: spanOf(s.call), value: { kind: 'object', props: [], span: spanOf(s.call) } }));
    if (caps.value.kind !== 'object') return;
    this.appendTo(caps.value, which, values, spanOf(s.call));
    const list = get(caps.value, which);
    if (list?.kind !== 'array' || this.inBroken) return;
    // New capabilities go into the last call, as enum members spelt like the ones already there.
    const written = values.map(v => (v.ref as PyRef | undefined)?.codec).find(c => c?.t === 'enum');
    const holder = written ? undefined : this.names().ecs('Capability');
    const listCodec: Codec | undefined = written ?? (holder ? { t: 'enum', prefix: holder, enumName: 'Capability' } : undefined);
    list.ref = pyRef({ span: spanOf(s.call), list: seq, listCodec });
  }

  private statementMethod(st: StatementEnt, k: string, s: Site): void {
    const seq = this.seq(s.args.node, 'args');
    this.appendTo(st.obj, k, s.args.positional.map(a => this.leaf(a, this.itemOf(seq, s.args.node, a), k)), spanOf(s.call));
  }

  // -------------------------------------------------------------------------------------------

  private model(): ModelDocument {
    const model = emptyModel();
    for (const t of [...this.tasks, ...this.l1Tasks].sort((a, b) => a.anchor.start - b.anchor.start)) {
      model.tasks.push(buildTask(t.obj, { label: t.label, anchor: t.anchor, defaults: t.defaults }));
    }
    model.services.push(...this.services.map(s => ({ obj: s.obj, label: s.label, anchor: s.anchor })));
    model.clusters.push(...this.clusters.map(c => ({ obj: c.obj, label: c.label, anchor: c.anchor })));
    for (const role of this.roles) {
      const users = this.tasks.filter(t => t.role === role).map(t => t.label);
      if (users.length === 0) continue;
      for (const obj of role.statements) model.taskRoleStatements.push({ obj, roleLabel: role.label, tasks: users });
    }
    const roots = model.tasks.map(t => t.obj);
    model.environment = new InferredEnvironment(roots);
    return model;
  }
}

/**
 * A sequence's layout, worked out only when a fix is rendered (most never are). Copies of
 * statements are shared between analyses of the same text, and so are these.
 */
const seqs = new WeakMap<PyNode, PySeq>();
class LazySeq implements PySeq {
  private _items?: Span[];
  constructor(readonly kind: PySeq['kind'], private node: PyNode, private text: string, private inBrokenStatement: boolean) {}
  get open(): number {
    return this.node.start;
  }
  get close(): number {
    const closeChar = this.kind === 'args' ? ')' : this.kind === 'dict' ? '}' : this.node.type === 'tuple' ? ')' : ']';
    return this.text[this.node.end - 1] === closeChar ? this.node.end - 1 : this.node.end;
  }
  get items(): Span[] {
    return (this._items ??= this.node.children.map(spanOf));
  }
  get broken(): boolean {
    return this.inBrokenStatement || this.node.children.some(c => c.type === 'ERROR') || this.close === this.node.end;
  }
}

/** Parentheses say nothing about a value. */
function unwrap(n: PyNode): PyNode {
  let cur = n;
  for (let i = 0; i < 1000 && cur.type === 'parenthesized_expression' && cur.children.length === 1; i++) cur = cur.children[0];
  return cur;
}

/** Dicts, lists, tuples and struct calls (`ecs.Host(source_path=…)`: keyword arguments only, a capitalised class). */
function isContainer(n: PyNode, text: string): boolean {
  if (n.type === 'dictionary' || n.type === 'list' || n.type === 'tuple') return true;
  if (n.type !== 'call') return false;
  const fn = field(n, 'function');
  const args = field(n, 'arguments');
  if (!fn || !args || args.type !== 'argument_list') return false;
  const last = fn.type === 'attribute' ? field(fn, 'attribute') : fn.type === 'identifier' ? fn : undefined;
  if (!last) return false;
  const c = text.charCodeAt(last.start);
  if (!(c >= 65 && c <= 90)) return false;
  return args.children.every(a => a.type === 'keyword_argument') && (fn.type === 'attribute' || fn.type === 'identifier');
}

function isEnviron(n: PyNode | undefined, text: string): boolean {
  return !!n && n.type === 'attribute' && text.slice(n.start, n.end).replace(/\s+/g, '') === 'os.environ';
}

/** Python integer literals: 42, 0x2a, 0o52, 0b101010, 1_000. */
function parseInteger(s: string): number | undefined {
  const t = s.replace(/_/g, '').toLowerCase();
  let v: number;
  if (t.startsWith('0x')) v = parseInt(t.slice(2), 16);
  else if (t.startsWith('0o')) v = parseInt(t.slice(2), 8);
  else if (t.startsWith('0b')) v = parseInt(t.slice(2), 2);
  else if (/^\d+$/.test(t)) v = Number(t);
  else return undefined;
  return Number.isFinite(v) ? v : undefined;
}

/** The offset of a string literal's opening quote (after its prefix letters). */
function stringQuoteAt(text: string, start: number): number {
  let i = start;
  while (i < text.length && i < start + 3 && /[A-Za-z]/.test(text[i])) i++;
  return i;
}
