// Marking of key points: precision and recall against the labelled answers of tests/marking/
// and the time to mark a 5,000-character answer natively (the `marking-eval` binary), and, in
// the browser, how often a reader who corrects every wrong mark to its label changes the marks
// the device made, as the app's Statistics page reports it from the stored history.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appReady, launch } from './browser.mjs';

const SETS = ['tests/marking/dev.txt', 'tests/marking/dev2.txt', 'tests/marking/held-out.txt'];

/// Runs the native evaluation; returns its printed lines and figures.
export function measureMarkingQuality(root) {
  const run = spawnSync(
    'cargo',
    ['run', '--profile', 'native', '-q', '-p', 'interview-content', '--bin', 'marking-eval', '--', 'content', ...SETS],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  if (run.status !== 0) throw new Error(`marking-eval failed: ${(run.stderr || '').trim().split('\n')[0]}`);
  const lines = run.stdout.trimEnd().split('\n');
  const sets = {};
  for (const line of lines) {
    const m = line.match(/^ {2}(\S+\.txt)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)/);
    if (m) sets[m[1]] = { answers: +m[2], pairs: +m[3], precision: +m[4], recall: +m[5] };
  }
  const time = lines.join('\n').match(/median ([\d.]+) ms, slowest question ([\d.]+) ms/);
  return { lines, sets, medianMs: time ? +time[1] : null, slowestMs: time ? +time[2] : null };
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
