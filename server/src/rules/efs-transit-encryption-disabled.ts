import { defineRule } from '../engine/types';
import { replace, set } from '../model/document';
import { get, getProp, str } from '../model/values';
import { forEachVolume } from './lib/volumes';
import { q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'efs-transit-encryption-disabled',
    severity: 'error',
    title: 'EFS volume without encryption in transit',
    description: 'Without transitEncryption ENABLED the task reads and writes its EFS file system over plain NFS: anyone who can observe or redirect traffic in the VPC reads or alters the data.',
    fixable: true,
    references: {
      securityHub: ['ECS.18'],
      checkov: ['CKV_AWS_97'],
      kics: ['EFS Volume With Disabled Transit Encryption'],
      trivy: ['AVD-AWS-0035'],
      links: [
        ['ECS: Amazon EFS volumes', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html'],
        ['EFS: encryption of data in transit', 'https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html'],
        ['AWS Config rule ecs-task-definition-efs-encryption-enabled', 'https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-efs-encryption-enabled.html'],
      ],
    },
  },
  check(doc, { report }) {
    forEachVolume(doc, v => {
      const efsProp = getProp(v.obj, 'efsVolumeConfiguration');
      const efs = efsProp?.value;
      if (efs?.kind !== 'object') return; // absent, or unknown: nothing to judge
      const te = get(efs, 'transitEncryption');
      const what = `EFS volume ${q(v.label)} of task definition ${q(v.task.label)}`;
      const why = 'its file data crosses the network as plain NFS that anyone on the path can read or alter';
      const title = `Enable transit encryption for EFS volume ${q(v.label)}`;
      if (!te) {
        report(efsProp!.keySpan, `${what} does not set transitEncryption, so it is off: ${why}.`, {
          fix: { title, intents: [set(efs, 'transitEncryption', 'ENABLED')], preferred: true },
        });
        return;
      }
      const s = str(te);
      if (s === undefined || s.toUpperCase() === 'ENABLED') return;
      report(te, `${what} turns transit encryption off: ${why}.`, {
        fix: { title, intents: [replace(te, 'ENABLED')], preferred: true },
      });
    });
  },
});
