import type { TextEdit } from '../engine/edits';
import type { FixIntent, ModelDocument } from '../model/document';
import type { Span } from '../model/values';
import type { SComment } from './syntax';

/** The formats ECS Guard reads. */
export type FormatId = 'taskdef-json' | 'cloudformation-json' | 'cloudformation-yaml' | 'cdk-typescript' | 'cdk-python';

export const FORMAT_LABELS: Record<FormatId, string> = {
  'taskdef-json': 'ECS task definition (JSON)',
  'cloudformation-json': 'CloudFormation template (JSON)',
  'cloudformation-yaml': 'CloudFormation template (YAML)',
  'cdk-typescript': 'AWS CDK (TypeScript/JavaScript)',
  'cdk-python': 'AWS CDK (Python)',
};

export interface ParseProblem {
  span: Span;
  message: string;
}

/** One document read by an adapter: the model plus what the engine needs around it. */
export interface ParsedDocument {
  format: FormatId;
  text: string;
  model: ModelDocument;
  /** Syntax errors: the model holds what parsed around them. */
  problems: ParseProblem[];
  /** Comments, for suppression directives (`ecs-guard-ignore …`). */
  comments: SComment[];
  /**
   * Rules suppressed on a declared resource (CloudFormation `Metadata: {ecs-guard: {ignore: […]}}`):
   * a finding inside `span` whose rule id is listed is dropped. `rewrite` gives the edits that keep
   * only the listed ids (none: the whole entry goes), for the fix of an unused suppression.
   */
  resourceIgnores?: { span: Span; rules: string[]; directive: Span; rewrite?: (keep: string[]) => TextEdit[] | undefined }[];
  /** Turns fix intents into text edits in this document's syntax; undefined = cannot render safely. */
  render(intents: FixIntent[]): TextEdit[] | undefined;
}

/** A source format: recognises its documents and reads them into the model. */
export interface FormatAdapter {
  /** A cheap test on the raw text and name; false means "certainly not mine". */
  sniff(text: string, uri: string, languageId?: string): boolean;
  /** Parses and recognises; undefined when the text turns out not to be an ECS document. */
  parse(text: string, uri: string): ParsedDocument | undefined;
  /**
   * Loads what parsing needs when that is asynchronous or expensive (a WebAssembly grammar, the
   * TypeScript compiler), so that documents of other formats never pay for it. Front ends await
   * {@link prepareDocument} before analysing; until it has resolved, `parse` returns undefined.
   */
  prepare?(): Promise<void>;
}
