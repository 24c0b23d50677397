import type { TextEdit } from '../../engine/edits';
import type { FixIntent, Json } from '../../model/document';
import { MObject, MValue, Span, get } from '../../model/values';
import { TextStyle, detectStyle, indentOf, lineEnd, lineStart, nextLineStart, onlyIndentBefore } from '../textStyle';
import {
  ASSIGN_PUBLIC_IP, CONTAINER_METHODS, CONTAINER_PROPS, ENUMS, ENUM_PROPS, L1_KEY_RENAMES, LINUX_PARAMETERS_METHODS, LINUX_PARAMETERS_PROPS,
  LOG_DRIVER_FACTORIES, MAP_VALUED_KEYS, SECRET_CLASS, SECRET_FROM_SECRETS_MANAGER, STRUCT_CLASSES, TASK_IMAGE_PROPS, TASK_PROPS, snakeCase,
} from './constructs';
import type { PyNames } from './pythonModel';
import type { Codec, PyItem, PyProps, PyRef, PySeq } from './pyRef';

/** ECS name → the construct prop that sets it, per table (the first prop wins where two map to one name). */
function reverse(table: Record<string, string | { key: string }>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [prop, v] of Object.entries(table)) {
    const k = typeof v === 'string' ? v : v.key;
    if (!m.has(k)) m.set(k, prop);
  }
  return m;
}
const CONTAINER_KEYS = reverse(CONTAINER_PROPS);
const IMAGE_OPTION_KEYS = reverse(TASK_IMAGE_PROPS);
const TASK_KEYS = reverse(TASK_PROPS);
const LINUX_KEYS = reverse(LINUX_PARAMETERS_PROPS);
/** `capabilities.add` / `capabilities.drop` → the LinuxParameters method that extends it. */
const LINUX_CAPABILITY_METHODS = new Map(Object.entries(LINUX_PARAMETERS_METHODS).filter(([, p]) => p[0] === 'capabilities').map(([m, p]) => [p[1], m]));
/** The container methods that add an environment variable and a secret (`add_environment`, `add_secret`). */
const ADD_SECRET = Object.keys(CONTAINER_METHODS).find(m => CONTAINER_METHODS[m].key === 'secrets')!;
const L1_RENAMED = new Map(Object.entries(L1_KEY_RENAMES).map(([cfn, ecs]) => [ecs, cfn]));
const AWS_LOGS = Object.keys(LOG_DRIVER_FACTORIES).find(k => LOG_DRIVER_FACTORIES[k] === 'awslogs')!;

const refOf = (v: MValue | undefined) => v?.ref as PyRef | undefined;

/**
 * Renders fix intents as edits of Python source, in the file's own layout: a keyword argument or
 * dict entry is added next to its siblings with their indentation and trailing-comma habit,
 * removed with its comma (and its line when it has one to itself), or its value rewritten. Keys
 * and values are spelt as the construct expects (`readonly_root_filesystem=True`,
 * `ecs.NetworkMode.AWS_VPC`). Undefined when an intent cannot be written safely here.
 */
export function renderPython(text: string, intents: FixIntent[], names: PyNames): TextEdit[] | undefined {
  const r = new Renderer(text, names);
  const edits: TextEdit[] = [];
  for (const it of intents) {
    const e = r.intent(it);
    if (!e) return undefined;
    edits.push(...e);
  }
  return edits;
}

class Renderer {
  private style: TextStyle | undefined;

  constructor(private text: string, private names: PyNames) {}

  private get eol(): string {
    return (this.style ??= detectStyle(this.text)).eol;
  }

