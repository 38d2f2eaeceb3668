// `make bench`: measures the release build (dist/) against the goals of issue 6 and prints a
// table; the same figures go to bench/results.json. A benchmark, not a test: a missed goal is
// printed (OVER / UNDER) and never fails the run; a part that cannot be measured says why.
//
//   node bench/run.mjs [--runs N] [--samples N] [--skip marking,corrections,startup,latency,storage,lighthouse]
//
// Everything runs on 127.0.0.1: scripts/serve.mjs serves dist/ (with the strict CSP header) and
// bench/baseline/ (the static start page from `cargo run -p interview-content --bin baseline`),
// and Chromium resolves no other host name.
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { measureSize } from './lib/size.mjs';
import { measureStartup } from './lib/startup.mjs';
import { measureInteractions } from './lib/interactions.mjs';
import { measureStorage } from './lib/storage.mjs';
import { measureLighthouse } from './lib/lighthouse.mjs';
import { measureMarkingQuality, measureCorrections } from './lib/marking.mjs';
import { serve, stopAll } from './lib/servers.mjs';
import { launch } from './lib/browser.mjs';
import { kb, mb, ms, verdict } from './lib/stats.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Math.max(15, Number(option('--runs', 15)));
const SAMPLES = Number(option('--samples', 20));
const SKIP = new Set(option('--skip', '').split(',').filter(Boolean));
const WIDGET_PORT = 4181;
const BASELINE_PORT = 4182;

const GOALS = {
  gzipBytes: 110_000,
  startupRatio: 1.5,
  latencyP95: 50,
  memoryBytes: 8_000_000,
  storageBytes: 2_000_000,
  lighthouse: { performance: 98, accessibility: 100, bestPractices: 100 },
};

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const row = (label, ...cells) => say(`  ${label.padEnd(34)}${cells.map((c) => String(c).padStart(12)).join('')}`);
const note = (text) => say(`  ${text}`);

