// The embedded widget's path, as a reader of another site meets it: the widget in a frame on a
// host page of another site (localhost, not 127.0.0.1), a fresh browser each run (no cache, no
// storage, no compiled code; its own start is taken first, in a context of its own: `warmUp`,
// a page the run then shares nothing with), files served gzip. For `?mode=interview` the frame's Start is
// clicked as soon as it is enabled; for `?mode=question` nothing is clicked. Recorded:
//   - the time from the host page's navigation to the first question's text box painted in the
//     frame (the answer box; for a question page, its note box), and for the interview to Done
//     enabled (its piece and the question's data here);
//   - the bytes on the wire (bodies as sent, and headers) and requests of every file of the
//     widget's site, until the first question is whole (text box shown, Done enabled) and the
//     network has been idle for half a second: what a reader who starts has downloaded, whether
//     it arrived before the text box or just after. The bytes already received when the text
//     box painted are printed beside them.
// The floor: the same host page framing a static page of the same screen (the app's own
// markup and CSS, captured from the framed widget in this run, with a few lines of plain script
// that swap in the question's screen on the click), alternating with the widget in the same run.
// Times are taken in the frame on the shared wall clock (timeOrigin + now), against the host
// page's navigation start.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { median, round } from './stats.mjs';

// The host page: a blog post with the widget's snippet (embed.js and a frame), the frame's
// address from `?src=`.
const HOST = (widget) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post with the widget</title>
<link rel="icon" href="data:,">
<style>body{font:18px/1.5 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}iframe{display:block;width:100%;border:0}</style>
<script src="${widget}embed.js" defer></script>
</head>
<body>
<h1>Preparing for a cloud operations interview</h1>
<p>Practise with the questions below: answer first, then compare with the model answer.</p>
<iframe data-interview-practice title="Interview Practice" width="100%" height="640" loading="lazy"
  allow="microphone; on-device-speech-recognition"></iframe>
