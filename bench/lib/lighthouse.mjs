// Lighthouse 12.2.3 (pinned in package.json) against the standalone page, in Debian's Chromium,
// run programmatically so Chromium gets the same flags as everywhere else in the benchmark
// (nothing but 127.0.0.1 resolves). Each configuration is run `times` times and the median of
// every score and metric is kept (a single Lighthouse run varies by several points): the budget
// applies to Lighthouse's default, mobile (simulated slow 4G, a 4x slower CPU), with the files
// served gzip and again Brotli; the desktop preset is one extra run, for reference.
import { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';
import { median } from './stats.mjs';

/// `configs`: [{ name, url, preset: 'mobile' | 'desktop', times }] -> { name: medians and runs }.
export async function measureLighthouse(configs) {
  const results = {};
  for (const { name, url, preset, times } of configs) {
    const runs = [];
    for (let i = 0; i < times; i++) runs.push(await once(url, preset));
    const mid = (get) => median(runs.map(get).filter((x) => x !== null && Number.isFinite(x)));
    results[name] = {
      preset,
      url,
      runs: runs.length,
      performance: mid((r) => r.performance),
      accessibility: mid((r) => r.accessibility),
      bestPractices: mid((r) => r.bestPractices),
      performances: runs.map((r) => r.performance),
      metrics: {
        fcp: Math.round(mid((r) => r.metrics.fcp)),
        lcp: Math.round(mid((r) => r.metrics.lcp)),
        tbt: Math.round(mid((r) => r.metrics.tbt)),
        cls: mid((r) => r.metrics.cls),
      },
      // Audits below 100 in any run.
      below: {
        accessibility: [...new Set(runs.flatMap((r) => r.below.accessibility))],
        bestPractices: [...new Set(runs.flatMap((r) => r.below.bestPractices))],
      },
      warnings: [...new Set(runs.flatMap((r) => r.warnings ?? []))],
    };
  }
  return results;
}

async function once(url, preset) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const config = preset === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
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
    return {
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
