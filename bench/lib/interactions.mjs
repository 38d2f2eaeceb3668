// Interaction latency (input to next paint), memory after a 60-question interview, and the
// template records the storage figure is built from; all on the widget, in headless Chromium.
//
// Latency of one interaction is measured in the page: a capture listener on `window` (the first
// to see the event) takes the event's timeStamp (when the browser received the input), then
// waits for the first animation frame in which the interaction's result is in the DOM (the
// app's handlers and its reactive updates, which run as microtasks, have run), and from that
// frame posts a MessageChannel task, which runs once the frame has been produced: input to next
// paint showing the result. Where the browser's Event Timing API reported the same event (it
// does for 16 ms or more) its duration is taken when larger. The inputs are real (CDP) clicks
// and key presses from Playwright. Every page is measured only once the app has taken over the
// pre-rendered first screen (`data-app="ready"`).
import { appReady, launch, INSTRUMENT } from './browser.mjs';
import { percentile, round } from './stats.mjs';

/// Arms a one-shot measurement for the next `type` event; the result is awaited by `collect`.
const ARM = ({ type, selector, text }) => {
  window.__benchLatency = new Promise((resolve) => {
    const done = () => {
      const el = document.querySelector(selector);
      return !!el && (!text || el.textContent.includes(text) || el.value === text);
    };
    const onEvent = (event) => {
      removeEventListener(type, onEvent, true);
      const start = event.timeStamp;
      const frame = (n) =>
        requestAnimationFrame(() => {
          if (!done() && n < 600) return frame(n + 1);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ start, ms: performance.now() - start, ok: done() });
          channel.port2.postMessage(0);
        });
      frame(0);
    };
    addEventListener(type, onEvent, true);
  });
};

async function measure(page, arm, action) {
  await page.evaluate(ARM, arm);
  await action();
  const result = await page.evaluate(async (type) => {
    const r = await window.__benchLatency;
    const entry = window.__benchEvents
      .filter((e) => e.name === type && Math.abs(e.startTime - r.start) < 1)
      .reduce((max, e) => Math.max(max, e.duration), 0);
    return { ...r, eventTiming: entry };
  }, arm.type);
  if (!result.ok) throw new Error(`no result painted for ${arm.type} on ${arm.selector}`);
  return Math.max(result.ms, result.eventTiming);
}

const summarise = (samples) => ({
  n: samples.length,
  p50: round(percentile(samples, 50)),
  p95: round(percentile(samples, 95)),
  max: round(Math.max(...samples)),
});

/// ~300 characters, the size of a considered typed answer.
function answer(i) {
  const text =
    `Answer ${i}: I would start by measuring, then change one thing at a time. RAID 10 mirrors ` +
    'then stripes, so it survives a disk loss and keeps write speed; replication to a standby ' +
    'gives a second copy; backups are tested by restoring them. Monitoring covers latency, errors ' +
    'and saturation, with alerts that page a person.';
  return text.slice(0, 300);
}

async function startPage(page, base) {
  await page.goto(`${base}#/`);
  await appReady(page);
  await page.locator('li.guide').first().waitFor();
}

async function revealAnswer(page, base, samples) {
  await page.goto(`${base}#/q/dba-raid`);
  await appReady(page);
  const button = page.locator('button[aria-controls="answer"]');
  await button.waitFor();
  const out = [];
  for (let i = 0; i < samples; i++) {
    await page.getByRole('button', { name: 'Reveal answer' }).waitFor();
    out.push(
      await measure(page, { type: 'click', selector: 'button[aria-controls="answer"]', text: 'Hide answer' }, () =>
        button.click(),
      ),
    );
    await button.click(); // hide again (not measured)
  }
  return out;
}

async function startInterview(browser, base, samples) {
  // A fresh context (empty storage) per sample, so the start page offers the one-click
  // interview each time: clearing storage in a running page would not do, the app saves its
  // interview again when the page is hidden.
  const out = [];
  for (let i = 0; i < samples; i++) {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await startPage(page, base);
      const button = page.getByRole('button', { name: 'Start a 5-question interview (2:00 each)' });
      await button.waitFor();
      out.push(await measure(page, { type: 'click', selector: 'article.running textarea#answer' }, () => button.click()));
    } finally {
      await context.close();
    }
  }
  return out;
}

