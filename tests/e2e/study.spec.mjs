// Practice over days: spaced review, statistics, notes, and moving progress by export/import.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { test, expect, open, guard, origins } from './fixtures.mjs';
import { InterviewPage } from './interview-page.mjs';

const ARCHITECTURE = 'Architecture & Management Questions';

/// A one-question interview, rated.
async function quickInterview(page, rating, answer = 'open standards, multi-cloud') {
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await interview.type(answer);
  await interview.done();
  await interview.rate(rating);
  await interview.next();
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
}

test('a review session: due questions, reveal, key points, rating by key and button', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await open(page);
  await page.getByRole('link', { name: 'Start learning (10 new)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
  await expect(page.getByText('Question 1 of 10 today')).toBeVisible();
  await expect(page.locator('.question-title')).toHaveText('What is web operations and what have you done day-to-day?');
  await page.getByLabel('Your answer (optional)').fill('war stories about outages and failures');
  await page.getByRole('button', { name: 'Reveal answer' }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expect(page.locator('.mark.covered').first()).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByText('Question 2 of 10 today')).toBeVisible();
  await page.getByRole('button', { name: 'Reveal answer' }).click();
  await page.getByRole('button', { name: /^Again/ }).click();
  await expect(page.getByText('Question 3 of 10 today')).toBeVisible();
  // Good is scheduled days ahead; Again comes back today; the daily new limit shrinks.
  await open(page);
  const due = page.getByRole('link', { name: 'Review due questions (1) and 8 new' });
  await expect(due).toBeVisible();
  await due.click();
  await page.getByLabel('New questions per day').fill('3');
  await page.getByLabel('New questions per day').blur();
  await open(page);
  await expect(page.getByRole('link', { name: 'Review due questions (1) and 1 new' })).toBeVisible();
  // Tomorrow the Good one is not due yet; new questions come at the limit.
  await page.clock.runFor(24 * 3600 * 1000);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Review due questions (1) and 3 new' })).toBeVisible();
});

test('statistics render with data after two interviews, in both themes', async ({ page }) => {
  await quickInterview(page, 'Good');
  await quickInterview(page, 'Again', 'no idea');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, '#/stats');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');
    await expect(page.locator('table.readiness tbody tr')).toHaveCount(3 + 8);
    await expect(page.locator('table.readiness')).toContainText('Never practised');
    await expect(page.getByText('2 ratings on 1 days in the last 365 days')).toBeVisible();
    await expect(page.locator('table.scores tbody tr')).toHaveCount(2);
    await expect(page.locator('table.time-used tbody tr')).toHaveCount(2);
    await expect(page.locator('svg[role="img"]')).toHaveCount(5);
    await expect(page.locator('svg.heatmap rect.heat-0').first()).toBeVisible();
    await expect(page.locator('svg.heatmap rect:not(.heat-0)')).toHaveCount(1);
    const weakest = page.locator('section', { has: page.getByRole('heading', { name: 'Weakest questions' }) });
    await expect(weakest.locator('ol li').first()).toContainText('Why does the API battle');
  }
  await page.getByRole('button', { name: 'Practise the weakest questions' }).click();
  await expect(page.getByText(/^Question 1 of 1/)).toBeVisible();
});

test('notes survive reload, show with the question, and are found by search', async ({ page }) => {
  await open(page, '#/q/ops-cdn');
  await page.getByLabel('Your note').fill('Remember: Akamai edge caching <b>not</b> origin');
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByLabel('Your note')).toHaveValue('Remember: Akamai edge caching <b>not</b> origin');
  await open(page, '#/questions');
  await page.getByLabel('Search questions and answers').fill('edge caching');
  const results = page.locator('ol.results li');
  await expect(results).toHaveCount(1);
  await expect(results).toContainText('What does a CDN do?');
  await expect(results.locator('.note-line')).toHaveText('Your note: Remember: Akamai edge caching <b>not</b> origin');
  await expect(results.locator('b')).toHaveCount(0);
});

