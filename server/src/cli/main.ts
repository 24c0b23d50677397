import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, fixAll } from '../engine/analyze';
import { ConfigFile, ConfigResolver, configExcludes, configIgnoresFor, readConfig, globMatch, relativePath } from '../engine/config';
import { walkFiles } from '../engine/fileWalker';
import { RoleIndex, TASK_ROLE_REUSED } from '../engine/roleIndex';
import { mergeSettings } from '../engine/settings';
import type { Settings, Severity } from '../engine/types';
import { DEFAULT_SETTINGS } from '../engine/types';
import { CANDIDATE_FILE, prepareDocument } from '../formats';
import { VERSION } from '../meta';
import { RULES, RULES_BY_ID } from '../rules';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { FileReport } from './report';
import { formatRules } from './rulesCommand';
import { writeFixed } from './fixWriter';
import { foundSecrets, scrub } from './redactOutput';

const USAGE = `Usage: ecs-guard [options] <path...>
       ecs-guard [options] --stdin [--stdin-filename <name>]
       ecs-guard rules [--format text|json]

Scans ECS task definitions (task-definition JSON, CloudFormation/SAM, AWS CDK) for insecure settings.
Folders are walked; node_modules, .git, cdk.out, dist, build, .terraform and what .gitignore
ignores are skipped. Settings come from the nearest .ecs-guard.json above each file.

Options:
  --format text|json|sarif   output format (default: text)
  --fail-on error|warning|note
                             exit 1 when a finding is at or above this severity (default: error)
  --max-warnings <n>         also exit 1 when there are more than n warnings
  --fix                      apply every safe fix, writing each file atomically
  --fix-dry-run              print the safe fixes as a unified diff; write nothing
  --config <file>            use this configuration file instead of looking for .ecs-guard.json
  --rule <id>                only run this rule (repeatable)
  --ignore-pattern <glob>    skip files matching the glob, relative to the current folder (repeatable)
  --quiet                    report errors only
  --stdin                    read one document from standard input
  --stdin-filename <name>    the name to give it (decides the format and the configuration)
  --no-color                 plain text output
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it (or too many warnings),
2 usage error or unreadable path.
`;

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Standard error is a terminal: a progress line may be drawn there. */
  stderrTTY?: boolean;
  cwd: string;
  readStdin?: () => Promise<string>;
}

class UsageError extends Error {}

const pathToUri = (p: string): string => pathToFileURL(p).href;

interface Options {
  format: string;
  failOn: Severity;
  maxWarnings?: number;
  fix: boolean;
  dryRun: boolean;
  config?: ConfigFile;
  rules?: string[];
  ignorePatterns: string[];
  quiet: boolean;
}

/** Runs the CLI; resolves to the exit status. Never throws for bad input. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        config: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'ignore-pattern': { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
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
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not '${values['max-warnings']}'`);
    }
    for (const id of values.rule ?? []) if (!RULES_BY_ID.has(id)) throw new UsageError(`--rule: no rule '${id}' (see 'ecs-guard rules')`);
    if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run');
    if (values.stdin && positionals.length) throw new UsageError('--stdin reads standard input: give no paths');
    if (values.stdin && values.fix) throw new UsageError('--fix writes files: with --stdin use --fix-dry-run');
    if (!values.stdin && positionals.length === 0) throw new UsageError('no paths given');
    let config: ConfigFile | undefined;
    if (values.config) {
      const file = path.resolve(io.cwd, values.config);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`--config: cannot read ${values.config} (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message})`);
      }
      config = readConfig(file, text);
      if (config.errors.length) io.stderr(`ecs-guard: ${values.config}: ${config.errors.join('; ')}\n`);
    }
    const opts: Options = {
      format, failOn, maxWarnings, fix: !!values.fix, dryRun: !!values['fix-dry-run'], config,
      rules: values.rule, ignorePatterns: values['ignore-pattern'] ?? [], quiet: !!values.quiet,
    };
    const color = values['no-color'] ? false : values.color ? true : io.isTTY && !process.env.NO_COLOR;
    return values.stdin ? await runStdin(io, opts, values['stdin-filename'], color) : await runPaths(positionals, io, opts, color);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ecs-guard: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`ecs-guard: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

/** Settings for one file: defaults, then its configuration file, then the command line's --rule. */
function settingsFor(file: string, opts: Options, resolver: ConfigResolver, notes: Set<string>, cwd: string): { settings: Settings; config?: ConfigFile } {
  const config = opts.config ?? resolver.forFile(file);
  if (config?.errors.length && !opts.config) notes.add(`${relativePath(cwd, config.file)}: ${config.errors.join('; ')}`);
  let settings = config ? mergeSettings(DEFAULT_SETTINGS, config.settings) : DEFAULT_SETTINGS;
  const ignore = configIgnoresFor(config, file);
  if (ignore.length) settings = { ...settings, ignore };
  if (opts.rules?.length) {
    const only = new Set(opts.rules);
    const rules = { ...settings.rules };
    for (const r of RULES) if (!only.has(r.meta.id)) rules[r.meta.id] = 'off';
    settings = { ...settings, rules };
  }
  return { settings, config };
}

