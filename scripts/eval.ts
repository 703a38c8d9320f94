// npm run eval: extract ../shared/eval/dev/docs and score it with ../shared/eval/score.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../src/cli/extract';

const shared = resolve(import.meta.dirname, '../../shared/eval');
const set = process.argv[2] ?? 'dev';
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
