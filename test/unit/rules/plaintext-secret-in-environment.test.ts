import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'plaintext-secret-in-environment';
const mk = (env: [string, string][], extra = '') => `{
  "family": "orders",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",${extra}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1",
      "environment": [
${env.map(([n, v]) => `        { "name": ${JSON.stringify(n)}, "value": ${JSON.stringify(v)} }`).join(',\n')}
      ]
    }
  ]
}
`;
const flagged = (env: [string, string][]) => findingsOf(mk(env), RULE).map(f => f.text);

describe(`rule ${RULE}`, () => {
  it('flags secret-named variables with secret-like values, on the value', () => {
    const cases: [string, string][] = [
      ['DB_PASSWORD', 'hunter2hunter2'], ['dbPassword', 'x9!kk2'], ['STRIPE_SECRET', 'whatever-it-is'], ['GITHUB_TOKEN', 'abc123def'],
      ['MAILGUN_API_KEY', 'key-123'], ['JWT_PRIVATE_KEY', 'base64stuff'], ['S3_ACCESS_KEY', 'AKIA-not-really'], ['SERVICE_CREDENTIALS', '{"u":"a"}'],
      ['ADMIN_PASSWD', 'p'], ['CLIENT_SECRET', 'shh'], ['REDIS_PASSPHRASE', 'open sesame'],
    ];
    for (const c of cases) assert.deepEqual(flagged([c]), [JSON.stringify(c[1])], c[0]);
  });

  it('always flags AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and ECS_ENGINE_AUTH_DATA', () => {
    for (const n of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA']) assert.equal(flagged([[n, '42']]).length, 1, n);
  });

  it('flags credential-looking values whatever the name', () => {
    const cases: [string, string][] = [
      ['CONFIG', 'AKIAIOSFODNN7EXAMPLE'],
      ['GH', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'],
      ['DATABASE_URL', 'postgres://app:s3cret@db:5432/app'],
      ['SLACK', 'xoxb-123456789012-abcdefghij'],
      ['ID_TOKEN', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
      ['CERT', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...'],
    ];
    for (const c of cases) assert.equal(flagged([c]).length, 1, c[0]);
  });

  it('leaves alone values that cannot be secrets and names that describe one', () => {
    const cases: [string, string][] = [
      ['PASSWORD_MIN_LENGTH', '12'], ['TOKEN_TTL_SECONDS', '3600'], ['PASSWORD_FILE', '/run/secrets/db'],
      ['DB_PASSWORD_SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db'], ['DB_PASSWORD', 'arn:aws:ssm:eu-west-1:111122223333:parameter/db'],
      ['API_KEY_HEADER', 'X-Api-Key'], ['TOKEN_URL', 'https://auth.example.com/token'], ['AUTH_TOKEN_ENABLED', 'true'],
      ['DATABASE_URL', 'postgres://db:5432/app'], ['DB_PASSWORD', ''], ['KEY', 'value'], ['MONKEY_BUSINESS', 'bananas'],
      ['SECRET_NAME', 'prod/db'], ['DB_PASSWORD', '${DB_PASSWORD}'], ['API_TOKEN', '{{ .Env.TOKEN }}'], ['PASSWORD', 'false'],
    ];
    for (const c of cases) assert.deepEqual(flagged([c]), [], `${c[0]}=${c[1]}`);
  });

  it('never shows the value: only a redacted form', () => {
    const text = mk([['DB_PASSWORD', 'correct-horse-battery-staple'], ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], ['URL', 'redis://u:topsecretpw@cache:6379/0']]);
    const msgs = run(text).findings.filter(f => f.ruleId === RULE).map(f => f.message);
    assert.equal(msgs.length, 3);
    for (const m of msgs) {
      assert.doesNotMatch(m, /correct-horse-battery-staple|wJalrXUtnFEMI\/K7MDENG|topsecretpw/);
    }
    assert.match(msgs[0], /'corr…aple'/);
    assert.match(msgs[2], /redis:\/\/u:\*\*\*\*@cache:6379/);
  });

  it('fixes by moving the entry to secrets with an ARN from the file\'s account and region', () => {
    const text = mk([['LOG_LEVEL', 'info'], ['DB_PASSWORD', 'hunter2hunter2']]);
    const fixed = applyFix(text, RULE);
    assert.equal(fixed, `{
  "family": "orders",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1",
      "environment": [
        { "name": "LOG_LEVEL", "value": "info" }
      ],
      "secrets": [
        {
          "name": "DB_PASSWORD",
          "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/db-password"
        }
      ]
    }
  ]
}
`);
    assert.doesNotMatch(fixed, /hunter2/);
    assert.deepEqual(fixViolations(text), []);
  });

  it('appends to an existing secrets list and marks unknown account and region as placeholders', () => {
    const text = '{"containerDefinitions": [{"name": "a", "image": "x:1", "environment": [{"name": "API_TOKEN", "value": "t0k3n-value"}], "secrets": [{"name": "B", "valueFrom": "b"}]}]}';
    assert.equal(applyFix(text, RULE), '{"containerDefinitions": [{"name": "a", "image": "x:1", "environment": [], "secrets": [{"name": "B", "valueFrom": "b"}, {"name": "API_TOKEN", "valueFrom": "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:api-token"}]}]}');
  });

  it('honours extra name patterns from settings', () => {
    const text = mk([['MY_PIN', '4711-2222']]);
    assert.equal(findingsOf(text, RULE).length, 0);
    assert.equal(run(text, undefined, { rules: {}, trustedRegistries: [], secretNamePatterns: ['_PIN$'] }).findings.filter(f => f.ruleId === RULE).length, 1);
  });

  it('is not preferred: the ARN must be filled in', () => {
    assert.equal(run(mk([['DB_PASSWORD', 'x-y-z-w']])).findings.find(f => f.ruleId === RULE)!.fix!.preferred, false);
  });
});
