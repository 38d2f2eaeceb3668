// End-to-end tests: Playwright drives Debian's Chromium against the release build (dist/).
import { defineConfig } from '@playwright/test';

export const PORT = 4173;
export const HOST_PORT = 4174;
export const THIRD_PORT = 4175;

export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  workers: 2,
  // A whole interview, reveal and summary on a busy 2-core machine can pass 30 s.
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // Recording measures real time from a fake microphone: its tests run last, one at a time, so
  // a busy machine (the other tests, on 2 cores) never starves the recorder's level samples.
  projects: [
    { name: 'app', testIgnore: /speech\.spec\.mjs$/ },
    { name: 'speech', testMatch: /speech\.spec\.mjs$/, dependencies: ['app'], fullyParallel: false },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // The machine's network is closed: keep Chromium from calling home.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      // The widget, with its strict Content-Security-Policy.
      command: `node ../../scripts/serve.mjs ../../dist ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    {
      // Host pages on another site (localhost is not 127.0.0.1), and a third origin.
      command: `node ../../scripts/serve.mjs host ${HOST_PORT} --host localhost --no-csp`,
      url: `http://localhost:${HOST_PORT}/index.html`,
      reuseExistingServer: false,
    },
    {
      command: `node ../../scripts/serve.mjs host ${THIRD_PORT} --host localhost --no-csp`,
      url: `http://localhost:${THIRD_PORT}/index.html`,
      reuseExistingServer: false,
    },
  ],
});
