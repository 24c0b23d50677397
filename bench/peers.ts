import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { largeTemplate } from './inputs';
import { CLI, timeProcess } from './cli';
import { beginSection, figure } from './report';

const ROOT = path.join(__dirname, '..', '..');
/** The peers are installed here (ignored by git), from the pinned bench/peers/package*.json. */
const PEERS = path.join(ROOT, '.bench', 'peers');

/** Installs the peers once (npm registry only); false, with a reason printed, when that is impossible. */
function ensurePeers(): boolean {
  if (fs.existsSync(path.join(PEERS, 'node_modules', 'aws-cdk-lib', 'package.json')) && fs.existsSync(path.join(PEERS, 'node_modules', 'cdk-nag'))) return true;
  fs.mkdirSync(PEERS, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, 'bench', 'peers', f), path.join(PEERS, f));
  console.log('  installing the peers into .bench/peers (cfn-guard, aws-cdk-lib, cdk-nag; once)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`  could not install the peers: ${(r.stderr || r.stdout).split('\n').slice(-3).join(' ')}`);
    return false;
  }
  return true;
}

function cfnGuardBinary(): string | undefined {
  const arch = os.arch() === 'arm64' ? 'aarch64' : os.arch() === 'x64' ? 'x86_64' : undefined;
  const dir = os.platform() === 'darwin' ? 'macos' : os.platform() === 'linux' ? 'ubuntu' : undefined;
  if (!arch || !dir) return undefined;
  const bin = path.join(PEERS, 'node_modules', '@cdklabs', 'cdk-validator-cfnguard', 'bin', dir, arch, 'cfn-guard');
  return fs.existsSync(bin) ? bin : undefined;
}

/** A CDK app in TypeScript with `n` task definitions written out (what a user's stack looks like to us). */
export function cdkApp(n: number): string {
  const lines = [
    "import * as cdk from 'aws-cdk-lib';",
    "import * as ecs from 'aws-cdk-lib/aws-ecs';",
    "import { AwsSolutionsChecks } from 'cdk-nag';",
    '',
    'const app = new cdk.App({ outdir: process.env.CDK_OUTDIR });',
    "const stack = new cdk.Stack(app, 'Bench');",
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      `const task${i} = new ecs.FargateTaskDefinition(stack, 'Task${i}', { memoryLimitMiB: 512, cpu: 256 });`,
      `task${i}.addContainer('web${i}', {`,
      `  image: ecs.ContainerImage.fromRegistry('nginx:1.${i}'),`,
      '  privileged: false,',
      `  environment: { STAGE: 'prod', DB_PASSWORD: 'pw-${i}-value' },`,
      '});',
    );
  }
  lines.push('cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app));', 'app.synth();', '');
  return lines.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The peers that run here, measured on the same inputs as ECS Guard, as ratios of whole-process wall times. */
export function peerFigures(): void {
  beginSection('Side by side with the peers (whole processes, same inputs)');
  if (!ensurePeers()) {
    figure('peers', NaN, '', undefined, 'not installed: skipped');
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-peers-'));
  try {
    const guard = cfnGuardBinary();
    const rules = path.join(PEERS, 'node_modules', '@cdklabs', 'cdk-validator-cfnguard', 'rules', 'control-tower', 'cfn-guard', 'ecs');
    for (const n of [1, 100]) {
      const file = path.join(work, `stack-${n}.yaml`);
      fs.writeFileSync(file, largeTemplate(4 * n));
      if (!guard) {
        figure(`cfn-guard, ${n} task definition(s)`, NaN, '', undefined, 'no cfn-guard binary for this platform');
        continue;
      }
      // Three runs each, median: one run is at the mercy of the machine's load.
      const theirs = median([0, 1, 2].map(() => timeProcess(guard, ['validate', '-r', rules, '-d', file, '-o', 'json', '-S', 'none']).ms));
      const ours = median([0, 1, 2].map(() => timeProcess(process.execPath, [CLI, '--format', 'json', file]).ms));
      figure(`CloudFormation, ${n} task definition(s): cfn-guard 3.1 (Control Tower ECS rules)`, theirs, 'ms');
      figure(`CloudFormation, ${n} task definition(s): ecs-guard`, ours, 'ms');
      figure(`CloudFormation, ${n} task definition(s): ecs-guard is faster by`, theirs / ours, '×', n === 100 ? { atLeast: 20 } : undefined);
    }
    const ts = require('typescript') as typeof import('typescript');
    for (const n of [1, 100]) {
      const source = cdkApp(n);
      const tsFile = path.join(work, `app-${n}.ts`);
      const jsFile = path.join(work, `app-${n}.js`);
      fs.writeFileSync(tsFile, source);
      fs.writeFileSync(jsFile, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
      const env = { ...process.env, NODE_PATH: path.join(PEERS, 'node_modules'), CDK_OUTDIR: path.join(work, `cdk.out-${n}`) };
      const synth = timeProcess(process.execPath, [jsFile], { env });
      // cdk-nag fails the synthesis when it finds errors (exit 1, "ValidationFailed"): that is a completed run.
      if (synth.status !== 0 && !(synth.status === 1 && /AwsSolutions/.test(synth.stderr))) {
        figure(`CDK, ${n} task definition(s): synth + cdk-nag`, NaN, 'ms', undefined, 'the app did not synthesize');
        continue;
      }
      const ours = median([0, 1, 2].map(() => timeProcess(process.execPath, [CLI, '--format', 'json', tsFile]).ms));
      figure(`CDK, ${n} task definition(s): synth + cdk-nag 3 (AwsSolutionsChecks)`, synth.ms, 'ms');
      figure(`CDK, ${n} task definition(s): ecs-guard on the TypeScript source`, ours, 'ms');
      figure(`CDK, ${n} task definition(s): ecs-guard is faster by`, synth.ms / ours, '×', { atLeast: 20 });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