/// Runs one part, bounded in time; a failure is reported, not thrown.
async function part(name, minutes, fn) {
  if (SKIP.has(name)) {
    say(`  (skipped: --skip ${name})`);
    return { skipped: true };
  }
  const started = Date.now();
  let timer;
  try {
    const value = await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`took over ${minutes} minutes`)), minutes * 60_000);
      }),
    ]);
    return { ...value, seconds: Math.round((Date.now() - started) / 1000) };
  } catch (error) {
    say(`  NOT MEASURED: ${String(error.message ?? error).split('\n')[0]}`);
    return { error: String(error.message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const dist = resolve(ROOT, 'dist');
  const baseline = resolve(ROOT, 'bench/baseline');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ is missing: run `make dist` (or `make bench`)');
  const browser = await launch();
  const chromium = browser.version();
  await browser.close();
  const machine = {
    date: new Date().toISOString(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    chromium,
  };
  const results = { machine, goals: GOALS };
  say(`Interview Practice benchmark · ${machine.date.slice(0, 10)}`);
  say(`${machine.cpu}, ${machine.memory}, ${machine.os}; Chromium ${chromium} headless; Node ${machine.node}`);
  say('Units: 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes.');

  // Size
  say();
  say('Size of dist/');
  results.size = await part('size', 1, async () => {
    const size = await measureSize(dist);
    row('file', 'raw', 'gzip -9', 'brotli');
    for (const f of [...size.files, size.total]) row(f.file, kb(f.raw), kb(f.gzip), kb(f.brotli));
    const ok = size.total.gzip <= GOALS.gzipBytes;
    row(
      'budget: 110 KB gzip',
      '',
      kb(size.total.gzip),
      verdict(ok) + (ok ? '' : ` ×${(size.total.gzip / GOALS.gzipBytes).toFixed(2)}`),
    );
    return size;
  });

  // Marking quality (native: no browser needed)
  say();
  results.marking = await part('marking', 5, async () => {
    const m = measureMarkingQuality(ROOT);
    for (const line of m.lines) say(line);
    return m;
  });

  const widget = await serve('dist', WIDGET_PORT);

  say();
  say('Corrections in the stored history: held-out answers typed, every wrong mark corrected to its label');
  results.corrections = await part('corrections', 4, async () => {
    const c = await measureCorrections({ root: ROOT, url: widget.url, count: 20 });
    row('interviews', c.interviews);
    row('marks the device made', c.checked);
    row('marks the reader corrected', c.changed, `${((100 * c.changed) / c.checked).toFixed(1)}%`);
    return c;
  });
  const servedBaseline = existsSync(resolve(baseline, 'index.html')) ? await serve('bench/baseline', BASELINE_PORT) : null;

  // Start-up
  say();
  say(`Start-up: navigation to start page painted and interactive (${RUNS} runs each, alternating, cold)`);
  results.startup = await part('startup', 4, async () => {
    if (!servedBaseline) throw new Error('bench/baseline/index.html is missing: run `make bench`');
    const s = await measureStartup({ widgetUrl: widget.url, baselineUrl: servedBaseline.url, runs: RUNS });
    row('', 'ready p50', 'in DOM p50', 'FCP p50');
    row('widget (dist/)', ms(s.widget.readyMedian), ms(s.widget.contentMedian), ms(s.widget.fcpMedian));
    row('baseline (static HTML)', ms(s.baseline.readyMedian), ms(s.baseline.contentMedian), ms(s.baseline.fcpMedian));
    row('ratio widget/baseline (goal ≤ 1.5)', s.ratio.toFixed(2), verdict(s.ratio <= GOALS.startupRatio));
    return s;
  });

  // Interaction latency and memory
  say();
  say('Interaction latency: input to next paint showing the result (goal p95 ≤ 50 ms)');
  const interactions = await part('latency', 4, () => measureInteractions({ url: widget.url, samples: SAMPLES }));
  results.latency = interactions.latency ?? { error: interactions.error ?? 'skipped' };
  if (interactions.latency) {
    const names = {
      reveal: 'reveal answer (#/q/dba-raid)',
      start: 'start interview (start page)',
      search: 'search keystroke (#/questions)',
      done: 'done (end the question)',
      rate: 'rate (Again/Hard/Good/Easy)',
      next: 'next question',
    };
    row('', 'n', 'p50', 'p95', 'goal');
    for (const [key, label] of Object.entries(names)) {
      const l = interactions.latency[key];
      row(label, l.n, ms(l.p50), ms(l.p95), verdict(l.p95 <= GOALS.latencyP95));
    }
    if (interactions.errors.length) note(`page errors: ${interactions.errors.slice(0, 3).join(' | ')}`);
  }
  say();
  say('Memory: JS heap (after GC) + wasm linear memory');
  if (interactions.memory) {
    const m = interactions.memory;
    results.memory = m;
    row('', 'JS heap', 'wasm', 'total', 'goal');
    row('fresh start page', mb(m.before.jsHeap), mb(m.before.wasm ?? NaN), mb(m.before.total));
    row(
      `after ${m.questions}-question interview`,
      mb(m.after.jsHeap),
      mb(m.after.wasm ?? NaN),
      mb(m.after.total),
      verdict(m.after.total <= GOALS.memoryBytes) + ' ≤ 8 MB',
    );
    note('(two 30-question interviews, answers typed: the set-up allows 30 questions at most)');
    if (m.after.wasm === null) note('wasm memory not found: the total is the JS heap alone');
  } else {
    results.memory = { error: interactions.error ?? 'skipped' };
    say(`  NOT MEASURED: ${interactions.error ?? 'the interaction run was skipped'}`);
  }

  // Storage
  say();
  say('Storage: localStorage after 1,000 simulated completed 5-question interviews');
  results.storage = await part('storage', 2, async () => {
    if (!interactions.stored) throw new Error('needs the records the interview run stored (it did not run)');
    const s = await measureStorage({ url: widget.url, stored: interactions.stored });
    if (s.writeError) note(`writing stopped after ${s.entriesWritten} entries: ${s.writeError}`);
    row('keys', s.keys);
    for (const [kind, bytes] of Object.entries(s.kinds)) row(`  ${kind}`, mb(bytes));
    row('bytes: 2 × UTF-16 code units', mb(s.bytes), verdict(s.bytes < GOALS.storageBytes) + ' < 2 MB');
    row('bytes as UTF-8 (for comparison)', mb(s.utf8), verdict(s.utf8 < GOALS.storageBytes) + ' < 2 MB');
    row('interviews the app listed on reload', s.historyListed, s.historyListed === s.interviews ? 'all read' : 'MISSING');
    row('reload to start page with history', ms(s.reloadMs));
    return s;
  });

  // Lighthouse
  say();
  say('Lighthouse 12.2.3 on the standalone page (goals: 98, 100, 100)');
  results.lighthouse = await part('lighthouse', 7, async () => {
    const l = await measureLighthouse(widget.url);
    row('', 'performance', 'accessib.', 'best pract.');
    for (const [name, r] of Object.entries(l)) {
      row(`${name}${name === 'mobile' ? ' (default)' : ''}`, r.performance, r.accessibility, r.bestPractices);
      row(
        '  goals',
        verdict(r.performance >= GOALS.lighthouse.performance, 'UNDER'),
        verdict(r.accessibility >= GOALS.lighthouse.accessibility, 'UNDER'),
        verdict(r.bestPractices >= GOALS.lighthouse.bestPractices, 'UNDER'),
      );
      note(`  FCP ${r.metrics.fcp} ms, LCP ${r.metrics.lcp} ms, TBT ${r.metrics.tbt} ms, CLS ${r.metrics.cls}`);
      const below = [...r.below.accessibility, ...r.below.bestPractices];
      if (below.length) note(`  audits below 100: ${below.join(', ')}`);
    }
    return l;
  });

  widget.stop();
  servedBaseline?.stop();
  results.table = lines;
  await writeFile(resolve(ROOT, 'bench/results.json'), JSON.stringify(results, null, 1) + '\n');
  say();
  say('Written to bench/results.json');
}

const deadline = setTimeout(() => {
  console.error('bench: over 15 minutes, stopping');
  stopAll();
  process.exit(1);
}, 15 * 60_000);
main()
  .catch((error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => {
    clearTimeout(deadline);
    stopAll();
  });
