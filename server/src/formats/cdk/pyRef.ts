import type { Span } from '../../model/values';

/**
 * The Python adapter's handles on source nodes (the model's `ref`): plain data about the text,
 * so that a fix can be rendered after the parser's tree is gone.
 */

/** A bracketed, comma-separated sequence: call arguments, a dict, a list or tuple. */
export interface PySeq {
  kind: 'args' | 'dict' | 'list';
  /** Offset of the opening bracket. */
  open: number;
  /** Offset of the closing bracket (or the end of the text written so far, when it is missing). */
  close: number;
  /** Every element (argument, keyword argument, splat, dict entry, list item), in order. */
  items: Span[];
  /** Holds a syntax error: edits inside it are not attempted. */
  broken?: boolean;
}

/** One element of a sequence: what a removal deletes (with its comma, and its line when alone there). */
export interface PyItem {
  seq: PySeq;
  index: number;
  /** The statement to delete instead when this is the only element (`lp.add_capabilities(X)`). */
  statement?: Span;
}

/** How a replacement value is written where a value is. */
export type Codec =
  /** A Python literal (string, number, True/False/None). */
  | { t: 'literal' }
  /** An enum member, written after `prefix` (the file's own `ecs.NetworkMode`). */
  | { t: 'enum'; prefix: string; enumName: string }
  /** A boolean that stands for two model strings (`assign_public_ip=True` is ENABLED). */
  | { t: 'switch'; on: string; off: string };

/** The kinds of object a property can be added to, which decide how keys and values are spelt. */
export type KeyContext =
  /** `add_container(…)`, `ContainerDefinition(…)` options. */
  | 'container'
  /** Task-definition construct props. */
  | 'task'
  /** ecs-patterns image options (`task_image_options`). */
  | 'imageOptions'
  /** L1 (Cfn*) properties: ECS names in snake case, literal strings for enums. */
  | 'l1'
  /** Any other L2 struct (`ecs.Host(…)`, `ecs.EfsVolumeConfiguration(…)`). */
  | 'struct'
  /** A service construct (only `assign_public_ip`). */
  | 'service'
  /** A LinuxParameters construct: its props, and capabilities added or dropped by method calls on its variable. */
  | 'linux'
  /** A log driver (`ecs.LogDrivers.splunk(…)`): only its secret options can be added. */
  | 'logDriver';

export interface PyProps {
  seq: PySeq;
  /** Keyword arguments of a call, or string keys of a dict. */
  style: 'kwargs' | 'dict';
  context: KeyContext;
  /** The container's construct id (for a log stream prefix). */
  containerId?: string;
  /** L1: how the file names the Cfn class (`ecs.CfnTaskDefinition`), for its nested property classes. */
  l1Class?: string;
  /** LinuxParameters: the variable it is assigned to, and that statement (new method calls go after it). */
  linux?: { receiver: string; statement: Span };
  /**
   * Log drivers: the prop that takes secret options (see LOG_DRIVER_SECRET_PROPS), and the dict
   * already written there; `unknown` when that prop holds something other than a dict.
   */
  secrets?: { map: string; existing?: PySeq | 'unknown' } | { prop: string; option: string; present: boolean };
}

export interface PyRef {
  span: Span;
  /** How to write a replacement here; absent = not replaceable. */
  codec?: Codec;
  /** The sequence element this value is: what a removal takes away. */
  item?: PyItem;
  /** For objects: where new properties go. */
  props?: PyProps;
  /** For environment and secrets written as a dict: the dict, where new entries go. */
  map?: PySeq;
  /** For lists: where new items go. */
  list?: PySeq;
  /** How items added to `list` are written, when not as literals (`ecs.Capability.ALL`). */
  listCodec?: Codec;
  /**
   * An entry added by a method call of its own (`c.add_environment("K", v)`): the call can be
   * rewritten from `method` (the method name's offset) to the call's end.
   */
  call?: { method: number; end: number; key: Span };
  /** A value that a module constant holds (`"DB_PASSWORD": DB_PASSWORD`): the constant and its statement. */
  constant?: { name: string; statement: Span };
}
