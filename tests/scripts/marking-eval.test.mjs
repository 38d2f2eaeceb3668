// make bench reads marking-eval's printout into bench/results.json and its budget table: the
// held-out sets apart from the development sets, per set and kind of answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markingBudgets, parseMarkingEval } from '../../bench/lib/marking.mjs';

// marking-eval's layout (crates/content/src/bin/marking-eval.rs), figures made up.
const PRINTOUT = `Marking of key points against labelled answers (goals: precision ≥ 0.95, recall ≥ 0.90; precision ≥ 0.85 on answers with negations; spoken as good as typed, within 0.02)
  set / kind                     answers   pairs  precision   recall
  development sets (the marking is tuned on them)
    dev.txt                         60     308      0.993    0.907   OK
      negation                       9      50      0.875    1.000   OK (precision ≥ 0.85)
      off-topic                      8      39      1.000    1.000
    all development, typed          60     308      0.993    0.907   OK
      negation                       9      50      0.875    1.000   OK (precision ≥ 0.85)
      off-topic                      8      39      1.000    1.000
  held-out sets (never read, never tuned on)
    held-out-typed.txt             190     948      0.960    0.910   OK
      negation                      36     179      0.800    0.723   UNDER (precision ≥ 0.85)
      paraphrase                    36     178      0.984    0.714
    held-out-spoken.txt            150     751      0.928    0.813   UNDER (spoken)
      negation                      30     154      0.900    0.706   OK (precision ≥ 0.85)
    all held-out, typed            190     948      0.960    0.910   OK
      negation                      36     179      0.800    0.723   UNDER (precision ≥ 0.85)
      paraphrase                    36     178      0.984    0.714
    all held-out, spoken           150     751      0.928    0.813   UNDER
      negation                      30     154      0.900    0.706   OK (precision ≥ 0.85)
    spoken against typed (held-out): precision -0.032, recall -0.097   UNDER
  time to mark a 5000-character answer, typed, native (opt-level 3, CPU time): median 1.10 ms, slowest question 1.28 ms (dba-rds)
  time to mark a 5000-character answer, spoken, native (opt-level 3, CPU time): median 1.12 ms, slowest question 2.34 ms (deploy-patching)
  slowest question, typed or spoken: 2.34 ms (goal ≤ 2 ms) OVER
  preparing a question's key points (once a session): median 0.22 ms, slowest 4.44 ms (deploy-metrics)`;

test('the figures of each set and kind, development and held-out apart', () => {
  const m = parseMarkingEval(PRINTOUT);
  assert.deepEqual(m.goals, { precision: 0.95, recall: 0.9, negationPrecision: 0.85, spokenMargin: 0.02, slowestMs: 2 });
  assert.deepEqual(Object.keys(m.development.sets), ['dev.txt']);
  assert.deepEqual(Object.keys(m.heldOut.sets), ['held-out-typed.txt', 'held-out-spoken.txt']);
  assert.equal(m.heldOut.sets['held-out-spoken.txt'].spoken, true);
  assert.equal(m.heldOut.sets['held-out-typed.txt'].spoken, false);
  assert.deepEqual(m.heldOut.sets['held-out-typed.txt'].kinds.negation, { answers: 36, pairs: 179, precision: 0.8, recall: 0.723 });
  assert.equal(m.heldOut.totals.spoken.recall, 0.813);
  assert.deepEqual(Object.keys(m.heldOut.totals.typed.kinds), ['negation', 'paraphrase']);
  assert.deepEqual(m.heldOut.spokenAgainstTyped, { precision: -0.032, recall: -0.097 });
  assert.equal(m.development.spokenAgainstTyped, null);
  assert.equal(m.medianMs, 1.1);
  assert.equal(m.slowestMs, 2.34);
  assert.equal(m.slowestQuestion, 'deploy-patching');
});

test('the budgets are judged on the held-out sets only', () => {
  const rows = markingBudgets(parseMarkingEval(PRINTOUT));
  const verdicts = Object.fromEntries(rows.map((r) => [r.name, `${r.figure} ${r.ok ? 'OK' : r.missed}`]));
  assert.deepEqual(verdicts, {
    'marking, held-out-typed.txt: precision / recall': '0.960 / 0.910 OK',
    'marking, held-out-typed.txt: negations, precision': '0.800 UNDER',
    'marking, held-out-spoken.txt: precision / recall': '0.928 / 0.813 UNDER',
    'marking, held-out-spoken.txt: negations, precision': '0.900 OK',
    'marking, held-out spoken against typed (P / R)': '−0.032 / −0.097 UNDER',
    'marking a 5,000-character answer, slowest': '2.34 ms OVER',
  });
});
