// A digest of what the extractor makes of every fixture report and of a fixed sample of generated ones: when it
// changes, the extractor's output changed and EXTRACTOR_VERSION must be bumped (stored reports are re-read then).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../../../src/core/pipeline';
import { planReports } from '../../generator/run';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
export const DIGEST_FILE = join(FIXTURES, 'extractor-output.json');

export interface OutputDigest {
  version: number;
  sha256: string;
  documents: number;
}

export async function outputDigest(): Promise<Omit<OutputDigest, 'version'>> {
  const hash = createHash('sha256');
  let documents = 0;
  const add = (name: string, output: unknown): void => {
    hash.update(name).update('\0').update(JSON.stringify(output)).update('\n');
    documents++;
  };
  for (const dir of ['reports', 'real/docs']) {
    for (const file of readdirSync(join(FIXTURES, dir)).sort()) {
      if (!/\.(txt|html?)$/.test(file)) continue;
      const processed = await processDocument(readFileSync(join(FIXTURES, dir, file)), file);
      add(`${dir}/${file}`, processed.extraction);
    }
  }
  for (const { report } of planReports(300, 700_000)) {
    add(`generated/${report.seed}`, (await processDocument(Buffer.from(report.text), 'g.txt')).extraction);
  }
  return { sha256: hash.digest('hex'), documents };
}
