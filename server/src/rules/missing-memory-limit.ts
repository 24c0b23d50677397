import { defineRule } from '../engine/types';
import { cget, set, targetsFargate } from '../model/document';
import { MValue, get } from '../model/values';
import { forEachContainer, q } from './lib/walk';

/** What the fix writes: ECS's own example size, small enough to notice when it is too small. */
export const SUGGESTED_MEMORY_MIB = 512;

/** Present and not null: an unknown value counts as set (we cannot say it is missing). */
const isSet = (v: MValue | undefined) => v !== undefined && !(v.kind === 'scalar' && v.value === null);

export default defineRule({
  meta: {
    id: 'missing-memory-limit',
    severity: 'warning',
    title: 'Container has no memory limit',
    description: 'A container with no memory or memoryReservation, in a task with no task-level memory, may use all of the instance\'s memory: one leaking or attacked container starves or OOM-kills every other task on the host.',
    fixable: true,
    references: {
      controlTower: ['CT.ECS.PR.7'],
      links: [
        ['ECS task definition parameters: memory', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory'],
        ['AWS Config rule ecs-task-definition-memory-hard-limit', 'https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-memory-hard-limit.html'],
      ],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      // Task-level memory caps every container; a bare container list has no task level to look at.
      if (isSet(get(task.obj, 'memory'))) return;
      if (isSet(cget(c, 'memory')) || isSet(cget(c, 'memoryReservation'))) return;
      const fargate = targetsFargate(task) ? ' Fargate also requires a task-level memory.' : '';
      report(c.anchor, `Container ${q(c.label)} has no memory limit (memory or memoryReservation) and its task sets none: it can take all of the instance's memory and starve or OOM-kill the other tasks there.${fargate}`, {
        fix: {
          title: `Limit container ${q(c.label)} to ${SUGGESTED_MEMORY_MIB} MiB of memory (check what the application needs)`,
          intents: [set(c.obj, 'memory', SUGGESTED_MEMORY_MIB)],
          // A guessed hard limit can OOM-kill a healthy application: offered, never applied unasked.
          preferred: false,
        },
      });
    });
  },
});