<p>More of the post after the widget.</p>
<script>document.querySelector('iframe').src = new URLSearchParams(location.search).get('src');</script>
</body>
</html>
`;

// In the frame (widget or floor), before its own scripts: clicks Start once it is enabled and
// reports when the text box and then Done (if any) are painted, on the wall clock.
const FRAME = () => {
  if (window === window.top) return;
  const clock = () => performance.timeOrigin + performance.now();
  const painted = (name) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__widgetReport({ [name]: clock() });
      channel.port2.postMessage(0);
    });
  const ready = () => document.documentElement.getAttribute('data-app') === 'ready';
  const seen = {};
  const check = () => {
    if (!ready()) return;
    const start = document.querySelector('section.configured .actions button');
    if (start && !start.disabled && !seen.start) {
      seen.start = true;
      window.__widgetReport({ start: clock() });
      start.click();
      return;
    }
    const box = document.querySelector('textarea#answer, textarea[id^="note-"]');
    if (box && box.getBoundingClientRect().height && !seen.box) {
      seen.box = true;
      painted('textBox');
    }
    const done = [...document.querySelectorAll('article.running button')].find((b) => b.textContent.trim() === 'Done');
    if (box && done && !done.disabled && !seen.done) {
      seen.done = true;
      painted('done');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms));

// Lighthouse 12's mobile throttling as DevTools applies it (its `devtools` method): slow 4G,
// 150 ms round trips and 1.6 Mbit/s down, as a latency per request of 150 × 3.75 ms and 90% of
// the throughput, and the CPU 4× slower.
export const PHONE = {
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8,
  cpu: 4,
};

/// One cold run: a fresh browser, the host page framing `src`. `done`: wait for Done enabled;
/// `phone`: throttled as PHONE (the frame must then be of the host page's site, so that it is
/// in the page's process and its requests go through the page's throttling).
async function once(hostUrl, src, { done, origin, warmUp, phone = false }) {
  const browser = await launch();
  try {
    if (warmUp) {
      // The browser's own start (its network service, a first renderer) in a context of its own,
      // which the page measured then does not share: no cache, no storage, no compiled code.
      const first = await browser.newContext();
      await (await first.newPage()).goto(warmUp);
      await first.close();
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reports = {};
    let resolveBox, resolveDone;
    const boxShown = new Promise((r) => (resolveBox = r));
    const doneShown = new Promise((r) => (resolveDone = r));
    await context.exposeFunction('__widgetReport', (report) => {
      Object.assign(reports, report);
      if (report.textBox) resolveBox();
      if (report.done) resolveDone();
    });
    await context.addInitScript(FRAME);
    // Every request of the widget's site, and how many are in flight.
    const requests = [];
    let inFlight = 0;
    let lastChange = Date.now();
    context.on('request', (request) => {
      inFlight++;
      lastChange = Date.now();
      if (new URL(request.url()).origin === origin) requests.push(request);
    });
    const settled = () => {
      inFlight--;
      lastChange = Date.now();
    };
    context.on('requestfinished', settled);
    context.on('requestfailed', settled);
    const page = await context.newPage();
    page.on('pageerror', (e) => (reports.errors ??= []).push(String(e)));
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: PHONE.latency,
        downloadThroughput: PHONE.downloadThroughput,
        uploadThroughput: PHONE.uploadThroughput,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
    }
    await page.goto(`${hostUrl}?src=${encodeURIComponent(src)}`, { waitUntil: 'commit' });
    const navigation = await page.evaluate(() => performance.timeOrigin);
    await Promise.race([boxShown, timeout(60_000, `${src}: no text box in 60 s`)]);
    const atBox = new Set(requests.filter((r) => r.timing().responseEnd >= 0 && r.timing().startTime + r.timing().responseEnd <= reports.textBox));
    if (done) await Promise.race([doneShown, timeout(60_000, `${src}: Done not enabled in 60 s`)]);
    // The network idle for half a second.
    while (inFlight > 0 || Date.now() - lastChange < 500) await new Promise((r) => setTimeout(r, 50));
    const files = [];
    for (const request of requests) {
      const response = await request.response();
      if (!response) continue;
      const sizes = await request.sizes();
      files.push({
        file: new URL(request.url()).pathname.slice(1) || 'index.html',
        status: response.status(),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        atBox: atBox.has(request),
      });
    }
    await context.close();
    const sum = (list) => list.reduce((s, f) => s + f.bytes, 0);
    return {
      textBox: reports.textBox - navigation,
      done: reports.done ? reports.done - navigation : null,
      start: reports.start ? reports.start - navigation : null,
      bytes: sum(files),
      requests: files.length,
      bytesAtBox: sum(files.filter((f) => f.atBox)),
      requestsAtBox: files.filter((f) => f.atBox).length,
      files,
      errors: reports.errors ?? [],
    };
  } finally {
    await browser.close();
  }
}

/// Captures, from the widget framed on the host page, the screens the floors show: the
/// configured interview with its Start (and the running question it opens) and a question
/// page. Writes widget-host.html into `hostDir`, and the floor pages and their script into
/// `floorDir`; returns the floor pages' names.
export async function writeWidgetPages({ widgetUrl, hostUrl, hostDir, floorDir, modes }) {
  await writeFile(join(hostDir, 'widget-host.html'), HOST(widgetUrl));
  const browser = await launch();
  const floors = {};
  try {
    for (const [name, query] of Object.entries(modes)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${hostUrl}widget-host.html?src=${encodeURIComponent(widgetUrl + query)}`);
      const frame = page.frameLocator('iframe');
      await frame.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
      const inFrame = page.frames().find((f) => f !== page.mainFrame());
      const capture = () =>
        inFrame.evaluate(() => ({
          html: document.documentElement.className,
          theme: document.documentElement.getAttribute('data-theme'),
          app: document.getElementById('app').outerHTML.replaceAll('<!---->', ''),
        }));
      let first;
      let running = null;
      if (name === 'interview') {
        await frame.locator('section.configured .actions button').waitFor();
        first = await capture();
        await frame.locator('section.configured .actions button').click();
        await frame.locator('article.running textarea#answer').waitFor();
        const done = frame.locator('article.running button', { hasText: 'Done' });
        await done.and(frame.locator(':enabled')).waitFor({ timeout: 20_000 });
        await page.waitForTimeout(300);
        running = await capture();
      } else {
        await frame.locator('textarea[id^="note-"]').waitFor();
        first = await capture();
      }
      await context.close();
      const file = `widget-floor-${name}.html`;
      const attrs = `lang="en"${first.html ? ` class="${first.html.replace(/"/g, '')}"` : ''}${first.theme ? ` data-theme="${first.theme}"` : ''}`;
      const template = running ? `\n<template id="running">${running.app}</template>` : '';
      await writeFile(
        join(floorDir, file),
        `<!doctype html>
<html ${attrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interview Practice: widget floor</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="app.css">
</head>
<body>
${first.app}${template}
<script src="widget-floor.js"></script>
</body>
</html>
`,
      );
      floors[name] = file;
    }
  } finally {
    await browser.close();
  }
  // The click does what the app's does: the question's screen in place of the start, focus in
  // the answer box.
  await writeFile(
    join(floorDir, 'widget-floor.js'),
    `const running = document.getElementById('running');
if (running) {
  document.getElementById('app').addEventListener('click', (event) => {
    if (!event.target.closest('section.configured .actions button')) return;
    const next = running.content.firstElementChild.cloneNode(true);
    document.getElementById('app').replaceWith(next);
    next.querySelector('textarea').focus();
  });
}
document.documentElement.setAttribute('data-app', 'ready');
`,
  );
  return floors;
}

