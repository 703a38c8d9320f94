// npm run fixtures:extractor: records the extractor's output digest with its version. Refuses when the output
// changed but the version did not (bump src/core/extract/version.ts first).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EXTRACTOR_VERSION } from '../src/core/extract';
import { DIGEST_FILE, outputDigest, type OutputDigest } from '../test/core/extract/output-digest';

const now = await outputDigest();
const recorded = existsSync(DIGEST_FILE)
  ? (JSON.parse(readFileSync(DIGEST_FILE, 'utf8')) as OutputDigest)
  : null;
if (recorded && recorded.sha256 !== now.sha256 && recorded.version >= EXTRACTOR_VERSION) {
  console.error(
    `提取结果已改变，但提取器版本仍为 ${EXTRACTOR_VERSION}：请先在 src/core/extract/version.ts 中提升版本号 (output changed; bump EXTRACTOR_VERSION first)`,
  );
  process.exit(1);
}
writeFileSync(DIGEST_FILE, JSON.stringify({ version: EXTRACTOR_VERSION, ...now }, null, 2) + '\n');
console.log(`已记录：版本 ${EXTRACTOR_VERSION}，${now.documents} 份报告，sha256 ${now.sha256.slice(0, 12)}…`);
