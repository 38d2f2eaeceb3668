// Marking of key points: precision and recall against the labelled answers of tests/marking/
// and the time to mark a 5,000-character answer natively (the `marking-eval` binary), and, in
// the browser, how often a reader who corrects every wrong mark to its label changes the marks
// the device made, as the app's Statistics page reports it from the stored history.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appReady, launch } from './browser.mjs';

// Development sets, then the held-out ones (never tuned on; marking-eval prints only their
// figures). The held-out sets written for the spoken and typed goals join when present.
const SETS = [
  'tests/marking/dev.txt',
  'tests/marking/dev2.txt',
  'tests/marking/dev3.txt',
  'tests/marking/dev3-spoken.txt',
  'tests/marking/dev4.txt',
  'tests/marking/dev4-spoken.txt',
  'tests/marking/dev5.txt',
  'tests/marking/dev5-spoken.txt',
  'tests/marking/dev6.txt',
  'tests/marking/dev6-spoken.txt',
  'tests/marking/dev7.txt',
  'tests/marking/dev7-spoken.txt',
  'tests/marking/dev8.txt',
  'tests/marking/dev8-spoken.txt',
  'tests/marking/held-out.txt',
  'tests/marking/held-out-typed.txt',
  'tests/marking/held-out-spoken.txt',
];

/// Runs the native evaluation; returns its printed lines and figures (see `parseMarkingEval`).
export function measureMarkingQuality(root) {
  const sets = SETS.filter((s) => existsSync(resolve(root, s)));
  const run = spawnSync(
    'cargo',
    ['run', '--profile', 'native', '-q', '-p', 'interview-content', '--bin', 'marking-eval', '--', 'content', ...sets],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  if (run.status !== 0) throw new Error(`marking-eval failed: ${(run.stderr || '').trim().split('\n')[0]}`);
  return parseMarkingEval(run.stdout);
}

/// marking-eval's printout as figures: its goals; the development sets and the held-out sets
/// apart, each with its sets (each with its kinds of answer), its typed and spoken answers
/// summed (`totals`, with their kinds) and spoken against typed; and the times.
export function parseMarkingEval(stdout) {
  const lines = stdout.trimEnd().split('\n');
  const text = lines.join('\n');
  const number = (re) => {
    const m = text.match(re);
    return m ? Number(m[1]) : null;
  };
  const goals = {
    precision: number(/goals: precision ≥ ([\d.]+)/),
    recall: number(/goals: precision ≥ [\d.]+, recall ≥ ([\d.]+)/),
    negationPrecision: number(/precision ≥ ([\d.]+) on answers with negations/),
    spokenMargin: number(/spoken as good as typed, within ([\d.]+)/),
    slowestMs: number(/\(goal ≤ ([\d.]+) ms\)/),
  };
  const groups = {};
  let group = null;
  let current = null;
  for (const line of lines) {
    const title = line.match(/^ {2}(development|held-out) sets/);
    if (title) {
      group = { sets: {}, totals: {}, spokenAgainstTyped: null };
      groups[title[1] === 'development' ? 'development' : 'heldOut'] = group;
      continue;
    }
    if (!group) continue;
    const against = line.match(/spoken against typed .*?: precision ([+-][\d.]+), recall ([+-][\d.]+)/);
    if (against) {
      group.spokenAgainstTyped = { precision: +against[1], recall: +against[2] };
      continue;
    }
    const m = line.match(/^( {4}| {6})(\S.*?)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)/);
    if (!m) continue;
    const entry = { answers: +m[3], pairs: +m[4], precision: +m[5], recall: +m[6] };
    if (m[1].length === 6) {
      if (current) current.kinds[m[2]] = entry;
      continue;
    }
    current = { ...entry, kinds: {} };
    const total = m[2].match(/^all .*, (typed|spoken)$/);
    if (total) group.totals[total[1]] = current;
    else group.sets[m[2]] = Object.assign(current, { spoken: line.includes('(spoken)') });
  }
  const typed = text.match(/typed, native.*?median ([\d.]+) ms, slowest question ([\d.]+) ms \(([^)]+)\)/);
  const spoken = text.match(/spoken, native.*?median ([\d.]+) ms, slowest question ([\d.]+) ms \(([^)]+)\)/);
  const slowest = [typed, spoken].filter(Boolean).sort((a, b) => b[2] - a[2])[0];
  return {
    lines,
    goals,
    development: groups.development ?? null,
    heldOut: groups.heldOut ?? null,
    medianMs: typed ? +typed[1] : null,
    spokenMedianMs: spoken ? +spoken[1] : null,
    slowestMs: slowest ? +slowest[2] : null,
    slowestQuestion: slowest ? slowest[3] : null,
  };
}

