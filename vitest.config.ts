import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests share one production build and port; running files in parallel on 2 cores only adds contention.
    fileParallelism: false,
  },
});
