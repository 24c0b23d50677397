import { runSuites } from '../runMocha';

/** The entry of the smoke test that runs against the installed VSIX (no extension under development). */
export function run(): Promise<void> {
  return runSuites(__dirname, 'smoke');
}
