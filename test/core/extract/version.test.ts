// The extractor's version changes whenever its output changes, so that stored reports are read again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../../src/core/extract';
import { DIGEST_FILE, outputDigest, type OutputDigest } from './output-digest';

describe('extractor version', () => {
  it('is bumped whenever the output on the fixtures changes', async () => {
    const recorded = JSON.parse(readFileSync(DIGEST_FILE, 'utf8')) as OutputDigest;
    const now = await outputDigest();
    const hint =
      now.sha256 === recorded.sha256
        ? `EXTRACTOR_VERSION is ${EXTRACTOR_VERSION} but the output was recorded with ${recorded.version}: run npm run fixtures:extractor`
        : `the extractor's output changed: bump EXTRACTOR_VERSION (src/core/extract/version.ts, now ${EXTRACTOR_VERSION}) and run npm run fixtures:extractor`;
    expect({ version: EXTRACTOR_VERSION, ...now }, hint).toEqual(recorded);
  }, 60_000);
});
