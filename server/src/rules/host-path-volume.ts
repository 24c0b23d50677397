import { defineRule } from '../engine/types';
import { fargateNote } from '../model/document';
import { get, str } from '../model/values';
import { forEachVolume } from './lib/volumes';
import { q } from './lib/walk';

/** Host directories whose contents (or sub-directories) hand a container the host: config, kernel interfaces, devices, runtimes, homes. */
const SENSITIVE_TREES = ['/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/home', '/run', '/var/run', '/var/lib/docker', '/var/lib/containerd'];

/**
 * The path in a canonical form: repeated and trailing slashes dropped, `.` and `..` resolved
 * (a path cannot escape the root). Linear in the path's length.
 */
export function normalizeHostPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.trim().split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** Why mounting this host path hands over the host, or undefined when it is merely a host path. */
export function sensitiveHostPath(path: string): string | undefined {
  const lower = path.toLowerCase();
  if (lower.includes('docker.sock') || lower.includes('containerd.sock') || lower.includes('docker_engine')) {
    return "the container runtime's socket, which starts privileged containers for whoever reaches it";
  }
  if (/^[a-z]:[\\/]|^\\\\/i.test(path)) return undefined; // a Windows path: none of the trees below
  const p = normalizeHostPath(path);
  if (p === '/') return "the instance's whole filesystem";
  const tree = SENSITIVE_TREES.find(t => p === t || p.startsWith(t + '/'));
  return tree && `part of the instance's ${tree} tree`;
}

export default defineRule({
  meta: {
    id: 'host-path-volume',
    severity: 'warning',
    title: 'Task mounts a directory of the host',
    description: 'A bind mount of a host path lets the task read and change files on the instance, outside any container; mounting /, /etc, /proc, the Docker socket and the like hands over the instance itself.',
    fixable: false,
    references: {
      links: [
        ['ECS bind mounts', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html'],
        ['CloudFormation HostVolumeProperties (sourcePath is not supported on Fargate)', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-hostvolumeproperties.html'],
      ],
    },
  },
  check(doc, { report }) {
    forEachVolume(doc, v => {
      const node = get(get(v.obj, 'host'), 'sourcePath');
      const path = str(node);
      // Absent or empty: Docker picks a private directory; unknown: we cannot tell.
      if (!node || path === undefined || path.trim() === '') return;
      const why = sensitiveHostPath(path);
      const where = `Volume ${q(v.label)} of task definition ${q(v.task.label)} mounts the host path ${q(path)}`;
      const note = fargateNote(v.task);
      if (why) report(node, `${where} (${why}): a container that mounts it can take over the instance and every task on it.${note}`, { severity: 'error' });
      else report(node, `${where}: its containers can read and change files on the instance, and what they write outlives the task.${note}`);
    });
  },
});
