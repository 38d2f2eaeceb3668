// `make bench`: measures the release build (dist/) against its budgets (GOALS) and prints a
// table, then every budget again in one summary; the same figures go to bench/results.json. A
// benchmark, not a test: a missed budget is printed (OVER / UNDER, with its ratio) and never
// fails the run; a part that cannot be measured says why. Every ratio is of two figures
// measured in the same run.
//
//   node bench/run.mjs [--runs N] [--samples N] [--lighthouse-runs N]
//                      [--widget-runs N]
//                      [--skip transfer,wasm,marking,corrections,startup,widget,latency,storage,lighthouse]
//
// Everything runs on 127.0.0.1: scripts/serve.mjs serves dist/ (with the strict CSP header)
// compressed as a real host would, gzip on one port and Brotli on another, and bench/baseline/
// (the static start page from `cargo run -p interview-content --bin baseline`, and the floor
// pages of two interactions, written from the app at run time: lib/floor.mjs) gzip, and the
// embedded widget's host page from another site, localhost (lib/widget.mjs); Chromium resolves
// no other host name. `wasm` reads the named build `make size` leaves in target/size/.
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { measureSize } from './lib/size.mjs';
import { measureTransfer } from './lib/transfer.mjs';
import { START_PAGE_BUDGET } from './lib/budget.mjs';
import { measureWasmSize, codeBytes, printWasmSize } from './lib/wasm-size.mjs';
import { measureStartup } from './lib/startup.mjs';
import { measureInteractions } from './lib/interactions.mjs';
import { writeFloor } from './lib/floor.mjs';
import { measureWidget, measureWidgetOnPhone, PHONE, writeWidgetPages } from './lib/widget.mjs';
import { measureStorage } from './lib/storage.mjs';
import { measureLighthouse } from './lib/lighthouse.mjs';
import { measureMarkingQuality, markingBudgets, measureMarkingSize, measureCorrections } from './lib/marking.mjs';
import { serve, stopAll } from './lib/servers.mjs';
import { launch } from './lib/browser.mjs';
import { kb, mb, ms, verdict } from './lib/stats.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Math.max(15, Number(option('--runs', 25)));
const SAMPLES = Number(option('--samples', 20));
const LIGHTHOUSE_RUNS = Number(option('--lighthouse-runs', 3));
const WIDGET_RUNS = Number(option('--widget-runs', 9));
const SKIP = new Set(option('--skip', '').split(',').filter(Boolean));
const WIDGET_PORT = 4181; // gzip: what every browser part uses
const BASELINE_PORT = 4182; // gzip
const BROTLI_PORT = 4183;
const HOST_PORT = 4184; // the widget's host page, on localhost: another site
const SAME_SITE_HOST_PORT = 4185; // the host page for the phone-like runs (see lib/widget.mjs)
const NAMED_WASM = 'target/size/interview-practice_bg.wasm';

// The budgets. Ratios against a baseline are of figures measured in the same run.
const GOALS = {
  transferGzip: START_PAGE_BUDGET,
  transferGzipStretch: 110_000,
  startupRatio: 1.2,
  layoutShift: 0.05,
  historyRatio: 1.2,
  startInterviewP95: 50,
  latencyP95: 30,
  memoryBytes: 8_000_000,
  storageBytes: 2_000_000,
  // What the matcher may add to the wasm, gzip.
  markingGrowth: 20_000,
  lighthouse: { performance: 98, accessibility: 100, bestPractices: 100 },
  // The embedded widget: its first question, in a frame on another site's page.
  widgetBytes: 260_000,
  widgetBytesStretch: 200_000,
  widgetRatio: 1.3,
};

const EXPECTED = [
  'start-page transfer, gzip',
  'Lighthouse mobile, gzip',
  'Lighthouse mobile, Brotli',
  'first screen visible',
  'layout shift',
  'widget mode=interview, bytes',
  'widget mode=interview, text box',
  'widget mode=question, text box',
  'start-up with 1,000 interviews',
  'start interview',
  'every other interaction',
  'marking, held-out-typed.txt',
  'marking, held-out-spoken.txt',
  'marking a 5,000-character answer',
];

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const row = (label, ...cells) => say(`  ${label.padEnd(34)}${cells.map((c) => String(c).padStart(12)).join('')}`);
const note = (text) => say(`  ${text}`);
const times = (ratio) => (Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : 'n/a');

