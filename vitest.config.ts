import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Parity suites start real nginx/uWSGI/supervisord processes: keep files in few workers.
    maxWorkers: 2,
  },
});
