// Start-page transfer: what loading `/` in Chromium actually fetches, as the bytes on the wire
// (the encoded response bodies Chromium reports, plus their headers), until the app is ready
// (`html[data-app="ready"]`) and the network is idle. One cold context per server: every
// server given forces one encoding, so the same page is measured gzip and Brotli.
import { launch } from './browser.mjs';

// Trunk's content hashes change with every build: name files without them.
const name = (url) => new URL(url).pathname.replace(/^\//, '').replace(/-[0-9a-f]{16}(?=[._])/, '') || 'index.html';

async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(url);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const files = [];
    for (const response of responses) {
      const sizes = await response.request().sizes();
      const raw = (await response.body().catch(() => null))?.length ?? null;
      files.push({
        file: name(response.url()),
        status: response.status(),
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        raw,
        body: sizes.responseBodySize,
        headers: sizes.responseHeadersSize,
      });
    }
    const sum = (key) => files.reduce((s, f) => s + (f[key] ?? 0), 0);
    return { files, raw: sum('raw'), body: sum('body'), headers: sum('headers'), total: sum('body') + sum('headers') };
  } finally {
    await context.close();
  }
}

/// `servers`: { gzip: url, br: url, ... } -> the same page's transfer through each.
export async function measureTransfer(servers) {
  const browser = await launch();
  try {
    const out = {};
    for (const [encoding, url] of Object.entries(servers)) out[encoding] = await load(browser, url);
    return out;
  } finally {
    await browser.close();
  }
}
