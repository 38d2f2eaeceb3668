// The WordPress plugin's end-to-end tests: Chromium against two real WordPress sites
// (site.mjs: Debian's WordPress, MariaDB, `php -S`), the plugin installed from the zip
// `make dist` builds. `make e2e` runs them after the app's own.
import { defineConfig } from '@playwright/test';
import app from '../e2e/playwright.config.mjs';
import { SITES } from './sites.mjs';

export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  projects: [
    // Installs and activates the plugin from its zip on both sites, as an administrator would.
    { name: 'install', testMatch: /install\.setup\.mjs$/ },
    { name: 'wordpress', testMatch: /\.spec\.mjs$/, dependencies: ['install'] },
    // Last: what PHP logged while the others ran.
    { name: 'logs', testMatch: /logs\.teardown\.mjs$/, dependencies: ['wordpress'] },
  ],
  use: { ...app.use, baseURL: SITES.root.url },
  webServer: {
    command: 'node site.mjs',
    url: `${SITES.root.url}/wp-login.php`,
    reuseExistingServer: false,
    timeout: 120_000,
    // site.mjs stops MariaDB and PHP and removes the sites on SIGTERM.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
