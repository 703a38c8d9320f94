import { defineConfig } from 'vitest/config';

// better-sqlite3 13 needs Node-API 10 (Node >= 22); on older Node the first `new Database()` segfaults.
const napi = Number(process.versions.napi ?? 0);
if (napi < 10) {
  throw new Error(
    `Node ${process.version} has Node-API ${napi}; better-sqlite3 needs Node-API >= 10 (Node >= 22). ` +
      'Run the tests through `npm test`, which puts the node@22 devDependency first on PATH.',
  );
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits for a state (a row count, a status text) to arrive; its default of 1 s failed CI at load
    // average 4-5. A condition that never comes still fails, after 30 s.
    expect: { poll: { timeout: 30_000, interval: 50 } },
  },
});
