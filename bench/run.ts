// `npm run bench`: every budget of the issues, measured here and printed with its figure and a
// pass/fail mark; the table also goes to bench/results/latest.json. Figures, not unit tests: the
// machine's load moves them, so run it on a quiet machine.
//   npm run bench                 everything
//   npm run bench -- --quick      no 10,000-file scan and no peers
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { SERVER_EXEC_ARGV } from '../server/src/serverFlags';
import { analysisFigures } from './analysis';
import { cliFigures } from './cli';
import { lspFigures } from './lsp';
import { peerFigures } from './peers';
import { finish } from './report';
import { workspaceFigures } from './workspace';

async function main() {
  // The in-process figures are the server's: measured under the V8 options the server runs with
  // (its young generation's size changes what a large file's collections cost).
  if (!SERVER_EXEC_ARGV.every(f => process.execArgv.includes(f))) {
    const run = spawnSync(process.execPath, [...process.execArgv, ...SERVER_EXEC_ARGV, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = run.status ?? 1;
    return;
  }
  const quick = process.argv.includes('--quick');
  console.log(`ECS Guard benchmark — node ${process.version} ${process.execArgv.join(' ')}, ${os.cpus().length} cores, load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}`);
  await analysisFigures();
  await lspFigures();
  await workspaceFigures(1_000, 50, false);
  if (!quick) await workspaceFigures(10_000, 500, true);
  cliFigures();
  if (!quick) peerFigures();
  finish({ node: process.version, v8Flags: process.execArgv, cores: os.cpus().length, loadAverage: os.loadavg(), quick });
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
