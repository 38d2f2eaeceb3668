// Offline and installable, hosted anywhere: the service worker, the update from one build to
// the next, the policy from the page's meta tag, the manifest, and the <interview-practice>
// element. Tests that need a server to go away or change run their own (scripts/serve.mjs).
import AxeBuilder from '@axe-core/playwright';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, guard, origins } from './fixtures.mjs';
import config from './playwright.config.mjs';
import { InterviewPage } from './interview-page.mjs';
import { DIST, context, installed, port, ready, serve } from './servers.mjs';
import { filesOf, stylesheetChanged } from './builds.mjs';

test('after one visit the app starts with no network and runs an interview, a review and reading, with every text', async ({ browser }) => {
  test.setTimeout(60_000);
  const site = await serve(DIST, port(0));
  const { context: ctx, report } = await context(browser, site.url);
  try {
    const page = await ctx.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}/#/`);
    await ready(page);
    // The registration's script is fetched once the app has started, never beside the first
    // screen's own requests.
    const registration = () => requested.findIndex((path) => /^\/sw-register-[0-9a-f]{16}\.js$/.test(path));
    await expect.poll(registration).toBeGreaterThan(0);
    const wasm = requested.findIndex((path) => /^\/interview-practice-[0-9a-f]{16}_bg\.wasm$/.test(path));
    expect(wasm).toBeGreaterThan(0);
    expect(registration()).toBeGreaterThan(wasm);
    await installed(page);
    // No network at all: the browser is offline and the site is gone.
    await site.stop();
    await ctx.setOffline(true);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');

    await page.goto(`${site.url}/#/interview/new`);
    await ready(page);
    const interview = new InterviewPage(page);
    await page.getByLabel('Number of questions').fill('1');
    await page.getByLabel('Number of questions').blur();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await expect(page.getByText(/^Question 1 of 1/)).toBeVisible();
    await interview.type('Mirror and stripe: RAID 10 on fast disks, with backups and monitoring.');
    await interview.done();
    // The model answer comes from the content file, which the worker cached; the device marked
    // the answer with the marking's piece of the wasm and the marking file, cached too.
    await expect(page.locator('.answer')).not.toBeEmpty();
    await expect(page.getByText('could not be checked')).toHaveCount(0);
    await expect(interview.keyPoints()).not.toHaveCount(0);
    await interview.rate('Good');
    await interview.next();
    await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();

    await page.goto(`${site.url}/#/article/cloud-operations-interview`);
    await ready(page);
    await expect(page.locator('main article, main .article').first()).toContainText(/\w{4,}/);
    await page.goto(`${site.url}/#/review`);
    await ready(page);
    await page.getByRole('button', { name: /^(Reveal|Show)/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();

    // Every question's, article's and the search's data file came with the one visit, not
    // only those the pages above opened.
    await page.goto(`${site.url}/#/q/ops-cdn`);
    await ready(page);
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await expect(page.locator('.answer-text')).not.toBeEmpty();
    await page.goto(`${site.url}/#/article/going-solo`);
    await ready(page);
    await expect(page.locator('.prose')).toContainText(/\w{4,}/);
    await page.goto(`${site.url}/#/questions`);
    await ready(page);
    await page.getByRole('searchbox').fill('mirrors each volume');
    await expect(page.locator('ol.results li')).toContainText(['What is RAID? Which type is best?']);
    const data = readdirSync(DIST).filter((name) => /^content-[a-z0-9-]+-[0-9a-f]{16}\.json$/.test(name));
    expect(data.length).toBeGreaterThan(70);
    // And every piece of the wasm, the ones no page above opened too (speak mode's recorder).
    const pieces = readdirSync(DIST).filter((name) => /^(split|pack)_[a-z]+-[0-9a-f]{16}\.wasm$/.test(name));
    expect(pieces.some((name) => name.startsWith('split_speak-'))).toBe(true);
    const uncached = await page.evaluate(async (names) => {
      const cache = await caches.open((await caches.keys()).at(-1));
      const out = [];
      for (const name of names) if (!(await cache.match(`/${name}`))) out.push(name);
      return out;
    }, [...data, ...pieces]);
    expect(uncached).toEqual([]);
  } finally {
    await site.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

/// The path of the page's stylesheet, which names its build (its href is relative to the page).
const stylesheet = (page) => page.locator('link[rel="stylesheet"]').evaluate((link) => new URL(link.href).pathname).catch(() => null);

/// The build's files this page loaded (its document's and its resources' paths).
const loaded = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /-[0-9a-f]{16}/.test(p)),
  );

test('an update never mixes two builds: the reader is told, and it applies on a click', async ({ browser }) => {
  test.setTimeout(180_000);
  const b = stylesheetChanged();
  const a = filesOf(DIST);
  let site = await serve(DIST, port(1));
  const { context: ctx, report } = await context(browser, site.url);
  try {
    const page = await ctx.newPage();
    await page.goto(`${site.url}/#/`);
    await ready(page);
    await installed(page);
    const other = await ctx.newPage();
    await other.goto(`${site.url}/#/questions`);
    await ready(other);
    // The next build is deployed on the same origin while the tabs stay open.
    await site.stop();
    site = await serve(b.dir, port(1));
    // The reader comes back to the tab, which looks for a new version.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const notice = page.getByRole('status').filter({ hasText: 'A new version of Interview Practice is ready' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
    }
    // Until then the tab is all of the old build.
    for (const file of await loaded(page)) expect(a).toContain(file);
    await expect.poll(() => stylesheet(page)).toBe(b.oldCss);

    await notice.getByRole('button', { name: 'Update now' }).click();
    await page.waitForURL(`${site.url}/#/`);
    await expect.poll(() => stylesheet(page), { timeout: 20_000 }).toBe(b.newCss);
    await ready(page);
    for (const file of await loaded(page)) expect(b.files).toContain(file);
    expect(await loaded(page)).not.toContain(b.oldCss);
    await expect(notice).toHaveCount(0);
    // The other tab stays on the old build, and its files are still there for it, though the
    // site no longer has them.
    await expect.poll(() => stylesheet(other)).toBe(b.oldCss);
    expect((await other.request.get(`${site.url}${b.oldCss}`)).status()).toBe(404);
    expect(await other.evaluate((css) => fetch(css).then((r) => r.status), b.oldCss)).toBe(200);
    // The new build is whole: it starts with no network.
    await site.stop();
    await ctx.setOffline(true);
    await page.reload();
    await ready(page);
    await expect.poll(() => stylesheet(page)).toBe(b.newCss);
  } finally {
    await site.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

test('a page that already came from the new build takes its worker without a notice', async ({ browser }) => {
  test.setTimeout(180_000);
  const b = stylesheetChanged();
  let site = await serve(DIST, port(3));
  const { context: ctx, report } = await context(browser, site.url);
  try {
    const first = await ctx.newPage();
    await first.goto(`${site.url}/#/`);
    await ready(first);
    await installed(first);
    await first.close();
    await site.stop();
    site = await serve(b.dir, port(3));
    // Online, the page is the network's: the new build, while the old worker is still in charge.
    const page = await ctx.newPage();
    await page.goto(`${site.url}/#/`);
    await ready(page);
    await expect.poll(() => stylesheet(page)).toBe(b.newCss);
    for (const file of await loaded(page)) expect(b.files).toContain(file);
    // Its worker installs and takes over, and nothing needs telling.
    await expect
      .poll(
        () =>
          page.evaluate(async (css) => {
            const registration = await navigator.serviceWorker.getRegistration();
            // The newest cache is the new worker's.
            const cached = await (await caches.open((await caches.keys()).at(-1))).match('/index.html');
            return !!registration.active && !registration.waiting && !!cached && (await cached.text()).includes(css);
          }, b.newCss),
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect(page.locator('#update-notice')).toHaveCount(0);
  } finally {
    await site.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

test('a damaged file is never cached: the worker does not install, and the app still runs', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'damaged-'));
  cpSync(DIST, dir, { recursive: true });
  const content = readdirSync(dir).find((n) => /^content-question-dba-raid-[0-9a-f]{16}\.json$/.test(n));
  writeFileSync(join(dir, content), readFileSync(join(dir, content), 'utf8').replace('RAID 10', 'RAID 99'));
  for (const stale of readdirSync(dir).filter((n) => n.startsWith(`${content}.`))) rmSync(join(dir, stale));
  const site = await serve(dir, port(4));
  const { context: ctx, report } = await context(browser, site.url);
  try {
    // The registration the app makes, kept for the test (a failed first install removes it).
    await ctx.addInitScript(() => {
      // Init scripts run in the worker too, which has no container.
      if (typeof ServiceWorkerContainer === 'undefined') return;
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        return (window.registered = register.apply(this, args));
      };
    });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/#/`);
    await ready(page);
    await page.waitForFunction(() => window.registered);
    // The worker is registered, tries to install, and gives up with nothing kept.
    const state = await page.evaluate(async () => {
      const registration = await window.registered;
      const worker = registration.installing || registration.waiting || registration.active;
      // register() resolves once its worker is installing: none left means the install failed.
      if (!worker) return { state: 'redundant', caches: await caches.keys() };
      if (worker.state !== 'redundant' && worker.state !== 'activated') {
        await new Promise((done) => worker.addEventListener('statechange', () => ['redundant', 'activated'].includes(worker.state) && done()));
      }
      return { state: worker.state, caches: await caches.keys() };
    });
    expect(state).toEqual({ state: 'redundant', caches: [] });
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');
  } finally {
    await site.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('served with no headers at all, the page still enforces its policy from the meta tag', async ({ browser }) => {
  const site = await serve(DIST, port(2), '--no-csp');
  const { context: ctx, report, problems } = await context(browser, site.url);
  try {
    const page = await ctx.newPage();
    const response = await page.goto(`${site.url}/#/`);
    expect(response.headers()['content-security-policy']).toBeUndefined();
    await ready(page);
    const outcome = await page.evaluate(
      () =>
        new Promise((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done({ directive: e.effectiveDirective, ran: !!window.ran }), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.ran = true';
          document.body.append(script);
        }),
    );
    expect(outcome).toEqual({ directive: 'script-src-elem', ran: false });
    expect(await page.evaluate(() => window.ran)).toBeUndefined();
    // The one violation is the one the test caused; the app itself caused none.
    const all = await report();
    expect(all.filter((p) => !/inline|script-src-elem/.test(p))).toEqual([]);
    problems.length = 0;
  } finally {
    await site.stop();
    await ctx.close();
  }
});

test('the manifest is valid, names the app, and its icons load at their sizes', async ({ page, context }) => {
  await page.goto('/');
  const session = await context.newCDPSession(page);
  const manifest = await session.send('Page.getAppManifest');
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const data = JSON.parse(manifest.data);
  expect(data).toMatchObject({ name: 'Interview Practice', display: 'standalone' });
  expect(new URL(data.start_url, manifest.url).href).toBe(new URL('/', manifest.url).href);
  for (const field of ['short_name', 'description', 'theme_color', 'background_color']) expect(data[field]).toBeTruthy();
  const sizes = await page.evaluate(async (icons) => {
    const out = {};
    for (const icon of icons) {
      const src = new URL(icon.src, new URL('manifest.webmanifest', location.href)).href;
      const response = await fetch(src);
      const image = new Image();
      image.src = src;
      await image.decode();
      out[icon.sizes] = [response.headers.get('content-type'), image.naturalWidth, image.naturalHeight];
    }
    return out;
  }, data.icons);
  expect(sizes['192x192']).toEqual(['image/png', 192, 192]);
  expect(sizes['512x512']).toEqual(['image/png', 512, 512]);
  expect(sizes.any[0]).toBe('image/svg+xml');
  // Both themes colour the browser's toolbar.
  await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
});

test('Chromium finds the app installable', async ({ baseURL }) => {
  // A profile on disk: Playwright's own contexts count as incognito, where nothing installs.
  const profile = mkdtempSync(join(tmpdir(), 'install-'));
  const persistent = await chromium.launchPersistentContext(profile, { ...config.use.launchOptions, headless: true });
  const problems = [];
  const report = await guard(persistent, origins(baseURL), problems);
  try {
    const page = persistent.pages()[0] ?? (await persistent.newPage());
    await page.goto(`${baseURL}/#/`);
    await ready(page);
    const session = await persistent.newCDPSession(page);
    expect((await session.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
  } finally {
    expect(await report()).toEqual([]);
    await persistent.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the <interview-practice> element on another site frames, sizes and reports the widget', async ({ page }) => {
  await page.goto('http://localhost:4174/element.html');
  const element = page.locator('interview-practice');
  const iframe = element.locator('iframe');
  await expect(iframe).toHaveAttribute('title', 'Practice: RAID');
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  await expect(iframe).toHaveAttribute('allow', 'microphone; on-device-speech-recognition');
  // Only the widget's own parameters are passed on, as written.
  const src = new URL(await iframe.getAttribute('src'));
  expect(src.origin).toBe('http://127.0.0.1:4173');
  expect([...src.searchParams.keys()]).toEqual(['mode', 'q', 'count', 'time']);
  const frame = page.frameLocator('interview-practice iframe');
  await expect(frame.locator('html[data-app="ready"] main')).toBeVisible();
  // As tall as its content.
  await expect
    .poll(async () => {
      const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.locator('body').evaluate((b) => b.getBoundingClientRect().height);
      return Math.abs(outer - inner);
    })
    .toBeLessThanOrEqual(3);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect.poll(() => page.evaluate(() => window.received.map((r) => r.type))).toContain('interview-started');
  const started = await page.evaluate(() => window.received.find((r) => r.type === 'interview-started').detail);
  expect(started).toEqual({ questions: 1, secondsPerQuestion: 120, answerMode: 'type' });
  // A framed widget registers no service worker: the host's visit is not an install.
  const registrations = await (await iframe.elementHandle()).contentFrame().then((f) =>
    f.evaluate(async () => (await navigator.serviceWorker?.getRegistrations?.().catch(() => [])) ?? []),
  );
  expect(registrations).toHaveLength(0);
});

test('the element passes a bad value to the widget, which names it', async ({ page }) => {
  await page.goto('http://localhost:4174/element.html');
  await expect(page.frameLocator('interview-practice iframe').locator('html[data-app="ready"] main')).toBeVisible();
  const entries = await page.evaluate(() => history.length);
  await page.evaluate(() => document.querySelector('interview-practice').setAttribute('count', 'abc'));
  // One frame, made again for the new settings, and nothing added to the host page's history.
  await expect(page.locator('interview-practice iframe')).toHaveCount(1);
  await expect(page.locator('interview-practice iframe')).toHaveAttribute('src', /[?&]count=abc(&|$)/);
  const frame = page.frameLocator('interview-practice iframe');
  const notice = frame.locator('.notice', { hasText: 'Some settings in the address were ignored' });
  await expect(notice.locator('li', { hasText: /^count:/ })).toHaveCount(1);
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test('the Embed page offers the element form too, and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/embed');
  await expect(page.locator('html[data-app="ready"]')).toBeVisible();
  await page.getByLabel('Part 3: DBA').check();
  await page.getByLabel('Theme').selectOption('dark');
  const expected =
    '<script src="http://127.0.0.1:4173/embed.js" defer></script>\n' +
    '<interview-practice mode="interview" parts="3" count="5" time="120" theme="dark"></interview-practice>';
  await expect(page.locator('#element-snippet')).toHaveText(expected);
  await page.getByRole('button', { name: 'Copy element' }).click();
  await expect(page.getByText('Copied.')).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await expect(page.frameLocator('iframe.preview').locator('html')).toHaveAttribute('data-theme', 'dark');
});
