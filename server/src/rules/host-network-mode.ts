import { defineRule } from '../engine/types';
import { FixIntent, fargateNote, remove, replace } from '../model/document';
import { get, items, num, str } from '../model/values';
import { q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'host-network-mode',
    severity: 'error',
    title: 'Task uses the host network mode',
    description: 'With networkMode "host" containers share the instance\'s network stack: they can reach the instance metadata service and every local port, and bypass security groups for the task.',
    fixable: true,
    references: {
      securityHub: ['ECS.17'],
      controlTower: ['CT.ECS.PR.4', 'CT.ECS.PR.8'],
      kics: ['ECS Task Definition Network Mode Not Recommended'],
      cdkNag: ['NIST.800.53.R5-ECSTaskDefinitionUserForHostMode', 'HIPAA.Security-ECSTaskDefinitionUserForHostMode'],
      links: [['ECS task networking', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html']],
    },
  },
  check(doc, { report }) {
    for (const task of doc.tasks) {
      const mode = get(task.obj, 'networkMode');
      if (str(mode)?.toLowerCase() !== 'host') continue;
      report(mode!, `Task definition ${q(task.label)} uses the host network mode: its containers share the instance's network stack, can reach every port on the host and its credentials endpoint, and are not isolated by a security group.${fargateNote(task)}`, {
        fix: { title: "Use the 'awsvpc' network mode", intents: [replace(mode!, 'awsvpc'), ...awsvpcPortFixes(task)], preferred: false },
      });
    }
  },
});

/** awsvpc requires each hostPort to equal its containerPort or be absent: drop the ones that differ. */
export function awsvpcPortFixes(task: import('../model/document').TaskDefinition): FixIntent[] {
  const out: FixIntent[] = [];
  for (const c of task.containers) {
    for (const pm of items(get(c.obj, 'portMappings'))) {
      const host = get(pm, 'hostPort');
      if (!host) continue;
      const hp = num(host);
      const cp = num(get(pm, 'containerPort'));
      if (hp !== undefined && cp !== undefined && hp === cp) continue;
      out.push(remove(host));
    }
  }
  return out;
}
