// The same dist/ under any path: a host that serves the app in /a/b/practice/ and answers 404
// to everything outside it (as a project site, a blog's folder or a plugin's folder does).
import { test, expect } from './fixtures.mjs';
import { DIST, context, expectSized, hostPages, installed, port, ready, serve } from './servers.mjs';
import { InterviewPage } from './interview-page.mjs';

const BASE = '/a/b/practice/';

/// The app under BASE on a port of the test's own, and the host pages' site.
async function deepSite(n) {
  return serve(DIST, port(n), '--base', BASE);
}

/// Every request a page makes, by path, so a test can see none left the app's folder.
function requests(page) {
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

test('under a path: the start page, deep links, an interview, and offline after one visit', async ({ browser }) => {
  test.setTimeout(90_000);
  const site = await deepSite(0);
  const app = `${site.url}${BASE}`;
  const { context: ctx, report } = await context(browser, site.url);
  try {
    const page = await ctx.newPage();
    const paths = requests(page);
    await page.goto(app);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');

    // The manifest's start and scope are the app's folder.
    const session = await ctx.newCDPSession(page);
    const manifest = await session.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data);
    expect(new URL(data.start_url, manifest.url).href).toBe(app);
    expect(new URL(data.scope, manifest.url).href).toBe(app);
    for (const icon of data.icons) expect((await page.request.get(new URL(icon.src, manifest.url).href)).status()).toBe(200);

    // Deep links: a page of the app, and an embed mode.
    await page.goto(`${app}#/q/dba-raid`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
    await page.goto(`${app}?mode=browse&parts=3`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions');

    // An interview, with its model answer from the content file.
    await page.goto(`${app}?mode=interview&q=dba-raid`);
    await ready(page);
    const interview = new InterviewPage(page);
    await page.getByRole('button', { name: 'Start interview' }).click();
    await interview.type('RAID 10 mirrors and stripes.');
    await interview.done();
    await expect(page.locator('.answer')).toContainText('RAID 10');

    // The worker's scope is the app's folder, and it makes the app work offline.
    await page.goto(app);
    await ready(page);
    await installed(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope)).toBe(app);
    expect(paths.filter((path) => !path.startsWith(BASE))).toEqual([]);
    await site.stop();
    await ctx.setOffline(true);
    await page.goto(`${app}#/article/cloud-dba-interview`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud DBA and Management Interview');
    await page.goto(`${app}#/interview/new`);
    await ready(page);
    await expect(page.getByRole('button', { name: 'Start interview' })).toBeEnabled();
  } finally {
    await site.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

/// A host page of another site with the given body, loading embed.js from `app`.
const hostPage = (app, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title>` +
  `<link rel="icon" href="data:,"><script src="${app}embed.js" defer></script></head>` +
  `<body><h1>A blog post</h1>${body}<script>
    window.received = [];
    for (const type of ['ready', 'resize', 'interview-started']) {
      document.addEventListener('interview-practice:' + type, (e) => window.received.push(type), true);
      document.addEventListener(type, (e) => e.target.localName === 'interview-practice' && window.received.push(type), true);
    }
  </script></body></html>`;

test('under a path: the element and the frame on another site find the app from embed.js', async ({ browser }) => {
  const site = await deepSite(1);
  const app = `${site.url}${BASE}`;
  const hosts = await hostPages(
    {
      'element.html': hostPage(app, '<interview-practice mode="interview" q="dba-raid" count="1"></interview-practice>'),
      'frame.html': hostPage(
        app,
        `<iframe data-interview-practice src="${app}?mode=browse&amp;parts=3" title="Interview Practice" width="100%" height="640"></iframe>`,
      ),
    },
    port(2),
  );
  const { context: ctx, report } = await context(browser, site.url, hosts.url);
  try {
    const page = await ctx.newPage();
    await page.goto(`${hosts.url}/element.html`);
    const element = page.locator('interview-practice iframe');
    expect(new URL(await element.getAttribute('src')).pathname).toBe(BASE);
    const widget = page.frameLocator('interview-practice iframe');
    await expect(widget.locator('html[data-app="ready"] main')).toBeVisible();
    await expectSized(element);
    await widget.getByRole('button', { name: 'Start interview' }).click();
    await expect.poll(() => page.evaluate(() => window.received)).toContain('interview-started');

    await page.goto(`${hosts.url}/frame.html`);
    const frame = page.frameLocator('iframe[data-interview-practice]');
    await expect(frame.locator('html[data-app="ready"]')).toBeVisible();
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Questions');
    await expectSized(page.locator('iframe[data-interview-practice]'));
    await expect.poll(() => page.evaluate(() => window.received)).toContain('ready');
  } finally {
    await site.stop();
    await hosts.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});

test("under a path: the Embed page's snippets work as pasted", async ({ browser }) => {
  const site = await deepSite(3);
  const app = `${site.url}${BASE}`;
  const { context: ctx, report } = await context(browser, site.url, `http://localhost:${port(4)}`);
  let hosts = null;
  try {
    const page = await ctx.newPage();
    await page.goto(`${app}#/embed`);
    await ready(page);
    await page.getByLabel('Mode').selectOption('browse');
    const snippet = await page.locator('#snippet').textContent();
    const element = await page.locator('#element-snippet').textContent();
    expect(snippet).toContain(`<script src="${app}embed.js" defer></script>`);
    expect(snippet).toContain(`src="${app}?mode=browse"`);
    // The page's own preview is the same widget.
    await expect(page.frameLocator('iframe.preview').getByRole('heading', { level: 1 })).toHaveText('Questions');

    // Each pasted as it is into a post on another site.
    const post = (html) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title>` +
      `<link rel="icon" href="data:,"></head><body><h1>A blog post</h1>${html}<p>After.</p></body></html>`;
    hosts = await hostPages({ 'frame.html': post(snippet), 'element.html': post(element) }, port(4));
    for (const name of ['frame.html', 'element.html']) {
      await page.goto(`${hosts.url}/${name}`);
      const frame = page.locator('iframe');
      await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveText('Questions');
      await expectSized(frame);
    }
  } finally {
    await site.stop();
    await hosts?.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});
