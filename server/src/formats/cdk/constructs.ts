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
