import { defineRule } from '../engine/types';
import { FixIntent, replace, set } from '../model/document';
import { MObject, get, getProp, str } from '../model/values';
import { forEachVolume } from './lib/volumes';
import { q } from './lib/walk';

/** IAM authorization only works over TLS: make transit encryption ENABLED too, unless it is already or we cannot tell. */
function transitIntents(efs: MObject): FixIntent[] {
  const te = get(efs, 'transitEncryption');
  if (!te) return [set(efs, 'transitEncryption', 'ENABLED')];
  const s = str(te);
  return s !== undefined && s.toUpperCase() !== 'ENABLED' ? [replace(te, 'ENABLED')] : [];
}

export default defineRule({
  meta: {
    id: 'efs-iam-authorization-disabled',
    severity: 'note',
    title: 'EFS volume without IAM authorization',
    description: 'Without authorizationConfig.iam ENABLED the file system does not check the task\'s IAM role: any client that can reach its mount targets, and any task given the volume, gets whatever the file system policy allows anonymous NFS clients.',
    fixable: true,
    references: {
      links: [
        ['ECS: Amazon EFS volumes (IAM authorization)', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html'],
        ['EFS: IAM to control file system data access', 'https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html'],
      ],
    },
  },
  check(doc, { report }) {
    forEachVolume(doc, v => {
      const efsProp = getProp(v.obj, 'efsVolumeConfiguration');
      const efs = efsProp?.value;
      if (efs?.kind !== 'object') return;
      const auth = get(efs, 'authorizationConfig');
      if (auth && auth.kind !== 'object') return; // unknown
      const iam = get(auth, 'iam');
      const s = str(iam);
      if (iam && (s === undefined || s.toUpperCase() === 'ENABLED')) return;
      const what = `EFS volume ${q(v.label)} of task definition ${q(v.task.label)}`;
      const why = "the file system does not check the task's IAM role, so access is decided by the network and the file system policy alone";
      const fix = () => ({
        title: `Enable IAM authorization (and transit encryption) for EFS volume ${q(v.label)}; the task role then needs elasticfilesystem:ClientMount`,
        intents: [...transitIntents(efs), iam ? replace(iam, 'ENABLED') : set(efs, ['authorizationConfig', 'iam'], 'ENABLED')],
        // The task role must be granted the file system's client actions first, or the mount fails.
        preferred: false,
      });
      if (iam) report(iam, `${what} turns IAM authorization off: ${why}.`, { fix });
      else report(efsProp!.keySpan, `${what} does not enable IAM authorization: ${why}.`, { fix });
    });
  },
});
