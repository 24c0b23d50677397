import { defineRule } from '../engine/types';
import { fargateNote, remove } from '../model/document';
import { items, path, str } from '../model/values';
import { forEachContainer, q } from './lib/walk';

/** What each capability lets a compromised process do; the sentence's second half in the message. */
const DANGEROUS: Record<string, string> = {
  ALL: 'it gets every Linux capability, almost as much as a privileged container, and with it many ways out to the host',
  SYS_ADMIN: 'it can mount filesystems and manipulate cgroups and namespaces, the classic way to break out of a container onto the host',
  NET_ADMIN: 'it can rewrite interfaces, routes and firewall rules, intercept or redirect traffic and undo the rules that block the instance metadata service',
  SYS_PTRACE: 'it can attach to other processes it can see and read or alter their memory, secrets included',
  SYS_MODULE: 'it can load kernel modules, which is code running in the host\'s kernel',
  SYS_RAWIO: 'it can do raw I/O on devices and ports, reading and writing the host\'s memory and disks beneath the kernel\'s checks',
  DAC_READ_SEARCH: 'it can bypass file read permissions and open files by handle, the hole that lets a container read files of the host',
  BPF: 'it can load eBPF programs into the kernel, which see and change what every process on the host does',
  PERFMON: 'it can use performance monitoring and eBPF tracing to observe the kernel and other processes on the host',
  SYS_BOOT: 'it can reboot the instance or load a new kernel, taking every task on the instance down',
  SYS_TIME: 'it can set the instance\'s clock, which is shared by every task there and breaks certificate checks, tokens and log timelines',
  MAC_ADMIN: 'it can change the mandatory access control policy (AppArmor, SELinux) that confines containers',
  MAC_OVERRIDE: 'it can bypass the mandatory access control policy (AppArmor, SELinux) that confines containers',
  NET_RAW: 'it can open raw sockets to forge packets and spoof ARP or DNS answers for its neighbours on the network',
};

/** Fargate lets a task add this capability and no other. */
const FARGATE_ALLOWED = 'SYS_PTRACE';

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` are one capability. */
export function capabilityName(s: string): string {
  const u = s.trim().toUpperCase();
  return u.startsWith('CAP_') ? u.slice(4) : u;
}

export default defineRule({
  meta: {
    id: 'dangerous-capability',
    severity: 'error',
    title: 'Container adds a dangerous Linux capability',
    description: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or ALL give a compromised process the kernel powers it needs to escape the container, spy on its neighbours or take the instance down. NET_RAW is a warning.',
    fixable: true,
    references: {
      links: [
        ['ECS task definition parameters: linuxParameters', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_linuxparameters'],
        ['ECS KernelCapabilities', 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html'],
        ['capabilities(7)', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
      ],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      for (const item of items(path(c.obj, 'linuxParameters', 'capabilities', 'add'))) {
        const raw = str(item);
        if (raw === undefined) continue; // unknown: never a finding
        const cap = capabilityName(raw);
        const why = DANGEROUS[cap];
        if (!why) continue;
        const fargate = cap === FARGATE_ALLOWED ? '' : fargateNote(task);
        report(item, `Container ${q(c.label)} adds the ${cap} capability: ${why}.${fargate}`, {
          severity: cap === 'NET_RAW' ? 'warning' : undefined,
          fix: { title: `Remove ${cap} from the capabilities container ${q(c.label)} adds`, intents: [remove(item)], preferred: true },
        });
      }
    });
  },
});