async function searchKeystrokes(page, base) {
  await page.goto(`${base}#/questions`);
  await appReady(page);
  const input = page.getByLabel('Search questions and answers');
  await input.waitFor();
  await input.focus();
  const out = [];
  for (const word of ['raid', 'replication', 'backup', 'latency', 'security']) {
    let typed = '';
    for (const key of word) {
      typed += key;
      out.push(
        await measure(page, { type: 'keydown', selector: 'label.search input', text: typed }, () =>
          page.keyboard.press(key),
        ),
      );
    }
    await input.fill('');
  }
  return out;
}

/// One interview of `count` questions set up on `#/interview/new` (nothing checked: all guides),
/// answered by typing ~300 characters, then Done, a rating, and Next; latencies are collected.
async function interview(page, base, count, latency, offset) {
  await page.goto(`${base}#/interview/new`);
  await appReady(page);
  const number = page.getByLabel('Number of questions');
  await number.fill(String(count));
  await number.press('Tab'); // the field saves on `change`
  await page.getByRole('button', { name: 'Start interview' }).click();
  const ratings = ['Again', 'Hard', 'Good', 'Easy'];
  for (let q = 0; q < count; q++) {
    const box = page.locator('textarea#answer');
    await box.waitFor();
    await box.fill(answer(offset + q));
    latency.done.push(
      await measure(page, { type: 'click', selector: '.reveal-view .rate' }, () =>
        page.getByRole('button', { name: 'Done', exact: true }).click(),
      ),
    );
    const rating = ratings[(offset + q) % 4];
    latency.rate.push(
      await measure(page, { type: 'click', selector: `button.rating[aria-pressed="true"]`, text: rating }, () =>
        page.locator('button.rating', { hasText: rating }).click(),
      ),
    );
    const last = q === count - 1;
    const next = page.locator('button.next');
    if (last) {
      await next.click();
      await page.locator('table').first().waitFor();
    } else {
      latency.next.push(
        await measure(page, { type: 'click', selector: '.crumbs', text: `Question ${q + 2} of ${count}` }, () =>
          next.click(),
        ),
      );
    }
  }
}

async function memoryNow(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => {
    const w = window.__benchWasm;
    return w && w.memory ? w.memory.buffer.byteLength : null;
  });
  return { jsHeap: heap.usedSize, wasm, total: heap.usedSize + (wasm ?? 0) };
}

async function newContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INSTRUMENT);
  return context;
}

export async function measureInteractions({ url, samples = 20, interviews = [30, 30] }) {
  const browser = await launch();
  const errors = [];
  try {
    const latency = { reveal: [], start: [], done: [], rate: [], next: [], search: [] };
    let context = await newContext(browser);
    let page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    latency.reveal = await revealAnswer(page, url, samples);
    latency.search = await searchKeystrokes(page, url);
    await context.close();
    // Twice the samples: its budget is a p95 of its own, and a p95 of 20 is nearly the slowest
    // click, which moved by 20 ms between runs of the same build.
    latency.start = await startInterview(browser, url, 2 * samples);

    // Memory: a fresh context, then the interviews (60 questions: the set-up allows 30 at most).
    context = await newContext(browser);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await startPage(page, url);
    const cdp = await context.newCDPSession(page);
    const before = await memoryNow(page, cdp);
    let offset = 0;
    for (const count of interviews) {
      await interview(page, url, count, latency, offset);
      offset += count;
    }
    const after = await memoryNow(page, cdp);

    // What the app itself stored for these interviews: the storage figure's templates.
    const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    await context.close();
    return {
      latency: Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, summarise(v)])),
      memory: { questions: offset, before, after },
      stored,
      errors,
    };
  } finally {
    await browser.close();
  }
}
