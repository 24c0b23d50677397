import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CANDIDATE_FILE } from '../../server/src/formats';
import { CORPUS, EXAMPLES, filesUnder } from './paths';

/** A real document to feed the engine: text plus the uri and language id an editor would give it. */
export interface Sample {
  name: string;
  uri: string;
  languageId?: string;
  text: string;
}

/** Language ids by extension, as VS Code assigns them. */
export function languageIdOf(file: string): string | undefined {
  const ext = path.extname(file).toLowerCase();
  return ({ '.json': 'json', '.jsonc': 'jsonc', '.yaml': 'yaml', '.yml': 'yaml', '.ts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.py': 'python' } as Record<string, string>)[ext];
}

function read(file: string, base: string): Sample {
  return {
    name: path.relative(base, file),
    uri: pathToFileURL(file).href,
    languageId: languageIdOf(file),
    text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
  };
}

/** Every example of every format (examples/). */
export function exampleSamples(): Sample[] {
  return filesUnder(EXAMPLES, f => CANDIDATE_FILE.test(f)).map(f => read(f, EXAMPLES));
}

/** Every corpus file of every format we read (empty when the corpus is absent). */
export function corpusSamples(): Sample[] {
  if (!fs.existsSync(CORPUS)) return [];
  const out: Sample[] = [];
  for (const sub of ['taskdef-json', 'cfn']) {
    const dir = path.join(CORPUS, sub);
    if (fs.existsSync(dir)) out.push(...filesUnder(dir, f => CANDIDATE_FILE.test(f) || f.endsWith('.template')).map(f => read(f, CORPUS)));
  }
  return out;
}
