import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: keep the pool small so end-to-end tests do not starve each other.
    maxWorkers: 2,
  },
});
