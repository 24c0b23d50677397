import type { Spelling } from '../intents';

// CloudFormation spells ECS (and IAM) properties in PascalCase; the model uses the API's camelCase.
// Most names differ only in their first letter; these do not.
// Maps, not object literals: keys come from user text ("constructor" must not find Object's).
const CFN_TO_ECS = new Map<string, string>([
  ['EFSVolumeConfiguration', 'efsVolumeConfiguration'],
  ['FSxWindowsFileServerVolumeConfiguration', 'fsxWindowsFileServerVolumeConfiguration'],
  // Only EFSVolumeConfiguration writes it so; FSx's FileSystemId maps regularly.
  ['FilesystemId', 'fileSystemId'],
  // AuthorizationConfig.IAM (EFS access-point IAM authorization).
  ['IAM', 'iam'],
]);

/** ECS name → CloudFormation name: by `parent.key` (parent = the enclosing property's ECS name), else by key. */
const ECS_TO_CFN = new Map<string, string>([
  ['efsVolumeConfiguration', 'EFSVolumeConfiguration'],
  ['fsxWindowsFileServerVolumeConfiguration', 'FSxWindowsFileServerVolumeConfiguration'],
  ['efsVolumeConfiguration.fileSystemId', 'FilesystemId'],
  ['authorizationConfig.iam', 'IAM'],
]);

/**
 * Properties whose keys are the user's own (log driver options, Docker labels, IAM condition
 * operators, principals): their keys are kept as written in both directions.
 */
const FREE_FORM = new Set(['options', 'dockerLabels', 'driverOpts', 'labels', 'condition', 'principal', 'notPrincipal']);

/** The model (ECS API) name of a CloudFormation property `key` inside the property `parent` (ECS name). */
export function cfnKeyToEcs(key: string, parent: string | undefined): string {
  if (parent !== undefined && FREE_FORM.has(parent)) return key;
  const irregular = CFN_TO_ECS.get(key);
  if (irregular !== undefined) return irregular;
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/** How CloudFormation spells the model's names, for fixes. */
export const CFN_SPELLING: Spelling = {
  key(key, parent) {
    if (parent !== undefined && FREE_FORM.has(parent)) return key;
    const irregular = ECS_TO_CFN.get(`${parent ?? ''}.${key}`) ?? ECS_TO_CFN.get(key);
    if (irregular !== undefined) return irregular;
    return key.charAt(0).toUpperCase() + key.slice(1);
  },
};
