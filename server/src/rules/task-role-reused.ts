import { defineRule } from '../engine/types';

/**
 * A workspace rule: its findings come from the role index (engine/roleIndex.ts), which the
 * language server and the CLI keep over every file they analyse.
 */
export default defineRule({
  meta: {
    id: 'task-role-reused',
    severity: 'warning',
    title: 'One task role shared by several services',
    description: 'Task definitions of different families use the same IAM task role: each service holds the union of all their permissions, and a compromise of one is a compromise of all.',
    fixable: false,
    references: {
      links: [['Amazon ECS best practices: IAM roles for tasks', 'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-iam-roles.html']],
    },
  },
  check() {
    // Cross-file: reported from the role index after every file is analysed.
  },
});
