import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/helpers/chromium.js';

/*
 * End-to-end suites (test/e2e). `chromium`: the renderer in web mode against the real relay, in the
 * system Chromium (no browser download: CHROMIUM_PATH, default /usr/bin/chromium). `electron`: the
 * built desktop app, skipped with its reason where no Electron binary is installed.
 * One worker: the suites share the machine's ports and each starts what it needs.
 */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['./test/reporters/skip-reasons.ts']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      testIgnore: /\.electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions,
      },
    },
    {
      name: 'electron',
      testMatch: /\.electron\.spec\.ts$/,
    },
  ],
});
