// Start-up: navigation to the start page's content painted and interactive, for the widget and
// for the static baseline, alternating, each run in a fresh browser context (cold: no HTTP or
// code cache, no storage).
//
// "Painted and interactive" is measured in the page, on its own clock (performance.now(), whose
// zero is the navigation start), by a script Playwright injects before any of the page's own:
//   1. content: a MutationObserver waits until the start page is complete: three `li.guide`, each
//      with its `ul.sections li`, and `ul.library li`, all laid out with a non-empty box, and every
//      `<link rel=stylesheet>` loaded (`.sheet` set);
//   2. painted: then the next animation frame is awaited (requestAnimationFrame runs just before
//      that frame's paint) and, from it, a MessageChannel task is posted, which runs only once
//      the frame has been produced;
//   3. interactive: that task running is the main thread being free: an input event queued at
//      that moment is dispatched at once, and the widget's click handlers are attached when its
//      DOM is created (Leptos mounts synchronously). The time is taken in that task.
// After each widget run (outside the timing) a click on the first section link must make the
// app answer (its hashchange handler shows the question browser), so a run where the page is
// painted but not yet live would fail loudly rather than count.
import { launch, INSTRUMENT } from './browser.mjs';
import { median, round } from './stats.mjs';

const READY = () => {
  const complete = () => {
    const guides = document.querySelectorAll('li.guide');
    if (guides.length < 3 || !document.querySelector('ul.library li')) return false;
    for (const guide of guides) {
      const box = guide.getBoundingClientRect();
      if (!box.width || !box.height || !guide.querySelector('ul.sections li')) return false;
    }
    return [...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet);
  };
  let seen = false;
  const check = () => {
    if (seen || !complete()) return;
    seen = true;
    observer.disconnect();
    const content = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__benchReady({ content, ready: performance.now() });
      };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
  addEventListener('load', check);
};

async function once(browser, url, { checkLive }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    let resolveReady;
    const ready = new Promise((r) => (resolveReady = r));
    await page.exposeFunction('__benchReady', (t) => resolveReady(t));
    await page.addInitScript(INSTRUMENT);
    await page.addInitScript(READY);
    await page.goto(url, { waitUntil: 'commit' });
    const timing = await Promise.race([
      ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${url}: start page not ready in 20 s`)), 20_000)),
    ]);
    // First contentful paint, for reference: the browser reports it a little after the frame.
    timing.fcp = await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const fcp = list.getEntriesByName('first-contentful-paint')[0];
            if (fcp) resolve(fcp.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 2_000);
        }),
    );
    if (checkLive) {
      await page.locator('li.guide ul.sections a').first().click();
      await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor({ timeout: 5_000 });
    }
    return timing;
  } finally {
    await context.close();
  }
}

export async function measureStartup({ widgetUrl, baselineUrl, runs }) {
  const browser = await launch();
  try {
    // One discarded warm-up each: the first page of a fresh browser pays for its start-up.
    await once(browser, widgetUrl, { checkLive: true });
    await once(browser, baselineUrl, { checkLive: false });
    const widget = [];
    const baseline = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always follows the other.
      const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const which of order) {
        if (which === 'widget') widget.push(await once(browser, widgetUrl, { checkLive: true }));
        else baseline.push(await once(browser, baselineUrl, { checkLive: false }));
      }
    }
    const summary = (list) => ({
      runs: list.length,
      readyMedian: round(median(list.map((t) => t.ready))),
      contentMedian: round(median(list.map((t) => t.content))),
      fcpMedian: round(median(list.filter((t) => t.fcp !== null).map((t) => t.fcp))),
      ready: list.map((t) => round(t.ready)),
    });
    const w = summary(widget);
    const b = summary(baseline);
    return { widget: w, baseline: b, ratio: round(w.readyMedian / b.readyMedian, 2) };
  } finally {
    await browser.close();
  }
}
