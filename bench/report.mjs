// Writes docs/performance.md from bench/results.json, so the published figures are always the
// last `make bench`'s and never edited by hand. `make bench` runs it after measuring; a node test
// (tests/scripts/performance-doc.test.mjs) checks the page still matches the results.
//
//   node bench/report.mjs [--check]
//
// --check writes nothing and exits 1 when docs/performance.md differs from what it would write.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { kb, ms } from './lib/stats.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const RESULTS = resolve(ROOT, 'bench/results.json');
export const PAGE = resolve(ROOT, 'docs/performance.md');

const cell = (text) => String(text ?? '').replaceAll('|', '\\|');

/// The page for one run's results.
export function render(results) {
  const m = results.machine ?? {};
  const date = (m.date ?? '').slice(0, 10);
  const commit = m.commit ? ` on commit \`${m.commit}\`` : '';
  const out = [
    '# Performance',
    '',
    '<!-- Written by `node bench/report.mjs` from bench/results.json (make bench): do not edit. -->',
    '',
    'Every budget the app is held to, as the last `make bench` measured it. The bench builds the',
    'release bundle, serves `dist/` compressed as real hosts do (gzip, and Brotli for comparison) on',
    '127.0.0.1, and drives Debian\'s Chromium. Each ratio is the figure over its budget, or over a',
    'baseline measured in the same run (a static page of the same screen). The bench never fails;',
    'the byte budget of the start page is also a check in `make test` (`bench/budget.mjs`).',
    '',
    `Run of ${date}${commit}: ${m.cpu ?? '?'}, ${m.memory ?? '?'}, ${m.os ?? '?'}; Chromium ${m.chromium ?? '?'}; Node ${m.node ?? '?'}.`,
    '',
    '| budget | figure | ratio | limit | verdict |',
    '|---|---|---|---|---|',
  ];
  for (const b of results.budgets ?? []) {
    const ratio = Number.isFinite(b.ratio) ? `×${b.ratio.toFixed(2)}` : '';
    out.push(`| ${cell(b.name)} | ${cell(b.figure)} | ${ratio} | ${cell(b.limit)} | ${cell(b.verdict)} |`);
  }
  out.push(...widget(results.widget));
  out.push(
    '',
    '## How each is measured',
    '',
    '- **Start-page transfer**: the bytes on the wire (bodies and headers) of everything loading `/`',
    '  fetches until the app is ready, served gzip.',
    '- **First screen**: cold loads alternating with a static page of the same first screen',
    '  (`bench/baseline/`), the start page complete and a frame produced; medians.',
    '- **Layout shift**: layout-shift entries not caused by input, summed until the app is ready.',
    '- **Start-up with 1,000 interviews**: reloads to the app ready with 1,000 stored interviews',
    '  against empty storage, in turn; medians.',
    '- **Interactions**: input to the next paint showing the result, once the app is ready; p95.',
    '- **Lighthouse**: the mobile preset (a phone with 4× CPU slowdown and throttled network),',
    '  median of several runs.',
    '- **Widget**: the embedded interview and question in a frame on a host page of another',
    '  origin, a fresh browser each time: bytes, requests and time to the first question\'s text',
    '  box, against a static floor page of the same screen.',
    '- **Marking**: precision and recall of the key points marked against answers labelled by',
    '  meaning (`tests/marking/`), per set and kind of answer; the budgets are judged on the',
    '  held-out sets, which are never tuned on. The time to mark a 5,000-character answer is the',
    '  CPU time of the marking thread, natively, median of 51 rounds, at the slowest question.',
    '',
    '## The whole run',
    '',
    '```',
    ...(results.table ?? []),
    '```',
    '',
  );
  return out.join('\n');
}

/// The embedded widget's first question, each mode against its floor page; nothing when the
/// run did not measure it.
function widget(w) {
  const modes = Object.entries(w ?? {}).filter(([, m]) => m && Number.isFinite(m.bytes) && Array.isArray(m.files));
  if (!modes.length) return [];
  const ratio = (x) => (Number.isFinite(x) ? `×${x.toFixed(2)}` : '');
  const out = [
    '',
    '## The embedded widget',
    '',
    'In a frame on a host page of another origin, a fresh browser each run, served gzip: the bytes',
    'on the wire and requests of the widget\'s site until the first question is whole, those already',
    'in when its text box painted, and the time to the text box against a static floor page of the',
    'same screen, medians.',
    '',
    '| page | bytes | requests | by the text box | text box | floor | ratio | Done enabled |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, m] of modes) {
    out.push(
      `| \`?mode=${name}\` | ${kb(m.bytes)} | ${m.requests} | ${kb(m.bytesAtBox)}, ${m.requestsAtBox} | ` +
        `${ms(m.textBox)} | ${ms(m.floorTextBox)} | ${ratio(m.ratio)} | ${Number.isFinite(m.done) ? ms(m.done) : ''} |`,
    );
  }
  const p = w.phone;
  if (p && Number.isFinite(p.bytes)) {
    out.push(
      `| \`?mode=interview\`, phone-like | ${kb(p.bytes)} | ${p.requests} | | ${ms(p.textBox)} | | | ${ms(p.done)} |`,
      '',
      'Phone-like: Lighthouse\'s mobile throttling as DevTools applies it (a latency per request, a',
      'slow download, CPU ×4), the host page of the widget\'s own site so that the throttling reaches',
      'the frame.',
    );
  }
  return out;
}

async function main() {
  const results = JSON.parse(await readFile(RESULTS, 'utf8'));
  const page = render(results);
  if (process.argv.includes('--check')) {
    const current = await readFile(PAGE, 'utf8').catch(() => '');
    if (current !== page) {
      console.error('docs/performance.md does not match bench/results.json: run `node bench/report.mjs`');
      process.exit(1);
    }
    return;
  }
  await writeFile(PAGE, page);
  console.log('Written docs/performance.md');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
