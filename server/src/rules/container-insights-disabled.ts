import { defineRule } from '../engine/types';
import { get, items, str } from '../model/values';
import { q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'container-insights-disabled',
    severity: 'note',
    title: 'Cluster does not enable Container Insights',
    description: 'Without Container Insights a cluster records no per-task CPU, memory and network metrics: crypto-mining, runaway tasks and exfiltration bursts go unseen.',
    fixable: false,
    references: {
      securityHub: ['ECS.12'],
      controlTower: ['CT.ECS.PR.2'],
      checkov: ['CKV_AWS_65'],
      kics: ['ECS Cluster with Container Insights Disabled'],
      trivy: ['AVD-AWS-0034'],
      cdkNag: ['AwsSolutions-ECS4'],
      links: [['Amazon ECS Container Insights', 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html']],
    },
  },
  check(doc, { report }) {
    for (const c of doc.clusters) {
      const settings = get(c.obj, 'clusterSettings');
      if (settings && settings.kind !== 'array') continue; // unknown: cannot tell
      const entry = items(settings).find(s => str(get(s, 'name')) === 'containerInsights');
      if (!entry) {
        report(c.anchor, `Cluster ${q(c.label)} does not enable Container Insights (unless the account-level default does): its tasks' resource use goes unmonitored.`);
        continue;
      }
      const value = get(entry, 'value');
      const s = str(value)?.toLowerCase();
      if (s === undefined || s === 'enabled' || s === 'enhanced') continue;
      report(value!, `Cluster ${q(c.label)} turns Container Insights off: its tasks' resource use goes unmonitored.`);
    }
  },
});
