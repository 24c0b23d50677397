import { defineRule } from '../engine/types';
import { compatibilities, effectiveNetworkMode, mayRunOnEc2, replace, set } from '../model/document';
import { get } from '../model/values';
import { awsvpcPortFixes } from './host-network-mode';
import { q } from './lib/walk';

const WHY = 'its containers share a Docker bridge on the instance with every other bridge task there, reach the instance metadata service and its role credentials unless the instance blocks it, and cannot have a security group of their own';

export default defineRule({
  meta: {
    id: 'bridge-network-mode',
    severity: 'warning',
    title: 'Task uses the bridge network mode',
    description: 'In bridge mode (the default on EC2 when networkMode is not set) tasks share the instance\'s Docker bridge: no per-task security group, open reach to the other tasks on the instance, and a path to the instance role\'s credentials. awsvpc gives each task its own network interface and security group. Tasks for external instances (ECS Anywhere) are left alone: awsvpc is not available there.',
    fixable: true,
    references: {
      controlTower: ['CT.ECS.PR.4'],
      kics: ['ECS Task Definition Network Mode Not Recommended'],
      links: [
        ['ECS task networking for the EC2 launch type', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html'],
        ['AWS Config rule ecs-awsvpc-networking-enabled', 'https://docs.aws.amazon.com/config/latest/developerguide/ecs-awsvpc-networking-enabled.html'],
      ],
    },
  },
  check(doc, { report }) {
    for (const task of doc.tasks) {
      // A bare container-definitions array (or a construct without the prop) has no network mode to judge.
      if (task.supports && !task.supports('networkMode')) continue;
      // External instances (ECS Anywhere) have no awsvpc: bridge is already the isolated choice there.
      if (compatibilities(task)?.includes('EXTERNAL')) continue;
      const eff = effectiveNetworkMode(task);
      const fixTitle = "Use the 'awsvpc' network mode";
      if (eff.stated) {
        if (eff.mode !== 'bridge') continue; // another mode, or not a literal
        const node = eff.node!;
        report(node, `Task definition ${q(task.label)} uses the bridge network mode: ${WHY}.`, {
          fix: () => ({ title: fixTitle, intents: [replace(node, 'awsvpc'), ...awsvpcPortFixes(task)], preferred: false }),
        });
        continue;
      }
      if (eff.mode !== 'bridge' || !mayRunOnEc2(task)) continue;
      // requiresCompatibilities written with a template value: the launch type, and so the default, is unknown.
      if (get(task.obj, 'requiresCompatibilities') && compatibilities(task) === undefined) continue;
      report(task.anchor, `Task definition ${q(task.label)} sets no networkMode, so on EC2 it runs in the bridge network mode: ${WHY}.`, {
        fix: () => ({ title: fixTitle, intents: [set(task.obj, 'networkMode', 'awsvpc'), ...awsvpcPortFixes(task)], preferred: false }),
      });
    }
  },
});
