import { defineRule } from '../engine/types';
import { fargateNote, isWindows, remove } from '../model/document';
import { get, str } from '../model/values';
import { q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'host-ipc-mode',
    severity: 'error',
    title: 'Task shares the host\'s IPC namespace',
    description: 'With ipcMode "host" the task\'s containers share the instance\'s System V shared memory, semaphores and message queues: they can read and corrupt what host processes and other host-IPC tasks exchange there.',
    fixable: true,
    references: {
      links: [['ECS task definition parameters: ipcMode', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_ipcmode']],
    },
  },
  check(doc, { report }) {
    for (const task of doc.tasks) {
      const mode = get(task.obj, 'ipcMode');
      if (str(mode)?.trim().toLowerCase() !== 'host') continue;
      const windows = isWindows(task) ? ' Windows containers do not support this setting.' : '';
      report(mode!, `Task definition ${q(task.label)} shares the host's IPC namespace: its containers can read and tamper with the shared memory, semaphores and message queues of the instance and of other tasks that share it.${fargateNote(task)}${windows}`, {
        fix: { title: "Remove 'ipcMode' (Docker's default: a private IPC namespace per container)", intents: [remove(mode!)], preferred: true },
      });
    }
  },
});
