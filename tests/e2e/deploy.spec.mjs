// Deploys while pages are open: the site goes from one build to the next (the old one's files
// gone, as a host that publishes a folder replaces it), and every open page ends on a working
// build with nothing lost. Each test runs its own servers (scripts/serve.mjs).
import { test, expect } from './fixtures.mjs';
import { DIST, changingHost, context, installed, port, ready, serve } from './servers.mjs';
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
    b.stop();
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
    b.stop();
    c.stop();
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
