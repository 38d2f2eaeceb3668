// The host page's script (embed.js and <interview-practice>) on another site's page: what the
// host's own code sees of it, and the widget when the host or the network is unusual.
import { test, expect, guard, origins } from './fixtures.mjs';
import { expectSized } from './servers.mjs';

const HOST = 'http://localhost:4174';

test("the widget's height changes never reach the host window as a resize", async ({ page }) => {
  await page.addInitScript(() => {
    window.windowResizes = 0;
    window.addEventListener('resize', () => window.windowResizes++);
  });
  await page.goto(`${HOST}/element.html`);
  const frame = page.frameLocator('interview-practice iframe');
  await expect(frame.locator('html[data-app="ready"] main')).toBeVisible();
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect.poll(() => page.evaluate(() => window.received.map((r) => r.type))).toContain('interview-started');
  // The element told the page of the heights, on itself.
  expect(await page.evaluate(() => window.received.filter((r) => r.type === 'resize').length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.windowResizes)).toBe(0);
});

test('embed.js pasted twice gives one event per message', async ({ page }) => {
  await page.goto(`${HOST}/twice.html`);
  const frame = page.frameLocator('interview-practice iframe');
  await expect(page.locator('interview-practice iframe')).toHaveCount(1);
  await expect(frame.locator('html[data-app="ready"] main')).toBeVisible();
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect.poll(() => page.evaluate(() => window.counts['interview-started'])).toBe(1);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.counts)).toEqual({ 'interview-started': 1, ready: 1 });
});

test('a theme set before the widget is ready is applied, and stays when the element moves', async ({ page }) => {
  await page.goto(`${HOST}/theme.html`);
  const frame = page.frameLocator('interview-practice iframe');
  await expect(frame.locator('html[data-app="ready"]')).toHaveAttribute('data-theme', 'dark');
  // Moved elsewhere on the page: its frame loads again, and is dark again.
  await page.evaluate(() => {
    window.moved = document.querySelector('interview-practice iframe').contentWindow;
    document.getElementById('elsewhere').append(document.querySelector('interview-practice'));
  });
  await expect(page.locator('#elsewhere interview-practice iframe')).toHaveCount(1);
  expect(await page.evaluate(() => document.querySelector('interview-practice iframe').contentWindow !== window.moved)).toBe(true);
  await expect(frame.locator('html[data-app="ready"] main h1')).toHaveText('Questions');
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('on a host page that sends no referrer, in a browser without ancestorOrigins, the widget is still sized', async ({ browser }) => {
  const context = await browser.newContext();
  const report = await guard(context, origins('http://127.0.0.1:4173'), []);
  // As Firefox: the widget cannot read its parent's origin from location.ancestorOrigins.
  await context.addInitScript(() => {
    Object.defineProperty(DOMStringList.prototype, 'length', { get: () => 0 });
    DOMStringList.prototype.item = () => null;
  });
  const page = await context.newPage();
  await page.goto(`${HOST}/no-referrer.html`);
  const frame = page.frameLocator('iframe[data-interview-practice]');
  await expect(frame.locator('html[data-app="ready"] main h1')).toHaveText('Questions');
  expect(await frame.locator('html').evaluate(() => [document.referrer, location.ancestorOrigins.length])).toEqual(['', 0]);
  await expectSized(page.locator('iframe[data-interview-practice]'));
  await expect.poll(() => page.evaluate(() => window.received)).toContain('ready');
  expect(await report()).toEqual([]);
  await context.close();
});

test("a frame whose messages to the host could not be downloaded can still be scrolled", async ({ browser }) => {
  const context = await browser.newContext();
  const problems = [];
  const report = await guard(context, origins('http://127.0.0.1:4173'), problems);
  await context.route(/\/(split|pack)_frame-[0-9a-f]{16}\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${HOST}/index.html?w=${encodeURIComponent('mode=browse')}`);
  const element = page.locator('iframe[data-interview-practice]');
  const frame = page.frameLocator('iframe[data-interview-practice]');
  // The app runs, its list far taller than the first screen the frame was sized to.
  await expect(frame.locator('html[data-app="ready"] main a[href^="#/q/"]').first()).toBeVisible();
  const content = await (await element.elementHandle()).contentFrame();
  const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
  expect(await content.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(outer + 100);
  // The reader scrolls inside the frame and reaches what is below.
  await element.hover();
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => content.evaluate(() => scrollY)).toBeGreaterThan(0);
  const unexpected = (await report()).filter((p) => !/(split|pack)_frame-[0-9a-f]{16}\.wasm|ERR_FAILED/.test(p));
  expect(unexpected).toEqual([]);
  await context.close();
});

test('a frame that loads anew and cannot report its height can still be scrolled', async ({ browser }) => {
  const context = await browser.newContext();
  const report = await guard(context, origins('http://127.0.0.1:4173'), []);
  const page = await context.newPage();
  await page.goto(`${HOST}/index.html?w=${encodeURIComponent('mode=question&q=dba-raid')}`);
  const element = page.locator('iframe[data-interview-practice]');
  const frame = page.frameLocator('iframe[data-interview-practice]');
  // The widget was ready and sized its frame to one question.
  await expect.poll(() => page.evaluate(() => window.received.map((r) => r.type))).toContain('ready');
  await expectSized(element);
  // The host shows the list instead, and the new document's messages cannot be downloaded.
  await context.route(/\/(split|pack)_frame-[0-9a-f]{16}\.wasm$/, (route) => route.abort());
  await element.evaluate((f) => (f.src = 'http://127.0.0.1:4173/?mode=browse'));
  await expect(frame.locator('html[data-app="ready"] main a[href^="#/q/"]').first()).toBeVisible();
  const content = await (await element.elementHandle()).contentFrame();
  const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
  expect(await content.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(outer + 100);
  await element.hover();
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => content.evaluate(() => scrollY)).toBeGreaterThan(0);
  const unexpected = (await report()).filter((p) => !/(split|pack)_frame-[0-9a-f]{16}\.wasm|ERR_FAILED/.test(p));
  expect(unexpected).toEqual([]);
  await context.close();
});
