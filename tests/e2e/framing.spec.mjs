// Limiting who may frame the app, as docs/deploy.md tells an operator: the header it writes for
// each host, sent by a host in front of the build, lets the named site frame the app, and the
// app's own Embed page, and blocks any other site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { DIST, ROOT, changingHost, context, hostPages, port, ready } from './servers.mjs';

const NAMED = 'https://blog.example.org';

/// The `frame-ancestors` policy docs/deploy.md gives for nginx, Apache and `_headers`: one and
/// the same, naming NAMED.
function documented() {
  const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
  const forms = {
    nginx: /add_header Content-Security-Policy "(frame-ancestors [^"]+)" always;/,
    apache: /Header always set Content-Security-Policy "(frame-ancestors [^"]+)"/,
    headers: /^\s*\/\*\n\s+Content-Security-Policy: (frame-ancestors [^\n]+)$/m,
  };
  const found = Object.fromEntries(Object.entries(forms).map(([host, form]) => [host, form.exec(doc)?.[1]]));
  expect(found).toEqual({ nginx: expect.any(String), apache: expect.any(String), headers: expect.any(String) });
  expect(new Set(Object.values(found)).size).toBe(1);
  expect(found.nginx).toContain(NAMED);
  return found.nginx;
}

test('the frame-ancestors header docs/deploy.md gives lets only the named sites frame the app', async ({ browser }) => {
  const policy = documented();
  // The app as a host serves it with no policy header of its own (the page carries the rest).
  const host = await changingHost(DIST, port(0), port(1), '--no-csp');
  const post = (app) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,"></head>` +
    `<body><h1>A blog post</h1><iframe src="${app}/?mode=browse" title="Interview Practice" width="100%" height="640"></iframe></body></html>`;
  const named = await hostPages({ 'post.html': post(host.url) }, port(2));
  const other = await hostPages({ 'post.html': post(host.url) }, port(3));
  host.headers = { 'Content-Security-Policy': policy.replace(NAMED, named.url) };
  const { context: ctx, report, problems } = await context(browser, host.url, named.url, other.url);
  try {
    const page = await ctx.newPage();
    await page.goto(`${named.url}/post.html`);
    await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveText('Questions');

    // The app's own Embed page previews the widget in a frame of its own origin.
    await page.goto(`${host.url}/#/embed`);
    await ready(page);
    await expect(page.frameLocator('iframe.preview').getByRole('heading', { level: 1 })).toHaveText('Mock interview');

    // Another site gets a blocked frame: the browser shows its error page, never the app.
    await page.goto(`${other.url}/post.html`);
    const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
    await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    expect(await frame.locator('html[data-app]').count()).toBe(0);
    // The browser's own report of the refusal is what the operator asked for.
    problems.splice(0, problems.length, ...problems.filter((p) => !/frame-ancestors/.test(p)));
  } finally {
    await host.stop();
    await named.stop();
    await other.stop();
    expect(await report()).toEqual([]);
    await ctx.close();
  }
});