async function runPaths(positionals: string[], io: CliIO, opts: Options, color: boolean): Promise<number> {
  const resolver = new ConfigResolver();
  const notes = new Set<string>();
  const errors: string[] = [];
  const files: string[] = [];
  const ignoredByPattern = (abs: string) => opts.ignorePatterns.some(g => globMatch(g, relativePath(io.cwd, abs)));
  for (const p of positionals) {
    const abs = path.resolve(io.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      errors.push(`${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
      continue;
    }
    if (st.isFile()) {
      if (!ignoredByPattern(abs)) files.push(abs);
    } else if (st.isDirectory()) {
      const walked = await walkFiles(abs, {
        accept: f => CANDIDATE_FILE.test(f) && !f.endsWith('.d.ts'),
        excluded: (full, isDir) => ignoredByPattern(full) || (!isDir && configExcludes(opts.config ?? resolver.forFile(full), full)),
      });
      files.push(...walked.files);
      errors.push(...walked.errors);
    } else errors.push(`${p}: not a file or directory`);
  }

  const reports: FileReport[] = [];
  const roles = new RoleIndex();
  const diffs: string[] = [];
  const fixed: string[] = [];
  const progress = io.stderrTTY && files.length > 200 && opts.format === 'text';
  let done = 0;
  for (const absolute of files) {
    const shown = relativePath(io.cwd, absolute) || absolute;
    if (progress && done++ % 50 === 0) io.stderr(`\r\u001b[2Kscanning ${done}/${files.length} files…`);
    let buf: Buffer;
    try {
      buf = fs.readFileSync(absolute);
    } catch (e) {
      errors.push(`${shown}: ${(e as Error).message}`);
      continue;
    }
    const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    let text = new TextDecoder('utf-8', { fatal: false }).decode(bom ? buf.subarray(3) : buf);
    const uri = pathToUri(absolute);
    const { settings } = settingsFor(absolute, opts, resolver, notes, io.cwd);
    await prepareDocument(text, uri);
    let result = analyze(text, uri, settings);
    if (result.skipped) notes.add(`${shown}: ${result.skipped}`);
    if (!result.parsed && !result.skipped) continue; // not an ECS document: nothing to say
    if ((opts.fix || opts.dryRun) && result.findings.some(f => f.fix?.preferred)) {
      const out = fixAll(text, uri, settings);
      if (out.applied && out.text !== text) {
        // A diff quotes lines of the file: never let it print a secret a rule found there.
        if (opts.dryRun) diffs.push(scrub(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, text, out.text, '', '', { context: 3 }), foundSecrets(text, result)));
        else {
          const refused = writeFixed(absolute, buf, out.text, bom);
          if (refused) notes.add(`${shown}: not fixed: ${refused}`);
          else {
            fixed.push(`${shown}: fixed ${out.applied} problem${out.applied === 1 ? '' : 's'} (${[...new Set(out.rules)].join(', ')})`);
            text = out.text;
            result = analyze(text, uri, settings);
          }
        }
      }
    }
    roles.set(absolute, result.roleUses ?? []);
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    reports.push({ path: shown, absolute, doc, result, findings: result.findings });
  }
  if (progress) io.stderr('\r\u001b[2K');
  return finish(reports, roles, io, opts, color, errors, [...notes], diffs, fixed, resolver);
}

async function runStdin(io: CliIO, opts: Options, filename: string | undefined, color: boolean): Promise<number> {
  const text = ((await io.readStdin?.()) ?? '').replace(/^\uFEFF/, '');
  const absolute = path.resolve(io.cwd, filename ?? '<stdin>.json');
  const shown = filename ?? '<stdin>';
  const uri = pathToUri(absolute);
  const resolver = new ConfigResolver();
  const notes = new Set<string>();
  const { settings } = settingsFor(absolute, opts, resolver, notes, io.cwd);
  await prepareDocument(text, uri);
  const result = analyze(text, uri, settings);
  if (result.skipped) notes.add(`${shown}: ${result.skipped}`);
  const diffs: string[] = [];
  if (opts.dryRun) {
    const out = fixAll(text, uri, settings);
    if (out.applied) diffs.push(scrub(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, text, out.text, '', '', { context: 3 }), foundSecrets(text, result)));
  }
  const reports: FileReport[] = result.parsed || result.skipped
    ? [{ path: shown, absolute, doc: TextDocument.create(uri, 'plaintext', 1, text), result, findings: result.findings }] : [];
  const roles = new RoleIndex();
  roles.set(absolute, result.roleUses ?? []);
  return finish(reports, roles, io, opts, color, [], [...notes], diffs, [], resolver);
}

function finish(reports: FileReport[], roles: RoleIndex, io: CliIO, opts: Options, color: boolean, errors: string[], notes: string[], diffs: string[], fixed: string[], resolver: ConfigResolver): number {
  // Cross-file findings, now that every file is known.
  const byAbs = new Map(reports.map(r => [r.absolute, r]));
  for (const r of reports) {
    const { settings } = settingsFor(r.absolute, opts, resolver, new Set(), io.cwd);
    const sev = settings.rules[TASK_ROLE_REUSED];
    if (sev === 'off') continue;
    const extra = roles.findingsFor(r.absolute, sev ?? 'warning', d => byAbs.get(d)?.path ?? path.basename(d));
    if (extra.length) r.findings = [...r.findings, ...extra].sort((a, b) => a.span.start - b.span.start);
  }
  if (opts.quiet) for (const r of reports) r.findings = r.findings.filter(f => f.severity === 'error');
  if (opts.format === 'json') io.stdout(formatJson(reports));
  else if (opts.format === 'sarif') io.stdout(formatSarif(reports, io.cwd));
  else {
    if (diffs.length) io.stdout(diffs.join(''));
    for (const f of fixed) io.stdout(`${f}\n`);
    io.stdout(formatText(reports, color, opts.quiet ? notes.filter(n => !n.includes('not analysed')) : notes));
  }
  if (opts.format !== 'text') {
    for (const d of diffs) io.stderr(d);
    for (const f of fixed) io.stderr(`${f}\n`);
  }
  for (const e of errors) io.stderr(`ecs-guard: ${e}\n`);
  if (errors.length) return 2;
  const all = reports.flatMap(r => r.findings);
  const worst = Math.max(-1, ...all.map(f => RANK[f.severity]));
  if (worst >= RANK[opts.failOn]) return 1;
  if (opts.maxWarnings !== undefined && all.filter(f => f.severity === 'warning').length > opts.maxWarnings) {
    if (opts.format === 'text') io.stdout(`ecs-guard found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** Runs the CLI on this process's arguments and streams. */
export function main(): void {
  run(process.argv.slice(2), {
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    stderrTTY: !!process.stderr.isTTY,
    cwd: process.cwd(),
    readStdin: () => new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', c => chunks.push(c as Buffer));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      process.stdin.on('error', reject);
    }),
  }).then(code => { process.exitCode = code; }, e => {
    process.stderr.write(`ecs-guard: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
}

if (require.main === module) main();
