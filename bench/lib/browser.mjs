// Headless Debian Chromium, as the end-to-end tests launch it (tests/e2e/playwright.config.mjs),
// with every host name but 127.0.0.1 and localhost (the widget's host pages) unresolvable so
// nothing leaves the machine.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/// Captures the app's WebAssembly exports (Trunk's loader announces them with
/// `TrunkApplicationStarted`) so the memory figure can read `memory.buffer.byteLength`,
/// and records Event Timing entries (input to next paint, for inputs of 16 ms or more).
export const INSTRUMENT = () => {
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__benchWasm = e.detail && e.detail.wasm;
  });
  window.__benchEvents = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__benchEvents.push({
          name: entry.name,
          startTime: entry.startTime,
          duration: entry.duration,
          processingStart: entry.processingStart,
          processingEnd: entry.processingEnd,
        });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {
    // Event Timing unavailable: the rAF measurement stands alone.
  }
};

/// Waits until the app has taken over the pre-rendered page (it sets `data-app="ready"` on
/// <html>): before that the page looks the same but its controls are not yet the app's.
export function appReady(page, timeout = 20_000) {
  return page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout });
}

/// Injected before the page's scripts: `window.__benchAppReady` resolves with the time (on the
/// page's clock, zero at navigation start) the app set `data-app="ready"` and the time the next
/// frame was produced after it (requestAnimationFrame runs before that frame's paint; a
/// MessageChannel task posted from it runs once the frame is out). `window.__benchShift` sums
/// the layout shifts not caused by input (the Layout Instability API's own exclusion).
export const APP_READY = () => {
  window.__benchAppReady = new Promise((resolve) => {
    let seen = false;
    const check = () => {
      if (seen || document.documentElement?.getAttribute('data-app') !== 'ready') return;
      seen = true;
      observer.disconnect();
      const set = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ set, painted: performance.now() });
        channel.port2.postMessage(0);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app'] });
    check();
  });
  window.__benchShift = 0;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__benchShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    window.__benchShift = null; // no Layout Instability API
  }
};

/// APP_READY's times for the page's current document (right after a navigation commits, its
/// init scripts may not have run yet).
export function appReadyTimes(page) {
  return page.evaluate(async () => {
    while (!window.__benchAppReady) await new Promise((r) => setTimeout(r, 5));
    return window.__benchAppReady;
  });
}
