// Every WordPress test fails on a console error, an uncaught exception, a CSP violation in any
// frame, or a request to a host other than the two sites (tests/e2e/fixtures.mjs's guard).
import { test as base, expect } from '@playwright/test';
import { guard } from '../e2e/fixtures.mjs';
import { SITES, USERS } from './sites.mjs';

const ORIGINS = Object.values(SITES).map((s) => new URL(s.url).origin);

/// Guards `context` for the test's length; returns what to call at its end.
async function guarded(context) {
  const problems = [];
  const report = await guard(context, ORIGINS, problems);
  // Which file a "Failed to load resource" was.
  const failed = (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`);
  context.pages().forEach((page) => page.on('response', failed));
  context.on('page', (page) => page.on('response', failed));
  return async () => expect(await report(), 'console errors, CSP violations or requests to other hosts').toEqual([]);
}

export const test = base.extend({
  context: async ({ context }, use) => {
    const check = await guarded(context);
    await use(context);
    await check();
  },
  /// A reader's page beside the test's own (signed-in) one: a browser context of its own.
  reader: async ({ browser }, use) => {
    const context = await browser.newContext();
    const check = await guarded(context);
    await use(await context.newPage());
    await check();
    await context.close();
  },
});

export { expect };

/// Signs `login` in on `site`.
export async function signIn(page, site, login) {
  const user = USERS.find((u) => u.login === login);
  await page.goto(`${site.url}/wp-login.php`);
  await page.locator('#user_login').fill(user.login);
  await page.locator('#user_pass').fill(user.password);
  await page.locator('#wp-submit').click();
  await expect(page.locator('#wpadminbar')).toBeVisible();
}

/// The page's `nth` widget's frame, once its app shows (a lazy frame loads when scrolled to).
export async function widget(page, nth = 0) {
  const element = page.locator('interview-practice').nth(nth);
  await element.scrollIntoViewIfNeeded();
  const frame = element.frameLocator('iframe[data-interview-practice]');
  await expect(frame.locator('main')).toBeVisible();
  return frame;
}

/// The `nth` widget's frame is exactly as tall as its content.
export async function expectSized(page, nth = 0) {
  const element = page.locator('interview-practice iframe').nth(nth);
  const heights = async () => {
    const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await (await (await element.elementHandle()).contentFrame()).evaluate(() => document.body.getBoundingClientRect().height);
    return { outer, inner };
  };
  await expect.poll(async () => {
    const { outer, inner } = await heights();
    return Math.abs(outer - inner);
  }).toBeLessThanOrEqual(1);
  // Not the height reserved before the widget first reported its own.
  expect((await heights()).outer).not.toBe(640);
  return heights();
}

/// The attributes the server wrote on the `nth` widget element (embed.js adds its `style`).
export async function attributes(page, nth = 0) {
  return page.locator('interview-practice').nth(nth).evaluate((e) => e.getAttributeNames().filter((name) => name !== 'style'));
}
