import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, prepareDocument } from '../../../server/src/formats';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'examples');

/** Every example, as the CLI finds them: one per format folder and file. */
function exampleFiles(): string[] {
  return fs.readdirSync(EXAMPLES).flatMap(dir => fs.readdirSync(path.join(EXAMPLES, dir)).map(f => path.join(EXAMPLES, dir, f)));
}

/** The own properties of every object reachable from `root` that are accessors (getters or setters). */
function ownAccessors(root: object): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const work: [object, string][] = [[root, 'model']];
  while (work.length && seen.size < 200_000) {
    const [o, at] = work.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    for (const key of Object.getOwnPropertyNames(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key)!;
      if (d.get || d.set) {
        out.push(`${at}.${key}`);
        continue;
      }
      if (d.value && typeof d.value === 'object') work.push([d.value, `${at}.${key}`]);
    }
  }
  return out;
}

describe('the model adapters build', () => {
  // A getter defined on each model object gives every model a hidden class of its own. V8 keeps
  // hidden classes until a full collection, and through the getter's closure each model (with its
  // syntax tree and text) then survived every young-generation collection until then: half of what
  // an analysis allocated was copied by each one, and a CDK keystroke's p99 tripled.
  it('has no getters or setters of its own anywhere (computed values live on prototypes)', async () => {
    for (const file of exampleFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const uri = 'file://' + file;
      const languageId = file.endsWith('.py') ? 'python' : undefined;
      await prepareDocument(text, uri, languageId);
      const doc = parseDocument(text, uri, languageId);
      assert.ok(doc, `${path.basename(file)} is read`);
      assert.deepEqual(ownAccessors(doc.model), [], path.basename(file));
    }
  });

  it('still infers the account, region and partition on first use', () => {
    const text = JSON.stringify({
      family: 'f',
      taskRoleArn: 'arn:aws-us-gov:iam::111122223333:role/app',
      containerDefinitions: [{ name: 'a', image: '111122223333.dkr.ecr.us-gov-west-1.amazonaws.com/a:1' }],
    });
    const doc = parseDocument(text, 'file:///env.json');
    assert.ok(doc);
    const env = doc.model.environment;
    assert.deepEqual([env.accountId, env.region, env.partition, env.deploymentProvided], ['111122223333', 'us-gov-west-1', 'aws-us-gov', undefined]);
  });
});
