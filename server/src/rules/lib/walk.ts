import type { Container, ModelDocument, TaskDefinition } from '../../model/document';

/** Calls `fn` for every container of every task definition in the document. */
export function forEachContainer(doc: ModelDocument, fn: (c: Container, task: TaskDefinition) => void): void {
  for (const task of doc.tasks) for (const c of task.containers) fn(c, task);
}

/** Quotes a name for a message. */
export const q = (s: string) => `'${s}'`;
