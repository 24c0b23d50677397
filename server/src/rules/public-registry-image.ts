import { defineRule } from '../engine/types';
import { cget } from '../model/document';
import { imageText, parseImage } from './lib/image';
import { isPlaceholderRepository, isTrusted, registryOf } from './lib/registry';
import { forEachContainer, q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'public-registry-image',
    severity: 'warning',
    title: 'Image pulled from a public registry',
    description: 'An image from Docker Hub or another public registry is published by someone outside the organisation: a hijacked or typosquatted upstream repository runs its code in the task, and a public registry\'s outage or rate limit stops tasks from starting. Docker Hub is a warning, other public registries a note; `ecsGuard.trustedRegistries` lists the prefixes you control.',
    fixable: false,
    references: {
      links: [
        ['ECS best practices: container image security', 'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-tasks-containers.html'],
        ['ECR pull through cache rules', 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html'],
      ],
    },
  },
  check(doc, { report, settings }) {
    forEachContainer(doc, c => {
      const node = cget(c, 'image');
      const text = imageText(node);
      if (!node || text === undefined) return;
      const img = parseImage(text);
      if (isPlaceholderRepository(img)) return;
      const where = registryOf(img);
      if (where.kind === 'private' || where.kind === 'unknown') return;
      // Credentials written in front of the reference never reach the message or the match.
      const written = (img.registry !== undefined ? img.registry + '/' : '') + img.repository;
      if (isTrusted(where.name, written, settings.trustedRegistries)) return;
      if (where.kind === 'docker-hub') {
        report(node, `Container ${q(c.label)} pulls ${q(where.name)} from Docker Hub, which nobody in your organisation controls: a hijacked or typosquatted upstream image runs in the task, and Docker Hub's pull limits can keep tasks from starting.`);
      } else {
        report(node, `Container ${q(c.label)} pulls ${q(where.name)} from the public registry ${where.host}, which your organisation does not control: whoever publishes that repository decides what code the task runs.`, { severity: 'note' });
      }
    });
  },
});
