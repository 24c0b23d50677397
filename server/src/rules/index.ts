import type { Rule } from '../engine/types';
import containerInsightsDisabled from './container-insights-disabled';
import containerRunsAsRoot from './container-runs-as-root';
import efsIamAuthorizationDisabled from './efs-iam-authorization-disabled';
import efsTransitEncryptionDisabled from './efs-transit-encryption-disabled';
import hardcodedCredential from './hardcoded-credential';
import hostNetworkMode from './host-network-mode';
import hostPathVolume from './host-path-volume';
import latestImageTag from './latest-image-tag';
import missingHealthCheck from './missing-health-check';
import missingMemoryLimit from './missing-memory-limit';
import plaintextSecretInEnvironment from './plaintext-secret-in-environment';
import privilegedContainer from './privileged-container';
import publicIpAssigned from './public-ip-assigned';
import sharedTaskExecutionRole from './shared-task-execution-role';
import unconfinedSecurityOption from './unconfined-security-option';
import unusedSuppression from './unused-suppression';
import wildcardTaskRolePolicy from './wildcard-task-role-policy';
import writableRootFilesystem from './writable-root-filesystem';

/** Every rule ECS Guard runs: the only registry. */
export const RULES: Rule[] = [
  privilegedContainer,
  hostNetworkMode,
  plaintextSecretInEnvironment,
  latestImageTag,
  containerRunsAsRoot,
  writableRootFilesystem,
  missingMemoryLimit,
  hostPathVolume,
  efsTransitEncryptionDisabled,
  efsIamAuthorizationDisabled,
  sharedTaskExecutionRole,
  unconfinedSecurityOption,
  hardcodedCredential,
  missingHealthCheck,
  // Beyond the task definition: services, clusters, the task role's policies.
  publicIpAssigned,
  wildcardTaskRolePolicy,
  containerInsightsDisabled,
  // Made by the engine from suppression directives.
  unusedSuppression,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map(r => [r.meta.id, r]));
