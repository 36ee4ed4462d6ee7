import { defineConfig } from '@playwright/test';
import type { DriverOptions } from './tests/e2e/driver';

// End-to-end tests drive the built extension in Debian's Chromium (.output/chrome-mv3, every spec)
// and in Debian's Firefox ESR (.output/firefox-mv3): the Firefox project runs the behaviours shared
// by both browsers, tests/e2e/browsers.spec.ts, through tests/e2e/firefox.ts.
export default defineConfig<DriverOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', testMatch: 'browsers.spec.ts', use: { engine: 'firefox' } },
  ],
});