// Every budget, printed where it is measured and again together at the end.
const budgets = [];
function budget(name, figure, ratio, limit, ok, missed = 'OVER') {
  const b = { name, figure, ratio: Number.isFinite(ratio) ? Number(ratio.toFixed(3)) : null, limit, verdict: verdict(ok, missed) };
  budgets.push(b);
  return b;
}
const budgetRow = (b) => say(`  ${b.name.padEnd(44)}${b.figure.padStart(22)}${times(b.ratio).padStart(8)}  ${b.limit.padEnd(24)}${b.verdict}`);

/// The checked-out commit, marked `-dirty` when the tree has changes; null outside a checkout.
function gitCommit() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? '-dirty' : '');
  } catch {
    return null;
  }
}

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
    // The commit measured: docs/performance.md names it (bench/report.mjs).
    commit: gitCommit(),
  };
  const results = { machine, goals: GOALS };
  say(`Interview Practice benchmark · ${machine.date.slice(0, 10)}`);
  say(`${machine.cpu}, ${machine.memory}, ${machine.os}; Chromium ${chromium} headless; Node ${machine.node}`);
  say('Units: 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes.');

  // Start-page transfer, then dist/ as information (every file, whether the page loads it or not)
  const widget = await serve('dist', WIDGET_PORT, { encoding: 'gzip' });
  const brotli = await serve('dist', BROTLI_PORT, { encoding: 'br' });
  say();
  say('Start-page transfer: what loading / fetches until the app is ready (bytes on the wire: body + headers)');
  results.transfer = await part('transfer', 2, async () => {
    const t = await measureTransfer({ gzip: widget.url, br: brotli.url });
    row('file', 'raw', 'gzip', 'brotli');
    for (const f of t.gzip.files) {
      const br = t.br.files.find((g) => g.file === f.file);
      row(f.file, kb(f.raw), kb(f.body + f.headers), br ? kb(br.body + br.headers) : 'n/a');
    }
    row('total', kb(t.gzip.raw), kb(t.gzip.total), kb(t.br.total));
    for (const [coding, r] of Object.entries(t)) {
      const wrong = r.files.filter((f) => f.encoding !== coding && f.raw > 0);
      if (wrong.length) note(`served other than ${coding}: ${wrong.map((f) => `${f.file} (${f.encoding})`).join(', ')}`);
    }
    const b = budget(
      'start-page transfer, gzip',
      kb(t.gzip.total),
      t.gzip.total / GOALS.transferGzip,
      '≤ 160 KB (stretch 110)',
      t.gzip.total <= GOALS.transferGzip,
    );
    b.verdict += t.gzip.total <= GOALS.transferGzipStretch ? ', stretch OK' : '';
    row('budget: ≤ 160 KB gzip (stretch 110)', '', kb(t.gzip.total), `${b.verdict} ${times(b.ratio)}`);
    note(`Brotli is ${kb(t.gzip.total - t.br.total)} less (${times(t.br.total / t.gzip.total)} of gzip)`);
    return t;
  });

  say();
  say('Size of dist/ (every file, for information: gzip -9 and Brotli 11, as served)');
  results.size = await part('transfer', 1, async () => {
    const size = await measureSize(dist);
    row('file', 'raw', 'gzip -9', 'brotli');
    for (const f of [...size.files, size.total]) row(f.file, kb(f.raw), kb(f.gzip), kb(f.brotli));
    return size;
  });

  say();
  say(`Where the wasm's bytes go (${NAMED_WASM}, the release build with its names: make size)`);
  results.wasm = await part('wasm', 1, async () => {
    const file = resolve(ROOT, NAMED_WASM);
    if (!existsSync(file)) throw new Error(`${NAMED_WASM} is missing: run \`make size\``);
    const w = measureWasmSize(file);
    const shipped = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
    const same = shipped && codeBytes(resolve(dist, shipped)) === w.code.bytes;
    if (!same) note(`(its code section differs from dist/'s wasm: a different build; \`make size\` rebuilds it)`);
    printWasmSize(w, say);
    const { functions, ...summary } = w;
    return { ...summary, functions: functions.slice(0, 25), sameCodeAsDist: same };
  });

  // Marking quality (native: no browser needed)
  say();
  results.marking = await part('marking', 5, async () => {
    const m = measureMarkingQuality(ROOT);
    for (const line of m.lines) say(line);
    for (const b of markingBudgets(m)) budget(b.name, b.figure, b.ratio, b.limit, b.ok, b.missed);
    return m;
  });

  say();
  say('What marking adds to the wasm: every piece of the build with the matcher and without it (make wasm-marking), gzip -9 each');
  results.markingSize = await part('marking', 1, async () => {
    const s = measureMarkingSize(ROOT);
    row('', 'files', 'gzip');
    row('with the matcher', s.with.files, kb(s.with.gzip));
    row('without it (feature unmarked)', s.without.files, kb(s.without.gzip));
    row('added, all pieces', '', kb(s.growth), `  ${verdict(s.growth <= GOALS.markingGrowth)} ≤ ${kb(GOALS.markingGrowth)}`);
    row("added to the start page's piece", '', kb(s.mainGrowth));
    return s;
  });

  say();
  say('Corrections in the stored history: held-out answers typed, every wrong mark corrected to its label');
  results.corrections = await part('corrections', 4, async () => {
    const c = await measureCorrections({ root: ROOT, url: widget.url, count: 20 });
    row('interviews', c.interviews);
    row('marks the device made', c.checked);
    row('marks the reader corrected', c.changed, `${((100 * c.changed) / c.checked).toFixed(1)}%`);
    return c;
  });
  const servedBaseline = existsSync(resolve(baseline, 'index.html'))
    ? await serve('bench/baseline', BASELINE_PORT, { encoding: 'gzip' })
    : null;

  // Start-up and layout shift
  say();
  say(`Start-up: cold loads of the start page, widget and static baseline alternating (${RUNS} runs each, gzip)`);
  const modes = { '/?mode=interview': `${widget.url}?mode=interview`, '/?mode=question&q=ops-cdn': `${widget.url}?mode=question&q=ops-cdn` };
  results.startup = await part('startup', 6, async () => {
    if (!servedBaseline) throw new Error('bench/baseline/index.html is missing: run `make bench`');
    const s = await measureStartup({ widgetUrl: widget.url, baselineUrl: servedBaseline.url, runs: RUNS, modes });
    row('', 'visible p50', 'ready p50', 'FCP p50');
    row('widget (dist/)', ms(s.widget.visibleMedian), ms(s.widget.appMedian), ms(s.widget.fcpMedian));
    row('baseline (static HTML)', ms(s.baseline.visibleMedian), '', ms(s.baseline.fcpMedian));
    const b = budget(
      'first screen visible / static baseline',
      `${ms(s.widget.visibleMedian)} / ${ms(s.baseline.visibleMedian)}`,
      s.ratio,
      '≤ ×1.2',
      s.ratio <= GOALS.startupRatio,
    );
    row('visible, widget/baseline', times(s.ratio), `${b.verdict} ≤ ×1.2`);
    row('ready, widget/baseline (info)', times(s.appRatio));
    note('visible: the start page complete and painted (as the baseline); ready: data-app="ready" set and painted');
    say();
    say('Layout shift while the app takes over (layout-shift entries without input, to data-app="ready")');
    row('', 'runs', 'p50', 'max', 'goal');
    let worst = { max: -1 };
    for (const [label, shift] of Object.entries(s.shift)) {
      const name = label === 'start' ? '/ (start page)' : label;
      const short = label === 'start' ? 'start page' : label;
      row(name, shift.runs, shift.p50.toFixed(4), shift.max.toFixed(4), verdict(shift.max <= GOALS.layoutShift) + ' ≤ 0.05');
      if (shift.max > worst.max) worst = { ...shift, name: short };
    }
    budget(
      'layout shift while the app takes over',
      `${worst.max.toFixed(4)} max (${worst.name})`,
      worst.max / GOALS.layoutShift,
      '≤ 0.05',
      worst.max <= GOALS.layoutShift,
    );
    return s;
  });

  // The embedded widget's path, in a frame on another site's page
  say();
  say(`Embedded widget: in a frame on a host page of another site, a fresh browser each run, gzip (${WIDGET_RUNS} runs each)`);
  results.widget = await part('widget', 12, async () => {
    if (!servedBaseline) throw new Error('bench/baseline/index.html is missing: run `make bench`');
    const host = await serve('bench/baseline', HOST_PORT, { encoding: 'gzip', host: 'localhost', csp: false });
    try {
      const modes = { interview: '?mode=interview', question: '?mode=question&q=ops-cdn' };
      const floors = await writeWidgetPages({ widgetUrl: widget.url, hostUrl: host.url, hostDir: baseline, floorDir: baseline, modes });
      const w = await measureWidget({
        widgetUrl: widget.url,
        hostUrl: host.url,
        modes,
        floors: Object.fromEntries(Object.entries(floors).map(([name, file]) => [name, servedBaseline.url + file])),
        runs: WIDGET_RUNS,
        // The browser's own start, before each run: the static start page framed on the host page.
        warmUp: `${host.url}widget-host.html?src=${encodeURIComponent(servedBaseline.url)}`,
      });
      row('', 'bytes', 'requests', 'text box', 'floor', 'ratio');
      for (const [name, m] of Object.entries(w)) {
        row(`?mode=${name}`, kb(m.bytes), m.requests, ms(m.textBox), ms(m.floorTextBox), times(m.ratio));
        row('  when the text box painted', kb(m.bytesAtBox), m.requestsAtBox);
        if (m.done !== null) row('  Done enabled (p50)', '', '', ms(m.done));
        if (m.errors.length) note(`  page errors: ${m.errors.join(' | ')}`);
      }
      const i = w.interview;
      const b = budget(
        'widget mode=interview, bytes',
        kb(i.bytes),
        i.bytes / GOALS.widgetBytes,
        '≤ 260 KB (stretch 200)',
        i.bytes <= GOALS.widgetBytes,
      );
      b.verdict += i.bytes <= GOALS.widgetBytesStretch ? ', stretch OK' : '';
      for (const [name, m] of Object.entries(w)) {
        budget(
          `widget mode=${name}, text box / floor`,
          `${ms(m.textBox)} / ${ms(m.floorTextBox)}`,
          m.ratio,
          '≤ ×1.3',
          m.ratio <= GOALS.widgetRatio,
        );
      }
      note('bytes: every file of the widget\'s site until the first question is whole (its text box shown;');
      note('for the interview, Done enabled) and the network idle; floor: a static page of the same screens');
      // The files by kind, without their hashes; the shared chunks and data files summed.
      for (const [name, m] of Object.entries(w)) {
        const kinds = new Map();
        for (const f of m.files) {
          const kind = f.file
            .replace(/-[0-9a-f]{16}(?=[._])/, '')
            .replace(/^chunk_\d+\.wasm$/, 'chunk_*.wasm')
            .replace(/^content-(question|article)-.*\.json$/, 'content-$1-*.json');
          const k = kinds.get(kind) ?? { bytes: 0, n: 0 };
          kinds.set(kind, { bytes: k.bytes + f.bytes, n: k.n + 1 });
        }
        const list = [...kinds].map(([kind, k]) => `${kind}${k.n > 1 ? ` ×${k.n}` : ''} ${kb(k.bytes)}`);
        let line = `?mode=${name}:`;
        for (const item of list) {
          if (line.length + item.length > 100) {
            note(line);
            line = '   ';
          }
          line += ` ${item},`;
        }
        note(line.replace(/,$/, ''));
      }
      // The same interview on a phone-like connection and CPU.
      const sameSite = await serve('bench/baseline', SAME_SITE_HOST_PORT, { encoding: 'gzip', csp: false });
      try {
        const p = await measureWidgetOnPhone({
          widgetUrl: widget.url,
          hostUrl: sameSite.url,
          query: modes.interview,
          runs: Math.max(3, Math.round(WIDGET_RUNS / 2)),
          warmUp: `${sameSite.url}widget-host.html?src=${encodeURIComponent(servedBaseline.url)}`,
        });
        row(`?mode=interview, phone-like (${p.runs})`, kb(p.bytes), p.requests, ms(p.textBox));
        row('  Done enabled (p50)', '', '', ms(p.done));
        note(`phone-like: Lighthouse's mobile throttling as DevTools applies it (${PHONE.latency} ms a request,`);
        note(`${kb(PHONE.downloadThroughput)}/s down, CPU ×${PHONE.cpu}), the host page of the widget's site (throttling reaches its frame)`);
        w.phone = p;
      } finally {
        sameSite.stop();
      }
      return w;
    } finally {
      host.stop();
    }
  });

  // Interaction latency and memory
  say();
  say('Interaction latency: input to next paint showing the result (goals p95: start interview ≤ 50 ms, others ≤ 30 ms)');
  const interactions = await part('latency', 4, async () => {
    let floor;
    if (servedBaseline) {
      const browser = await launch();
      try {
        const pages = await writeFloor(browser, widget.url, baseline);
        floor = { start: servedBaseline.url + pages.start, search: servedBaseline.url + pages.search };
      } finally {
        await browser.close();
      }
    }
    return measureInteractions({ url: widget.url, floor, samples: SAMPLES });
  });
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
    const goal = (key) => (key === 'start' ? GOALS.startInterviewP95 : GOALS.latencyP95);
    for (const [key, label] of Object.entries(names)) {
      const l = interactions.latency[key];
      row(label, l.n, ms(l.p50), ms(l.p95), `${verdict(l.p95 <= goal(key))} ≤ ${goal(key)}`);
    }
    // Event Timing's split of the two over budget: the app's own share is `handlers`.
    for (const [key, label] of [['start', 'start interview'], ['search', 'search keystroke']]) {
      const p = interactions.phases?.[key];
      if (!p) continue;
      note(
        `${label}, medians of the ${p.n} Event Timing reported: input ${ms(p.input)}, ` +
          `the app's handlers ${ms(p.handlers)}, then style, layout, paint and presentation ${ms(p.frame)}`,
      );
    }
    // The floor: the same change of the same markup by plain script on a static page.
    for (const [key, label] of [['start', 'start interview'], ['search', 'search keystroke']]) {
      const f = interactions.floor?.[key];
      const l = interactions.latency[key];
      if (!f) continue;
      row(`${label}: floor page`, f.n, ms(f.p50), ms(f.p95), `  app/floor ${times(l.p95 / f.p95)}`);
    }
    if (interactions.floor?.start) {
      note("floor page: the app's own markup and CSS, changed by a few lines of plain script on a static page");
      note('(bench/lib/floor.mjs): what any page pays on this machine for the same change, p95 against p95');
    }
    results.latencyPhases = interactions.phases;
    results.latencyFloor = interactions.floor;
    const start = interactions.latency.start;
    budget('start interview, p95', ms(start.p95), start.p95 / GOALS.startInterviewP95, '≤ 50 ms', start.p95 <= GOALS.startInterviewP95);
    const [worstKey, worst] = Object.entries(interactions.latency)
      .filter(([key]) => key !== 'start')
      .reduce((a, b) => (b[1].p95 > a[1].p95 ? b : a));
    budget(
      'every other interaction, p95 (slowest)',
      `${ms(worst.p95)} (${worstKey})`,
      worst.p95 / GOALS.latencyP95,
      '≤ 30 ms',
      worst.p95 <= GOALS.latencyP95,
    );
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
  results.storage = await part('storage', 4, async () => {
    if (!interactions.stored) throw new Error('needs the records the interview run stored (it did not run)');
    const s = await measureStorage({ url: widget.url, stored: interactions.stored });
    if (s.writeError) note(`writing stopped after ${s.entriesWritten} entries: ${s.writeError}`);
    row('keys', s.keys);
    for (const [kind, bytes] of Object.entries(s.kinds)) row(`  ${kind}`, mb(bytes));
    row('bytes: 2 × UTF-16 code units', mb(s.bytes), verdict(s.bytes < GOALS.storageBytes) + ' < 2 MB');
    row('bytes as UTF-8 (for comparison)', mb(s.utf8), verdict(s.utf8 < GOALS.storageBytes) + ' < 2 MB');
    row('interviews the app listed on reload', s.historyListed, s.historyListed === s.interviews ? 'all read' : 'MISSING');
    row('the history page lists, at the end', s.historyPage, s.historyPage === s.interviews ? 'all read' : 'MISSING');
    say();
    say(`Start-up with ${s.interviews.toLocaleString('en')} stored interviews versus empty storage (reloads to app ready, ${s.reload.runs} each, in turn)`);
    row('', 'p50');
    row(`with ${s.interviews.toLocaleString('en')} interviews`, ms(s.reload.historyMedian));
    row('empty storage', ms(s.reload.emptyMedian));
    row('one interview stored', ms(s.reload.oneMedian));
    row('first start (reads every one)', ms(s.reload.firstReload), '  (once: later starts read the snapshot)');
    const b = budget(
      'start-up with 1,000 interviews / empty',
      `${ms(s.reload.historyMedian)} / ${ms(s.reload.emptyMedian)}`,
      s.reload.ratio,
      '≤ ×1.2',
      s.reload.ratio <= GOALS.historyRatio,
    );
    row('ratio with history/empty', times(s.reload.ratio), `${b.verdict} ≤ ×1.2`);
    row('ratio with history/one interview (info)', times(s.reload.ratioOne));
    note('empty storage is a first visit, which never fetches the code that reads stored progress; one');
    note('interview stored is a return visit: the thousand against it show whether the start grows with the history');
    return s;
  });

  // Lighthouse
  say();
  say(`Lighthouse 12.2.3 on the standalone page, median of ${LIGHTHOUSE_RUNS} runs (budgets: 98, 100, 100 on mobile)`);
  results.lighthouse = await part('lighthouse', 16, async () => {
    const l = await measureLighthouse([
      { name: 'mobile, gzip', url: widget.url, preset: 'mobile', times: LIGHTHOUSE_RUNS },
      { name: 'mobile, Brotli', url: brotli.url, preset: 'mobile', times: LIGHTHOUSE_RUNS },
      { name: 'desktop, gzip (1 run)', url: widget.url, preset: 'desktop', times: 1 },
    ]);
    row('', 'performance', 'accessib.', 'best pract.');
    for (const [name, r] of Object.entries(l)) {
      row(name, r.performance, r.accessibility, r.bestPractices);
      const ok = {
        performance: r.performance >= GOALS.lighthouse.performance,
        accessibility: r.accessibility >= GOALS.lighthouse.accessibility,
        bestPractices: r.bestPractices >= GOALS.lighthouse.bestPractices,
      };
      row('  goals', verdict(ok.performance, 'UNDER'), verdict(ok.accessibility, 'UNDER'), verdict(ok.bestPractices, 'UNDER'));
      note(`  FCP ${r.metrics.fcp} ms, LCP ${r.metrics.lcp} ms, TBT ${r.metrics.tbt} ms, CLS ${r.metrics.cls}; performance by run: ${r.performances.join(', ')}`);
      const below = [...r.below.accessibility, ...r.below.bestPractices];
      if (below.length) note(`  audits below 100: ${below.join(', ')}`);
      if (r.preset === 'mobile') {
        budget(
          `Lighthouse ${name} (perf./a11y/b.p.)`,
          `${r.performance} / ${r.accessibility} / ${r.bestPractices}`,
          r.performance / GOALS.lighthouse.performance,
          '≥ 98 / 100 / 100',
          ok.performance && ok.accessibility && ok.bestPractices,
          'UNDER',
        );
      }
    }
    return l;
  });

  widget.stop();
  brotli.stop();
  servedBaseline?.stop();

  say();
  say(`Budgets (ratio: figure / budget, or / its baseline measured in this run)`);
  say(`  ${'budget'.padEnd(44)}${'figure'.padStart(22)}${'ratio'.padStart(8)}  ${'limit'.padEnd(24)}verdict`);
  for (const b of budgets) budgetRow(b);
  const missing = EXPECTED.filter((name) => !budgets.some((b) => b.name.startsWith(name)));
  if (missing.length) note(`not measured in this run: ${missing.join('; ')}`);
  results.budgets = budgets;
  results.table = lines;
  await writeFile(resolve(ROOT, 'bench/results.json'), JSON.stringify(results, null, 1) + '\n');
  say();
  say('Written to bench/results.json');
}

const deadline = setTimeout(() => {
  console.error('bench: over 35 minutes, stopping');
  stopAll();
  process.exit(1);
}, 35 * 60_000);
main()
  .catch((error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => {
    clearTimeout(deadline);
    stopAll();
  });
