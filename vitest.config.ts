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
          // Each file runs Chromium with the model and the page's worker, which keep every core busy: browser files
          // side by side would only contend. With no sequence.groupOrder, this project runs beside the unit project,
          // which the waits' ceilings allow for: the total is shorter than one project after the other.
          fileParallelism: false,
        },
      },
    ],
  },
});
