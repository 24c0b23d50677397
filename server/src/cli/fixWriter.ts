import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a fixed file atomically: a temporary file in the same folder, then a rename, so that a
 * crash never leaves half a file. Refuses (returns a reason) when the file changed since it was
 * read, or when it is a symbolic link (a link may point outside the paths the user gave).
 */
export function writeFixed(file: string, original: Buffer, text: string, bom: boolean): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    return `cannot read it any more (${(e as Error).message})`;
  }
  if (st.isSymbolicLink()) return 'it is a symbolic link: not followed';
  const now = fs.readFileSync(file);
  if (!now.equals(original)) return 'it changed while ecs-guard was running';
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.ecs-guard-${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, (bom ? '\uFEFF' : '') + text, { mode: st.mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* nothing left to clean */ }
    return `could not write it (${(e as Error).message})`;
  }
  return undefined;
}
