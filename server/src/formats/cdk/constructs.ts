/**
 * What the AWS CDK's ECS constructs mean, independent of the language they are written in: which
 * classes declare task definitions, containers, services and clusters, how their properties map
 * onto the ECS API's names in the model, which enum members stand for which values, and what the
 * constructs do when a property is left out. The TypeScript and Python adapters read the same
 * table: TypeScript spells the property names as written here, Python as {@link snakeCase} of them.
 */

/** Task-definition classes, with the launch types they imply and their default network mode. */
export const TASK_DEFINITION_CLASSES: Record<string, { compatibilities?: string[]; networkMode?: string }> = {
  TaskDefinition: {},
  FargateTaskDefinition: { compatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  Ec2TaskDefinition: { compatibilities: ['EC2'], networkMode: 'bridge' },
  ExternalTaskDefinition: { compatibilities: ['EXTERNAL'], networkMode: 'bridge' },
};

/** Task-definition props (camelCase CDK name) → ECS API name in the model. */
export const TASK_PROPS: Record<string, string> = {
  family: 'family',
  networkMode: 'networkMode',
  pidMode: 'pidMode',
  ipcMode: 'ipcMode',
  taskRole: 'taskRoleArn',
  executionRole: 'executionRoleArn',
  volumes: 'volumes',
  memoryLimitMiB: 'memory',
  // The generic TaskDefinition class spells memory this way (and takes cpu/memory as strings).
  memoryMiB: 'memory',
  cpu: 'cpu',
  runtimePlatform: 'runtimePlatform',
  compatibility: 'requiresCompatibilities',
};

/**
 * Container props (addContainer options, ContainerDefinitionProps) → ECS API name. `map` marks an
 * object map in CDK that is a list of {name, value} in ECS (environment, secrets); `labels` one
 * that stays a map (dockerLabels).
 */
export const CONTAINER_PROPS: Record<string, { key: string; map?: 'nameValue' | 'labels' }> = {
  containerName: { key: 'name' },
  image: { key: 'image' },
  essential: { key: 'essential' },
  privileged: { key: 'privileged' },
  user: { key: 'user' },
  readonlyRootFilesystem: { key: 'readonlyRootFilesystem' },
  environment: { key: 'environment', map: 'nameValue' },
  secrets: { key: 'secrets', map: 'nameValue' },
  logging: { key: 'logConfiguration' },
  memoryLimitMiB: { key: 'memory' },
  memoryReservationMiB: { key: 'memoryReservation' },
  cpu: { key: 'cpu' },
  linuxParameters: { key: 'linuxParameters' },
  healthCheck: { key: 'healthCheck' },
  dockerSecurityOptions: { key: 'dockerSecurityOptions' },
  command: { key: 'command' },
  entryPoint: { key: 'entryPoint' },
  dockerLabels: { key: 'dockerLabels', map: 'labels' },
  portMappings: { key: 'portMappings' },
  workingDirectory: { key: 'workingDirectory' },
  disableNetworking: { key: 'disableNetworking' },
  systemControls: { key: 'systemControls' },
  ulimits: { key: 'ulimits' },
  dnsServers: { key: 'dnsServers' },
  extraHosts: { key: 'extraHosts' },
  hostname: { key: 'hostname' },
  startTimeout: { key: 'startTimeout' },
  stopTimeout: { key: 'stopTimeout' },
  pseudoTerminal: { key: 'pseudoTerminal' },
  interactive: { key: 'interactive' },
};

/** ecs-patterns constructs that build a task definition from `taskImageOptions`. */
export const PATTERN_CLASSES: Record<string, { compatibilities: string[]; networkMode?: string }> = {
  ApplicationLoadBalancedFargateService: { compatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  NetworkLoadBalancedFargateService: { compatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  ApplicationMultipleTargetGroupsFargateService: { compatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  NetworkMultipleTargetGroupsFargateService: { compatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  QueueProcessingFargateService: { compatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  ScheduledFargateTask: { compatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  ApplicationLoadBalancedEc2Service: { compatibilities: ['EC2'], networkMode: 'bridge' },
  NetworkLoadBalancedEc2Service: { compatibilities: ['EC2'], networkMode: 'bridge' },
  ApplicationMultipleTargetGroupsEc2Service: { compatibilities: ['EC2'], networkMode: 'bridge' },
  NetworkMultipleTargetGroupsEc2Service: { compatibilities: ['EC2'], networkMode: 'bridge' },
  QueueProcessingEc2Service: { compatibilities: ['EC2'], networkMode: 'bridge' },
  ScheduledEc2Task: { compatibilities: ['EC2'], networkMode: 'bridge' },
};

/**
 * `taskImageOptions` (and QueueProcessing*'s / Scheduled*'s top-level image props) → ECS API name.
 * Logging is on by default in the patterns (`enableLogging` defaults to true).
 */
export const TASK_IMAGE_PROPS: Record<string, { key: string; map?: 'nameValue' | 'labels' }> = {
  image: { key: 'image' },
  containerName: { key: 'name' },
  environment: { key: 'environment', map: 'nameValue' },
  secrets: { key: 'secrets', map: 'nameValue' },
  logDriver: { key: 'logConfiguration' },
  command: { key: 'command' },
  entryPoint: { key: 'entryPoint' },
  dockerLabels: { key: 'dockerLabels', map: 'labels' },
  taskRole: { key: 'taskRoleArn' },
  executionRole: { key: 'executionRoleArn' },
  family: { key: 'family' },
};

/** Enum members → the value they stand for in the ECS API. */
export const ENUMS: Record<string, Record<string, string>> = {
  NetworkMode: { HOST: 'host', AWS_VPC: 'awsvpc', BRIDGE: 'bridge', NONE: 'none', NAT: 'nat' },
  PidMode: { HOST: 'host', TASK: 'task' },
  IpcMode: { HOST: 'host', TASK: 'task', NONE: 'none' },
  Compatibility: { EC2: 'EC2', FARGATE: 'FARGATE', EC2_AND_FARGATE: 'EC2,FARGATE', EXTERNAL: 'EXTERNAL' },
  Capability: Object.fromEntries([
    'ALL', 'AUDIT_CONTROL', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER',
    'FSETID', 'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE', 'LINUX_IMMUTABLE', 'MAC_ADMIN', 'MAC_OVERRIDE', 'MKNOD',
    'NET_ADMIN', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID',
    'SYS_ADMIN', 'SYS_BOOT', 'SYS_CHROOT', 'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT', 'SYS_PTRACE', 'SYS_RAWIO',
    'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'SYSLOG', 'WAKE_ALARM',
  ].map(c => [c, c])),
  OperatingSystemFamily: { LINUX: 'LINUX', WINDOWS_SERVER_2019_CORE: 'WINDOWS_SERVER_2019_CORE', WINDOWS_SERVER_2019_FULL: 'WINDOWS_SERVER_2019_FULL', WINDOWS_SERVER_2022_CORE: 'WINDOWS_SERVER_2022_CORE', WINDOWS_SERVER_2022_FULL: 'WINDOWS_SERVER_2022_FULL', WINDOWS_SERVER_2016_FULL: 'WINDOWS_SERVER_2016_FULL', WINDOWS_SERVER_2004_CORE: 'WINDOWS_SERVER_2004_CORE', WINDOWS_SERVER_20H2_CORE: 'WINDOWS_SERVER_20H2_CORE' },
  ContainerInsights: { ENABLED: 'enabled', DISABLED: 'disabled', ENHANCED: 'enhanced' },
  Protocol: { TCP: 'tcp', UDP: 'udp' },
  Scope: { TASK: 'task', SHARED: 'shared' },
  /** aws-iam's Effect, for policy statements granted to task roles. */
  Effect: { ALLOW: 'Allow', DENY: 'Deny' },
};

/** Modules whose import marks a file as CDK ECS code (v2 and v1). */
export const CDK_MODULES = ['aws-cdk-lib', 'aws-cdk-lib/aws-ecs', 'aws-cdk-lib/aws-ecs-patterns', '@aws-cdk/aws-ecs', '@aws-cdk/aws-ecs-patterns'];
export const CDK_PYTHON_MODULES = ['aws_cdk', 'aws_cdk.aws_ecs', 'aws_cdk.aws_ecs_patterns'];

/** `memoryLimitMiB` → `memory_limit_mib`, `readonlyRootFilesystem` → `readonly_root_filesystem`. */
export function snakeCase(name: string): string {
  return name
    .replace(/MiB/g, 'Mib')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Beyond props: modules, factories, methods, and the services, clusters and IAM constructs around
// the task definitions.

/** What a module is to the adapters: the ECS modules, IAM, or the root that holds them all. */
export type CdkModule = 'root' | 'core' | 'ecs' | 'ecs-patterns' | 'iam';

/** Module specifiers (v2, v1, and Python's module paths) → which module they are. */
export const CDK_MODULE_KINDS: Record<string, CdkModule> = {
  'aws-cdk-lib': 'root',
  'aws-cdk-lib/aws-ecs': 'ecs',
  'aws-cdk-lib/aws-ecs-patterns': 'ecs-patterns',
  'aws-cdk-lib/aws-iam': 'iam',
  '@aws-cdk/core': 'core',
  '@aws-cdk/aws-ecs': 'ecs',
  '@aws-cdk/aws-ecs-patterns': 'ecs-patterns',
  '@aws-cdk/aws-iam': 'iam',
  aws_cdk: 'root',
  'aws_cdk.aws_ecs': 'ecs',
  'aws_cdk.aws_ecs_patterns': 'ecs-patterns',
  'aws_cdk.aws_iam': 'iam',
};

/** Members of the root module that are whole modules (`cdk.aws_ecs`, `import { aws_ecs } from 'aws-cdk-lib'`). */
export const ROOT_NAMESPACES: Record<string, CdkModule> = { aws_ecs: 'ecs', aws_ecs_patterns: 'ecs-patterns', aws_iam: 'iam' };

/**
 * Where each ecs-patterns construct takes its container's options (`options` absent: from its own
 * props), and the container name it uses when none is given.
 */
export const PATTERN_IMAGE_OPTIONS: Record<string, { options?: string; containerName: string }> = {
  ApplicationLoadBalancedFargateService: { options: 'taskImageOptions', containerName: 'web' },
  NetworkLoadBalancedFargateService: { options: 'taskImageOptions', containerName: 'web' },
  ApplicationMultipleTargetGroupsFargateService: { options: 'taskImageOptions', containerName: 'web' },
  NetworkMultipleTargetGroupsFargateService: { options: 'taskImageOptions', containerName: 'web' },
  ApplicationLoadBalancedEc2Service: { options: 'taskImageOptions', containerName: 'web' },
  NetworkLoadBalancedEc2Service: { options: 'taskImageOptions', containerName: 'web' },
  ApplicationMultipleTargetGroupsEc2Service: { options: 'taskImageOptions', containerName: 'web' },
  NetworkMultipleTargetGroupsEc2Service: { options: 'taskImageOptions', containerName: 'web' },
  QueueProcessingFargateService: { containerName: 'QueueProcessingContainer' },
  QueueProcessingEc2Service: { containerName: 'QueueProcessingContainer' },
  ScheduledFargateTask: { options: 'scheduledFargateTaskImageOptions', containerName: 'ScheduledContainer' },
  ScheduledEc2Task: { options: 'scheduledEc2TaskImageOptions', containerName: 'ScheduledContainer' },
};

/**
 * ecs-patterns props (on the pattern or in its image options) that size the task. Fargate patterns
 * put them on the task definition, EC2 patterns on the container.
 */
export const PATTERN_SIZE_PROPS: Record<string, { task: string; container: string }> = {
  memoryLimitMiB: { task: 'memory', container: 'memory' },
  memoryReservationMiB: { task: 'memoryReservation', container: 'memoryReservation' },
  cpu: { task: 'cpu', container: 'cpu' },
};

/** CDK's defaults for a Fargate task definition that states no size. */
export const FARGATE_DEFAULTS = { cpu: 256, memory: 512 };

/** `ContainerImage` factories: a registry reference, an ECR repository (tag defaults to latest), or an image built locally. */
export const IMAGE_FACTORIES: Record<string, 'registry' | 'ecr' | 'asset'> = {
  fromRegistry: 'registry',
  fromEcrRepository: 'ecr',
  fromAsset: 'asset',
  fromDockerImageAsset: 'asset',
  fromTarball: 'asset',
};

/** `LogDrivers.x(…)` / `LogDriver.x(…)` factories → the ECS logDriver they configure. */
export const LOG_DRIVER_FACTORIES: Record<string, string> = {
  awsLogs: 'awslogs', firelens: 'awsfirelens', fluentd: 'fluentd', gelf: 'gelf', journald: 'journald',
  jsonFile: 'json-file', splunk: 'splunk', syslog: 'syslog',
};

/** Log-driver classes (`new AwsLogDriver(…)`) → the ECS logDriver; GenericLogDriver names it in its `logDriver` prop. */
export const LOG_DRIVER_CLASSES: Record<string, string | undefined> = {
  AwsLogDriver: 'awslogs', FireLensLogDriver: 'awsfirelens', FluentdLogDriver: 'fluentd', GelfLogDriver: 'gelf',
  JournaldLogDriver: 'journald', JsonFileLogDriver: 'json-file', SplunkLogDriver: 'splunk', SyslogLogDriver: 'syslog',
  GenericLogDriver: undefined,
};

/** AwsLogDriver props → awslogs options. */
export const AWS_LOGS_OPTIONS: Record<string, string> = {
  streamPrefix: 'awslogs-stream-prefix', logGroup: 'awslogs-group', datetimeFormat: 'awslogs-datetime-format',
  multilinePattern: 'awslogs-multiline-pattern', mode: 'mode', maxBufferSize: 'max-buffer-size',
};

/** Task-definition methods and what they add. `addContainer` takes (id, ContainerDefinitionOptions). */
export const TASK_METHODS: Record<string, 'container' | 'volume' | 'taskRolePolicy' | 'executionRolePolicy'> = {
  addContainer: 'container',
  addFirelensLogRouter: 'container',
  addVolume: 'volume',
  addToTaskRolePolicy: 'taskRolePolicy',
  addToExecutionRolePolicy: 'executionRolePolicy',
};

/**
 * Container methods → the ECS key they add to: `items` take list entries, `nameValue` a
 * (name, value) pair of an environment-like list, `label` a (key, value) pair of a map.
 */
export const CONTAINER_METHODS: Record<string, { key: string; args: 'items' | 'nameValue' | 'label' }> = {
  addEnvironment: { key: 'environment', args: 'nameValue' },
  addSecret: { key: 'secrets', args: 'nameValue' },
  addMountPoints: { key: 'mountPoints', args: 'items' },
  addPortMappings: { key: 'portMappings', args: 'items' },
  addUlimits: { key: 'ulimits', args: 'items' },
  addVolumesFrom: { key: 'volumesFrom', args: 'items' },
  addDockerLabel: { key: 'dockerLabels', args: 'label' },
};

/** `LinuxParameters` props → ECS names under linuxParameters. */
export const LINUX_PARAMETERS_PROPS: Record<string, string> = {
  initProcessEnabled: 'initProcessEnabled', sharedMemorySize: 'sharedMemorySize', maxSwap: 'maxSwap', swappiness: 'swappiness',
};

/** `LinuxParameters` methods → the path under linuxParameters their arguments are added to. */
export const LINUX_PARAMETERS_METHODS: Record<string, string[]> = {
  addCapabilities: ['capabilities', 'add'],
  dropCapabilities: ['capabilities', 'drop'],
  addDevices: ['devices'],
  addTmpfs: ['tmpfs'],
};

/** Service classes; `assignPublicIp` (a boolean) is the service's awsvpcConfiguration.assignPublicIp (ENABLED/DISABLED). */
export const SERVICE_CLASSES: Record<string, { compatibilities: string[] }> = {
  FargateService: { compatibilities: ['FARGATE'] },
  Ec2Service: { compatibilities: ['EC2'] },
  ExternalService: { compatibilities: ['EXTERNAL'] },
};
/** Where CDK's boolean `assignPublicIp` lives in the ECS API, and the values it stands for. */
export const ASSIGN_PUBLIC_IP = { path: ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'], true: 'ENABLED', false: 'DISABLED' };

/** Cluster props that set Container Insights (clusterSettings containerInsights): a boolean, or the ContainerInsights enum. */
export const CLUSTER_INSIGHTS_PROPS: Record<string, { boolean?: { true: string; false: string }; enum?: string }> = {
  containerInsights: { boolean: { true: 'enabled', false: 'disabled' } },
  containerInsightsV2: { enum: 'ContainerInsights' },
};

/** L1 classes: their props are the CloudFormation properties in camelCase, which are the ECS API's names. */
export const L1_CLASSES: Record<string, 'task' | 'service' | 'cluster'> = {
  CfnTaskDefinition: 'task',
  CfnService: 'service',
  CfnCluster: 'cluster',
};

/** `PolicyStatement` props → the statement keys of the model (IAM's Effect/Action/Resource, camelCase). */
export const POLICY_STATEMENT_PROPS: Record<string, string> = {
  effect: 'effect', actions: 'action', notActions: 'notAction', resources: 'resource', notResources: 'notResource',
};

/** `PolicyStatement` methods that add to a statement; addAllResources adds "*". */
export const POLICY_STATEMENT_METHODS: Record<string, string> = {
  addActions: 'action', addNotActions: 'notAction', addResources: 'resource', addNotResources: 'notResource', addAllResources: 'resource',
};

/** Role methods (also on `taskDefinition.taskRole`) that add a statement to the role. */
export const ROLE_POLICY_METHODS = ['addToPolicy', 'addToPrincipalPolicy'];
/** Role methods that attach a `Policy` construct (and so its statements) to the role. */
export const ROLE_POLICY_ATTACH_METHODS = ['attachInlinePolicy'];
/** `Policy` methods → the prop they add to (`statements`, `roles`), as the props would. */
export const POLICY_METHODS = { addStatements: 'statements', attachToRole: 'roles' } as const;

// ---------------------------------------------------------------------------------------------
// Names the Python reader looks up (the TypeScript reader spells the same facts in its own walk).

/** aws-iam, whose Role and PolicyStatement make up task role policies (TypeScript and Python module names). */
export const CDK_IAM_MODULES = ['aws-cdk-lib/aws-iam', '@aws-cdk/aws-iam'];

export const CDK_PYTHON_IAM_MODULES = ['aws_cdk.aws_iam'];

/** Task-definition props whose value is an enum member (`NetworkMode.HOST`), by the enum's name. */
export const ENUM_PROPS: Record<string, string> = {
  networkMode: 'NetworkMode',
  pidMode: 'PidMode',
  ipcMode: 'IpcMode',
};

/** Classes that declare one container in a task definition given as their `taskDefinition` prop. */
export const CONTAINER_CLASSES = ['ContainerDefinition', 'FirelensLogRouter'];

/** The task-definition attribute that is its task role (the default role, or the `taskRole` prop). */
export const TASK_ROLE_ATTRIBUTE = 'taskRole';

/** The LinuxParameters construct, its props (ECS names, same spelling) and its capability methods. */
export const LINUX_PARAMETERS_CLASS = 'LinuxParameters';

/**
 * Volume props (`volumes` items, `addVolume` argument) → ECS API name. Their nested structs
 * (`host.sourcePath`, `efsVolumeConfiguration.transitEncryption`, `authorizationConfig.iam`, …)
 * use the ECS names already.
 */
export const VOLUME_PROPS: Record<string, string> = {
  name: 'name',
  host: 'host',
  efsVolumeConfiguration: 'efsVolumeConfiguration',
  dockerVolumeConfiguration: 'dockerVolumeConfiguration',
  fsxWindowsFileServerVolumeConfiguration: 'fsxWindowsFileServerVolumeConfiguration',
  configuredAtLaunch: 'configuredAtLaunch',
};

/** Cluster classes and their Container Insights props: a boolean, or the ContainerInsights enum (v2). */
export const CLUSTER_CLASSES = ['Cluster'];

/** Where an L1 property name differs from the ECS API's (CloudFormation's spelling → ECS). */
export const L1_KEY_RENAMES: Record<string, string> = { filesystemId: 'fileSystemId' };

/** Properties whose value is a free-form map (keys are data, not property names). */
export const MAP_VALUED_KEYS = ['options', 'dockerLabels', 'driverOpts', 'labels', 'secretOptions'];

/** aws-iam's statement and role classes, their props → the model's statement keys, and their methods. */
export const POLICY_STATEMENT_CLASS = 'PolicyStatement';

export const ROLE_CLASS = 'Role';

/** Role prop holding `{name: PolicyDocument({statements: [...]})}`. */
export const ROLE_INLINE_POLICIES = 'inlinePolicies';

/** `addAllResources()`: adds Resource "*". */
export const POLICY_ADD_ALL_RESOURCES = 'addAllResources';

/** The image-options switch that turns the patterns' default logging off (`enableLogging: false`). */
export const PATTERN_ENABLE_LOGGING = 'enableLogging';

/** The ecs-patterns prop that passes an existing task definition instead of image options. */
export const PATTERN_TASK_DEFINITION = 'taskDefinition';

/** ecs-patterns props of the construct itself that describe its task definition. */
export const PATTERN_TASK_PROPS: Record<string, string> = {
  memoryLimitMiB: 'memory',
  cpu: 'cpu',
};

/**
 * Image factories: `ContainerImage.fromRegistry(name)` names the image; `fromEcrRepository(repo, tag)`
 * pulls `tag` (default 'latest'); assets are built from source and pinned by their content hash.
 */
export const IMAGE_HOLDERS = ['ContainerImage', 'EcrImage', 'RepositoryImage', 'AssetImage'];

/** Log drivers: the static factories of `LogDrivers`/`LogDriver`, and the classes, by the driver they configure. */
export const LOG_DRIVER_HOLDERS = ['LogDrivers', 'LogDriver'];

export const ECR_DEFAULT_TAG = 'latest';

/** How a fix writes a Secrets Manager reference in a container's `secrets`: `Secret.fromSecretsManager(secret)`. */
export const SECRET_CLASS = 'Secret';

export const SECRET_FROM_SECRETS_MANAGER = 'fromSecretsManager';

/** Container methods that append items to a list (`addMountPoints(…)`), by the ECS list they extend. */
export const CONTAINER_LIST_METHODS: Record<string, string> = Object.fromEntries(
  Object.entries(CONTAINER_METHODS).filter(([, v]) => v.args === 'items').map(([k, v]) => [k, v.key]),
);

// ---------------------------------------------------------------------------------------------
// What fixes need to write new structs, what the log drivers write into the task definition, and
// what the patterns do by default.

/**
 * Struct props whose CDK type is a struct class of aws_ecs (ECS name → class): a fix that must
 * create one where it is absent writes `ecs.AuthorizationConfig(iam="ENABLED")`. Only structs
 * whose fields are the ECS API's own names and plain values are listed.
 */
export const STRUCT_CLASSES: Record<string, string> = {
  host: 'Host',
  efsVolumeConfiguration: 'EfsVolumeConfiguration',
  authorizationConfig: 'AuthorizationConfig',
};

/** Props every log driver but awslogs and firelens shares (BaseLogDriverProps) → Docker's log option names. */
export const COMMON_LOG_DRIVER_OPTIONS: Record<string, string> = { tag: 'tag', labels: 'labels', env: 'env', envRegex: 'env-regex' };

/**
 * Per ECS logDriver, the props of its CDK log driver (beyond {@link COMMON_LOG_DRIVER_OPTIONS}) →
 * the option each becomes in logConfiguration.options. awslogs has {@link AWS_LOGS_OPTIONS}.
 */
export const LOG_DRIVER_OPTIONS: Record<string, Record<string, string>> = {
  splunk: {
    token: 'splunk-token', url: 'splunk-url', source: 'splunk-source', sourceType: 'splunk-sourcetype', index: 'splunk-index',
    caPath: 'splunk-capath', caName: 'splunk-caname', insecureSkipVerify: 'splunk-insecureskipverify', format: 'splunk-format',
    verifyConnection: 'splunk-verify-connection', gzip: 'splunk-gzip', gzipLevel: 'splunk-gzip-level',
  },
  fluentd: {
    address: 'fluentd-address', asyncConnect: 'fluentd-async-connect', bufferLimit: 'fluentd-buffer-limit', retryWait: 'fluentd-retry-wait',
    maxRetries: 'fluentd-max-retries', subSecondPrecision: 'fluentd-sub-second-precision',
  },
  gelf: {
    address: 'gelf-address', compressionType: 'gelf-compression-type', compressionLevel: 'gelf-compression-level',
    tcpMaxReconnect: 'gelf-tcp-max-reconnect', tcpReconnectDelay: 'gelf-tcp-reconnect-delay',
  },
  syslog: {
    address: 'syslog-address', facility: 'syslog-facility', tlsCaCert: 'syslog-tls-ca-cert', tlsCert: 'syslog-tls-cert',
    tlsKey: 'syslog-tls-key', tlsSkipVerify: 'syslog-tls-skip-verify', format: 'syslog-format',
  },
  'json-file': { maxSize: 'max-size', maxFile: 'max-file', compress: 'compress' },
  journald: {},
};

/**
 * The log-driver prop that holds the options as a map, written as they are (`FireLensLogDriver`
 * and `GenericLogDriver`: `options: { Name: 'datadog', apikey: … }`).
 */
export const LOG_DRIVER_OPTIONS_MAP = 'options';

/** The ECS log drivers (and the GenericLogDriver class, by its name) whose CDK props carry {@link LOG_DRIVER_OPTIONS_MAP}. */
export const LOG_DRIVERS_WITH_OPTIONS_MAP = ['awsfirelens', 'GenericLogDriver'];

/** GenericLogDriver names its driver in this prop. */
export const GENERIC_LOG_DRIVER_PROP = 'logDriver';

/**
 * Where a log driver takes options from Secrets Manager or SSM: a map of `Secret`s
 * (`secretOptions` of FireLens and GenericLogDriver), or one option's own secret prop (Splunk's
 * `secretToken` for splunk-token). Keyed by driver; `generic` is GenericLogDriver, whatever it names.
 */
export const LOG_DRIVER_SECRET_PROPS: Record<string, { map: string } | { prop: string; option: string }> = {
  awsfirelens: { map: 'secretOptions' },
  splunk: { prop: 'secretToken', option: 'splunk-token' },
  generic: { map: 'secretOptions' },
};

/** `SecretValue` factories whose argument is the secret itself, in plain text (v2's name, and v1's). */
export const SECRET_VALUE_CLASS = 'SecretValue';

export const SECRET_VALUE_PLAIN_TEXT = ['unsafePlainText', 'plainText'];

/**
 * What an ecs-patterns construct does for its own container when its image options give no
 * `logDriver` and leave `enableLogging` on: `new AwsLogDriver({ streamPrefix: <the pattern's id> })`.
 * A container added to the pattern's task definition by other means gets no logging.
 */
export const PATTERN_DEFAULT_LOG_DRIVER = { logDriver: 'awslogs', streamPrefixOption: 'awslogs-stream-prefix' };

/**
 * Where EC2 patterns take the container's size (memoryLimitMiB, memoryReservationMiB, cpu): on the
 * construct itself (`construct`) or in its image options (`imageOptions`; for QueueProcessing*,
 * whose image options are its own props, the two are one).
 */
export const PATTERN_SIZE_HOLDER: Record<string, 'construct' | 'imageOptions'> = {
  ApplicationLoadBalancedEc2Service: 'construct',
  NetworkLoadBalancedEc2Service: 'construct',
  ApplicationMultipleTargetGroupsEc2Service: 'construct',
  NetworkMultipleTargetGroupsEc2Service: 'construct',
  QueueProcessingEc2Service: 'construct',
  ScheduledEc2Task: 'imageOptions',
};
