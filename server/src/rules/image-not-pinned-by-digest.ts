import { defineRule } from '../engine/types';
import { cget } from '../model/document';
import { hasHole, imageText, parseImage } from './lib/image';
import { isPlaceholderRepository } from './lib/registry';
import { forEachContainer, q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'image-not-pinned-by-digest',
    severity: 'note',
    title: 'Image tag not pinned by digest',
    description: 'A version tag is a movable label: whoever can push to the repository can point it at other code, and the next task started runs that code under the same task definition. A digest (`@sha256:…`) names exactly one image. Images tagged latest or not tagged are left to latest-image-tag.',
    fixable: false,
    references: {
      links: [
        ['ECS container image resolution', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability'],
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
      if (img.digest !== undefined) return; // pinned, even when a template fills the digest in
      if (isPlaceholderRepository(img)) return; // `REPOSITORY_URI:IMAGE_TAG`: a skeleton, not an image
      // No tag, or latest: latest-image-tag already reports it, louder; once per problem is enough.
      if (img.tag === undefined || hasHole(img.tag) || img.tag.trim() === '' || img.tag.toLowerCase() === 'latest') return;
      report(node, `Container ${q(c.label)} uses the image tag ${q(img.tag)} without a digest: anyone who can push to the repository can move that tag, and the next task started runs whatever it points to.`);
    });
  },
});