  intent(it: FixIntent): TextEdit[] | undefined {
    switch (it.op) {
      case 'set': return this.set(it.target, it.path, it.value);
      case 'append': return this.append(it.target, it.path, it.item);
      case 'remove': {
        const ref = refOf(it.node);
        return ref?.item ? this.removeItem(ref.item) : undefined;
      }
      case 'replace': {
        const ref = refOf(it.node);
        const t = ref?.codec && this.encode(ref.codec, it.value, ref.span);
        return ref && t !== undefined ? [{ start: ref.span.start, end: ref.span.end, newText: t }] : undefined;
      }
      case 'moveToSecrets': return this.moveToSecrets(it.container, it.entry, it.name, it.valueFrom);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Values

  /** A Python string literal in the file's quote style. */
  private str(s: string, quote = this.names.quote): string {
    let out = quote;
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (ch === '\\') out += '\\\\';
      else if (ch === quote) out += '\\' + quote;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
      else out += ch;
    }
    return out + quote;
  }

  /** A JSON value as a Python literal; dict keys through `key` (data keys stay as they are). */
  private literal(v: Json, key: (k: string) => string = k => k, parentKey?: string, quote?: string): string | undefined {
    if (v === null) return 'None';
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
    if (typeof v === 'string') return this.str(v, quote);
    // Recursion on the intent's value: made by a rule, a few levels deep, never the user's input.
    const stack: string[] = [];
    if (Array.isArray(v)) {
      for (const x of v) {
        const s = this.literal(x, key, parentKey);
        if (s === undefined) return undefined;
        stack.push(s);
      }
      return `[${stack.join(', ')}]`;
    }
    for (const [k, x] of Object.entries(v)) {
      const s = this.literal(x, key, k);
      if (s === undefined) return undefined;
      const written = parentKey !== undefined && MAP_VALUED_KEYS.includes(parentKey) ? k : key(k);
      stack.push(`${this.str(written)}: ${s}`);
    }
    return `{${stack.join(', ')}}`;
  }

  /** Writes a replacement value where a value is, as its codec says. */
  private encode(codec: Codec, value: Json, at: Span): string | undefined {
    switch (codec.t) {
      case 'literal': {
        const q = this.text[at.start];
        return this.literal(value, snakeCase, undefined, q === '"' || q === "'" ? q : undefined);
      }
      case 'enum': {
        const member = enumMember(codec.enumName, value);
        return member && `${codec.prefix}.${member}`;
      }
      case 'switch':
        return value === codec.on ? 'True' : value === codec.off ? 'False' : undefined;
    }
  }

  /** The source spelling of ECS key `key` in an object of this kind, or undefined when it cannot be set there. */
  private keyFor(props: PyProps, key: string): string | undefined {
    switch (props.context) {
      case 'container': {
        const prop = CONTAINER_KEYS.get(key);
        return prop && snakeCase(prop);
      }
      case 'imageOptions': {
        const prop = IMAGE_OPTION_KEYS.get(key);
        return prop && snakeCase(prop);
      }
      case 'task': {
        const prop = TASK_KEYS.get(key);
        return prop && snakeCase(prop);
      }
      case 'l1': return snakeCase(L1_RENAMED.get(key) ?? key);
      case 'struct': return snakeCase(key);
      case 'linux': {
        const prop = LINUX_KEYS.get(key);
        return prop && snakeCase(prop);
      }
      case 'service':
      case 'logDriver':
        return undefined;
    }
  }

  /** The value of a new property `key` in an object of this kind. */
  private valueFor(props: PyProps, key: string, value: Json): string | undefined {
    if (props.context === 'l1') return this.literal(value, k => snakeCase(L1_RENAMED.get(k) ?? k), key);
    if (key === 'logConfiguration' && (props.context === 'container' || props.context === 'imageOptions')) {
      // CDK makes the log group: a stream prefix named after the container is all it needs.
      const driver = typeof value === 'object' && value && !Array.isArray(value) ? value.logDriver : undefined;
      const logDrivers = this.names.ecs('LogDrivers');
      if (driver !== 'awslogs' || !logDrivers) return undefined;
      return `${logDrivers}.${snakeCase(AWS_LOGS)}(stream_prefix=${this.str(props.containerId ?? 'app')})`;
    }
    if (props.context === 'task' && key in ENUM_PROPS) {
      const member = enumMember(ENUM_PROPS[key], value);
      const holder = this.names.ecs(ENUM_PROPS[key]);
      return member && holder ? `${holder}.${member}` : undefined;
    }
    // Other L2 objects need their struct classes; scalars and lists of scalars are written as they are.
    const flat = (x: Json) => x === null || typeof x !== 'object';
    if (!flat(value) && !(Array.isArray(value) && value.every(flat))) return undefined;
    return this.literal(value);
  }

  // -------------------------------------------------------------------------------------------
  // Intents

  private set(target: MObject, path: string[], value: Json): TextEdit[] | undefined {
    let obj: MObject = target;
    let ref = refOf(obj);
    if (ref?.props?.context === 'service') {
      // Services say assign_public_ip=True/False for the awsvpcConfiguration's ENABLED/DISABLED.
      if (path.join('.') !== ASSIGN_PUBLIC_IP.path.join('.') || (value !== 'ENABLED' && value !== 'DISABLED')) return undefined;
      return this.insertEntry(ref.props, 'assign_public_ip', value === 'ENABLED' ? 'True' : 'False');
    }
    for (let i = 0; i < path.length - 1; i++) {
      // LinuxParameters hold capabilities through method calls, not a prop.
      if (ref?.props?.context === 'linux') return this.linuxCall(ref.props, path.slice(i), value);
      const next = get(obj, path[i]);
      // A struct that does not exist yet is written whole, with the value inside.
      if (next === undefined && ref?.props) return this.createNested(ref.props, path.slice(i), value);
      if (next?.kind !== 'object') return undefined;
      obj = next;
      ref = refOf(obj);
    }
    const props = ref?.props;
    if (!props) return undefined;
    const key = path[path.length - 1];
    const written = this.valueFor(props, key, value);
    if (written === undefined) return undefined;
    const existing = obj.props.find(p => p.key === key);
    if (existing) {
      const er = refOf(existing.value);
      return er ? [{ start: er.span.start, end: er.span.end, newText: written }] : undefined;
    }
    const name = this.keyFor(props, key);
    return name === undefined ? undefined : this.insertEntry(props, name, written);
  }

  private append(target: MObject, path: string[], item: Json): TextEdit[] | undefined {
    const parentProps = refOf(target)?.props;
    if (parentProps?.context === 'logDriver') return path.join('.') === 'secretOptions' ? this.secretOption(parentProps, item) : undefined;
    let obj: MValue | undefined = target;
    for (const k of path) obj = get(obj, k);
    if (obj) {
      const ref = refOf(obj);
      const list = ref?.list;
      const written = ref?.listCodec ? this.encode(ref.listCodec, item, ref.span) : parentProps?.context === 'l1' ? this.literal(item, snakeCase) : this.literal(item);
      return list && written !== undefined ? this.insertItem(list, written) : undefined;
    }
    return this.set(target, path, [item]);
  }

  /**
   * A struct (and the structs inside it) that does not exist yet: `path[0]` is added to `props`
   * holding the rest of the path and `value`. Written as the file writes its parent: a dict inside
   * a dict, else the struct's class where aws_ecs has one (`ecs.AuthorizationConfig(iam="ENABLED")`),
   * else a dict, which CDK accepts for any struct.
   */
  private createNested(props: PyProps, path: string[], value: Json): TextEdit[] | undefined {
    const name = this.keyFor(props, path[0]);
    const l1 = props.context === 'l1';
    // Every L1 property type is a struct; an L2 prop may be a construct (linux_parameters), which no dict can stand for.
    if (name === undefined || (!l1 && !path.slice(0, -1).every(k => Object.prototype.hasOwnProperty.call(STRUCT_CLASSES, k)))) return undefined;
    const flat = (x: Json) => x === null || typeof x !== 'object';
    if (!flat(value) && !(Array.isArray(value) && value.every(flat))) return undefined;
    let written = this.literal(value);
    if (written === undefined) return undefined;
    const keyOf = (k: string) => snakeCase(l1 ? L1_RENAMED.get(k) ?? k : k);
    // From the innermost struct outwards (the path is a rule's, a few keys long).
    for (let i = path.length - 2; i >= 0; i--) {
      const inner = keyOf(path[i + 1]);
      const cls = props.style === 'kwargs' && !l1 && Object.prototype.hasOwnProperty.call(STRUCT_CLASSES, path[i]) ? this.names.ecs(STRUCT_CLASSES[path[i]]) : undefined;
      written = cls ? `${cls}(${inner}=${written})` : `{${this.str(inner)}: ${written}}`;
    }
    return this.insertEntry(props, name, written);
  }

  /**
   * `capabilities.drop` (or `add`) on a LinuxParameters construct: a call of its method, on a new
   * line after the statement that makes it, spelt with the file's name for aws_ecs's Capability.
   */
  private linuxCall(props: PyProps, path: string[], value: Json): TextEdit[] | undefined {
    const method = path.length === 2 && path[0] === 'capabilities' ? LINUX_CAPABILITY_METHODS.get(path[1]) : undefined;
    const holder = this.names.ecs('Capability');
    if (!method || !props.linux || !holder || !Array.isArray(value) || value.length === 0) return undefined;
    const members: string[] = [];
    for (const v of value) {
      const m = enumMember('Capability', v);
      if (!m) return undefined;
      members.push(`${holder}.${m}`);
    }
    const { receiver, statement } = props.linux;
    const t = this.text;
    if (!onlyIndentBefore(t, statement.start) || !this.restOfLineIsBlank(statement.end)) return undefined;
    const at = lineEnd(t, statement.end);
    return [{ start: at, end: at, newText: `${this.eol}${indentOf(t, statement.start)}${receiver}.${snakeCase(method)}(${members.join(', ')})` }];
  }

  /**
   * Adds a log option as a secret (Secrets Manager reference to fill in): into the driver's map of
   * secret options, or as the one secret prop a driver has for it (Splunk's `secret_token`).
   */
  private secretOption(props: PyProps, item: Json): TextEdit[] | undefined {
    const secret = this.names.ecs(SECRET_CLASS);
    const name = typeof item === 'object' && item && !Array.isArray(item) && typeof item.name === 'string' ? item.name : undefined;
    const s = props.secrets;
    if (!secret || name === undefined || !s) return undefined;
    const reference = `${secret}.${snakeCase(SECRET_FROM_SECRETS_MANAGER)}(${placeholderName(name)})`;
    if ('prop' in s) return s.option === name && !s.present ? this.insertEntry(props, s.prop, reference) : undefined;
    if (s.existing === 'unknown') return undefined;
    const pair = `${this.str(name)}: ${reference}`;
    return s.existing ? this.insertItem(s.existing, pair) : this.insertEntry(props, s.map, `{${pair}}`);
  }

  /** Removes the plaintext entry and adds a Secrets Manager reference under the same name. */
  private moveToSecrets(container: MObject, entry: MObject, name: string, valueFrom: string): TextEdit[] | undefined {
    const entryRef = refOf(entry);
    const props = refOf(container)?.props;
    if (entryRef?.call) return this.callToSecret(entry, entryRef, entryRef.call);
    if (!entryRef?.item || !props) return undefined;
    const removal = this.removeItem(entryRef.item);
    if (!removal) return undefined;
    removal.push(...this.removeConstant(entry, entryRef.span));
    const secrets = get(container, 'secrets');
    let added: TextEdit[] | undefined;
    if (props.context === 'l1') {
      if (!props.l1Class) return undefined;
      const ref = `${props.l1Class}.SecretProperty(name=${this.str(name)}, value_from=${this.str(valueFrom)})`;
      const list = refOf(secrets)?.list;
      if (secrets) added = list ? this.insertItem(list, ref) : undefined;
      else added = this.insertEntry(props, 'secrets', `[${ref}]`);
    } else {
      const secret = this.names.ecs(SECRET_CLASS);
      if (!secret) return undefined;
      const reference = `${secret}.${snakeCase(SECRET_FROM_SECRETS_MANAGER)}(${placeholderName(name)})`;
      const pair = `${this.str(name)}: ${reference}`;
      const map = refOf(secrets)?.map;
      if (secrets) added = map ? this.insertItem(map, pair) : undefined;
      else {
        const key = this.keyFor(props, 'secrets');
        added = key ? this.insertEntry(props, key, `{${pair}}`) : undefined;
      }
    }
    return added && [...removal, ...added];
  }

  /** The plaintext must leave the file: a constant that only this entry used goes too. */
  private removeConstant(entry: MObject, span: Span): TextEdit[] {
    const constant = refOf(get(entry, 'value'))?.constant;
    if (!constant || this.occurrencesOutside(constant.name, span) !== 1) return [];
    return this.removeStatement(constant.statement) ?? [];
  }

  /** `c.add_environment("K", "v")` becomes `c.add_secret("K", ecs.Secret.from_secrets_manager(K_SECRET_PLACEHOLDER))`. */
  private callToSecret(entry: MObject, ref: PyRef, call: NonNullable<PyRef['call']>): TextEdit[] | undefined {
    const secret = this.names.ecs(SECRET_CLASS);
    const name = get(entry, 'name');
    if (!secret || name?.kind !== 'scalar' || typeof name.value !== 'string') return undefined;
    const key = this.text.slice(call.key.start, call.key.end);
    const reference = `${secret}.${snakeCase(SECRET_FROM_SECRETS_MANAGER)}(${placeholderName(name.value)})`;
    return [{ start: call.method, end: call.end, newText: `${snakeCase(ADD_SECRET)}(${key}, ${reference})` }, ...this.removeConstant(entry, ref.span)];
  }

  /**
   * How often an identifier occurs outside `span` (counting at most 2). Words in comments and
   * strings count too: a mention elsewhere is a reason to keep a constant.
   */
  private occurrencesOutside(name: string, span: Span): number {
    const re = new RegExp(`\\b${name}\\b`, 'g');
    let n = 0;
    for (let m = re.exec(this.text); m && n < 2; m = re.exec(this.text)) if (m.index < span.start || m.index >= span.end) n++;
    return n;
  }

  // -------------------------------------------------------------------------------------------
  // Sequences

  /** Adds `name=value` (keyword arguments) or `"name": value` (a dict) to an object. */
  private insertEntry(props: PyProps, name: string, value: string): TextEdit[] | undefined {
    const entry = props.style === 'kwargs' ? `${name}=${value}` : `${this.str(name)}: ${value}`;
    return this.insertItem(props.seq, entry);
  }

  /** Inserts an element after the last one, in the sequence's layout. */
  private insertItem(seq: PySeq, entry: string): TextEdit[] | undefined {
    if (seq.broken) return undefined;
    const t = this.text;
    const items = seq.items;
    if (items.length === 0) {
      const inner = t.slice(seq.open + 1, seq.close);
      if (inner.trim() !== '') return undefined; // only comments inside: nowhere obvious to go
      return [{ start: seq.open + 1, end: seq.close, newText: entry }];
    }
    const last = items[items.length - 1];
    const comma = this.commaAfter(last.end, seq.close);
    if (!onlyIndentBefore(t, last.start)) {
      // One line (or items sharing lines): after the last item, before a trailing comma.
      return [{ start: last.end, end: last.end, newText: `, ${entry}` }];
    }
    const indent = indentOf(t, last.start);
    const eol = this.eol;
    const lastLineEnd = lineEnd(t, last.end);
    if (seq.close < lastLineEnd) {
      // The closing bracket follows the last item on its line: the new item goes before it.
      const at = comma >= 0 ? comma + 1 : last.end;
      return [{ start: at, end: at, newText: `${comma >= 0 ? '' : ','}${eol}${indent}${entry}${comma >= 0 ? ',' : ''}` }];
    }
    // One item per line: a new line after the last item's (and its comment), same indent, same comma habit.
    const edits: TextEdit[] = [{ start: lastLineEnd, end: lastLineEnd, newText: `${eol}${indent}${entry}${comma >= 0 ? ',' : ''}` }];
    if (comma < 0) edits.unshift({ start: last.end, end: last.end, newText: ',' });
    return edits;
  }

  /** The offset of the comma right after `pos` (spaces and line breaks between), or -1. */
  private commaAfter(pos: number, limit: number): number {
    const t = this.text;
    let i = pos;
    while (i < limit) {
      const c = t[i];
      if (c === ',') return i;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\\') i++;
      else if (c === '#') i = lineEnd(t, i);
      else return -1;
    }
    return -1;
  }

  /** Removes an element with its comma, and its line when it has one to itself. */
  private removeItem(item: PyItem): TextEdit[] | undefined {
    const { seq, index } = item;
    if (seq.broken) return undefined;
    const t = this.text;
    const items = seq.items;
    const it = items[index];
    if (!it) return undefined;
    if (items.length === 1 && item.statement) return this.removeStatement(item.statement);
    const comma = this.commaAfter(it.end, seq.close);
    const afterItem = comma >= 0 ? comma + 1 : it.end;
    if (onlyIndentBefore(t, it.start) && this.restOfLineIsBlank(afterItem) && !(comma < 0 && index === items.length - 1 && this.closeOnSameLine(it.end, seq.close))) {
      const from = lineStart(t, it.start);
      const next = nextLineStart(t, afterItem);
      return [{ start: from, end: next < 0 ? t.length : next, newText: '' }];
    }
    if (index < items.length - 1) return [{ start: it.start, end: items[index + 1].start, newText: '' }];
    if (index > 0) return [{ start: items[index - 1].end, end: it.end, newText: '' }];
    let end = afterItem;
    while (end < seq.close && (t[end] === ' ' || t[end] === '\t')) end++;
    return [{ start: it.start, end, newText: '' }];
  }

  /** Only spaces and a comment between `pos` and the end of its line. */
  private restOfLineIsBlank(pos: number): boolean {
    const t = this.text;
    let i = pos;
    while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
    return i >= t.length || t[i] === '\n' || t[i] === '\r' || t[i] === '#';
  }

  private closeOnSameLine(pos: number, close: number): boolean {
    return close < lineEnd(this.text, pos);
  }

  /**
   * Removes a statement (its lines when it has them to itself). A block needs a statement, so the
   * only one of a block becomes `pass`.
   */
  private removeStatement(span: Span): TextEdit[] | undefined {
    const t = this.text;
    if (!onlyIndentBefore(t, span.start) || !this.restOfLineIsBlank(span.end)) return undefined;
    const from = lineStart(t, span.start);
    const nextLine = nextLineStart(t, span.end);
    const to = nextLine < 0 ? t.length : nextLine;
    const indent = indentOf(t, span.start);
    if (this.onlyStatementOfBlock(from, to, indent)) return [{ start: span.start, end: lineEnd(t, span.end), newText: 'pass' }];
    // Between two blank lines, one of them goes too: the gap stays as wide as the file had it.
    const blankBefore = from > 0 && t.slice(lineStart(t, from - 1), from).trim() === '';
    const afterEnd = to < t.length ? nextLineStart(t, to) : -1;
    const blankAfter = to < t.length && t.slice(to, afterEnd < 0 ? t.length : afterEnd).trim() === '';
    return [{ start: from, end: blankBefore && blankAfter ? (afterEnd < 0 ? t.length : afterEnd) : to, newText: '' }];
  }

  /** The previous code line opens a block (ends with ':') and the next code line is not indented as deep. */
  private onlyStatementOfBlock(from: number, to: number, indent: string): boolean {
    const t = this.text;
    let prev = from;
    let prevCode = '';
    while (prev > 0 && prevCode === '') {
      const s = lineStart(t, prev - 1);
      prevCode = t.slice(s, lineEnd(t, s)).replace(/#.*$/, '').trim();
      prev = s;
    }
    if (!prevCode.endsWith(':')) return false;
    let next = to;
    while (next >= 0 && next < t.length) {
      const line = t.slice(next, lineEnd(t, next));
      const code = line.replace(/#.*$/, '');
      if (code.trim() !== '') return indentOf(t, next).length < indent.length;
      next = nextLineStart(t, next);
    }
    return true;
  }
}

/** The member of enum `enumName` whose value is `value` (`awsvpc` → `AWS_VPC`). */
function enumMember(enumName: string, value: Json): string | undefined {
  if (typeof value !== 'string') return undefined;
  const members = ENUMS[enumName];
  if (!members) return undefined;
  for (const [m, v] of Object.entries(members)) if (v === value) return m;
  for (const [m, v] of Object.entries(members)) if (v.toLowerCase() === value.toLowerCase()) return m;
  return undefined;
}

/**
 * The name a moved secret is referenced by until the user supplies the secret: an undefined name,
 * so that synthesis stops with a NameError instead of deploying without it.
 */
export function placeholderName(envName: string): string {
  const id = envName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'VALUE';
  return `${/^[0-9]/.test(id) ? '_' : ''}${id}_SECRET_PLACEHOLDER`;
}
