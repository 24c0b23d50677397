import { defineRule } from '../engine/types';
import type { Fix } from '../engine/types';
import { Container, FixIntent, Json, ModelDocument, REGION_PLACEHOLDER, TaskDefinition, replace, set } from '../model/document';
import { get, str } from '../model/values';
import { forEachContainer, q } from './lib/walk';

/** The awslogs configuration the fix writes: one log group per family, one stream prefix per container. */
export function awslogsConfiguration(doc: ModelDocument, task: TaskDefinition, c: Container): { value: Json; regionKnown: boolean } {
  const family = str(get(task.obj, 'family'));
  const name = str(get(c.obj, 'name'));
  const region = doc.environment.region;
  return {
    value: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': `/ecs/${family ?? name ?? 'app'}`,
        'awslogs-region': region ?? REGION_PLACEHOLDER,
        'awslogs-stream-prefix': name ?? 'ecs',
      },
    },
    // A template's deployment fills the placeholder in with the stack's region.
    regionKnown: region !== undefined || doc.environment.deploymentProvided === true,
  };
}

export default defineRule({
  meta: {
    id: 'missing-log-configuration',
    severity: 'warning',
    title: 'Container has no log configuration',
    description: 'A container without a logConfiguration sends its output nowhere durable: when the task stops, the traces of an intrusion, a crash or a data leak go with it.',
    fixable: true,
    references: {
      securityHub: ['ECS.9'],
      controlTower: ['CT.ECS.PR.5'],
      cdkNag: ['AwsSolutions-ECS7'],
      links: [
        ['Send ECS logs to CloudWatch (awslogs)', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html'],
        ['ECS task definition parameters: logConfiguration', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage'],
      ],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      if (task.defaults.loggingEnabled) return; // the source format logs by default (CDK ecs-patterns)
      const lc = get(c.obj, 'logConfiguration');
      const fix = (write: (value: Json) => FixIntent) => (): Fix => {
        const { value, regionKnown } = awslogsConfiguration(doc, task, c);
        return {
          title: regionKnown
            ? `Send the logs of container ${q(c.label)} to CloudWatch Logs (awslogs)`
            : `Send the logs of container ${q(c.label)} to CloudWatch Logs (awslogs; fill in the region)`,
          intents: [write(value)],
          // Never applied unasked: the log group must exist (or be created with logs:CreateLogGroup)
          // and the task needs an execution role allowed to write to it, or the task stops starting.
          preferred: false,
        };
      };
      const why = 'its output is kept nowhere once the task stops, so an intrusion, a crash or a data leak leaves no trace to investigate';
      if (!lc) {
        report(c.anchor, `Container ${q(c.label)} has no logConfiguration: ${why}.`, { fix: fix(v => set(c.obj, 'logConfiguration', v)) });
        return;
      }
      // null or {} configure nothing; a configuration without a literal logDriver is left alone
      // unless it is empty (its driver may come from a template, and its options are someone's work).
      const empty = (lc.kind === 'scalar' && lc.value === null) || (lc.kind === 'object' && lc.props.length === 0);
      if (empty) {
        report(lc, `Container ${q(c.label)} has an empty logConfiguration: ${why}.`, { fix: fix(v => replace(lc, v)) });
        return;
      }
      const driver = get(lc, 'logDriver');
      if (lc.kind === 'object' && (!driver || (driver.kind === 'scalar' && driver.value === null))) {
        report(lc, `Container ${q(c.label)} has a logConfiguration without a logDriver: ${why}.`);
      }
    });
  },
});
