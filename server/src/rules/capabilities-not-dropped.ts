import { defineRule } from '../engine/types';
import { append, isWindows, set } from '../model/document';
import { MValue, get, items, str } from '../model/values';
import { capabilityName } from './dangerous-capability';
import { forEachContainer, q } from './lib/walk';

const orAbsent = (v: MValue | undefined) => (v?.kind === 'scalar' && v.value === null ? undefined : v);

export default defineRule({
  meta: {
    id: 'capabilities-not-dropped',
    severity: 'note',
    title: 'Container keeps Docker\'s default capabilities',
    description: 'Without `linuxParameters.capabilities.drop: ["ALL"]` a container keeps Docker\'s default capabilities (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, NET_RAW, …), each one a power an intruder can use. Drop them all and add back only what the process needs.',
    fixable: true,
    references: {
      links: [
        ['ECS task definition parameters: linuxParameters', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_linuxparameters'],
        ['ECS best practices: task and container security', 'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-tasks-containers.html'],
      ],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      if (isWindows(task)) return; // Windows containers have no Linux capabilities
      // null reads as absent (describe output writes it); anything else that is not the expected
      // shape is unknown, and an unknown value is never a finding.
      const lp = orAbsent(get(c.obj, 'linuxParameters'));
      if (lp && lp.kind !== 'object') return;
      const caps = orAbsent(get(lp, 'capabilities'));
      if (caps && caps.kind !== 'object') return;
      const drop = orAbsent(get(caps, 'drop'));
      if (drop && drop.kind !== 'array') return;
      const dropped = items(drop);
      // An unknown entry may well be ALL.
      if (dropped.some(d => str(d) === undefined || capabilityName(str(d)!) === 'ALL')) return;
      const title = `Drop all capabilities of container ${q(c.label)} (add back the ones it needs)`;
      if (drop) {
        report(drop, `Container ${q(c.label)} drops only some capabilities and keeps the rest of Docker's defaults, each a power an intruder can use: drop ALL and add back what the process needs.`, {
          fix: { title, intents: [append(c.obj, ['linuxParameters', 'capabilities', 'drop'], 'ALL')], preferred: false },
        });
      } else {
        report(c.anchor, `Container ${q(c.label)} does not drop Docker's default capabilities (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, …), each a power an intruder can use: drop ALL and add back what the process needs.`, {
          fix: { title, intents: [set(c.obj, ['linuxParameters', 'capabilities', 'drop'], ['ALL'])], preferred: false },
        });
      }
    });
  },
});
