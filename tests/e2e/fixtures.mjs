// Every test fails on a console error, an uncaught exception, or a request to another host.
import { test as base, expect } from '@playwright/test';

// The sites the tests use: the widget, a host page on another site, and a third origin.
const SITES = ['http://localhost:4174', 'http://localhost:4175'];

/// Watches every page of `context`, now and later (second tabs, popups): console errors,
/// uncaught exceptions, requests to other hosts, and CSP violations go to `problems`. Call
/// `report` at the end to collect the CSP violations of every open frame.
export async function guard(context, origins, problems) {
  // Any Content-Security-Policy violation, in any frame, fails the test.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const watch = (page) => {
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
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return async () => {
    for (const page of context.pages()) {
      for (const frame of page.isClosed() ? [] : page.frames()) {
        const violations = await frame.evaluate(() => window.__csp ?? []).catch(() => []);
        problems.push(...violations.map((v) => `CSP violation in ${frame.url()}: ${v}`));
      }
    }
    return problems;
  };
}

/// The origins a test may load from: the widget's and the test sites'.
export const origins = (baseURL) => [new URL(baseURL).origin, ...SITES];

export const test = base.extend({
  // Every page of the test's context is guarded, the second tabs a test opens included.
  context: async ({ context, baseURL }, use) => {
    const problems = [];
    const report = await guard(context, origins(baseURL), problems);
    await use(context);
    expect(await report(), 'console errors, CSP violations or requests to other hosts').toEqual([]);
  },
});

export { expect };

/// Opens a page of the app and waits until the app has rendered.
export async function open(page, hash = '#/') {
  await page.goto(`/${hash}`);
  // The pre-rendered first screen shows at once; wait until the app has taken it over.
  await expect(page.locator('html[data-app="ready"] header.site')).toBeVisible();
}
