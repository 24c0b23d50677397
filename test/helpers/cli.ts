import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { DIST, ROOT } from './paths';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (`node dist/cli.js`) as a user would. */
export function cli(args: string[], cwd = ROOT, input?: string): CliRun {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
