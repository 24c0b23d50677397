import * as assert from 'node:assert/strict';
import { fixEdits } from '../../../server/src/engine/analyze';
import { fixViolations, run } from '../../helpers/analysis';
import { TS_URI, cdkHeader, fargateStack, fixTs, prepareCdk, tsFindingsAt, tsFindingsOf } from '../../helpers/cdk';

// missing-log-configuration and hardcoded-credential on CDK TypeScript: CDK's logging defaults
// (none for addContainer; awslogs for a pattern's own container unless enableLogging is false),
// the log drivers' props as the options ECS gets (Splunk's `token` is `splunk-token`, FireLens
// passes its `options` map as it is), `SecretValue.unsafePlainText`, and credentials in commands,
// entry points, health checks and Docker labels.

const at = tsFindingsAt;
const only = tsFindingsOf;

const HEADER = cdkHeader("import { API_KEY, logging, splunkToken } from './shared';");
const stack = (body: string) => fargateStack(HEADER, body);

const SPLUNK_TOKEN = 'B5A79AAD-D822-46CC-80D1-819F80D7BFB0';
const DD_API_KEY = 'abcdef0123456789abcdef0123456789';
const GITHUB_TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';

describe('CDK TypeScript: logging and credential catalog rules', () => {
  before(prepareCdk);

  describe('missing-log-configuration', () => {
    const R = 'missing-log-configuration';
    const text = stack(`    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
    });
    new ecs.ContainerDefinition(this, 'Worker', { taskDefinition: taskDef, image: ecs.ContainerImage.fromRegistry('worker:2') });
`);

    it('flags addContainer and ContainerDefinition without logging (CDK then configures none) on their ids', () => {
      assert.deepEqual(at(text, R), [[10, 25, "'web'"], [13, 38, "'Worker'"]]);
      assert.match(only(text, R)[0].message, /^Container 'web' has no logConfiguration/);
    });

    it('adds logging: ecs.LogDrivers.awsLogs with the container\'s name as stream prefix; the stack supplies the region; offered only', () => {
      assert.equal(fixTs(text, R, 0), text.replace("      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n", "      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }),\n"));
      assert.equal(fixTs(text, R, 1), text.replace("fromRegistry('worker:2') }", "fromRegistry('worker:2'), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'Worker' }) }"));
      const [f] = only(text, R);
      assert.equal(f.fix!.title, "Send the logs of container 'web' to CloudWatch Logs (awslogs)");
      assert.equal(f.fix!.preferred, false);
    });

    it('adds LogDrivers to the file\'s named import, in the file\'s quotes', () => {
      const named = `import { Stack } from "aws-cdk-lib";
import { ContainerImage, Ec2TaskDefinition } from "aws-cdk-lib/aws-ecs";
new Ec2TaskDefinition(new Stack(), "T").addContainer("app", { image: ContainerImage.fromRegistry("app:1"), memoryLimitMiB: 128 });
`;
      assert.equal(fixTs(named, R), named
        .replace('ContainerImage, Ec2TaskDefinition }', 'ContainerImage, Ec2TaskDefinition, LogDrivers }')
        .replace('memoryLimitMiB: 128 }', 'memoryLimitMiB: 128, logging: LogDrivers.awsLogs({ streamPrefix: "app" }) }'));
    });

    it('patterns: silent for their own container, which logs by default; flags enableLogging: false and a sidecar added to their task definition', () => {
      const patterns = `${HEADER}
const web = new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
});
web.taskDefinition.addContainer('xray', { image: ecs.ContainerImage.fromRegistry('amazon/aws-xray-daemon:3.3.7') });
new ecsPatterns.QueueProcessingFargateService(stack, 'Queue', {
  image: ecs.ContainerImage.fromRegistry('worker:2'),
  enableLogging: false,
});
`;
      assert.deepEqual(at(patterns, R), [[9, 32, "'xray'"], [10, 53, "'Queue'"]]);
      assert.equal(fixTs(patterns, R, 0), patterns.replace("'amazon/aws-xray-daemon:3.3.7') }", "'amazon/aws-xray-daemon:3.3.7'), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'xray' }) }"));
      // A logDriver given to the pattern wins over enableLogging: false (ecs-patterns: `logDriver ?? (enableLogging ? … : undefined)`).
      assert.equal(fixTs(patterns, R, 1), patterns.replace('  enableLogging: false,\n', "  enableLogging: false,\n  logDriver: ecs.LogDrivers.awsLogs({ streamPrefix: 'QueueProcessingContainer' }),\n"));
    });

    it('an L1 CfnTaskDefinition gets the awslogs configuration with the stack\'s region', () => {
      const l1 = `${HEADER}
new ecs.CfnTaskDefinition(stack, 'Legacy', {
  family: 'legacy',
  containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256 }],
});
`;
      assert.deepEqual(at(l1, R), [[8, 33, "'app'"]]);
      assert.equal(fixTs(l1, R), l1.replace("memory: 256 }", "memory: 256, logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/legacy', 'awslogs-region': cdk.Aws.REGION, 'awslogs-stream-prefix': 'app' } } }"));
    });

    it('is silent with a log driver in any spelling, and with logging from another file, a call or an unknown switch', () => {
      for (const logging of ["ecs.LogDrivers.awsLogs({ streamPrefix: 'web' })", "new ecs.AwsLogDriver({ streamPrefix: 'web' })", "ecs.LogDriver.awsLogs({ streamPrefix: 'web' })", 'logging', 'loggingFor(this, props)']) {
        const t = text.replace("      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n", `      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n      logging: ${logging},\n`);
        assert.deepEqual(at(t, R).map(f => f[2]), ["'Worker'"], logging);
      }
      const unknownSwitch = `${HEADER}
new ecsPatterns.QueueProcessingFargateService(stack, 'Queue', { image: ecs.ContainerImage.fromRegistry('worker:2'), enableLogging: props.logs });
`;
      assert.deepEqual(at(unknownSwitch, R), []);
    });
  });

  describe('hardcoded-credential', () => {
    const R = 'hardcoded-credential';
    const text = stack(`    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      command: ['serve', '--api-key=sk_live_0123456789abcdefABCDEF'],
      entryPoint: ['sh', '-c', 'exec app --db-password hunter2hunter2'],
      healthCheck: { command: ['CMD-SHELL', 'curl -f -H "Authorization: Bearer ${GITHUB_TOKEN}" http://localhost/ || exit 1'] },
      dockerLabels: { 'com.example.deploy-token': 'glpat-0123456789abcdefABCD' },
      logging: ecs.LogDrivers.splunk({
        url: 'https://splunk.example.com:8088',
        token: cdk.SecretValue.unsafePlainText('${SPLUNK_TOKEN}'),
      }),
    });
    const api = taskDef.addContainer('api', {
      image: ecs.ContainerImage.fromRegistry('api:1'),
      logging: ecs.LogDrivers.firelens({
        options: { Name: 'datadog', apikey: '${DD_API_KEY}', Host: 'http-intake.logs.datadoghq.eu' },
      }),
    });
    api.addDockerLabel('npm-token', 'npm_0123456789abcdefghijABCDEFGHIJ012345');
`);

    it('flags the credential in a command, an entry point, a health check, labels and log options, on the value', () => {
      assert.deepEqual(at(text, R), [
        [12, 25, "'--api-key=sk_live_0123456789abcdefABCDEF'"],
        [13, 31, "'exec app --db-password hunter2hunter2'"],
        [14, 44, `'curl -f -H "Authorization: Bearer ${GITHUB_TOKEN}" http://localhost/ || exit 1'`],
        [15, 50, "'glpat-0123456789abcdefABCD'"],
        [18, 47, `'${SPLUNK_TOKEN}'`],
        [24, 44, `'${DD_API_KEY}'`],
        [27, 36, "'npm_0123456789abcdefghijABCDEFGHIJ012345'"],
      ]);
      const messages = only(text, R).map(f => f.message);
      assert.match(messages[4], /^Log option 'splunk-token' of container 'web' looks like a secret by its name/);
      assert.match(messages[5], /^Log option 'apikey' of container 'api'/);
      for (const m of messages) {
        for (const secret of ['sk_live_0123456789abcdefABCDEF', 'hunter2hunter2', GITHUB_TOKEN, 'glpat-0123456789abcdefABCD', SPLUNK_TOKEN, DD_API_KEY, 'npm_0123456789abcdefghijABCDEFGHIJ012345']) {
          assert.ok(!m.includes(secret), m);
        }
      }
    });

    it('moves a Splunk token to secretToken and a FireLens option to secretOptions, as Secrets Manager references to fill in', () => {
      assert.equal(fixTs(text, R, 4), text.replace(`        token: cdk.SecretValue.unsafePlainText('${SPLUNK_TOKEN}'),\n`, '        secretToken: ecs.Secret.fromSecretsManager(PLACEHOLDER_SPLUNK_TOKEN_SECRET),\n'));
      assert.equal(fixTs(text, R, 5), text.replace(`        options: { Name: 'datadog', apikey: '${DD_API_KEY}', Host: 'http-intake.logs.datadoghq.eu' },\n`,
        "        options: { Name: 'datadog', Host: 'http-intake.logs.datadoghq.eu' },\n        secretOptions: { apikey: ecs.Secret.fromSecretsManager(PLACEHOLDER_APIKEY_SECRET) },\n"));
      assert.equal(only(text, R)[4].fix!.preferred, false);
      assert.ok(!fixTs(text, R, 4).includes(SPLUNK_TOKEN));
    });

    it('adds to the secretOptions of a generic driver; offers no fix where CDK takes no secret (gelf, commands, labels)', () => {
      const generic = stack(`    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      logging: new ecs.GenericLogDriver({ logDriver: 'splunk', options: { 'splunk-token': '${SPLUNK_TOKEN}' }, secretOptions: { 'splunk-url': url } }),
    });
    taskDef.addContainer('gelf', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      logging: ecs.LogDrivers.gelf({ address: 'udp://graylog:12201', tag: '${GITHUB_TOKEN}' }),
    });
`);
      assert.deepEqual(at(generic, R), [[12, 90, `'${SPLUNK_TOKEN}'`], [16, 74, `'${GITHUB_TOKEN}'`]]);
      assert.equal(fixTs(generic, R, 0), generic.replace(`options: { 'splunk-token': '${SPLUNK_TOKEN}' }, secretOptions: { 'splunk-url': url } }`,
        "options: {}, secretOptions: { 'splunk-url': url, 'splunk-token': ecs.Secret.fromSecretsManager(PLACEHOLDER_SPLUNK_TOKEN_SECRET) } }"));
      const r = run(generic, TS_URI);
      const gelf = r.findings.filter(f => f.ruleId === R)[1];
      assert.equal(gelf.fix && fixEdits(r, gelf), undefined);
      const r2 = run(text, TS_URI);
      for (const f of r2.findings.filter(x => x.ruleId === R).slice(0, 4)) assert.equal(f.fix, undefined);
    });

    it('an L1 CfnTaskDefinition moves the option to secretOptions with the stack\'s account and region in the ARN', () => {
      const l1 = `${HEADER}
new ecs.CfnTaskDefinition(stack, 'Legacy', {
  family: 'legacy',
  containerDefinitions: [{
    name: 'app',
    image: 'nginx:1.27',
    logConfiguration: { logDriver: 'splunk', options: { 'splunk-token': '${SPLUNK_TOKEN}', 'splunk-url': 'https://splunk:8088' } },
  }],
});
`;
      assert.deepEqual(at(l1, R), [[11, 72, `'${SPLUNK_TOKEN}'`]]);
      assert.equal(fixTs(l1, R), l1.replace(`options: { 'splunk-token': '${SPLUNK_TOKEN}', 'splunk-url': 'https://splunk:8088' } }`,
        "options: { 'splunk-url': 'https://splunk:8088' }, secretOptions: [{ name: 'splunk-token', valueFrom: `arn:${cdk.Aws.PARTITION}:secretsmanager:${cdk.Aws.REGION}:${cdk.Aws.ACCOUNT_ID}:secret:legacy/splunk-token` }] }"));
    });

    it('is silent for references the shell or the stack fills in, secret options, and values from another file or a call', () => {
      const safe = text
        .replace("'--api-key=sk_live_0123456789abcdefABCDEF'", "'--api-key=$API_KEY'")
        .replace("'exec app --db-password hunter2hunter2'", "'exec app --db-password \"$DB_PASSWORD\"'")
        .replace(`Bearer ${GITHUB_TOKEN}`, 'Bearer $TOKEN')
        .replace("'glpat-0123456789abcdefABCD'", 'API_KEY')
        .replace(`cdk.SecretValue.unsafePlainText('${SPLUNK_TOKEN}')`, "cdk.SecretValue.secretsManager('splunk-hec')")
        .replace(`apikey: '${DD_API_KEY}'`, 'apikey: splunkToken')
        .replace("'npm_0123456789abcdefghijABCDEFGHIJ012345'", 'tokenFor(this)');
      assert.deepEqual(at(safe, R), []);
      const secretToken = text.replace(`        token: cdk.SecretValue.unsafePlainText('${SPLUNK_TOKEN}'),\n`, '        secretToken: ecs.Secret.fromSecretsManager(hec),\n');
      assert.deepEqual(at(secretToken, R).map(f => f[2]).includes(`'${SPLUNK_TOKEN}'`), false);
      assert.deepEqual(at(text.replace(`cdk.SecretValue.unsafePlainText('${SPLUNK_TOKEN}')`, 'cdk.SecretValue.unsafePlainText(splunkToken)'), R).length, 6);
    });
  });

  it('every fix on a stack with every logging and credential finding is sound', () => {
    const t = stack(`    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      command: ['serve', '--token=${GITHUB_TOKEN}'],
      logging: ecs.LogDrivers.splunk({ token: cdk.SecretValue.unsafePlainText('${SPLUNK_TOKEN}'), url: 'https://splunk:8088' }),
    });
    taskDef.addContainer('api', {
      image: ecs.ContainerImage.fromRegistry('api:1'),
      logging: ecs.LogDrivers.firelens({ options: { Name: 'datadog', apikey: '${DD_API_KEY}' } }),
    });
    taskDef.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('worker:2') });
`);
    const r = run(t, TS_URI);
    assert.deepEqual(['missing-log-configuration', 'hardcoded-credential'].filter(x => !r.findings.some(f => f.ruleId === x)), []);
    assert.equal(r.findings.filter(f => f.ruleId === 'hardcoded-credential' && f.fix && fixEdits(r, f)).length, 2);
    assert.deepEqual(fixViolations(t, TS_URI), []);
  });
});
