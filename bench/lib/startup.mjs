// Start-up: navigation to the start page's content painted, for the widget and for the static
// baseline, alternating, each run in a fresh browser context (cold: no HTTP or code cache, no
// storage), both served gzip. The widget's first screen is pre-rendered into index.html, so two
// figures: first screen visible (the criterion below, which the pre-rendered HTML meets, as the
// baseline does) and app ready (`data-app="ready"` set by the app once it has taken over, and
// the frame after it produced; see APP_READY in browser.mjs). The layout shift while the app
// takes over is summed in the same runs, and in runs of two embed modes' shells.
//
// "Painted and interactive" is measured in the page, on its own clock (performance.now(), whose
// zero is the navigation start), by a script Playwright injects before any of the page's own:
//   1. content: a MutationObserver waits until the start page is complete: three `li.guide`, each
//      with its `ul.sections li`, and `ul.library li`, all laid out with a non-empty box, and every
//      `<link rel=stylesheet>` loaded (`.sheet` set);
//   2. painted: then the next animation frame is awaited (requestAnimationFrame runs just before
//      that frame's paint) and, from it, a MessageChannel task is posted, which runs only once
//      the frame has been produced;
//   3. that task running is the main thread being free again; the time is taken in that task.
// After each widget run (outside the timing, once the app is ready) a click on the first section
// link must make the app answer (it shows the question browser), so a run where the app never
// took over fails loudly rather than counts.
import { launch, INSTRUMENT, APP_READY, appReadyTimes } from './browser.mjs';
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

const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms));

/// One cold load. `firstScreen`: wait for the start page's content (READY); `app`: wait for the
/// app to take over and read the layout shift.
async function once(browser, url, { firstScreen = true, app = false }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    let resolveReady;
    const ready = new Promise((r) => (resolveReady = r));
    await page.exposeFunction('__benchReady', (t) => resolveReady(t));
    await page.addInitScript(INSTRUMENT);
    await page.addInitScript(APP_READY);
    if (firstScreen) await page.addInitScript(READY);
    await page.goto(url, { waitUntil: 'commit' });
    const timing = firstScreen ? await Promise.race([ready, timeout(20_000, `${url}: start page not ready in 20 s`)]) : {};
    if (app) {
      const t = await Promise.race([
        appReadyTimes(page),
        timeout(20_000, `${url}: data-app="ready" not set in 20 s`),
      ]);
      timing.appSet = t.set;
      timing.app = t.painted;
      // Entries of the frames just produced are delivered to the observer a little later.
      timing.shift = await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(window.__benchShift), 100))),
      );
    }
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
    if (app && firstScreen) {
      await page.locator('li.guide ul.sections a').first().click();
      await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor({ timeout: 5_000 });
    }
    return timing;
  } finally {
    await context.close();
  }
}

const p50 = (list, key) => round(median(list.map((t) => t[key]).filter((x) => x !== null && x !== undefined)));

/// `modes`: { label: url } of other first screens whose layout shift is measured (`modeRuns` each).
export async function measureStartup({ widgetUrl, baselineUrl, runs, modes = {}, modeRuns = 5 }) {
  const browser = await launch();
  try {
    // One discarded warm-up each: the first page of a fresh browser pays for its start-up.
    await once(browser, widgetUrl, { app: true });
    await once(browser, baselineUrl, {});
    const widget = [];
    const baseline = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always follows the other.
      const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const which of order) {
        if (which === 'widget') widget.push(await once(browser, widgetUrl, { app: true }));
        else baseline.push(await once(browser, baselineUrl, {}));
      }
    }
    const w = {
      runs: widget.length,
      visibleMedian: p50(widget, 'ready'),
      contentMedian: p50(widget, 'content'),
      appMedian: p50(widget, 'app'),
      fcpMedian: p50(widget, 'fcp'),
      visible: widget.map((t) => round(t.ready)),
      app: widget.map((t) => round(t.app)),
    };
    const b = {
      runs: baseline.length,
      visibleMedian: p50(baseline, 'ready'),
      contentMedian: p50(baseline, 'content'),
      fcpMedian: p50(baseline, 'fcp'),
      visible: baseline.map((t) => round(t.ready)),
    };
    const shiftOf = (list) => {
      const values = list.map((t) => t.shift).filter((x) => x !== null);
      return { runs: values.length, p50: round(median(values), 4), max: round(Math.max(...values), 4) };
    };
    const shift = { start: shiftOf(widget) };
    for (const [label, url] of Object.entries(modes)) {
      const list = [];
      for (let i = 0; i < modeRuns; i++) list.push(await once(browser, url, { firstScreen: false, app: true }));
      shift[label] = shiftOf(list);
    }
    return {
      widget: w,
      baseline: b,
      ratio: round(w.visibleMedian / b.visibleMedian, 2),
      appRatio: round(w.appMedian / b.visibleMedian, 2),
      shift,
    };
  } finally {
    await browser.close();
  }
}
