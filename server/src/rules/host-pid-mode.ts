import { defineRule } from '../engine/types';
import { fargateNote, isWindows, remove } from '../model/document';
import { get, str } from '../model/values';
import { q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'host-pid-mode',
    severity: 'error',
    title: 'Task shares the host\'s process namespace',
    description: 'With pidMode "host" the task\'s containers see every process on the instance: they can signal, trace or read the memory and environment of other tasks\' processes and of the ECS agent.',
    fixable: true,
    references: {
      securityHub: ['ECS.3'],
      controlTower: ['CT.ECS.PR.10'],
      checkov: ['CKV_AWS_335'],
      links: [['ECS task definition parameters: pidMode', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode']],
    },
  },
  check(doc, { report }) {
    for (const task of doc.tasks) {
      const mode = get(task.obj, 'pidMode');
      if (str(mode)?.trim().toLowerCase() !== 'host') continue;
      const windows = isWindows(task) ? ' Windows containers do not support this setting.' : '';
      report(mode!, `Task definition ${q(task.label)} shares the host's process namespace: its containers see every process on the instance and can signal, trace or read other tasks' processes and the ECS agent.${fargateNote(task)}${windows}`, {
        fix: { title: "Remove 'pidMode' (each container gets its own process namespace)", intents: [remove(mode!)], preferred: true },
      });
    }
  },
});
