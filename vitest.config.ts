import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Ceilings, not schedules: every wait in the tests ends when what it waits for happens, and these only stop a run
 * that hangs. They are set so that a machine busy with other work makes a test slower, never a failure.
 */
const CEILING = 15 * 60_000;

export default defineConfig({
  test: {
    testTimeout: CEILING,
    hookTimeout: CEILING,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Vitest leaves a core free by default, which on a 2-core machine means one file at a time.
          maxWorkers: availableParallelism(),
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Each file runs Chromium with the model and the page's worker, which keep every core busy: files side by
          // side would only contend. Vitest runs this project after the unit tests.
          fileParallelism: false,
        },
      },
    ],
  },
});
