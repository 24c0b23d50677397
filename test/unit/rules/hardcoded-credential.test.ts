import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run, settings } from '../../helpers/analysis';

const RULE = 'hardcoded-credential';
const SECRETS = ['hunter2hunter2', 't0k3n-value-123', 's3cretpw', 'ghp_0123456789abcdefghijABCDEFGHIJ012345', 'Sup3rS3cret', '5f1c7a0e-2b8d-4c55-9e1a-7d3f9b6a2c10', 'AKIAIOSFODNN7EXAMPLE'];

const text = `{
  "family": "orders",
  "executionRoleArn": "arn:aws:iam::111122223333:role/orders-exec",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "deploy:Sup3rS3cret@registry.example.com/orders/api:1.4.2",
      "memory": 512,
      "entryPoint": ["/app/server", "--api-token", "t0k3n-value-123"],
      "command": ["--db-password=hunter2hunter2", "--port=8080"],
      "healthCheck": { "command": ["CMD-SHELL", "curl -f http://admin:s3cretpw@localhost:8080/health || exit 1"] },
      "dockerLabels": { "com.example.team": "orders", "com.example.ci-token": "ghp_0123456789abcdefghijABCDEFGHIJ012345" },
      "logConfiguration": {
        "logDriver": "splunk",
        "options": {
          "splunk-url": "https://splunk.example.com:8088",
          "splunk-token": "5f1c7a0e-2b8d-4c55-9e1a-7d3f9b6a2c10"
        }
      }
    }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags each credential outside environment on the value that holds it', () => {
    assert.deepEqual(findingsOf(text, RULE).map(f => [f.line, f.character, f.endCharacter, f.text, f.severity]), [
      [6, 15, 73, '"deploy:Sup3rS3cret@registry.example.com/orders/api:1.4.2"', 'error'],
      [8, 51, 68, '"t0k3n-value-123"', 'error'],
      [9, 18, 48, '"--db-password=hunter2hunter2"', 'error'],
      [10, 48, 111, '"curl -f http://admin:s3cretpw@localhost:8080/health || exit 1"', 'error'],
      [11, 78, 120, '"ghp_0123456789abcdefghijABCDEFGHIJ012345"', 'error'],
      [16, 26, 64, '"5f1c7a0e-2b8d-4c55-9e1a-7d3f9b6a2c10"', 'error'],
    ]);
  });

  it('says where and what, and shows only redacted values', () => {
    const msgs = run(text).findings.filter(f => f.ruleId === RULE).map(f => f.message);
    assert.deepEqual(msgs, [
      "The image reference of container 'api' embeds a registry password ('deploy:****@registry.example.com'): anyone who can describe the task definition can log in to the registry. Use repositoryCredentials with a Secrets Manager secret instead.",
      "Argument 3 of the entryPoint of container 'api' is the value of the flag '--api-token', in plain text ('••••••••'): anyone who can describe the task definition, or list the processes on the instance, can read it. Pass it through 'secrets' and let the command read the variable.",
      "Argument 1 of the command of container 'api' sets 'db-password' in plain text ('••••••••'): anyone who can describe the task definition, or list the processes on the instance, can read it. Pass it through 'secrets' and let the command read the variable.",
      "Argument 2 of the healthCheck command of container 'api' holds a URL with a password in plain text ('http://admin:****@localhost:8080'): anyone who can describe the task definition, or list the processes on the instance, can read it. Pass it through 'secrets' and let the command read the variable.",
      "Docker label 'com.example.ci-token' of container 'api' holds a GitHub token in plain text ('ghp_…2345'): labels are stored in the task definition and shown to anyone who inspects the container.",
      "Log option 'splunk-token' of container 'api' looks like a secret by its name and holds it in plain text ('5f1c…2c10'): anyone who can describe the task definition can read it. Pass it through logConfiguration.secretOptions instead.",
    ]);
    for (const m of msgs) for (const s of SECRETS) assert.ok(!m.includes(s), `${s} in: ${m}`);
  });

  it('moves a log option to secretOptions with a Secrets Manager placeholder, not as the preferred fix', () => {
    assert.equal(applyFix(text, RULE, 5), text.replace(`          "splunk-url": "https://splunk.example.com:8088",
          "splunk-token": "5f1c7a0e-2b8d-4c55-9e1a-7d3f9b6a2c10"
        }
      }`, `          "splunk-url": "https://splunk.example.com:8088"
        },
        "secretOptions": [
          {
            "name": "splunk-token",
            "valueFrom": "arn:aws:secretsmanager:REGION:111122223333:secret:orders/splunk-token"
          }
        ]
      }`));
    const f = run(text).findings.filter(x => x.ruleId === RULE)[5];
    assert.equal(f.fix!.preferred, false);
    assert.deepEqual(fixViolations(text), []);
  });

  it('appends to existing secretOptions and leaves an empty options object when the secret was the only one', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "logConfiguration": {"logDriver": "awsfirelens", "options": {"apikey": "dd0123456789abcdef"}, "secretOptions": [{"name": "x", "valueFrom": "y"}]}}]}';
    assert.equal(applyFix(t, RULE), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "logConfiguration": {"logDriver": "awsfirelens", "options": {}, "secretOptions": [{"name": "x", "valueFrom": "y"}, {"name": "apikey", "valueFrom": "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:f/apikey"}]}}]}');
  });

  it('knows the secret option names of common log drivers and FireLens outputs', () => {
    for (const name of ['splunk-token', 'apikey', 'api_key', 'HTTP_Passwd', 'licenseKey', 'dd_api_key']) {
      const t = `{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "logConfiguration": {"logDriver": "awsfirelens", "options": {${JSON.stringify(name)}: "a1b2c3d4e5f6"}}}]}`;
      assert.equal(findingsOf(t, RULE).length, 1, name);
    }
  });

  it('finds a credential format in the literal part of a command that also holds shell variables', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "command": ["sh", "-c", "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE && exec $APP"]}]}';
    const [f] = run(t).findings.filter(x => x.ruleId === RULE);
    assert.match(f.message, /^Argument 3 of the command of container 'a' holds an AWS access key id in plain text \('AKIA…MPLE'\)/);
  });

  it('leaves alone references, files, shell expansions, placeholders and ordinary arguments', () => {
    const mk = (field: string) => `{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", ${field}}]}`;
    for (const field of [
      '"command": ["--password-file=/run/secrets/db", "--token-url=https://auth.example.com/token", "--api-key", "$API_KEY"]',
      '"command": ["--password", "${DB_PASSWORD}"]',
      '"command": ["sh", "-c", "echo pass; psql -p 5432 -U app --password=$(cat /run/secrets/pw)"]',
      '"command": ["--secret-name", "prod/db", "--token-ttl=3600", "--auth-enabled=true", "DB_PASSWORD_FILE=/run/secrets/x"]',
      '"entryPoint": ["/entrypoint.sh", "--password", "--verbose"]',
      '"healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}',
      '"dockerLabels": {"KeyName": "", "com.example.secret-arn": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:x", "token": "${TOKEN}"}',
      '"logConfiguration": {"logDriver": "splunk", "options": {"splunk-token": "${SPLUNK_TOKEN}", "splunk-url": "https://splunk:8088", "tag": "{{.Name}}"}}',
      '"logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/f", "awslogs-region": "eu-west-1"}}',
      '"logConfiguration": "${LOGGING}"',
    ]) {
      assert.deepEqual(findingsOf(mk(field), RULE), [], field);
    }
    for (const image of ['nginx@sha256:0b2c4f6a8e0c2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e', 'registry.example.com:5000/app:1', '${REGISTRY_USER}:${REGISTRY_PASS}@registry.example.com/app:1', 'user:****@registry.example.com/app:1']) {
      assert.deepEqual(findingsOf(`{"family": "f", "containerDefinitions": [{"name": "a", "image": ${JSON.stringify(image)}}]}`, RULE), [], image);
    }
  });

  it('honours extra name patterns from settings for flags, labels and log options', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "command": ["--vault-pin=4711-2222"], "dockerLabels": {"acme.pin": "1234-5678"}}]}';
    assert.deepEqual(findingsOf(t, RULE), []);
    const s = settings({ secretNamePatterns: ['pin$'] });
    assert.equal(run(t, undefined, s).findings.filter(f => f.ruleId === RULE).length, 2);
  });

  it('stays linear on 100 KB adversarial arguments', () => {
    for (const long of ['--p='.repeat(25_000), 'a://'.repeat(25_000) + 'x:y@', '-'.repeat(100_000), 'A'.repeat(100_000), 'x'.repeat(50_000) + ' --password ' + 'y'.repeat(50_000)]) {
      const t = `{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "command": [${JSON.stringify(long)}], "dockerLabels": {"k": ${JSON.stringify(long)}}}]}`;
      const t0 = Date.now();
      run(t);
      assert.ok(Date.now() - t0 < 1500, `${long.slice(0, 12)}…: ${Date.now() - t0} ms`);
    }
  });
});
