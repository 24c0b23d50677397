import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { typicalTaskDefinition, typicalTemplate } from './inputs';
import { beginSection, record } from './report';
import { stats } from './stats';

export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

/** Wall time of one whole process, in ms. */
export function timeProcess(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `ecs-guard` started cold on a small folder, as CI runs it: node start-up included. */
export function cliFigures(): void {
  beginSection('CLI cold start on a small folder (whole process, node start-up included)');
  const baseline: number[] = [];
  for (let i = 0; i < 15; i++) baseline.push(timeProcess(process.execPath, ['-e', '0']).ms);
  record('node itself (node -e 0), for reference', stats(baseline));
  for (const [label, ext, text, budget] of [['task-definition JSON', '.json', typicalTaskDefinition(), 150], ['CloudFormation YAML', '.yaml', typicalTemplate(), 200]] as const) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-cli-'));
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `doc-${i}${ext}`), text);
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) runs.push(timeProcess(process.execPath, [CLI, '--format', 'json', dir]).ms);
    record(`ecs-guard on 3 ${label} files`, stats(runs), { median: budget });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
