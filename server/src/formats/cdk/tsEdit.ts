import type * as TS from 'typescript';
import type { TextEdit } from '../../engine/edits';
import { FixIntent, Json, REGION_PLACEHOLDER } from '../../model/document';
import type { MObject, MValue } from '../../model/values';
import { TextStyle, detectStyle, endOfLineAfter, indentOf, lineEnd, lineStart, nextLineStart, onlyIndentBefore, restOfLineIsTrivia, skipTrivia } from '../textStyle';
import {
  CONTAINER_PROPS, CdkModule, ENUMS, LINUX_PARAMETERS_CLASS, PATTERN_SIZE_HOLDER, PATTERN_SIZE_PROPS, TASK_IMAGE_PROPS, TASK_PROPS,
} from './constructs';
import type { ContainerEntity, Dialect, TsRef } from './tsModel';
import { tsRef } from './tsModel';
import { Imports, resolveName } from './tsImports';
import { isMissing, propName, unwrap } from './tsSyntax';
import type { TypeScript } from './typescriptLoader';

/** ECS key → CDK prop name, per props dialect (the inverse of the construct table). */
const SPELLING: Partial<Record<Dialect, Record<string, string>>> = {
  container: invert(Object.fromEntries(Object.entries(CONTAINER_PROPS).map(([k, v]) => [k, v.key]))),
  imageOptions: invert(Object.fromEntries(Object.entries(TASK_IMAGE_PROPS).map(([k, v]) => [k, v.key]))),
  task: invert(TASK_PROPS),
};

/** ECS keys whose CDK value is an enum member, in the L2 dialects. */
const ENUM_KEYS: Record<string, string> = { networkMode: 'NetworkMode', pidMode: 'PidMode', ipcMode: 'IpcMode' };

