import { defineRule } from '../engine/types';
import { cget } from '../model/document';
import { hasHole, imageText, parseImage } from './lib/image';
import { forEachContainer, q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'latest-image-tag',
    severity: 'warning',
    title: 'Image uses the mutable latest tag (or no tag)',
    description: 'An image tagged latest, or not tagged at all, can change under the same name: a task may start code nobody reviewed, and two tasks of one revision may run different code.',
    fixable: false,
    references: {
      links: [
        ['ECS best practices: container images', 'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-tasks-containers.html'],
        ['ECR: tag immutability', 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html'],
      ],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, c => {
      const node = cget(c, 'image');
      const text = imageText(node);
      if (!node || text === undefined) return;
      const img = parseImage(text);
      if (img.digest !== undefined) return; // pinned: the tag is only a label
      if (img.tag !== undefined) {
        if (hasHole(img.tag) || img.tag.toLowerCase() !== 'latest') return;
        report(node, `Container ${q(c.label)} uses the image tag 'latest', which can point to different code at every pull: pin a version tag or a digest.`);
        return;
      }
      if (hasHole(img.repository) || img.repository === '') return;
      report(node, `Container ${q(c.label)} uses an image without a tag, which pulls 'latest' and can change at every pull: pin a version tag or a digest.`);
    });
  },
});
