import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A typical task definition: the insecure web example (one container, a dozen findings). */
export function typicalTaskDefinition(): string {
  return fs.readFileSync(path.join(ROOT, 'examples', 'taskdef-json', 'insecure-web.json'), 'utf8');
}

/** A task definition of about `bytes` bytes: many containers, each with environment and mounts. */
export function largeTaskDefinition(bytes = 1024 * 1024): string {
  const containers: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const c = JSON.stringify({
      name: `svc-${i}`,
      image: i % 3 ? `111122223333.dkr.ecr.us-east-1.amazonaws.com/svc-${i}:1.${i}` : `nginx:latest`,
      essential: i === 0,
      privileged: i % 7 === 0,
      memory: 256,
      portMappings: [{ containerPort: 8000 + (i % 100), hostPort: 8000 + (i % 100) }],
      environment: Array.from({ length: 12 }, (_, j) => ({ name: j === 3 ? `DB_PASSWORD_${i}` : `SETTING_${j}`, value: j === 3 ? `pw-${i}-value-x` : `value-${i}-${j}` })),
      mountPoints: [{ sourceVolume: 'data', containerPath: `/data/${i}` }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/svc-${i}`, 'awslogs-region': 'us-east-1' } },
    }, null, 2).replace(/\n/g, '\n    ');
    containers.push('    ' + c);
    size += c.length;
  }
  return `{\n  "family": "huge",\n  "networkMode": "bridge",\n  "containerDefinitions": [\n${containers.join(',\n')}\n  ],\n  "volumes": [{"name": "data"}]\n}\n`;
}
