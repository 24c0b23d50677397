import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import type { Severity } from '../engine/types';
import { DEFAULT_SETTINGS } from '../engine/types';
import { CANDIDATE_FILE, prepareDocument } from '../formats';
import { VERSION } from '../meta';
import { collectFiles, readText } from './files';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { FileReport } from './report';
import { formatRules } from './rulesCommand';

const USAGE = `Usage: ecs-guard [options] <path...>
       ecs-guard rules [--format text|json]

Scans ECS task definitions (task-definition JSON, CloudFormation/SAM, AWS CDK) for insecure settings.
Folders are walked (node_modules, .git, cdk.out and Python environments and caches are skipped).

Options:
  --format text|json|sarif   output format (default: text)
  --fail-on error|warning|note
                             exit 1 when a finding is at or above this severity (default: error)
  --no-color                 plain text output
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error or unreadable path.
`;

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  cwd: string;
}

class UsageError extends Error {}

/** Runs the CLI; returns the exit status. Never throws for bad input. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.stderr(`ecs-guard: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  try {
    const format = values.format!;
    if (positionals[0] === 'rules' && positionals.length === 1) {
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json for 'rules', not '${format}'`);
      io.stdout(formatRules(format));
      return 0;
    }
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
    const failOn = values['fail-on']! as Severity;
    if (!(failOn in RANK)) throw new UsageError(`--fail-on must be error, warning or note, not '${failOn}'`);
    if (positionals.length === 0) throw new UsageError('no paths given');

    const { files, errors } = collectFiles(positionals.map(p => path.resolve(io.cwd, p)), f => CANDIDATE_FILE.test(f));
    const reports: FileReport[] = [];
    const notes: string[] = [];
    for (const absolute of files) {
      const shown = path.relative(io.cwd, absolute) || absolute;
      let text: string;
      try {
        text = readText(absolute).text;
      } catch (e) {
        errors.push(`${shown}: ${(e as Error).message}`);
        continue;
      }
      await prepareDocument(text, pathToUri(absolute));
      const result = analyze(text, pathToUri(absolute), DEFAULT_SETTINGS);
      if (result.skipped) notes.push(`${shown}: ${result.skipped}`);
      if (!result.parsed && !result.skipped) continue; // not an ECS document: nothing to say
      const doc = TextDocument.create(pathToUri(absolute), 'plaintext', 1, text);
      reports.push({ path: shown, absolute, doc, result, findings: result.findings });
    }
    const color = values['no-color'] ? false : values.color ? true : io.isTTY && !process.env.NO_COLOR;
    if (format === 'json') io.stdout(formatJson(reports));
    else if (format === 'sarif') io.stdout(formatSarif(reports, io.cwd));
    else io.stdout(formatText(reports, color, notes));
    for (const e of errors) io.stderr(`ecs-guard: ${e}\n`);
    if (errors.length) return 2;
    const worst = Math.max(-1, ...reports.flatMap(r => r.findings.map(f => RANK[f.severity])));
    return worst >= RANK[failOn] ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ecs-guard: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`ecs-guard: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

const pathToUri = (p: string): string => pathToFileURL(p).href;

/** Runs the CLI on this process's arguments and streams. */
export function main(): void {
  run(process.argv.slice(2), {
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    cwd: process.cwd(),
  }).then(code => { process.exitCode = code; }, e => {
    process.stderr.write(`ecs-guard: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
}

if (require.main === module) main();
