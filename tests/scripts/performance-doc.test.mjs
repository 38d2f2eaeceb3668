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
