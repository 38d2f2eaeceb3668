// Embedding: a host page on another site frames the widget (partitioned storage left on).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, guard, origins } from './fixtures.mjs';
import config from './playwright.config.mjs';

const HOST = 'http://localhost:4174/index.html';
const WIDGET_ORIGIN = 'http://127.0.0.1:4173';

async function host(page, query) {
  await page.goto(`${HOST}?${query}`);
  const frame = page.frameLocator('iframe[data-interview-practice]').first();
  await expect(frame.locator('main')).toBeVisible();
  return frame;
}

/// The frame's height against its content's height.
async function heights(page, index = 0) {
  const element = page.locator('iframe[data-interview-practice]').nth(index);
  const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
  const frame = await (await element.elementHandle()).contentFrame();
  const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
  return { outer, inner };
}

async function expectSized(page, index = 0) {
  await expect
    .poll(async () => {
      const { outer, inner } = await heights(page, index);
      return Math.abs(outer - inner);
    })
    .toBeLessThanOrEqual(3);
  const { outer } = await heights(page, index);
  expect(outer).not.toBe(480);
}

test('the frame keeps the height of its content across a whole interview', async ({ page }) => {
  const frame = await host(page, `w=${encodeURIComponent('mode=interview&sections=architecture-management-questions&count=1&order=guide')}`);
  await expectSized(page);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByRole('timer')).toBeVisible();
  await expectSized(page);
  await frame.getByRole('textbox', { name: 'Your answer' }).fill('Open standards let you change vendors.\n'.repeat(12));
  await frame.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(frame.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expectSized(page);
  await frame.getByRole('button', { name: /^Good/ }).click();
  await frame.getByRole('button', { name: 'See summary' }).click();
  await expect(frame.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await expectSized(page);
  // Narrower window, taller content: still exact, no inner scroll bar.
  await page.setViewportSize({ width: 360, height: 700 });
  await expectSized(page);
  const element = await page.locator('iframe[data-interview-practice]').elementHandle();
  const scrolls = await (await element.contentFrame()).evaluate(
    () => document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
  );
  expect(scrolls).toBe(false);
});

test('several widgets on one page are sized each on its own', async ({ page }) => {
  await host(page, `w=${encodeURIComponent('mode=question&q=ops-cdn&compact=1')}&w=${encodeURIComponent('mode=browse&parts=3')}`);
  await expectSized(page, 0);
  await expectSized(page, 1);
  const [a, b] = [await heights(page, 0), await heights(page, 1)];
  expect(a.outer).not.toBe(b.outer);
});

test('the host receives ready, resize, started and completed, from the widget origin only', async ({ page }) => {
  const frame = await host(page, `w=${encodeURIComponent('mode=interview&q=dba-raid')}`);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await frame.getByRole('textbox', { name: 'Your answer' }).fill('my private words: RAID 10 mirrors and stripes');
  await frame.getByRole('button', { name: 'Done', exact: true }).click();
  await frame.getByRole('button', { name: /^Hard/ }).click();
  await frame.getByRole('button', { name: 'See summary' }).click();
  await expect.poll(() => page.evaluate(() => window.received.map((r) => r.type))).toContain('interview-completed');
  const received = await page.evaluate(() => window.received);
  const types = received.map((r) => r.type);
  // The first screen reports its height before the app starts; then the app says it is ready,
  // before anything else happens in it.
  expect(types[0]).toBe('resize');
  expect(types.filter((t) => t !== 'resize')[0]).toBe('ready');
  const started = received.find((r) => r.type === 'interview-started').detail;
  expect(started).toEqual({
    source: 'interview-practice', version: 1, type: 'interview-started',
    questions: 1, secondsPerQuestion: 120, answerMode: 'type',
  });
  const completed = received.find((r) => r.type === 'interview-completed').detail;
  expect(completed).toMatchObject({ questions: 1, answered: 1, skipped: 0, timeUp: 0 });
  expect(completed.keyPointsCovered).toBeGreaterThanOrEqual(1);
  expect(completed.score).toBeGreaterThan(0);
  expect(JSON.stringify(completed)).not.toContain('private');
  const origins = new Set((await page.evaluate(() => window.messages)).map((m) => m.origin));
  expect([...origins]).toEqual([WIDGET_ORIGIN]);
});

test("an interview started before the frame's part of the app arrives is still reported", async ({ page }) => {
  // The widget's talk with its host is a piece of the wasm that only a frame downloads: hold
  // it back until the interview is running.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/(split|pack)_frame-[0-9a-f]{16}\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const frame = await host(page, `w=${encodeURIComponent('mode=interview&q=dba-raid')}`);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByRole('textbox', { name: 'Your answer' })).toBeVisible();
  expect(await page.evaluate(() => window.received.map((r) => r.type))).not.toContain('ready');
  release();
  await expect.poll(() => page.evaluate(() => window.received.map((r) => r.type))).toContain('interview-started');
  const types = await page.evaluate(() => window.received.map((r) => r.type).filter((t) => t !== 'resize'));
  expect(types).toEqual(['ready', 'interview-started']);
});

test('messages forged from a third origin are ignored', async ({ page }) => {
  const frame = await host(page, `w=${encodeURIComponent('mode=browse&theme=light')}&forger=1`);
  await expectSized(page);
  const before = await heights(page);
  const forger = page.frame({ url: /localhost:4175/ });
  await forger.waitForFunction(() => typeof window.forge === 'function');
  await forger.evaluate(() => window.forge());
  await page.waitForTimeout(300);
  expect((await heights(page)).outer).toBe(before.outer);
  expect(await page.evaluate(() => window.received.filter((r) => r.type === 'interview-completed'))).toEqual([]);
  const theme = await frame.locator('html').getAttribute('data-theme');
  expect(theme).toBe('light');
  // The host itself may change the theme.
  await page.evaluate(() => window.InterviewPractice.setTheme(document.querySelector('iframe'), 'dark'));
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('bad parameters fall back to defaults, each named, shown as text', async ({ page }) => {
  const frame = await host(page, `w=${encodeURIComponent('mode=quiz&count=abc&theme=<b>bold</b>&accent=javascript:alert(1)&colour=red')}`);
  const notice = frame.locator('.notice', { hasText: 'Some settings in the address were ignored' });
  await expect(notice).toBeVisible();
  for (const param of ['mode', 'count', 'theme', 'accent', 'colour']) {
    await expect(notice.locator('li', { hasText: new RegExp(`^${param}:`) })).toHaveCount(1);
  }
  await expect(notice).toContainText('not “<b>bold</b>”');
  await expect(notice.locator('b')).toHaveCount(0);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');
});

/// A browser that allows third-party storage (partitioned per top-level site, as Chromium
/// does by default outside incognito); Playwright's default contexts block it.
async function partitionedBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'partitioned-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, { ...config.use.launchOptions, headless: true });
  // The same guards as every other test's pages.
  const report = await guard(context, origins(config.use.baseURL), []);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, report };
}

for (const sandbox of [null, 'allow-scripts allow-same-origin allow-downloads']) {
  test(`cross-site ${sandbox ? 'sandboxed with same-origin' : 'frame'}: progress is kept for this site, and it says so`, async () => {
    const { context, page, report } = await partitionedBrowser();
    const query = `w=${encodeURIComponent('mode=interview&q=ops-cdn')}${sandbox ? `&sandbox=${encodeURIComponent(sandbox)}` : ''}`;
    const frame = await host(page, query);
    await expect(frame.getByText('Your progress is saved for this site only')).toBeVisible();
    await frame.getByRole('button', { name: 'Start interview' }).click();
    await frame.getByRole('button', { name: 'Done', exact: true }).click();
    await frame.getByRole('button', { name: /^Good/ }).click();
    await frame.getByRole('button', { name: 'See summary' }).click();
    await expect(frame.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
    await page.reload();
    const again = page.frameLocator('iframe[data-interview-practice]').first();
    await again.getByRole('link', { name: 'History' }).click();
    await expect(again.locator('table.history tbody tr')).toHaveCount(1);
    expect(await report(), 'console errors, CSP violations or requests to other hosts').toEqual([]);
    await context.close();
  });
}

test('sandboxed with scripts only: no storage, the in-memory mode says so', async ({ page }) => {
  const frame = await host(page, `w=${encodeURIComponent('mode=interview&q=ops-cdn')}&sandbox=allow-scripts`);
  await expect(frame.getByText('Your progress will not be saved in this browser.')).toBeVisible();
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await frame.getByRole('button', { name: 'Done', exact: true }).click();
  await frame.getByRole('button', { name: /^Easy/ }).click();
  await frame.getByRole('button', { name: 'See summary' }).click();
  await expect(frame.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await expectSized(page);
  await expect.poll(() => page.evaluate(() => window.received.map((r) => r.type))).toContain('interview-completed');
});

test('usable at 320 by 400 pixels without horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 400 });
  const frame = await host(page, `w=${encodeURIComponent('mode=interview&count=1')}`);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByRole('timer')).toBeVisible();
  const element = await page.locator('iframe[data-interview-practice]').elementHandle();
  const overflow = await (await element.contentFrame()).evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the Embed page builds the snippet, previews it, and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/embed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Embed Interview Practice');
  await page.getByLabel('Part 2: Deployment').check();
  await page.getByLabel('Number of questions').fill('3');
  await page.getByLabel('Number of questions').blur();
  await page.getByLabel('Time per question').selectOption({ label: '1:30' });
  await page.getByLabel('Theme').selectOption('dark');
  const expected =
    '<script src="http://127.0.0.1:4173/embed.js" defer></script>\n' +
    '<iframe data-interview-practice src="http://127.0.0.1:4173/?mode=interview&amp;parts=2&amp;count=3&amp;time=90&amp;theme=dark" ' +
    'title="Interview Practice" width="100%" height="640" loading="lazy" allow="microphone; on-device-speech-recognition"></iframe>';
  await expect(page.locator('#snippet')).toHaveText(expected);
  const preview = page.frameLocator('iframe.preview');
  await expect(preview.getByText('3 questions from Deployment · 1:30 each · type your answers')).toBeVisible();
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await page.getByLabel('Mode').selectOption('browse');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Questions');
});

test('the widget never pulls keyboard focus out of the host page on load', async ({ page }) => {
  // The Review page focuses its question when it opens; framed, it must not take the focus.
  const frame = await host(page, `w=${encodeURIComponent('compact=1#/review')}`);
  await expect(frame.getByRole('heading', { name: 'Review' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.activeElement.tagName)).toBe('BODY');
  // Once the reader works in the widget, it moves focus as usual.
  await frame.getByRole('button', { name: 'Reveal answer' }).click();
  await expect(frame.getByRole('heading', { name: 'Model answer' })).toBeFocused();
});
