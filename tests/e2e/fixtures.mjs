// Every test fails on a console error, an uncaught exception, or a request to another host.
import { test as base, expect } from '@playwright/test';

// The sites the tests use: the widget, a host page on another site, and a third origin.
const SITES = ['http://localhost:4174', 'http://localhost:4175'];

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const problems = [];
    const origins = [new URL(baseURL).origin, ...SITES];
    // Any Content-Security-Policy violation, in any frame, fails the test.
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && !origins.includes(new URL(url).origin)) {
        problems.push(`request to another host: ${url}`);
      }
    });
    await use(page);
    for (const frame of page.isClosed() ? [] : page.frames()) {
      const violations = await frame.evaluate(() => window.__csp ?? []).catch(() => []);
      problems.push(...violations.map((v) => `CSP violation in ${frame.url()}: ${v}`));
    }
    expect(problems, 'console errors, CSP violations or requests to other hosts').toEqual([]);
  },
});

export { expect };

/// Opens a page of the app and waits until the app has rendered.
export async function open(page, hash = '#/') {
  await page.goto(`/${hash}`);
  await expect(page.locator('header.site')).toBeVisible();
}
