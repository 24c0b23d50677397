import type { Rule } from '../engine/types';
import containerRunsAsRoot from './container-runs-as-root';
import hostNetworkMode from './host-network-mode';
import latestImageTag from './latest-image-tag';
import plaintextSecretInEnvironment from './plaintext-secret-in-environment';
import privilegedContainer from './privileged-container';
import writableRootFilesystem from './writable-root-filesystem';

/** Every rule ECS Guard runs: the only registry. */
export const RULES: Rule[] = [
  privilegedContainer,
  hostNetworkMode,
  plaintextSecretInEnvironment,
  latestImageTag,
  containerRunsAsRoot,
  writableRootFilesystem,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map(r => [r.meta.id, r]));
