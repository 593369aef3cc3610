import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test; integration tests drive the real relay (test/integration).
// The Playwright suites under test/e2e are run by `playwright test`, not here.
export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'shared/**/*.test.ts',
      'main/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.test.tsx',
      'test/integration/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
