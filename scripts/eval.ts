// npm run eval: extract ../shared/eval/dev/docs and score it with ../shared/eval/score.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../src/cli/extract';

const shared = resolve(import.meta.dirname, '../../shared/eval');
const set = process.argv[2] ?? 'dev';
if (!existsSync(join(shared, 'score.mjs')) || !existsSync(join(shared, set, 'docs'))) {
  console.error(
    `未找到评测集 ${join(shared, set)}：npm run eval 需要与本仓库并列的 shared 文件夹（../shared/eval），` +
      `普通克隆没有它；npm test 不需要它。` +
      `(evaluation set not found at ${join(shared, set)}: npm run eval needs the project's ../shared folder ` +
      `beside this repository; npm test does not.)`,
  );
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), 'nianbao-eval-'));
const code = await run([join(shared, set, 'docs'), '--out', out]);
if (code !== 0) process.exit(code);
execFileSync(
  process.execPath,
  [join(shared, 'score.mjs'), '--truth', join(shared, set, 'truth'), '--pred', out],
  {
    stdio: 'inherit',
  },
);
