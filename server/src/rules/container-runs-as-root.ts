import { defineRule } from '../engine/types';
import { cget, isWindows, replace, set } from '../model/document';
import { str } from '../model/values';
import { forEachContainer, q } from './lib/walk';

const SAFE_USER = '1000:1000';

/** root, 0, 0:gid, root:group, and Windows' ContainerAdministrator. */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0].toLowerCase();
  return u === 'root' || u === '0' || u === 'containeradministrator';
}

export default defineRule({
  meta: {
    id: 'container-runs-as-root',
    severity: 'warning',
    title: 'Container runs as root',
    description: 'A container without a user runs as the image\'s default user, root for most images: a compromised process then owns the container and is one kernel bug from the host.',
    fixable: true,
    references: {
      securityHub: ['ECS.20', 'ECS.21'],
      controlTower: ['CT.ECS.PR.3', 'CT.ECS.PR.8'],
      cdkNag: ['NIST.800.53.R5-ECSTaskDefinitionUserForHostMode', 'HIPAA.Security-ECSTaskDefinitionUserForHostMode'],
      links: [['ECS task definition parameters: user', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security']],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, (c, task) => {
      const user = cget(c, 'user');
      const value = str(user);
      if (user && value !== undefined) {
        if (!isRootUser(value)) return;
        report(user, `Container ${q(c.label)} runs as ${value.split(':')[0]}: a compromised process gets full control of the container and an easier path to the host.`, {
          fix: { title: `Run container ${q(c.label)} as user ${SAFE_USER}`, intents: [replace(user, SAFE_USER)], preferred: false },
        });
        return;
      }
      if (user || isWindows(task)) return; // unknown user, or Windows (no 'user' support): nothing to say
      report(c.anchor, `Container ${q(c.label)} sets no user, so it runs as the image's default user, which is root for most images.`, {
        fix: { title: `Run container ${q(c.label)} as user ${SAFE_USER}`, intents: [set(c.obj, 'user', SAFE_USER)], preferred: false },
      });
    });
  },
});
