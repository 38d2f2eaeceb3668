// Every test fails on a console error, an uncaught exception, or a request to another host.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const problems = [];
    const origin = new URL(baseURL).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && new URL(url).origin !== origin) {
        problems.push(`request to another host: ${url}`);
      }
    });
    await use(page);
    expect(problems, 'console errors or requests to other hosts').toEqual([]);
  },
});

export { expect };

/// Opens a page of the app and waits until the app has rendered.
export async function open(page, hash = '#/') {
  await page.goto(`/${hash}`);
  await expect(page.locator('header.site')).toBeVisible();
}