/// `modes`: { name: query } (e.g. interview: '?mode=interview'); `floors`: { name: floor page
/// URL }; `warmUp`: a page each fresh browser opens first. Runs the widget and its floor
/// alternately, `runs` times each, each in a fresh browser.
export async function measureWidget({ widgetUrl, hostUrl, modes, floors, runs, warmUp }) {
  const origin = new URL(widgetUrl).origin;
  const host = `${hostUrl}widget-host.html`;
  const out = {};
  for (const [name, query] of Object.entries(modes)) {
    const done = name === 'interview';
    const widget = [];
    const floor = [];
    for (let i = 0; i < runs; i++) {
      const order = i % 2 ? ['floor', 'widget'] : ['widget', 'floor'];
      for (const which of order) {
        if (which === 'widget') widget.push(await once(host, widgetUrl + query, { done, origin, warmUp }));
        else floor.push(await once(host, floors[name], { done: false, origin: new URL(floors[name]).origin, warmUp }));
      }
    }
    const p50 = (list, key) => round(median(list.map((r) => r[key]).filter(Number.isFinite)));
    // The files of the median run by bytes (they vary little: the same files each run).
    const byBytes = [...widget].sort((a, b) => a.bytes - b.bytes);
    const typical = byBytes[Math.floor(byBytes.length / 2)];
    out[name] = {
      query,
      runs: widget.length,
      textBox: p50(widget, 'textBox'),
      done: p50(widget, 'done'),
      start: p50(widget, 'start'),
      floorTextBox: p50(floor, 'textBox'),
      ratio: round(p50(widget, 'textBox') / p50(floor, 'textBox'), 2),
      bytes: typical.bytes,
      requests: typical.requests,
      bytesAtBox: round(median(widget.map((r) => r.bytesAtBox)), 0),
      requestsAtBox: round(median(widget.map((r) => r.requestsAtBox)), 0),
      files: typical.files,
      textBoxes: widget.map((r) => round(r.textBox)),
      floorTextBoxes: floor.map((r) => round(r.textBox)),
      errors: [...new Set(widget.flatMap((r) => r.errors))].slice(0, 3),
    };
  }
  return out;
}

/// The interview's first question on a phone-like connection and CPU (PHONE), in a frame of a
/// host page of the same site (see `once`): the time to its text box and to Done enabled, p50
/// of `runs` fresh browsers.
export async function measureWidgetOnPhone({ widgetUrl, hostUrl, query, runs, warmUp }) {
  const origin = new URL(widgetUrl).origin;
  const list = [];
  for (let i = 0; i < runs; i++) {
    list.push(await once(`${hostUrl}widget-host.html`, widgetUrl + query, { done: true, origin, warmUp, phone: true }));
  }
  const p50 = (key) => round(median(list.map((r) => r[key]).filter(Number.isFinite)));
  return {
    query,
    runs,
    textBox: p50('textBox'),
    done: p50('done'),
    requests: list[0].requests,
    bytes: list[0].bytes,
    textBoxes: list.map((r) => round(r.textBox)),
    dones: list.map((r) => round(r.done)),
  };
}
