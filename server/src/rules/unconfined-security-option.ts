import { defineRule } from '../engine/types';
import { citems, fargateNote, remove } from '../model/document';
import { str } from '../model/values';
import { forEachContainer, q } from './lib/walk';

/** key -> value -> what the option switches off. Keys and values as Docker reads them, lower-cased. */
const UNCONFINED: Record<string, Record<string, string>> = {
  seccomp: { unconfined: 'the seccomp system-call filter' },
  apparmor: { unconfined: 'the AppArmor profile' },
  label: {
    disable: 'SELinux labelling',
    // SELinux types that are not confined: the "super privileged container" type and the unconfined domain.
    'type:spc_t': 'SELinux confinement (type spc_t)',
    'type:unconfined_t': 'SELinux confinement (type unconfined_t)',
  },
  systempaths: { unconfined: 'the masking of /proc and /sys paths' },
};

/**
 * What a Docker security option switches off, or undefined. Docker splits at the first `=`, and
 * accepts the older `key:value` spelling when there is none.
 */
export function unconfinedBy(option: string): string | undefined {
  const o = option.trim().toLowerCase();
  let sep = o.indexOf('=');
  if (sep < 0) sep = o.indexOf(':');
  if (sep < 0) return undefined;
  const key = o.slice(0, sep).trim();
  const value = o.slice(sep + 1).trim();
  return Object.prototype.hasOwnProperty.call(UNCONFINED, key) && Object.prototype.hasOwnProperty.call(UNCONFINED[key], value)
    ? UNCONFINED[key][value]
    : undefined;
}

export default defineRule({
  meta: {
    id: 'unconfined-security-option',
    severity: 'error',
    title: 'Container turns off a kernel confinement (seccomp, AppArmor, SELinux)',
    description: 'dockerSecurityOptions such as seccomp:unconfined, apparmor:unconfined, label:disable or systempaths=unconfined remove the kernel-level walls Docker puts around a container: exploits of kernel bugs and escapes through /proc become possible again.',
    fixable: true,
    references: {
      links: [
        ['ECS task definition parameters: dockerSecurityOptions', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security'],
        ['Docker: security configuration (--security-opt)', 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt'],
      ],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      for (const opt of citems(c, 'dockerSecurityOptions')) {
        const s = str(opt);
        const off = s === undefined ? undefined : unconfinedBy(s);
        if (!off) continue;
        report(opt, `Container ${q(c.label)} runs without ${off} (${q(s!.trim())}): a compromised process can use the kernel interfaces that confinement blocks to escape to the host.${fargateNote(task)}`, {
          fix: { title: `Remove ${q(s!.trim())} from container ${q(c.label)}`, intents: [remove(opt)], preferred: true },
        });
      }
    });
  },
});