test('export, then import on a browser with no progress: the same progress comes back', async ({ page: first, browser, baseURL }, testInfo) => {
  let page = first;
  await quickInterview(page, 'Hard');
  await open(page, '#/q/dba-raid');
  await page.getByLabel('Your note').fill('RAID 10 beats RAID 5');
  await page.waitForTimeout(600);
  await open(page, '#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = testInfo.outputPath('export.json');
  await (await download).saveAs(file);
  const before = JSON.parse(readFileSync(file, 'utf8'));
  expect(before.format).toBe('interview-practice-export');
  expect(before.interviews).toHaveLength(1);
  expect(before.reviews).toHaveLength(1);
  expect(before.notes['dba-raid'].text).toBe('RAID 10 beats RAID 5');

  // Another browser profile, as on a new device: nothing stored. (Clearing this profile's
  // storage instead raced the closing page's last save, which lands after its navigation.)
  const fresh = await browser.newContext({ baseURL });
  const problems = [];
  const report = await guard(fresh, origins(baseURL), problems);
  page = await fresh.newPage();
  await open(page, '#/history');
  await expect(page.getByText('No completed interview yet.')).toBeVisible();

  await open(page, '#/data');
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  const preview = page.locator('.import-preview');
  await expect(preview).toContainText('1 new interview');
  await expect(preview).toContainText('1 new rating');
  await expect(preview).toContainText('1 new note');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByText('Imported:')).toBeVisible();
  await page.reload();
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const second = testInfo.outputPath('export-again.json');
  await (await again).saveAs(second);
  const after = JSON.parse(readFileSync(second, 'utf8'));
  for (const part of ['interviews', 'reviews', 'memory', 'notes', 'settings']) {
    expect(after[part], part).toEqual(before[part]);
  }
  await open(page, '#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  // Importing the same file again changes nothing.
  await open(page, '#/data');
  await page.getByLabel('Import', { exact: true }).setInputFiles(file);
  await expect(page.locator('.import-preview')).toContainText('Nothing: everything in the file is already here.');
  expect(await report()).toEqual([]);
  await fresh.close();
});

test('an invalid, truncated or foreign import file changes nothing and says why', async ({ page }, testInfo) => {
  await quickInterview(page, 'Good');
  await open(page, '#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const good = readFileSync(await (await download).path(), 'utf8');
  const cases = {
    'truncated.json': good.slice(0, Math.floor(good.length / 2)),
    'foreign.json': JSON.stringify({ hello: 'world' }),
    'not-json.json': 'this is not json',
  };
  for (const [name, text] of Object.entries(cases)) {
    const path = testInfo.outputPath(name);
    writeFileSync(path, text);
    await page.getByLabel('Import', { exact: true }).setInputFiles(path);
    await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
    await expect(page.locator('.import-preview')).toHaveCount(0);
  }
  // The reader's records, not the data derived from them (the memory cache and the start-up
  // snapshot), which any visit may store.
  const records = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('interview-practice/') && !/^interview-practice\/(memory|snapshot)\//.test(k))
        .sort(),
    );
  const stored = await records();
  expect(stored).toEqual([expect.stringMatching(/^interview-practice\/interview\//)]);
  await page.reload();
  expect(await records()).toEqual(stored);
  await open(page, '#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});

test('a file above the stated size is refused unread, with its size and the limit; a file is read once', async ({ page }, testInfo) => {
  // Every way a page reads a file, counted.
  await page.addInitScript(() => {
    window.fileReads = 0;
    const count = (prototype, names) => {
      for (const name of names) {
        const read = prototype[name];
        if (read) prototype[name] = function (...args) { window.fileReads++; return read.apply(this, args); };
      }
    };
    count(Blob.prototype, ['text', 'arrayBuffer', 'stream', 'bytes']);
    count(FileReader.prototype, ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']);
  });
  await open(page, '#/data');
  await expect(page.getByText('Files up to 50 MB.')).toBeVisible();

  // 50,000,001 bytes (sparse on disk: nothing reads it).
  const large = testInfo.outputPath('large.json');
  writeFileSync(large, '');
  truncateSync(large, 50_000_001);
  await page.getByLabel('Import', { exact: true }).setInputFiles(large);
  await expect(page.locator('.import-error')).toHaveText(
    'This file is too large to import: 50.1 MB, and the app imports files up to 50 MB. An export without recordings is far smaller. Nothing was changed.',
  );
  await expect(page.locator('.import-preview')).toHaveCount(0);
  expect(await page.evaluate(() => window.fileReads)).toBe(0);

  // Within the limit: read once, and previewed.
  const small = testInfo.outputPath('small.json');
  writeFileSync(small, JSON.stringify({ format: 'interview-practice-export', version: 1, exported_at: 1 }));
  await page.getByLabel('Import', { exact: true }).setInputFiles(small);
  await expect(page.locator('.import-preview')).toContainText('Nothing: everything in the file is already here.');
  await expect(page.locator('.import-error')).toHaveCount(0);
  expect(await page.evaluate(() => window.fileReads)).toBe(1);
});

test('the question bank exports for Anki with the reader’s notes', async ({ page }) => {
  await open(page, '#/q/dba-raid');
  await page.getByLabel('Your note').fill('tab\there and "quotes"');
  await page.waitForTimeout(600);
  await open(page, '#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for Anki' }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const lines = text.split('\n');
  expect(lines[0]).toBe('#separator:tab');
  expect(lines[1]).toBe('#html:true');
  expect(lines).toContain('#deck:Interview Practice');
  expect(lines.some((l) => l.startsWith('#tags column:'))).toBe(true);
  // Fields with tabs, line breaks or quotes are quoted; the note is HTML-escaped.
  const raid = text.slice(text.indexOf('What is RAID?'));
  expect(raid).toContain('"tab\there and &quot;quotes&quot;"');
});
