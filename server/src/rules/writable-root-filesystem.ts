import { defineRule } from '../engine/types';
import { cget, isWindows, replace, set } from '../model/document';
import { bool } from '../model/values';
import { forEachContainer, q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'writable-root-filesystem',
    severity: 'warning',
    title: 'Container root filesystem is writable',
    description: 'A writable root filesystem lets an intruder drop tools, change binaries and persist inside the container; read-only makes the image the only code that runs.',
    fixable: true,
    references: {
      securityHub: ['ECS.5'],
      controlTower: ['CT.ECS.PR.6'],
      checkov: ['CKV_AWS_336'],
      links: [['ECS task definition parameters: readonlyRootFilesystem', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage']],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      if (isWindows(task)) return; // not supported on Windows containers
      const v = cget(c, 'readonlyRootFilesystem');
      const b = bool(v);
      if (b === true || (v && b === undefined)) return; // read-only, or not stated literally
      const fixTitle = `Make the root filesystem of container ${q(c.label)} read-only`;
      if (v) {
        report(v, `Container ${q(c.label)} has a writable root filesystem: an intruder can modify binaries and persist in the container.`, {
          fix: { title: fixTitle, intents: [replace(v, true)], preferred: true },
        });
      } else {
        report(c.anchor, `Container ${q(c.label)} does not set readonlyRootFilesystem, so its root filesystem is writable: an intruder can modify binaries and persist in the container.`, {
          fix: { title: fixTitle, intents: [set(c.obj, 'readonlyRootFilesystem', true)], preferred: true },
        });
      }
    });
  },
});
