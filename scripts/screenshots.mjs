// npm run screenshots: runs the e2e suites that take the README's screenshots and saves them in docs/screenshots
// (npm test saves them in a temporary folder, so that it never rewrites tracked files).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const vitest = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json', { paths: [root] })),
  'vitest.mjs',
);
const build = spawnSync(
  process.execPath,
  [
    join(
      dirname(createRequire(import.meta.url).resolve('electron-vite/package.json', { paths: [root] })),
      'bin',
      'electron-vite.js',
    ),
    'build',
  ],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [vitest, 'run', 'test/e2e'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NIANBAO_SCREENSHOTS: 'docs' },
});
process.exit(run.status ?? 1);
