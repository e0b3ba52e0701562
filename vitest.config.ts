import { defineConfig } from 'vitest/config';

// Two groups, one after the other. Vitest's default runs one file at a time on a 2-core machine
// (cores - 1 workers) and loads every module afresh for each file; most of the suite's time
// went to that loading, one core idle.
// - The tests without a browser run on every core, each worker loading the modules once for all
//   its files (isolate: false). These files leave nothing behind that another reads: each starts
//   its own hall server on its own port and database, and restores any fake timer or spy it sets.
// - The browser tests run one file at a time, each in a fresh module graph, as before: a
//   Chromium and a hall server at once per core is what the 2-core CI machine can take without
//   their timed assertions (a call on screen within a second) measuring the load instead.
const shared = { testTimeout: 20_000, hookTimeout: 30_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['*/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '*/test/e2e/**'],
          isolate: false,
          maxWorkers: '100%',
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['*/test/e2e/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
