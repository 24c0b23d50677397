import type { ModelDocument, TaskDefinition } from '../../model/document';
import { MObject, get, items, str } from '../../model/values';

/** One entry of a task definition's `volumes`, with a name for messages. */
export interface TaskVolume {
  obj: MObject;
  task: TaskDefinition;
  /** The volume's name, or its position when it has none (or an empty one). */
  label: string;
}

/** Calls `fn` for every literal volume object of every task definition in the document. */
export function forEachVolume(doc: ModelDocument, fn: (v: TaskVolume) => void): void {
  for (const task of doc.tasks) {
    items(get(task.obj, 'volumes')).forEach((obj, i) => {
      if (obj.kind === 'object') fn({ obj, task, label: str(get(obj, 'name')) || `#${i + 1}` });
    });
  }
}
