// Deploys while pages are open: the site goes from one build to the next (the old one's files
// gone, as a host that publishes a folder replaces it), and every open page ends on a working
// build with nothing lost. Each test runs its own servers (scripts/serve.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, guard, origins } from './fixtures.mjs';
import config from './playwright.config.mjs';
import { DIST, changingHost, context, hostPages, installed, port, ready, serve } from './servers.mjs';
import { buildOf, glueOf, wasmChanged } from './builds.mjs';

/// The glue the page runs: it names the main wasm and the loader, so it tells builds apart.
const runs = (page) => page.locator('script[data-glue]').evaluate((s) => new URL(s.dataset.glue, location.href).pathname.slice(1));

/// Waits until the worker of the build in `dir` is the active one, done taking over.
async function activated(page, dir) {
  const build = buildOf(dir);
  await expect
    .poll(
      () =>
        page.evaluate(async (build) => {
          const registration = await navigator.serviceWorker.getRegistration();
          const active = registration && !registration.waiting && !registration.installing && registration.active;
          return !!active && active.state === 'activated' && (await caches.keys()).some((name) => name.endsWith(build));
        }, build),
      { timeout: 30_000 },
    )
    .toBe(true);
}

const notice = (page) => page.getByRole('status').filter({ hasText: 'A new version of Interview Practice is ready' });

