// Headless Debian Chromium, as the end-to-end tests launch it (tests/e2e/playwright.config.mjs),
// with every host name but 127.0.0.1 unresolvable so nothing leaves the machine.
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
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
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
        window.__benchEvents.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {
    // Event Timing unavailable: the rAF measurement stands alone.
  }
};
