import type { ModelDocument, TaskDefinition } from '../../model/document';

/** Lower-kebab form of an environment variable name, for a secret's name (`DB_PASSWORD` -> `db-password`). */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase() || 'secret';
}

/**
 * A Secrets Manager ARN placeholder for a value moved out of the file: the account, region and
 * partition the document mentions elsewhere, or clearly marked placeholders the user must replace.
 */
export function secretArnPlaceholder(doc: ModelDocument, task: TaskDefinition, varName: string): string {
  const env = doc.environment;
  const family = task.label && task.label !== 'task definition' && task.label !== 'container definitions' ? kebab(task.label) + '/' : '';
  return `arn:${env.partition ?? 'aws'}:secretsmanager:${env.region ?? 'REGION'}:${env.accountId ?? 'ACCOUNT_ID'}:secret:${family}${kebab(varName)}`;
}
