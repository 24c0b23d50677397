import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/…). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');
export const DIST = path.join(ROOT, 'dist');
/** The shared real-world corpus, outside the repository. */
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

/** The corpus sub-folder, or undefined (with a message) when this clone has no corpus next to it. */
export function corpusDir(sub: string): string | undefined {
  const dir = path.join(CORPUS, sub);
  if (fs.existsSync(dir)) return dir;
  console.log(`      (skipped: ${dir} is absent; the real-world corpus lives in ../shared/corpus)`);
  return undefined;
}

/** Every file under `dir` whose name passes `accept`, sorted. */
export function filesUnder(dir: string, accept: (f: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) stack.push(full);
      else if (accept(full)) out.push(full);
    }
  }
  return out.sort();
}
