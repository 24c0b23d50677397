import * as fs from 'node:fs';
import { ON_DEMAND_FILES } from '../exthost/formats';

/** The Marketplace accepts far more, but a linter that ships more than this ships something by mistake. */
export const VSIX_BUDGET_BYTES = 3 * 1024 * 1024;

/** What the extension needs at run time, and what the Marketplace page shows. */
const REQUIRED = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/images/icon.png',
  'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', ...ON_DEMAND_FILES.map(f => `extension/dist/${f}`)];
/** Sources, tests, dependencies and source maps: the bundles already contain what runs. */
const FORBIDDEN = /(\.map$|\.ts$|^extension\/(client|server|test|scripts|bench|examples|node_modules|out|\.e2e)\/)/;

/** The names in a zip archive, read from its central directory (a VSIX is a zip). */
export function zipEntries(file: string): string[] {
  const buf = fs.readFileSync(file);
  // The end-of-central-directory record: its signature, searched from the end (a comment may follow it).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: corrupt central directory`);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Problems with the VSIX's size and content; empty when it is fine. */
export function checkVsix(file: string): { problems: string[]; size: number; entries: string[] } {
  const size = fs.statSync(file).size;
  const entries = zipEntries(file);
  const problems: string[] = [];
  if (size > VSIX_BUDGET_BYTES) problems.push(`${(size / 1024 / 1024).toFixed(2)} MB, over the ${VSIX_BUDGET_BYTES / 1024 / 1024} MB budget`);
  for (const r of REQUIRED) if (!entries.includes(r)) problems.push(`missing ${r}`);
  for (const e of entries) if (FORBIDDEN.test(e)) problems.push(`ships ${e}`);
  return { problems, size, entries };
}