/// The marking's budgets, judged on the held-out sets only (never tuned on): each set's
/// precision and recall, and precision on its answers with negations; spoken against typed;
/// the time to mark a 5,000-character answer at the slowest question. Each as a row of
/// run.mjs's budget table: { name, figure, ratio, limit, ok, missed }.
export function markingBudgets(m) {
  const g = m.goals;
  const rows = [];
  const under = (name, figure, ratio, limit, ok) => rows.push({ name, figure, ratio, limit, ok, missed: 'UNDER' });
  for (const [name, set] of Object.entries(m.heldOut?.sets ?? {})) {
    under(
      `marking, ${name}: precision / recall`,
      `${set.precision.toFixed(3)} / ${set.recall.toFixed(3)}`,
      Math.min(set.precision / g.precision, set.recall / g.recall),
      `≥ ${g.precision.toFixed(2)} / ${g.recall.toFixed(2)}`,
      set.precision >= g.precision && set.recall >= g.recall,
    );
    const negation = set.kinds.negation;
    if (negation) {
      under(
        `marking, ${name}: negations, precision`,
        negation.precision.toFixed(3),
        negation.precision / g.negationPrecision,
        `≥ ${g.negationPrecision.toFixed(2)}`,
        negation.precision >= g.negationPrecision,
      );
    }
  }
  const against = m.heldOut?.spokenAgainstTyped;
  if (against) {
    const signed = (x) => (x < 0 ? '−' : '+') + Math.abs(x).toFixed(3);
    under(
      'marking, held-out spoken against typed (P / R)',
      `${signed(against.precision)} / ${signed(against.recall)}`,
      null,
      `≥ −${g.spokenMargin.toFixed(2)} each`,
      against.precision >= -g.spokenMargin && against.recall >= -g.spokenMargin,
    );
  }
  if (m.slowestMs !== null) {
    rows.push({
      name: 'marking a 5,000-character answer, slowest',
      figure: `${m.slowestMs.toFixed(2)} ms`,
      ratio: m.slowestMs / g.slowestMs,
      limit: `≤ ${g.slowestMs} ms`,
      ok: m.slowestMs <= g.slowestMs,
      missed: 'OVER',
    });
  }
  return rows;
}

/// Labelled answers of one set: { question, covers (0-based), text }.
function labelled(root, set) {
  const entries = [];
  for (const block of readFileSync(resolve(root, set), 'utf8').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => !l.startsWith('#') && l.trim());
    if (!lines[0]?.startsWith('== ')) continue;
    const covers = lines[1].replace('covers:', '').trim();
    entries.push({
      question: lines[0].slice(3).trim(),
      covers: covers === '-' ? [] : covers.split(/\s+/).map((n) => Number(n) - 1),
      text: lines.slice(3).join('\n'),
    });
  }
  return entries;
}

/// Plays `count` held-out answers as one-question interviews, correcting each mark to its label,
/// then reads the corrections figure the app computes from the stored history.
export async function measureCorrections({ root, url, count }) {
  const answers = labelled(root, 'tests/marking/held-out.txt').slice(0, count);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const a of answers) {
      await page.goto(`${url}?mode=interview&q=${a.question}`);
      await appReady(page); // the pre-rendered shell's button is not yet the app's
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.getByRole('textbox', { name: 'Your answer' }).fill(a.text);
      await page.getByRole('button', { name: 'Done', exact: true }).click();
      const boxes = page.locator('.key-points-check li input[type=checkbox]');
      await boxes.first().waitFor();
      const n = await boxes.count();
      for (let i = 0; i < n; i++) {
        if ((await boxes.nth(i).isChecked()) !== a.covers.includes(i)) await boxes.nth(i).click();
      }
      await page.getByRole('button', { name: /^Good/ }).click();
      await page.getByRole('button', { name: 'See summary' }).click();
      await page.getByRole('heading', { name: 'Interview complete' }).waitFor();
    }
    await page.goto(`${url}#/stats`);
    await appReady(page);
    const text = await page.locator('#corrections').textContent();
    const m = text.match(/corrected (\d+) of the (\d+) key-point marks/);
    if (!m) throw new Error(`Statistics said: ${text}`);
    return { interviews: answers.length, changed: +m[1], checked: +m[2], text };
  } finally {
    await browser.close();
  }
}

/// What the matcher adds to the wasm (its budget: GOALS.markingGrowth in run.mjs): every wasm piece of
/// the release build with it and of the same build without it (feature `unmarked`), as
/// `make wasm-marking` leaves them in target/marking/, each compressed alone (gzip -9) as a
/// host serves it, summed; and the start page's piece alone.
export function measureMarkingSize(root) {
  const build = (name) => {
    const dir = resolve(root, 'target/marking', name);
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, 'pieces')).map((f) => join(dir, 'pieces', f))].filter((f) => f.endsWith('.wasm'));
    if (!files.length) throw new Error(`no wasm in ${dir}: run \`make wasm-marking\``);
    const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
    return {
      files: files.length,
      gzip: files.reduce((sum, f) => sum + gzip(f), 0),
      main: gzip(files.find((f) => f.endsWith('_bg.wasm'))),
    };
  };
  const withIt = build('with');
  const without = build('without');
  return { with: withIt, without, growth: withIt.gzip - without.gzip, mainGrowth: withIt.main - without.main };
}