/** A secret ARN with the placeholders a rule writes for what it cannot know (rules/lib/secretRef.ts). */
const PLACEHOLDER_ARN = /^arn:([a-z-]{1,20}):secretsmanager:([A-Za-z0-9-]{1,30}):([A-Z_]{1,20}|\d{12}):secret:([^\s${}`\\]{1,512})$/;

/** Splunk's log option that CDK can take as a secret: the plain-text prop and its `Secret` twin. */
const SPLUNK_SECRET_PROPS: Record<string, { plain: string; secret: string }> = { 'splunk-token': { plain: 'token', secret: 'secretToken' } };

/** ECS size keys → the ecs-patterns prop that sets them on an EC2 pattern's container. */
const PATTERN_SIZE_SPELLING: Record<string, string> = Object.fromEntries(Object.entries(PATTERN_SIZE_PROPS).map(([cdk, v]) => [v.container, cdk]));

/** healthCheck fields that are a `Duration` in CDK and seconds in ECS. */
const DURATION_KEYS = new Set(['interval', 'timeout', 'startPeriod']);

function invert(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) if (!Object.prototype.hasOwnProperty.call(out, v)) out[v] = k;
  return out;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** What the writer needs to know about the document. */
export interface TsDocument {
  ts: TypeScript;
  sf: TS.SourceFile;
  text: string;
  imports: Imports;
}

/**
 * Renders fix intents as TypeScript edits in the file's own style (its quotes, indentation, line
 * endings and trailing-comma habit), mapping the model's ECS names and JSON values to CDK's
 * spelling: props, enum members, `LogDrivers.awsLogs(…)`, `Secret.fromSecretsManager(…)`.
 * Undefined when an intent cannot be written safely (half-typed code, a value from elsewhere).
 */
export function renderTs(doc: TsDocument, intents: FixIntent[]): TextEdit[] | undefined {
  const w = new TsWriter(doc);
  for (const it of intents) if (!w.apply(it)) return undefined;
  return w.edits;
}

class TsWriter {
  edits: TextEdit[] = [];
  private style: TextStyle;
  private K: typeof TS.SyntaxKind;
  private added = new Map<string, string>();
  /** Properties removed by this fix, with the edits that remove them (a later intent may turn them into a rename). */
  private removedProps = new Map<TS.Node, TextEdit[]>();

  constructor(private doc: TsDocument) {
    this.style = detectStyle(doc.text);
    this.K = doc.ts.SyntaxKind;
  }

  private get text() { return this.doc.text; }

  apply(it: FixIntent): boolean {
    switch (it.op) {
      case 'set': return this.set(it.target, it.path, it.value, false);
      case 'append': return this.set(it.target, it.path, it.item, true);
      case 'remove': return this.remove(it.node);
      case 'replace': return this.replace(it.node, it.value);
      case 'moveToSecrets': return this.moveToSecrets(it.container, it.entry, it.name, it.valueFrom);
    }
  }

  // --- set / append ---------------------------------------------------------------------------

  private set(target: MObject, path: string[], value: Json, append: boolean): boolean {
    const r = tsRef(target);
    if (!r) return false;
    if (r.t === 'noProps') {
      // A construct without props: add them as its next argument.
      const args = r.call.arguments;
      if (!args || args.length !== r.argIndex) return false;
      const body = this.member(r.dialect, path, value, append, undefined);
      if (body === undefined) return false;
      const last = args[args.length - 1];
      const after = skipTrivia(this.text, last.end);
      if (this.text[after] === ',') this.edits.push({ start: after + 1, end: after + 1, newText: ` { ${body} }` });
      else this.edits.push({ start: last.end, end: last.end, newText: `, { ${body} }` });
      return true;
    }
    if (r.t === 'logDriver') return append && path.length === 1 && path[0] === 'secretOptions' && this.logSecretOption(r, value);
    if (r.t !== 'obj') return false;
    if ((r.dialect === 'container' || r.dialect === 'imageOptions') && path[0] === 'linuxParameters') {
      return !!r.container && this.linuxCapabilities(r.container, path, value, append);
    }
    if (r.dialect === 'imageOptions' && r.container && path.length === 1 && own(PATTERN_SIZE_SPELLING, path[0])) {
      return !append && this.patternSize(r.container, path[0], value);
    }
    return this.setIn(r.node, r.dialect, path, value, append, r.container);
  }

  /** Sets (or appends to) `path` inside an object literal, creating what is missing. */
  private setIn(obj: TS.ObjectLiteralExpression, dialect: Dialect, path: string[], value: Json, append: boolean, container?: ContainerEntity): boolean {
    const key = this.spell(dialect, path[0]);
    if (key === undefined) return false;
    const prop = this.findProp(obj, key);
    if (!prop) {
      const body = this.member(dialect, path, value, append, container);
      return body !== undefined && this.insertMember(obj, obj.properties, body, '}');
    }
    if (prop.kind !== this.K.PropertyAssignment || isMissing((prop as TS.PropertyAssignment).initializer)) return false;
    const init = unwrap(this.doc.ts, (prop as TS.PropertyAssignment).initializer);
    const nested = dialect === 'cfn' ? 'cfn' : 'plain';
    if (path.length > 1) {
      if (init.kind !== this.K.ObjectLiteralExpression) return false;
      return this.setIn(init as TS.ObjectLiteralExpression, nested, path.slice(1), value, append);
    }
    if (append) {
      if (init.kind === this.K.ArrayLiteralExpression) {
        const item = this.valueText(nested, undefined, value);
        return item !== undefined && this.insertMember(init, (init as TS.ArrayLiteralExpression).elements, item, ']');
      }
      if (init.kind === this.K.ObjectLiteralExpression && this.isNameValueMap(dialect, path[0])) {
        const entry = this.mapEntry(value, path[0]);
        return entry !== undefined && this.insertMember(init, (init as TS.ObjectLiteralExpression).properties, entry, '}');
      }
      return false;
    }
    const text = this.valueText(dialect, path[0], value, container);
    if (text === undefined) return false;
    this.edits.push({ start: init.getStart(this.doc.sf), end: init.end, newText: text });
    return true;
  }

  /** `key: value` for a new property at `path` (nested literals for the rest of the path). */
  private member(dialect: Dialect, path: string[], value: Json, append: boolean, container: ContainerEntity | undefined): string | undefined {
    const key = this.spell(dialect, path[0]);
    if (key === undefined) return undefined;
    let v: Json = append ? [value] : value;
    for (let i = path.length - 1; i >= 1; i--) v = { [path[i]]: v };
    const text = this.valueText(dialect, path[0], v, container);
    return text === undefined ? undefined : `${this.key(key)}: ${text}`;
  }

  private isNameValueMap(dialect: Dialect, key: string): boolean {
    return (dialect === 'container' || dialect === 'imageOptions') && (key === 'environment' || key === 'secrets');
  }

  /** `NAME: value` for an ECS {name, value} entry written into a CDK map. */
  private mapEntry(item: Json, key: string): string | undefined {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const name = item.name;
    if (typeof name !== 'string') return undefined;
    if (key === 'secrets') return undefined; // a secret needs a construct reference: nothing to write blindly
    const v = item.value;
    if (v === undefined) return undefined;
    return `${this.key(name)}: ${this.literal(v)}`;
  }

  /** The CDK spelling of an ECS key in a dialect; undefined where CDK has no such prop. */
  private spell(dialect: Dialect, key: string): string | undefined {
    const table = SPELLING[dialect];
    if (!table) return dialect === 'cfn' || dialect === 'plain' ? key : undefined;
    return own(table, key) ? table[key] : undefined;
  }

  /** A value as CDK code for the ECS key it is set under. */
  private valueText(dialect: Dialect, key: string | undefined, value: Json, container?: ContainerEntity): string | undefined {
    const l2 = dialect === 'container' || dialect === 'imageOptions' || dialect === 'task';
    if (!l2 || key === undefined) return this.literal(value);
    if (key === 'logConfiguration') return this.logging(value, container);
    if (own(ENUM_KEYS, key) && dialect === 'task') return typeof value === 'string' ? this.enumExpr(ENUM_KEYS[key], value) : undefined;
    if (key === 'environment' || key === 'secrets') {
      if (!Array.isArray(value)) return undefined;
      const entries: string[] = [];
      for (const it of value) {
        const e = this.mapEntry(it, key);
        if (e === undefined) return undefined;
        entries.push(e);
      }
      return entries.length ? `{ ${entries.join(', ')} }` : '{}';
    }
    if (key === 'healthCheck') return this.healthCheck(value);
    // These need constructs (roles, the Compatibility enum) that a fix cannot make up.
    if (key === 'requiresCompatibilities' || key === 'taskRoleArn' || key === 'executionRoleArn') return undefined;
    return this.literal(value);
  }

  /** `ecs.LogDrivers.awsLogs({ streamPrefix: '<container>' })` for an awslogs configuration. */
  private logging(value: Json, container: ContainerEntity | undefined): string | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value) || value.logDriver !== 'awslogs') return undefined;
    const options = value.options && typeof value.options === 'object' && !Array.isArray(value.options) ? value.options : {};
    let prefix = typeof options['awslogs-stream-prefix'] === 'string' ? options['awslogs-stream-prefix'] : undefined;
    prefix ??= container ? this.containerName(container) : undefined;
    const drivers = this.ecsMember('LogDrivers');
    if (!drivers || prefix === undefined) return undefined;
    return `${drivers}.awsLogs({ streamPrefix: ${this.literal(prefix)} })`;
  }

  private containerName(c: ContainerEntity): string | undefined {
    const id = c.id && unwrap(this.doc.ts, c.id);
    if (id && (id.kind === this.K.StringLiteral || id.kind === this.K.NoSubstitutionTemplateLiteral)) return (id as TS.StringLiteral).text;
    return c.defaultName;
  }

  /** A health check: durations become `Duration.seconds(n)` through the file's import of the CDK core. */
  private healthCheck(value: Json): string | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (DURATION_KEYS.has(k) && typeof v === 'number') {
        const duration = this.coreMember('Duration');
        if (!duration) return undefined;
        parts.push(`${k}: ${duration}.seconds(${v})`);
      } else parts.push(`${this.key(k)}: ${this.literal(v)}`);
    }
    return `{ ${parts.join(', ')} }`;
  }

  /** `capabilities.add/drop` live in `lp.addCapabilities(…)`/`lp.dropCapabilities(…)` calls on the LinuxParameters. */
  private linuxCapabilities(c: ContainerEntity, path: string[], value: Json, append: boolean): boolean {
    if (path.length !== 3 || path[1] !== 'capabilities' || (path[2] !== 'add' && path[2] !== 'drop')) return false;
    const caps = append ? [value] : value;
    if (!Array.isArray(caps) || !caps.every(x => typeof x === 'string')) return false;
    const method = path[2] === 'add' ? 'addCapabilities' : 'dropCapabilities';
    const exprs: string[] = [];
    for (const cap of caps as string[]) {
      const e = this.enumExpr('Capability', cap);
      if (!e) return false;
      exprs.push(e);
    }
    const lp = c.linux;
    if (!lp) return path[2] === 'drop' && !append && this.newLinuxParameters(c, method, exprs);
    const existing = lp.calls.filter(x => (x.expression as TS.PropertyAccessExpression).name.text === method).pop();
    if (existing) {
      const args = existing.arguments;
      if (!args.length) {
        const open = this.text.indexOf('(', existing.expression.end);
        if (open < 0 || open >= existing.end) return false;
        this.edits.push({ start: open + 1, end: open + 1, newText: exprs.join(', ') });
      } else this.edits.push({ start: args[args.length - 1].end, end: args[args.length - 1].end, newText: ', ' + exprs.join(', ') });
      return true;
    }
    // A new statement after the last one that uses the LinuxParameters (or its declaration).
    const receiver = this.linuxVariable(c);
    if (!receiver) return false;
    const anchorNode = lp.calls.length ? lp.calls[lp.calls.length - 1] : lp.node;
    const end = this.statementEnd(anchorNode);
    if (end === undefined) return false;
    const semi = this.text[end - 1] === ';' ? ';' : '';
    this.edits.push({ start: end, end, newText: `${this.style.eol}${indentOf(this.text, anchorNode.getStart(this.doc.sf))}${receiver}.${method}(${exprs.join(', ')})${semi}` });
    return true;
  }

  /**
   * A container without linuxParameters gets a LinuxParameters construct of its own, declared
   * (with the capability call) in the statements just before the one that makes the container,
   * in the scope its task definition (or ContainerDefinition) is made in. Only where that is sure
   * to be right: the container is a statement of its own on its own line, the scope is `this` or a
   * name, used in the same function, and neither the construct id nor the variable is taken.
   */
  private newLinuxParameters(c: ContainerEntity, method: string, exprs: string[]): boolean {
    const { ts, sf } = this.doc;
    const K = this.K;
    if (c.dialect !== 'container' || !c.props || c.readOnly || this.findProp(c.props, 'linuxParameters')) return false;
    const maker = c.node.kind === K.NewExpression ? c.node as TS.NewExpression : c.task.node;
    const scope = maker?.arguments?.[0] && unwrap(ts, maker.arguments[0]);
    if (!maker || !scope || (scope.kind !== K.ThisKeyword && scope.kind !== K.Identifier)) return false;
    const name = this.containerName(c);
    if (name === undefined) return false;
    const chain = this.chainTo(c.node);
    // The statement that makes the container: the outermost node below a statement list.
    let stmt: TS.Node | undefined;
    for (let i = 1; i < chain.length && !stmt; i++) {
      const k = chain[i - 1].kind;
      if (k === K.SourceFile || k === K.Block || k === K.ModuleBlock || k === K.CaseClause || k === K.DefaultClause) {
        if (chain[i].kind === K.ExpressionStatement || chain[i].kind === K.VariableStatement) stmt = chain[i];
      }
    }
    if (!stmt || !onlyIndentBefore(this.text, stmt.getStart(sf))) return false;
    // `this` must be the same object (the same non-arrow function), a name the same binding (the same function).
    const arrowsToo = scope.kind === K.Identifier;
    if (this.innermostFunction(chain, arrowsToo) !== this.innermostFunction(this.chainTo(maker), arrowsToo)) return false;
    // A name the task definition's scope is read from may not be declared yet before a later statement.
    if (maker.getStart(sf) >= stmt.end) return false;
    const cls = this.ecsMember(LINUX_PARAMETERS_CLASS);
    if (!cls) return false;
    const base = identifierWords(name);
    if (!base) return false;
    const id = this.freeName(base.pascal + LINUX_PARAMETERS_CLASS, n => this.text.includes(`'${n}'`) || this.text.includes(`"${n}"`) || this.text.includes('`' + n + '`'));
    const variable = this.freeName(base.camel + LINUX_PARAMETERS_CLASS, n => this.mentionsWord(n));
    if (!id || !variable) return false;
    const scopeText = scope.kind === K.ThisKeyword ? 'this' : (scope as TS.Identifier).text;
    const end = this.statementEnd(stmt.kind === K.ExpressionStatement ? (stmt as TS.ExpressionStatement).expression : stmt);
    const semi = end !== undefined && this.text[end - 1] === ';' ? ';' : '';
    const start = stmt.getStart(sf);
    const indent = indentOf(this.text, start);
    const eol = this.style.eol;
    const decl = `const ${variable} = new ${cls}(${scopeText}, ${this.string(id)})${semi}${eol}${indent}${variable}.${method}(${exprs.join(', ')})${semi}${eol}${indent}`;
    if (!this.insertMember(c.props, c.props.properties, `linuxParameters: ${variable}`, '}')) return false;
    this.edits.push({ start, end: start, newText: decl });
    return true;
  }

  /** The nodes from the source file down to `target`, each containing the next (an iterative descent). */
  private chainTo(target: TS.Node): TS.Node[] {
    const chain: TS.Node[] = [this.doc.sf];
    let node: TS.Node = this.doc.sf;
    while (node !== target) {
      let next: TS.Node | undefined;
      this.doc.ts.forEachChild(node, child => {
        if (child.pos <= target.pos && target.end <= child.end) {
          next = child;
          return true;
        }
        return undefined;
      });
      if (!next) break;
      chain.push(next);
      node = next;
    }
    return chain;
  }

  private innermostFunction(chain: TS.Node[], arrowsToo: boolean): TS.Node | undefined {
    const K = this.K;
    for (let i = chain.length - 1; i >= 0; i--) {
      const k = chain[i].kind;
      if (k === K.FunctionDeclaration || k === K.FunctionExpression || k === K.MethodDeclaration || k === K.Constructor || k === K.GetAccessor
        || k === K.SetAccessor || k === K.ClassStaticBlockDeclaration || k === K.PropertyDeclaration || (arrowsToo && k === K.ArrowFunction)) return chain[i];
    }
    return undefined;
  }

  /** `base`, or `base2`, `base3`, … : the first that `taken` does not claim. */
  private freeName(base: string, taken: (name: string) => boolean): string | undefined {
    for (let i = 1; i <= 20; i++) {
      const name = i === 1 ? base : `${base}${i}`;
      if (!taken(name)) return name;
    }
    return undefined;
  }

  /** The text uses `word` as a whole word somewhere (a name that a new declaration would clash with or shadow). */
  private mentionsWord(word: string): boolean {
    const t = this.text;
    const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$]/.test(c);
    for (let i = t.indexOf(word); i >= 0; i = t.indexOf(word, i + 1)) {
      if (!isWordChar(t[i - 1]) && !isWordChar(t[i + word.length])) return true;
    }
    return false;
  }

  // --- log drivers ----------------------------------------------------------------------------

  /**
   * A log option moved to a secret, as CDK spells it: an entry of `secretOptions` (FireLens and the
   * generic driver), or Splunk's `secretToken` in place of the `token` this fix removes. Other
   * drivers take no secrets in CDK: no fix there.
   */
  private logSecretOption(r: Extract<TsRef, { t: 'logDriver' }>, item: Json): boolean {
    if (!item || typeof item !== 'object' || Array.isArray(item) || typeof item.name !== 'string') return false;
    const secret = this.secretExpr(item.name);
    if (!secret) return false;
    const props = r.node;
    if (r.optionsMap) {
      const existing = this.findProp(props, 'secretOptions');
      if (!existing) return this.insertMember(props, props.properties, `secretOptions: { ${this.key(item.name)}: ${secret} }`, '}');
      const init = existing.kind === this.K.PropertyAssignment ? unwrap(this.doc.ts, (existing as TS.PropertyAssignment).initializer) : undefined;
      if (init?.kind !== this.K.ObjectLiteralExpression) return false;
      return this.insertMember(init, (init as TS.ObjectLiteralExpression).properties, `${this.key(item.name)}: ${secret}`, '}');
    }
    const splunk = own(SPLUNK_SECRET_PROPS, item.name) ? SPLUNK_SECRET_PROPS[item.name] : undefined;
    if (r.driver !== 'splunk' || !splunk || this.findProp(props, splunk.secret)) return false;
    // The plain-text prop this fix removes is renamed instead: `token: …` → `secretToken: ecs.Secret…`.
    const plain = this.findProp(props, splunk.plain);
    const removal = plain && this.removedProps.get(plain);
    if (!plain || !removal || removal.some(e => !this.edits.includes(e))) return false;
    this.edits = this.edits.filter(e => !removal.includes(e));
    this.edits.push({ start: plain.getStart(this.doc.sf), end: plain.end, newText: `${splunk.secret}: ${secret}` });
    return true;
  }

  // --- ecs-patterns ---------------------------------------------------------------------------

  /**
   * An EC2 pattern's container size: written where the pattern takes it, on the construct or in
   * its image options (Fargate patterns size the task, which CDK always does).
   */
  private patternSize(c: ContainerEntity, key: string, value: Json): boolean {
    const pattern = c.task.pattern;
    const holder = pattern && own(PATTERN_SIZE_HOLDER, pattern.cls) ? PATTERN_SIZE_HOLDER[pattern.cls] : undefined;
    const obj = holder === 'construct' ? pattern!.props : holder === 'imageOptions' && !c.readOnly ? c.props : undefined;
    if (!obj || this.findProp(obj, PATTERN_SIZE_SPELLING[key])) return false;
    return this.insertMember(obj, obj.properties, `${PATTERN_SIZE_SPELLING[key]}: ${this.literal(value)}`, '}');
  }

  /** The name the container's linuxParameters prop refers to, when it is a plain variable. */
  private linuxVariable(c: ContainerEntity): string | undefined {
    if (!c.props) return undefined;
    const prop = this.findProp(c.props, 'linuxParameters');
    if (!prop) return undefined;
    const init = prop.kind === this.K.ShorthandPropertyAssignment ? (prop as TS.ShorthandPropertyAssignment).name : unwrap(this.doc.ts, (prop as TS.PropertyAssignment).initializer);
    if (init.kind === this.K.Identifier) return (init as TS.Identifier).text;
    if (init.kind === this.K.PropertyAccessExpression && (init as TS.PropertyAccessExpression).expression.kind === this.K.ThisKeyword) return `this.${(init as TS.PropertyAccessExpression).name.text}`;
    return undefined;
  }

  // --- remove ---------------------------------------------------------------------------------

  private remove(node: MValue): boolean {
    const r = tsRef(node);
    if (!r) return false;
    switch (r.t) {
      case 'val': case 'obj': case 'arr': {
        if (!r.place) return false;
        if ('arr' in r.place) return this.removeElement(r.place.arr, r.node);
        const from = this.edits.length;
        if (!this.removeMember(r.place.obj.properties, r.place.prop, r.place.obj)) return false;
        this.removedProps.set(r.place.prop, this.edits.slice(from));
        return true;
      }
      case 'mapEntry':
        return this.removeMember(r.map.properties, r.prop, r.map);
      case 'arg': {
        const args = r.call.arguments;
        if (args.length === 1) return this.removeStatement(r.call);
        return this.removeListItem([...args], args[r.index], r.call);
      }
      case 'callEntry':
        return this.removeStatement(r.call);
      default:
        return false;
    }
  }

  private removeElement(arr: TS.ArrayLiteralExpression, node: TS.Node): boolean {
    const el = arr.elements.find(e => unwrap(this.doc.ts, e) === node || e === node);
    return !!el && this.removeListItem([...arr.elements], el, arr);
  }

  private removeMember(props: TS.NodeArray<TS.ObjectLiteralElementLike>, prop: TS.ObjectLiteralElementLike, obj: TS.ObjectLiteralExpression): boolean {
    return this.removeListItem([...props], prop, obj);
  }

  /**
   * Removes one member of a comma-separated list (properties, elements, arguments) with its comma,
   * and its whole line when it stands alone there.
   */
  private removeListItem(members: TS.Node[], member: TS.Node, container: TS.Node): boolean {
    const { text } = this;
    const sf = this.doc.sf;
    const idx = members.indexOf(member);
    if (idx < 0) return false;
    const start0 = member.getStart(sf);
    const next = members[idx + 1];
    const prev = members[idx - 1];
    const after = skipTrivia(this.text, member.end);
    const commaEnd = text[after] === ',' ? after + 1 : undefined;
    if (next) {
      if (commaEnd === undefined) return false;
      const atLineStart = onlyIndentBefore(text, start0);
      const start = atLineStart ? lineStart(text, start0) : start0;
      let end = commaEnd;
      if (atLineStart && restOfLineIsTrivia(this.text, commaEnd)) {
        const nl = nextLineStart(text, commaEnd);
        end = nl < 0 ? text.length : nl;
      } else {
        while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      }
      this.edits.push({ start, end, newText: '' });
      return true;
    }
    if (prev) {
      if (commaEnd !== undefined && onlyIndentBefore(text, start0)) {
        // A trailing comma stays: drop the member's line only.
        const nl = restOfLineIsTrivia(this.text, commaEnd) ? nextLineStart(text, commaEnd) : -1;
        this.edits.push({ start: lineStart(text, start0), end: nl < 0 ? commaEnd : nl, newText: '' });
        return true;
      }
      let end = commaEnd ?? member.end;
      if (restOfLineIsTrivia(this.text, end)) end = lineEnd(text, end);
      this.edits.push({ start: prev.end, end, newText: '' });
      return true;
    }
    // The only member: empty the list.
    const open = this.openOf(container);
    if (open === undefined) return false;
    this.edits.push({ start: open + 1, end: container.end - 1, newText: '' });
    return true;
  }

  /** The offset of the bracket that opens a literal or an argument list. */
  private openOf(node: TS.Node): number | undefined {
    const K = this.K;
    if (node.kind === K.ObjectLiteralExpression || node.kind === K.ArrayLiteralExpression) return node.getStart(this.doc.sf);
    if (node.kind === K.CallExpression) {
      const i = this.text.indexOf('(', (node as TS.CallExpression).expression.end);
      return i >= 0 && i < node.end ? i : undefined;
    }
    return undefined;
  }

  /** Removes an expression statement made of one call, with its line. */
  private removeStatement(call: TS.CallExpression): boolean {
    const start = call.getStart(this.doc.sf);
    if (!onlyIndentBefore(this.text, start)) return false;
    const end = this.statementEnd(call);
    if (end === undefined) return false;
    const nl = restOfLineIsTrivia(this.text, end) ? nextLineStart(this.text, end) : -1;
    this.edits.push({ start: lineStart(this.text, start), end: nl < 0 ? end : nl, newText: '' });
    return true;
  }

  /** Where the statement that is `node` ends (after its semicolon); undefined when `node` is part of something larger. */
  private statementEnd(node: TS.Node): number | undefined {
    const after = skipTrivia(this.text, node.end);
    const c = this.text[after];
    if (c === ';') return after + 1;
    // No semicolon: the statement must end the line.
    if (after >= this.text.length || c === '}' || this.hasNewline(node.end, after)) return node.end;
    return undefined;
  }

  // --- replace --------------------------------------------------------------------------------

  private replace(node: MValue, value: Json): boolean {
    const r = tsRef(node);
    if (!r) return false;
    if (r.t === 'val' || r.t === 'arg') {
      const expr = r.t === 'val' ? r.node : unwrap(this.doc.ts, r.call.arguments[r.index]);
      let text: string | undefined;
      if (r.t === 'val' && r.encoding && typeof value === 'string' && own(r.encoding.booleans, value)) text = String(r.encoding.booleans[value]);
      else if (r.t === 'val' && r.enumName) {
        text = typeof value === 'string' ? this.enumExpr(r.enumName, value) : undefined;
        if (text === undefined) return false;
      } else {
        const member = typeof value === 'string' ? this.enumMemberEdit(expr, value) : undefined;
        if (member) {
          this.edits.push(member);
          return true;
        }
        text = this.literal(value, this.quoteOf(expr));
      }
      const place = r.t === 'val' ? r.place : undefined;
      if (place && 'prop' in place && place.prop.kind === this.K.ShorthandPropertyAssignment) {
        // `{ user }` → `{ user: '1000:1000' }`
        this.edits.push({ start: place.prop.getStart(this.doc.sf), end: place.prop.end, newText: `${(place.prop as TS.ShorthandPropertyAssignment).name.text}: ${text}` });
        return true;
      }
      this.edits.push({ start: expr.getStart(this.doc.sf), end: expr.end, newText: text });
      return true;
    }
    if (r.t === 'obj' || r.t === 'arr') {
      this.edits.push({ start: r.node.getStart(this.doc.sf), end: r.node.end, newText: this.literal(value) });
      return true;
    }
    return false;
  }

  /**
   * `ecs.NetworkMode.HOST` replaced by the member for `value`, or a const that stands for an enum
   * member replaced by the member expression; undefined when `expr` is no enum member.
   */
  private enumMemberEdit(expr: TS.Expression, value: string): TextEdit | undefined {
    const { ts } = this.doc;
    const r = resolveName(ts, this.doc.imports, expr);
    if (r && !('ns' in r) && r.member !== undefined && own(ENUMS, r.name) && expr.kind === this.K.PropertyAccessExpression) {
      const member = memberFor(r.name, value);
      if (!member) return undefined;
      const name = (expr as TS.PropertyAccessExpression).name;
      return { start: name.getStart(this.doc.sf), end: name.end, newText: member };
    }
    return undefined;
  }

  // --- move to secrets ------------------------------------------------------------------------

  private moveToSecrets(container: MObject, entry: MObject, name: string, valueFrom: string): boolean {
    const c = tsRef(container);
    const e = tsRef(entry);
    if (c?.t !== 'obj' || !e) return false;
    if (c.dialect === 'cfn') {
      if (e.t !== 'obj' || !e.place || !('arr' in e.place)) return false;
      if (!this.removeElement(e.place.arr, e.node)) return false;
      return this.setIn(c.node, 'cfn', ['secrets'], { name, valueFrom }, true);
    }
    if (c.dialect !== 'container' && c.dialect !== 'imageOptions') return false;
    const secret = this.secretExpr(name);
    if (!secret) return false;
    if (e.t === 'callEntry') {
      // container.addEnvironment('K', v) → container.addSecret('K', ecs.Secret.fromSecretsManager(…))
      const callee = e.call.expression as TS.PropertyAccessExpression;
      const value = e.call.arguments[1];
      if (!value) return false;
      this.edits.push({ start: callee.name.getStart(this.doc.sf), end: callee.name.end, newText: 'addSecret' });
      this.edits.push({ start: value.getStart(this.doc.sf), end: value.end, newText: secret });
      return true;
    }
    if (e.t !== 'mapEntry') return false;
    const envProp = c.node.properties.find(p => p.kind === this.K.PropertyAssignment && unwrap(this.doc.ts, (p as TS.PropertyAssignment).initializer) === e.map) as TS.PropertyAssignment | undefined;
    if (!envProp) return false;
    const entryKey = this.entryKeyText(e.prop);
    if (entryKey === undefined) return false;
    const secretsProp = this.findProp(c.node, 'secrets');
    const secretsLit = secretsProp?.kind === this.K.PropertyAssignment ? unwrap(this.doc.ts, (secretsProp as TS.PropertyAssignment).initializer) : undefined;
    if (secretsProp && secretsLit?.kind !== this.K.ObjectLiteralExpression) return false;
    const only = e.map.properties.length === 1;
    if (!secretsProp && only) {
      // The only entry: the environment map becomes the secrets map, in its own layout.
      this.edits.push({ start: envProp.name.getStart(this.doc.sf), end: envProp.name.end, newText: 'secrets' });
      return this.replaceEntryValue(e.prop, entryKey, secret);
    }
    if (only) {
      if (!this.removeMember(c.node.properties, envProp, c.node)) return false;
    } else if (!this.removeMember(e.map.properties, e.prop, e.map)) return false;
    const member = `${entryKey}: ${secret}`;
    if (secretsLit) return this.insertMember(secretsLit as TS.ObjectLiteralExpression, (secretsLit as TS.ObjectLiteralExpression).properties, member, '}');
    return this.insertMember(c.node, c.node.properties, `secrets: { ${member} }`, '}', envProp);
  }

  /** The key of a map entry as written (quotes kept), or undefined for computed keys. */
  private entryKeyText(prop: TS.ObjectLiteralElementLike): string | undefined {
    if (prop.kind === this.K.ShorthandPropertyAssignment) return (prop as TS.ShorthandPropertyAssignment).name.text;
    if (prop.kind !== this.K.PropertyAssignment) return undefined;
    const name = (prop as TS.PropertyAssignment).name;
    if (propName(this.doc.ts, name) === undefined) return undefined;
    return this.text.slice(name.getStart(this.doc.sf), name.end);
  }

  private replaceEntryValue(prop: TS.ObjectLiteralElementLike, key: string, value: string): boolean {
    if (prop.kind === this.K.ShorthandPropertyAssignment) {
      this.edits.push({ start: prop.getStart(this.doc.sf), end: prop.end, newText: `${key}: ${value}` });
      return true;
    }
    if (prop.kind !== this.K.PropertyAssignment) return false;
    const init = (prop as TS.PropertyAssignment).initializer;
    this.edits.push({ start: init.getStart(this.doc.sf), end: init.end, newText: value });
    return true;
  }

  /** `ecs.Secret.fromSecretsManager(PLACEHOLDER_…)`: the secret the user must create and pass in. */
  private secretExpr(name: string): string | undefined {
    const secret = this.ecsMember('Secret');
    if (!secret) return undefined;
    let id = name.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
    if (!/^[A-Z_]/.test(id)) id = '_' + id;
    return `${secret}.fromSecretsManager(PLACEHOLDER_${id}_SECRET)`;
  }

  // --- names from the file's imports ----------------------------------------------------------

  /** How this file refers to an export of the ECS module; adds it to a named import when that is the file's way. */
  private ecsMember(name: string): string | undefined {
    return this.moduleMember('ecs', name);
  }

  /** `Duration` and friends from aws-cdk-lib (or @aws-cdk/core). */
  private coreMember(name: string): string | undefined {
    return this.moduleMember('root', name) ?? this.moduleMember('core', name);
  }

  private moduleMember(module: CdkModule, name: string): string | undefined {
    const { imports } = this.doc;
    for (const [local, n] of imports.named) if (n.module === module && n.name === name) return local;
    for (const [local, m] of imports.namespaces) if (m === module) return `${local}.${name}`;
    if (module === 'ecs') for (const [local, m] of imports.namespaces) if (m === 'root') return `${local}.aws_ecs.${name}`;
    const key = `${module}:${name}`;
    const done = this.added.get(key);
    if (done) return done;
    const list = imports.lists.get(module);
    if (!list || !list.elements.length) return undefined;
    // Named imports are the file's way: add this one to the list.
    const last = list.elements[list.elements.length - 1];
    if (list.elements.hasTrailingComma) {
      const comma = skipTrivia(this.text, last.end);
      this.edits.push({ start: comma + 1, end: comma + 1, newText: ` ${name},` });
    } else this.edits.push({ start: last.end, end: last.end, newText: `, ${name}` });
    this.added.set(key, name);
    return name;
  }

  private enumExpr(enumName: string, value: string): string | undefined {
    const member = memberFor(enumName, value);
    const base = member && this.ecsMember(enumName);
    return base ? `${base}.${member}` : undefined;
  }

  // --- inserting ------------------------------------------------------------------------------

  /**
   * Inserts `member` into a literal after its last member (or after `after`): on its own line with
   * the members' indentation when the literal spans lines, inline otherwise; the literal's
   * trailing-comma habit is kept.
   */
  private insertMember(container: TS.Node, members: TS.NodeArray<TS.Node>, member: string, closeCh: string, after?: TS.Node): boolean {
    const { text, style } = this;
    const sf = this.doc.sf;
    const open = container.getStart(sf);
    const close = container.end - 1;
    if (text[close] !== closeCh) return false; // unterminated: no safe place to write
    // A property still being typed (`user:` with no value): leave the user's typing alone.
    if (members.some(m => isMissing(m) || (m.kind === this.K.PropertyAssignment && isMissing((m as TS.PropertyAssignment).initializer)))) return false;
    const containerIndent = indentOf(text, open);
    const multiline = this.hasNewline(open, close);
    if (!members.length) {
      if (!multiline) {
        this.edits.push({ start: open + 1, end: close, newText: closeCh === '}' ? ` ${member} ` : member });
        return true;
      }
      const inner = containerIndent + style.indent;
      this.edits.push({ start: open + 1, end: close, newText: style.eol + inner + member + ',' + style.eol + containerIndent });
      return true;
    }
    const last = after ?? members[members.length - 1];
    const lastStart = last.getStart(sf);
    const afterLast = skipTrivia(this.text, last.end);
    const comma = text[afterLast] === ',';
    if (!multiline || !this.hasNewline(open, members[0].getStart(sf))) {
      if (comma) this.edits.push({ start: afterLast + 1, end: afterLast + 1, newText: ` ${member},` });
      else this.edits.push({ start: last.end, end: last.end, newText: `, ${member}` });
      return true;
    }
    const indent = onlyIndentBefore(text, lastStart) ? indentOf(text, lastStart) : containerIndent + style.indent;
    if (comma) {
      const at = endOfLineAfter(this.text, afterLast + 1, close);
      this.edits.push({ start: at, end: at, newText: style.eol + indent + member + ',' });
      return true;
    }
    // The comma goes right after the last member, the new member after that member's line, so a
    // comment ending the line stays with the member it describes.
    const at = endOfLineAfter(this.text, last.end, close);
    if (at === last.end) this.edits.push({ start: last.end, end: last.end, newText: ',' + style.eol + indent + member });
    else {
      this.edits.push({ start: last.end, end: last.end, newText: ',' });
      this.edits.push({ start: at, end: at, newText: style.eol + indent + member });
    }
    return true;
  }

  // --- text helpers ---------------------------------------------------------------------------

  private findProp(obj: TS.ObjectLiteralExpression, key: string): TS.ObjectLiteralElementLike | undefined {
    let found: TS.ObjectLiteralElementLike | undefined;
    for (const p of obj.properties) {
      if (p.kind === this.K.PropertyAssignment && propName(this.doc.ts, (p as TS.PropertyAssignment).name) === key) found = p;
      else if (p.kind === this.K.ShorthandPropertyAssignment && (p as TS.ShorthandPropertyAssignment).name.text === key) found = p;
    }
    return found;
  }

  private hasNewline(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }

  /** The quote a string literal is written with. */
  private quoteOf(node: TS.Node): string | undefined {
    const c = this.text[node.getStart(this.doc.sf)];
    return c === '"' || c === "'" ? c : undefined;
  }

  /**
   * What a rule could not know and the stack knows at synthesis: the region placeholder becomes
   * `Aws.REGION`, a secret ARN placeholder's region, account and partition the `Aws` tokens (as
   * the CloudFormation adapter writes the pseudo parameters). Undefined for any other string, or
   * when the file has no way to name the CDK core.
   */
  private stackValue(s: string): string | undefined {
    if (s !== REGION_PLACEHOLDER && !s.startsWith('arn:')) return undefined;
    const m = s === REGION_PLACEHOLDER ? undefined : PLACEHOLDER_ARN.exec(s);
    if (s !== REGION_PLACEHOLDER && (!m || (m[2] !== 'REGION' && m[3] !== 'ACCOUNT_ID'))) return undefined;
    const aws = this.coreMember('Aws');
    if (!aws) return undefined;
    if (!m) return `${aws}.REGION`;
    const region = m[2] === 'REGION' ? `\${${aws}.REGION}` : m[2];
    const account = m[3] === 'ACCOUNT_ID' ? `\${${aws}.ACCOUNT_ID}` : m[3];
    const partition = m[2] === 'REGION' ? `\${${aws}.PARTITION}` : m[1];
    return '`' + `arn:${partition}:secretsmanager:${region}:${account}:secret:${m[4]}` + '`'; // the pattern lets no backquote, dollar or backslash into the name
  }

  /** A property key as an identifier when it is one, quoted otherwise. */
  private key(k: string): string {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : this.string(k);
  }

  private string(s: string, quote = this.doc.imports.quote): string {
    let out = quote;
    for (const ch of s) {
      if (ch === '\\' || ch === quote) out += '\\' + ch;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else out += ch;
    }
    return out + quote;
  }

  /** A JSON value as a TypeScript literal in the file's quotes (objects and arrays on one line). */
  private literal(value: Json, quote?: string): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return this.stackValue(value) ?? this.string(value, quote);
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) return `[${value.map(v => this.literal(v)).join(', ')}]`;
    const keys = Object.keys(value);
    if (!keys.length) return '{}';
    return `{ ${keys.map(k => `${this.key(k)}: ${this.literal(value[k])}`).join(', ')} }`;
  }
}

/** The member of an enum that stands for an ECS value (case-insensitive, as ECS values vary in case). */
function memberFor(enumName: string, value: string): string | undefined {
  const table = own(ENUMS, enumName) ? ENUMS[enumName] : undefined;
  if (!table) return undefined;
  const lower = value.toLowerCase();
  for (const [member, v] of Object.entries(table)) if (v.toLowerCase() === lower) return member;
  return undefined;
}

/** The words of a container name as identifier parts: `api-gateway` → ApiGateway / apiGateway; undefined when none. */
function identifierWords(name: string): { pascal: string; camel: string } | undefined {
  const words = name.split(/[^A-Za-z0-9]+/).filter(w => w !== '');
  if (!words.length) return undefined;
  const pascal = words.map(w => w[0].toUpperCase() + w.slice(1)).join('');
  const safe = /^[0-9]/.test(pascal) ? 'C' + pascal : pascal;
  return { pascal: safe, camel: safe[0].toLowerCase() + safe.slice(1) };
}
