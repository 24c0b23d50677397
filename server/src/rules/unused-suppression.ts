import { defineRule } from '../engine/types';

/**
 * Findings of this rule are made by the engine when it applies suppressions
 * (engine/suppressions.ts): a directive that suppresses nothing is itself reported.
 */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    severity: 'note',
    title: 'Suppression that suppresses nothing',
    description: 'An ecs-guard-ignore directive (or a rule id in one) that matches no finding: the problem it excused was fixed, or the id is misspelt, and a stale exception hides the next real finding.',
    fixable: true,
    references: {},
  },
  check() {
    // Reported by the engine after every rule has run.
  },
});
