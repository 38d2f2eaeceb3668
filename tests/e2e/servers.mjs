// Servers a test starts, changes and stops itself: the build as scripts/serve.mjs serves it
// (at a domain's root or under a path), host pages on another origin, and hosts that fail.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, guard, origins } from './fixtures.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/// scripts/serve.mjs on `port` serving `dir` (`--base PATH`: under that path only); `url` is
/// its origin, `stop()` ends it (the site is then unreachable).
export async function serve(dir, port, ...args) {
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), dir, String(port), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready) => server.stdout.once('data', ready));
  const host = args.includes('--host') ? args[args.indexOf('--host') + 1] : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise((done) =>
        server.exitCode !== null || server.signalCode !== null ? done() : (server.once('exit', done), server.kill()),
      ),
  };
}

/// A host in front of scripts/serve.mjs on `port`, whose answers a test changes as it goes:
/// `host.answer = (request, response) => true` answers a request itself (a 503, a redirect, a
/// connection that hangs); returning false, or no `answer`, passes it on to the build, with
/// `host.headers` added. `host.deploy(dir, port)` puts another build in place at once, as a host
/// publishing a folder does: no moment without a site.
export async function changingHost(dir, port, backendPort, ...args) {
  let backend = await serve(dir, backendPort, ...args);
  const hanging = new Set();
  const host = { answer: null, headers: {}, url: `http://127.0.0.1:${port}` };
  const server = createServer((request, response) => {
    if (host.answer && host.answer(request, response)) {
      if (!response.writableEnded) hanging.add(response);
      return;
    }
    const proxied = fetch(`${backend.url}${request.url}`, {
      headers: { 'accept-encoding': 'identity' },
      redirect: 'manual',
    });
    proxied
      .then(async (answer) => {
        const headers = Object.fromEntries(answer.headers);
        for (const name of ['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive']) delete headers[name];
        response.writeHead(answer.status, { ...headers, ...host.headers });
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => response.writeHead(502).end());
  });
  await new Promise((ready) => server.listen(port, '127.0.0.1', ready));
  host.deploy = async (next, nextPort) => {
    const previous = backend;
    backend = await serve(next, nextPort, ...args);
    await previous.stop();
  };
  host.stop = async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await backend.stop();
  };
  return host;
}

/// A port of this test's own, apart from other workers' and from the fixed ports of the
/// configuration (4173 to 4175): `n` from 0 to 99.
export const port = (n) => 4300 + n + 100 * test.info().parallelIndex;

/// A folder of host pages, `{ name: html }`, served on another site (`localhost`, not
/// 127.0.0.1) with no policy, as a blog would.
export async function hostPages(pages, port) {
  const dir = mkdtempSync(join(tmpdir(), 'host-'));
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return serve(dir, port, '--host', 'localhost', '--no-csp');
}

/// A guarded context for a test's own sites: the same checks as every other test.
export async function context(browser, ...urls) {
  const problems = [];
  const context = await browser.newContext();
  const report = await guard(context, [...origins(urls[0]), ...urls], problems);
  return { context, report, problems };
}

export async function ready(page) {
  await expect(page.locator('html[data-app="ready"] header.site')).toBeVisible();
}

/// Waits until the service worker has installed this build and controls the page.
export async function installed(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/// The frame's height against its content's, once the host has sized it.
export async function expectSized(frameElement) {
  await expect
    .poll(async () => {
      const outer = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await (await frameElement.elementHandle())
        .contentFrame()
        .then((f) => f.evaluate(() => document.body.getBoundingClientRect().height));
      return Math.abs(outer - inner);
    })
    .toBeLessThanOrEqual(3);
}
