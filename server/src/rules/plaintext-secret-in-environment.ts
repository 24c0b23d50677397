import { redact } from '../engine/redact';
import { defineRule } from '../engine/types';
import { Container, TaskDefinition, citems } from '../model/document';
import { MObject, MValue, get, str } from '../model/values';
import { compilePatterns, couldBeSecretValue, credentialKind, isAlwaysSecretName, isSecretName } from './lib/secrets';
import { secretArnPlaceholder } from './lib/secretRef';
import { forEachContainer, q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'plaintext-secret-in-environment',
    severity: 'error',
    title: 'Secret in a plaintext environment variable',
    description: 'Environment values are stored in the task definition in plain text: anyone allowed to describe task definitions, read CloudTrail or inspect the container sees them. Secrets belong in `secrets` (Secrets Manager or SSM Parameter Store).',
    fixable: true,
    references: {
      securityHub: ['ECS.8'],
      controlTower: ['CT.ECS.PR.12'],
      kics: ['Passwords And Secrets'],
      trivy: ['AVD-AWS-0036'],
      cdkNag: ['AwsSolutions-ECS2'],
      links: [['Pass sensitive data to an ECS container', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html']],
    },
  },
  check(doc, { report, settings }) {
    const extra = compilePatterns(settings.secretNamePatterns);
    // Apart from the loop: what its closure captures would otherwise be allocated for every entry.
    const reportEntry = (c: Container, task: TaskDefinition, entry: MObject, name: string, valueNode: MValue, reason: string) => {
      // A value resolved from a secret at deployment ({{resolve:secretsmanager:…}}) can reference that secret directly.
      const known = valueNode.kind === 'unknown' ? valueNode.secretRef : undefined;
      report(valueNode, `Environment variable ${q(name)} of container ${q(c.label)} ${reason}: anyone who can describe the task definition can read it. Pass it through 'secrets' instead.`, {
        fix: () => ({
          title: known ? `Move ${q(name)} to secrets, referencing the secret it is resolved from` : `Move ${q(name)} to secrets (Secrets Manager reference to fill in)`,
          intents: [{ op: 'moveToSecrets', container: c.obj, entry, name, valueFrom: known ?? secretArnPlaceholder(doc, task, name) }],
          preferred: false,
        }),
      });
    };
    forEachContainer(doc, (c, task) => {
      for (const entry of citems(c, 'environment')) {
        if (entry.kind !== 'object') continue;
        const name = str(get(entry, 'name'));
        const valueNode = get(entry, 'value');
        if (name === undefined || !valueNode) continue;
        const value = str(valueNode);
        let reason: string | undefined;
        if (value !== undefined) {
          const kind = credentialKind(value);
          if (kind) reason = `holds ${kind} in plain text ('${redact(value)}')`;
          else if (value.trim() !== '' && (isAlwaysSecretName(name) || (isSecretName(name, extra) && couldBeSecretValue(value))))
            reason = `looks like a secret by its name and holds it in plain text ('${redact(value)}')`;
        } else if (valueNode.kind === 'unknown' && valueNode.deployTimeValue && isSecretName(name, extra)) {
          reason = `is filled in at deployment (${valueNode.hint ?? 'a template value'}), so the secret still ends up in plain text in the task definition`;
        }
        if (reason) reportEntry(c, task, entry, name, valueNode, reason);
      }
    });
  },
});
