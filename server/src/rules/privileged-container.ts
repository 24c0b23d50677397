import { defineRule } from '../engine/types';
import { cget, fargateNote, remove } from '../model/document';
import { bool } from '../model/values';
import { forEachContainer, q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'privileged-container',
    severity: 'error',
    title: 'Container runs in privileged mode',
    description: 'A privileged container gets every Linux capability and access to the host\'s devices: escaping to the host is one step away.',
    fixable: true,
    references: {
      securityHub: ['ECS.4'],
      controlTower: ['CT.ECS.PR.11'],
      checkov: ['CKV_AWS_334'],
      links: [['ECS task definition parameters: privileged', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security']],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      const v = cget(c, 'privileged');
      if (bool(v) !== true) return;
      report(v!, `Container ${q(c.label)} runs privileged: it gets every Linux capability and the host's devices, so whoever compromises it controls the host.${fargateNote(task)}`, {
        fix: { title: `Remove 'privileged' from container ${q(c.label)}`, intents: [remove(v!)], preferred: true },
      });
    });
  },
});
