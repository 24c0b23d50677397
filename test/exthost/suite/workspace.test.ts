import { diskChangesFollowed, restoreWorkspace, unopenedFilesListed } from '../checks';
import { FORMATS } from '../formats';

// The whole workspace in the Problems panel (GitHub issue 7): files that no editor has open.
describe('workspace scan (files never opened)', () => {
  afterEach(() => restoreWorkspace(FORMATS.map(f => f.fixture)));

  it('lists their findings in getDiagnostics, cross-file ones included', () => unopenedFilesListed());
  it('follows files created, changed and deleted on disk', () => diskChangesFollowed());
});
