import { defineRule } from '../engine/types';
import { replace } from '../model/document';
import { path, str } from '../model/values';
import { q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'public-ip-assigned',
    severity: 'warning',
    title: 'Service assigns public IP addresses to its tasks',
    description: 'With assignPublicIp ENABLED every task gets an address reachable from the internet: its open ports are exposed to anyone whom the security group lets in, bypassing the load balancer.',
    fixable: true,
    references: {
      securityHub: ['ECS.2', 'ECS.16'],
      controlTower: ['CT.ECS.PR.9'],
      checkov: ['CKV_AWS_333'],
      links: [['ECS task networking for Fargate', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html']],
    },
  },
  check(doc, { report }) {
    for (const s of doc.services) {
      const v = path(s.obj, 'networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp');
      if (str(v)?.toUpperCase() !== 'ENABLED') continue;
      report(v!, `Service ${q(s.label)} assigns public IP addresses to its tasks: each task is reachable from the internet, not only through its load balancer.`, {
        fix: { title: 'Do not assign public IP addresses (tasks then need a NAT gateway or VPC endpoints to pull images)', intents: [replace(v!, 'DISABLED')], preferred: false },
      });
    }
  },
});
