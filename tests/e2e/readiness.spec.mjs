// Readiness that means something, and the reader's interview date: what Statistics, the start
// page and the Review queue say after practice (docs/statistics.md has the definitions).
import { readFileSync } from 'node:fs';
import { test, expect, open, guard, origins } from './fixtures.mjs';
import { InterviewPage } from './interview-page.mjs';

// A Monday morning.
const MONDAY = new Date('2026-03-02T09:00:00');

const section = (page, name) => page.locator('section', { has: page.getByRole('heading', { name, exact: true }) });

test('a first interview answered badly: no question is ready, and the weakest say why', async ({ page }) => {
  await page.clock.install({ time: MONDAY });
  await open(page);
  // Nothing practised: new questions to start, none "due".
  await expect(page.getByRole('link', { name: 'Start learning (10 new)' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Review due questions/ })).toHaveCount(0);

  const interview = new InterviewPage(page);
  await interview.start({ count: 5 });
  for (const rating of ['Hard', 'Hard', 'Hard', 'Hard', 'Good']) {
    await interview.type('No idea, sorry.');
    await interview.done();
    await interview.rate(rating);
    await interview.next();
  }
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();

  await open(page, '#/stats');
  await expect(page.locator('#readiness-goal')).toHaveText(/^A week from now/);
  // Nothing is ready: four were rated Hard, the fifth answered with no key point.
  const parts = page.locator('table.readiness tbody tr:not(.sub)');
  await expect(parts).toHaveCount(3);
  for (const row of await parts.all()) {
    await expect(row.locator('td').first()).toHaveText('0%');
  }
  await expect(parts.first().locator('td').nth(2)).toHaveText('5');

  // The weakest: the five, Hard first, the Good one last; none "recalled 100%" in a week.
  const weakest = section(page, 'Weakest questions').locator('ol li');
  await expect(weakest).toHaveCount(5);
  for (let i = 0; i < 4; i++) await expect(weakest.nth(i)).toContainText('last rated Hard');
  await expect(weakest.nth(4)).toContainText('last rated Good');
  await expect(weakest.nth(4)).toContainText('0 of');
  for (const item of await weakest.all()) {
    await expect(item).toContainText(/recall in a week: \d+%/);
    await expect(item).not.toContainText('100%');
  }
  await expect(section(page, 'Weakest questions')).toContainText('58 questions not started yet: they are new, not weak.');

  // Every figure says how it is worked out.
  const explain = page.locator('details.explain');
  expect(await explain.count()).toBeGreaterThanOrEqual(7);
  const readiness = section(page, 'Readiness').locator('details.explain');
  await readiness.locator('summary').click();
  await expect(readiness).toContainText('last rated it Good or Easy');

  // The trend has today's point: 0 of 63.
  await expect(page.locator('table.trend tbody tr')).toHaveCount(1);
  await expect(page.locator('table.trend tbody td').nth(1)).toHaveText('0 of 63');

  // The start page: five started today, five more new; none due yet.
  await open(page);
  await expect(page.getByRole('link', { name: 'Start learning (5 new)' })).toBeVisible();
});

test('an interview date changes the start page and the queue, and survives export and import', async ({ page, browser, baseURL }, testInfo) => {
  await page.clock.install({ time: MONDAY });
  await open(page);
  await expect(page.getByRole('link', { name: 'Start learning (10 new)' })).toBeVisible();
  await expect(page.locator('#days-left')).toHaveCount(0);
  await page.getByRole('link', { name: 'Set your interview date' }).click();
  await expect(page.getByText('Question 1 of 10 today')).toBeVisible();
  await page.getByLabel('My interview is on').fill('2026-03-06');
  // Friday: four days left, nothing ready yet, and a quarter of the 63 questions to start today,
  // which the queue on this page now holds.
  await expect(page.locator('#plan')).toContainText('Your interview: Friday 6 March 2026, in 4 days.');
  await expect(page.locator('#plan')).toContainText(/practise about \d+ questions a day; today’s share is 16\./);
  await expect(page.getByText('Question 1 of 16 today')).toBeVisible();

  await open(page);
  await expect(page.locator('#days-left')).toHaveText('Friday 6 March 2026: 4 days left.');
  await expect(page.locator('#ready-on-day')).toHaveText(
    /^Ready on the day, if you practised no more: Part 1, .*: 0 of \d+ \(0%\)\. Part 2, .*: 0 of \d+ \(0%\)\. Part 3, .*: 0 of \d+ \(0%\)\.$/,
  );
  await page.getByRole('link', { name: 'Start learning (16 new)' }).click();
  await expect(page.getByText('Question 1 of 16 today')).toBeVisible();

  // Stored: a reload keeps it.
  await page.reload();
  await expect(page.getByLabel('My interview is on')).toHaveValue('2026-03-06');
  await open(page);
  await expect(page.locator('#days-left')).toHaveText('Friday 6 March 2026: 4 days left.');

  // Exported, and imported on a browser with no progress.
  await open(page, '#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = testInfo.outputPath('export.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).settings.interview_date).toBe('2026-03-06');

  const fresh = await browser.newContext({ baseURL });
  const problems = [];
  const report = await guard(fresh, origins(baseURL), problems);
  const other = await fresh.newPage();
  await other.clock.install({ time: MONDAY });
  await open(other);
  await expect(other.getByRole('link', { name: 'Start learning (10 new)' })).toBeVisible();
  await open(other, '#/data');
  await other.getByLabel('Import', { exact: true }).setInputFiles(file);
  await expect(other.locator('.import-preview')).toContainText('1 setting');
  await other.getByRole('button', { name: 'Apply import' }).click();
  await expect(other.getByText('Imported:')).toBeVisible();
  await open(other);
  await expect(other.locator('#days-left')).toHaveText('Friday 6 March 2026: 4 days left.');
  await expect(other.getByRole('link', { name: 'Start learning (16 new)' })).toBeVisible();

  // Cleared: back to the reader's own limit.
  await open(other, '#/review');
  await expect(other.getByLabel('My interview is on')).toHaveValue('2026-03-06');
  await expect(other.getByText('Question 1 of 16 today')).toBeVisible();
  await other.getByRole('button', { name: 'Clear the date' }).click();
  await expect(other.locator('#plan')).toHaveCount(0);
  await expect(other.getByText('Question 1 of 10 today')).toBeVisible();
  await open(other);
  await expect(other.getByRole('link', { name: 'Start learning (10 new)' })).toBeVisible();
  await expect(other.locator('#days-left')).toHaveCount(0);
  expect(await report()).toEqual([]);
  await fresh.close();
});

test('an interview date that has passed says so, and the queue is as without one', async ({ page }) => {
  await page.clock.install({ time: MONDAY });
  await open(page, '#/review');
  await page.getByLabel('My interview is on').fill('2026-03-03');
  await open(page);
  await expect(page.locator('#days-left')).toHaveText('Tuesday 3 March 2026: tomorrow.');
  await expect(page.getByRole('link', { name: 'Start learning (63 new)' })).toBeVisible();
  await page.clock.runFor(2 * 24 * 3600 * 1000);
  await page.reload();
  await expect(page.locator('html[data-app="ready"] header.site')).toBeVisible();
  await expect(page.locator('#days-left')).toHaveText(
    'Your interview date, Tuesday 3 March 2026, has passed. Set the next one on the Review page.',
  );
  await expect(page.locator('#ready-on-day')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Start learning (10 new)' })).toBeVisible();
});
