import type { Rule } from '../engine/types';
import bridgeNetworkMode from './bridge-network-mode';
import capabilitiesNotDropped from './capabilities-not-dropped';
import containerInsightsDisabled from './container-insights-disabled';
import containerRunsAsRoot from './container-runs-as-root';
import dangerousCapability from './dangerous-capability';
import efsIamAuthorizationDisabled from './efs-iam-authorization-disabled';
import efsTransitEncryptionDisabled from './efs-transit-encryption-disabled';
import hardcodedCredential from './hardcoded-credential';
import hostIpcMode from './host-ipc-mode';
import hostNetworkMode from './host-network-mode';
import hostPathVolume from './host-path-volume';
import hostPidMode from './host-pid-mode';
import imageNotPinnedByDigest from './image-not-pinned-by-digest';
import latestImageTag from './latest-image-tag';
import missingHealthCheck from './missing-health-check';
import missingLogConfiguration from './missing-log-configuration';
import missingMemoryLimit from './missing-memory-limit';
import plaintextSecretInEnvironment from './plaintext-secret-in-environment';
import privilegedContainer from './privileged-container';
import publicIpAssigned from './public-ip-assigned';
import publicRegistryImage from './public-registry-image';
import sharedTaskExecutionRole from './shared-task-execution-role';
import taskRoleReused from './task-role-reused';
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
  bridgeNetworkMode,
  hostPidMode,
  hostIpcMode,
  publicRegistryImage,
  imageNotPinnedByDigest,
  dangerousCapability,
  capabilitiesNotDropped,
  missingLogConfiguration,
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
  // Across files: from the role index the language server and the CLI keep.
  taskRoleReused,
  // Made by the engine from suppression directives.
  unusedSuppression,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map(r => [r.meta.id, r]));
