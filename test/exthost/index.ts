import * as path from 'node:path';
import { runSuites } from './runMocha';

/**
 * The extension tests' entry (VS Code's extensionTestsPath), run inside the extension host with
 * the sources as the extension under development; see runVSCode.ts and test/e2e/run.ts.
 */
export function run(): Promise<void> {
  return runSuites(path.join(__dirname, 'suite'), 'suite');
}