test('a deploy that changes only the wasm is noticed, and applies on a click', async ({ browser }) => {
  test.setTimeout(120_000);
  const b = wasmChanged('history', 'B');
  let site = await serve(DIST, port(0));
  const { context: ctx, report } = await context(browser, site.url);
  try {
    const page = await ctx.newPage();
    await page.goto(`${site.url}/#/`);
    await ready(page);
    await installed(page);
    await site.stop();
    site = await serve(b.dir, port(0));
    // The reader comes back to the tab, which looks for a new version.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(notice(page)).toBeVisible({ timeout: 20_000 });
    expect(await runs(page)).toBe(glueOf(DIST));
    await notice(page).getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => runs(page).catch(() => null), { timeout: 20_000 }).toBe(b.glue);
    await ready(page);
    await expect(notice(page)).toHaveCount(0);
  } finally {
    await site.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

test('two deploys later, the build a tab still runs is kept for it', async ({ browser }) => {
  test.setTimeout(240_000);
  // B and C each change the history page's piece: only A's copy serves a tab of A.
  const b = wasmChanged('history', 'B');
  const c = wasmChanged('history', 'C', b.dir);
  let site = await serve(DIST, port(1));
  const { context: ctx, report } = await context(browser, site.url);
  try {
    const tab = await ctx.newPage();
    await tab.goto(`${site.url}/#/`);
    await ready(tab);
    await installed(tab);
    await tab.evaluate(() => (window.neverReloaded = true));
    for (const next of [b, c]) {
      await site.stop();
      site = await serve(next.dir, port(1));
      // A new tab comes from the new build, whose worker then takes over.
      const fresh = await ctx.newPage();
      await fresh.goto(`${site.url}/#/`);
      await ready(fresh);
      expect(await runs(fresh)).toBe(next.glue);
      await activated(fresh, next.dir);
      await fresh.close();
    }
    // The first tab, still on A, opens a page whose piece it never loaded: A's, from A's cache.
    // The browser's own cache has let A's files go, as it may at any time.
    await (await ctx.newCDPSession(tab)).send('Network.clearBrowserCache');
    await tab.evaluate(() => (location.hash = '#/history'));
    await expect(tab.getByText('No completed interview yet.')).toBeVisible();
    expect(await tab.evaluate(() => window.neverReloaded)).toBe(true);
    expect(await runs(tab)).toBe(glueOf(DIST));
  } finally {
    await site.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

for (const [failure, answer] of [
  ['answers 503 to everything', (request, response) => (response.writeHead(503, { 'Content-Type': 'text/plain' }).end('Service unavailable'), true)],
  ['never answers', () => true],
]) {
  test(`after one visit, the cached app starts when the host ${failure}`, async ({ browser }) => {
    test.setTimeout(90_000);
    const host = await changingHost(DIST, port(4), port(5));
    const { context: ctx, report } = await context(browser, host.url);
    try {
      const page = await ctx.newPage();
      await page.goto(`${host.url}/#/`);
      await ready(page);
      await installed(page);
      host.answer = answer;
      // A new visit (not the same document's hash changing).
      await page.goto(`${host.url}/?from=bookmark#/q/dba-raid`, { timeout: 15_000 });
      await ready(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
    } finally {
      await host.stop();
      expect(await report()).toEqual([]);
      await ctx.close();
    }
  });
}

test('a host that redirects index.html to its folder: the app installs, and starts offline', async ({ browser }) => {
  test.setTimeout(90_000);
  const host = await changingHost(DIST, port(6), port(7));
  // As Cloudflare Pages does.
  host.answer = (request, response) =>
    new URL(request.url, host.url).pathname === '/index.html' && (response.writeHead(308, { Location: '/' }).end(), true);
  const { context: ctx, report } = await context(browser, host.url);
  try {
    const page = await ctx.newPage();
    await page.goto(`${host.url}/#/`);
    await ready(page);
    await installed(page);
    // Online, the redirected address still opens the app.
    await page.goto(`${host.url}/index.html#/questions`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions');
    await host.stop();
    await ctx.setOffline(true);
    for (const address of ['/#/q/dba-raid', '/index.html#/q/dba-raid']) {
      await page.goto(`${host.url}${address}`);
      await ready(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
    }
  } finally {
    await host.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

/// A browser that keeps a cross-site frame's storage (partitioned per top-level site, as
/// Chromium does by default outside incognito; Playwright's own contexts block it), guarded
/// like every test's, for the sites in `urls`.
async function partitionedBrowser(...urls) {
  const profile = mkdtempSync(join(tmpdir(), 'partitioned-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, { ...config.use.launchOptions, headless: true });
  const problems = [];
  const report = await guard(context, [...origins(urls[0]), ...urls], problems);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page: context.pages()[0] ?? (await context.newPage()), report, close };
}

/// Holds back the requests matching `pattern` until `release()`: a download still under way
/// when the deploy lands.
async function hold(context, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// What a page of a build that is gone logs: the 404 of the piece it asked for.
const gone = (problems) => problems.filter((p) => !/status of 404 \(Not Found\)/.test(p));

test('a frame whose build is gone starts the new build where it was, with the typed answer', async () => {
  test.setTimeout(180_000);
  const b = wasmChanged('interview', 'B');
  const site = await changingHost(DIST, port(8), port(11));
  const query = 'mode=interview&q=dba-raid&count=1';
  const hosts = await hostPages(
    {
      'post.html':
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,">` +
        `<script src="${site.url}/embed.js" defer></script></head><body><h1>A blog post</h1>` +
        `<iframe data-interview-practice src="${site.url}/?${query.replaceAll('&', '&amp;')}" title="Interview Practice" width="100%" height="640"></iframe></body></html>`,
    },
    port(9),
  );
  const { context: ctx, page, report, close } = await partitionedBrowser(site.url, hosts.url);
  try {
    // The interview's piece, which the frame fetches once it has started, is still on its way
    // when build B is deployed, A's files gone.
    const release = await hold(ctx, /\/(split|pack)_interview-[0-9a-f]{16}\.wasm$/);
    await page.goto(`${hosts.url}/post.html`);
    const frame = page.frameLocator('iframe[data-interview-practice]');
    await expect(frame.locator('html[data-app="ready"] main')).toBeVisible();
    await site.deploy(b.dir, port(12));
    await frame.getByRole('button', { name: 'Start interview' }).click();
    await frame.getByRole('textbox', { name: 'Your answer' }).fill('RAID 10: mirrored pairs, striped.');
    await page.waitForTimeout(1_000);
    release();
    // The frame finds its build gone and starts B, on the same question, with the answer.
    const glue = frame.locator('script[data-glue]');
    await expect.poll(() => glue.getAttribute('data-glue').catch(() => null), { timeout: 20_000 }).toContain(b.glue);
    await expect(frame.locator('html[data-app="ready"]')).toBeVisible();
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
    await expect(frame.getByRole('textbox', { name: 'Your answer' })).toHaveValue('RAID 10: mirrored pairs, striped.');
    await frame.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(frame.getByRole('heading', { name: 'Model answer' })).toBeVisible();
    expect(gone(await report())).toEqual([]);
  } finally {
    await site.stop();
    await hosts.stop();
    await close();
  }
});

test('a page without a worker whose build is gone starts the new build on the page it opened', async ({ browser }) => {
  test.setTimeout(150_000);
  const b = wasmChanged('history', 'B');
  const site = await changingHost(DIST, port(10), port(13));
  const problems = [];
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const report = await guard(ctx, origins(site.url), problems);
  try {
    const page = await ctx.newPage();
    await page.goto(`${site.url}/#/`);
    await ready(page);
    await site.deploy(b.dir, port(14));
    await page.getByRole('link', { name: 'History' }).click();
    await expect(page.getByText('No completed interview yet.')).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveURL(/#\/history$/);
    expect(await runs(page)).toBe(b.glue);
    expect(gone(await report())).toEqual([]);
  } finally {
    await site.stop();
    await ctx.close();
  }
});
