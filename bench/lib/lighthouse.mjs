// Lighthouse 12.2.3 (pinned in package.json) against the standalone page, in Debian's Chromium,
// run programmatically so Chromium gets the same flags as everywhere else in the benchmark
// (nothing but 127.0.0.1 resolves). Two runs: Lighthouse's default (mobile, simulated slow 4G
// and a 4x slower CPU), which is the figure the goals apply to, and the desktop preset.
import { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';

export async function measureLighthouse(url) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const desktop = (await import('lighthouse/core/config/desktop-config.js')).default;
  const results = {};
  for (const [name, config] of [
    ['mobile', undefined],
    ['desktop', desktop],
  ]) {
    const chrome = await launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
      logLevel: 'silent',
    });
    try {
      const run = await Promise.race([
        lighthouse(
          url,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices'],
          },
          config,
        ),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Lighthouse took over 3 minutes')), 180_000)),
      ]);
      const lhr = run.lhr;
      if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
      const failing = (id) =>
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
          .map((a) => a.id);
      results[name] = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        metrics: {
          fcp: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? NaN),
          lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
          tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
        },
        below: {
          accessibility: failing('accessibility'),
          bestPractices: failing('best-practices'),
        },
        warnings: lhr.runWarnings,
      };
    } finally {
      await chrome.kill();
    }
  }
  return results;
}
