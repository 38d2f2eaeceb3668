// docs/performance.md is generated from bench/results.json by bench/report.mjs: the published
// figures are the last bench run's, never edited by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PAGE, RESULTS, render } from '../../bench/report.mjs';

test('docs/performance.md is what bench/report.mjs writes from bench/results.json', () => {
  const expected = render(JSON.parse(readFileSync(RESULTS, 'utf8')));
  assert.equal(readFileSync(PAGE, 'utf8'), expected, 'run `node bench/report.mjs` after `make bench`');
});

test('every budget of the run is a row of the table', () => {
  const page = render({
    machine: { date: '2026-01-02T00:00:00Z', commit: 'abc1234' },
    budgets: [{ name: 'start-page transfer, gzip', figure: '150.0 KB', ratio: 0.9375, limit: '≤ 160 KB', verdict: 'OK' }],
    table: ['line one'],
  });
  assert.match(page, /\| start-page transfer, gzip \| 150\.0 KB \| ×0\.94 \| ≤ 160 KB \| OK \|/);
  assert.match(page, /Run of 2026-01-02 on commit `abc1234`/);
  assert.match(page, /```\nline one\n```/);
});

test("the embedded widget's figures are a table of their own, each mode with its floor", () => {
  const file = { file: 'index.html', bytes: 5100 };
  const page = render({
    machine: { date: '2026-01-02T00:00:00Z' },
    budgets: [],
    widget: {
      interview: { bytes: 316000, requests: 15, bytesAtBox: 158700, requestsAtBox: 7, textBox: 1013, floorTextBox: 483.3, ratio: 2.096, done: 1207.2, files: [file] },
      question: { bytes: 249100, requests: 30, bytesAtBox: 237900, requestsAtBox: 28, textBox: 1187.5, floorTextBox: 562.7, ratio: 2.11, done: null, files: [file] },
      phone: { bytes: 316100, requests: 15, textBox: 7256.9, done: 9973.8, runs: 3 },
      seconds: 200,
    },
    table: [],
  });
  assert.match(page, /## The embedded widget/);
  assert.match(page, /\| `\?mode=interview` \| 316\.0 KB \| 15 \| 158\.7 KB, 7 \| 1013\.0 ms \| 483\.3 ms \| ×2\.10 \| 1207\.2 ms \|/);
  assert.match(page, /\| `\?mode=question` \| 249\.1 KB \| 30 \| 237\.9 KB, 28 \| 1187\.5 ms \| 562\.7 ms \| ×2\.11 \|  \|/);
  assert.match(page, /\| `\?mode=interview`, phone-like \| 316\.1 KB \| 15 \|/);
  // A run that skipped the widget has no such section.
  assert.doesNotMatch(render({ widget: { skipped: true } }), /embedded widget/);
});
