import {
  fixAllApplies, fixAllOnSave, hoverExplains, ignoreInConfigApplies, ignoreOnLineApplies, openAndExpectDiagnostics, quickFixApplies,
  restoreWorkspace, severitiesFollowSettings,
} from '../checks';
import { FORMATS } from '../formats';

// One block per entry of the formats table: a new format adds a fixture and an entry, not tests.
for (const c of FORMATS) {
  describe(`${c.format} (${c.fixture})`, () => {
    afterEach(() => restoreWorkspace([c.fixture]));

    it('shows the expected rule ids, ranges and severities', () => openAndExpectDiagnostics(c));
    it(`quick fix "${c.quickFix.title}" edits the text and the diagnostic goes away`, () => quickFixApplies(c));
    it('source.fixAll.ecsGuard applies every safe fix', () => fixAllApplies(c));
    it('saving with editor.codeActionsOnSave applies every safe fix', () => fixAllOnSave(c));
    it('severities follow ecsGuard.rules', () => severitiesFollowSettings(c));
    it('hover explains the finding', () => hoverExplains(c));
    if (c.ignoreOnLine) it(`"Ignore '${c.ignoreOnLine}' on this line" inserts the directive and the diagnostic goes away`, () => ignoreOnLineApplies(c));
    if (c.ignoreInConfig) it(`"Ignore '${c.ignoreInConfig}' in this file" writes .ecs-guard.json and the diagnostic goes away`, () => ignoreInConfigApplies(c));
  });
}
