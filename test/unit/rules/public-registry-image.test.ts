import * as assert from 'node:assert/strict';
import { findingsOf, fixViolations, run, settings } from '../../helpers/analysis';

const RULE = 'public-registry-image';
const mk = (image: string) => `{"family": "f", "containerDefinitions": [{"name": "app", "image": ${JSON.stringify(image)}}]}`;
const severityOf = (image: string, s = settings()) => findingsOf(mk(image), RULE, undefined, s).map(f => f.severity);

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27" },
    { "name": "sidecar", "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0" },
    { "name": "api", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop-api:4.2.0" }
  ]
}
`;

  it('flags Docker Hub as a warning and other public registries as a note, on the image value', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 3, character: 30, endLine: 3, endCharacter: 42, text: '"nginx:1.27"', severity: 'warning' },
      { rule: RULE, line: 4, character: 34, endLine: 4, endCharacter: 95, text: '"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"', severity: 'note' },
    ]);
    const [hub, ecrPublic] = run(text).findings.filter(f => f.ruleId === RULE);
    assert.match(hub.message, /^Container 'web' pulls 'docker.io\/library\/nginx' from Docker Hub, which nobody in your organisation controls: /);
    assert.match(ecrPublic.message, /^Container 'sidecar' pulls 'public.ecr.aws\/aws-observability\/aws-otel-collector' from the public registry public.ecr.aws, /);
    assert.equal(hub.fix, undefined);
    assert.deepEqual(fixViolations(text), []);
  });

  it('knows Docker Hub under every name', () => {
    for (const img of ['nginx', 'library/nginx:1.27', 'bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2', 'registry-1.docker.io/library/nginx:1', 'index.docker.io/grafana/grafana:11.1.0', 'DOCKER.IO/library/nginx:1']) {
      assert.deepEqual(severityOf(img), ['warning'], img);
    }
  });

  it('knows the other public registries', () => {
    for (const img of ['ghcr.io/acme/app:1', 'quay.io/prometheus/node-exporter:v1.8.2', 'gcr.io/distroless/static:nonroot', 'us.gcr.io/project/app:1', 'registry.k8s.io/pause:3.9', 'mcr.microsoft.com/dotnet/aspnet:8.0']) {
      assert.deepEqual(severityOf(img), ['note'], img);
    }
  });

  it('accepts private ECR, private hosts, and images decided by a template', () => {
    for (const img of ['111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1', 'registry.example.com/team/app:2', 'localhost:5000/app:1', '${REGISTRY}/app:1.0', '${IMAGE}', '<IMAGE_URI>', '${REPO}:1.0', 'REPOSITORY_URI:IMAGE_TAG']) {
      assert.deepEqual(severityOf(img), [], img);
    }
  });

  it('is silenced by trusted registry prefixes, on a path boundary only', () => {
    const trusted = settings({ trustedRegistries: ['ghcr.io/acme', 'https://registry-1.docker.io/bitnami/', 'docker.io/library'] });
    for (const img of ['ghcr.io/acme/app:1', 'ghcr.io/acme:1', 'bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2', 'nginx:1.27', 'library/nginx']) {
      assert.deepEqual(severityOf(img, trusted), [], img);
    }
    assert.deepEqual(severityOf('ghcr.io/acme-evil/app:1', trusted), ['note']);
    assert.deepEqual(severityOf('bitnami-labs/sealed-secrets:0.27', trusted), ['warning']);
  });

  it('never shows credentials written in front of the image', () => {
    const [f] = run(mk('deploy:hunter2-pass@ghcr.io/acme/app:1')).findings.filter(x => x.ruleId === RULE);
    assert.ok(f);
    assert.doesNotMatch(f.message, /hunter2/);
    assert.match(f.message, /'ghcr.io\/acme\/app'/);
  });

  it('lets the severity setting win over the per-registry severity', () => {
    assert.deepEqual(severityOf('ghcr.io/acme/app:1', settings({ rules: { [RULE]: 'error' } })), ['error']);
  });
});
