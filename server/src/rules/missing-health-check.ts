import { defineRule } from '../engine/types';
import { cget } from '../model/document';
import { bool } from '../model/values';
import { forEachContainer, q } from './lib/walk';

export default defineRule({
  meta: {
    id: 'missing-health-check',
    severity: 'note',
    title: 'Essential container has no health check',
    description: 'Without a healthCheck ECS only knows that the process runs, not that it works: a hung, crashed-inside or hijacked process keeps its task in service, and nothing replaces it.',
    fixable: false,
    references: {
      kics: ['ECS Task Definition HealthCheck Missing'],
      links: [['Determine ECS task health using container health checks', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html']],
    },
  },
  check(doc, { report }) {
    forEachContainer(doc, c => {
      const essential = cget(c, 'essential');
      // Absent means essential; an unknown value cannot be judged.
      if (essential && bool(essential) !== true) return;
      if (cget(c, 'healthCheck')) return;
      report(c.anchor, `Essential container ${q(c.label)} has no healthCheck: ECS only sees that its process runs, so a hung or broken container stays in service and is never replaced.`);
    });
  },
});
