// The reveal says why a key point is covered: the reader's own words that matched it are
// highlighted, and a key term named only to be rejected does not count.
import { test, expect } from './fixtures.mjs';

/// Starts a one-question interview on `question`, types `text`, and ends it.
async function answer(page, question, text) {
  await page.goto(`/?mode=interview&q=${question}`);
  await page.getByRole('button', { name: 'Start interview' }).click();
  await page.getByRole('textbox', { name: 'Your answer' }).fill(text);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
}

const point = (page, label) => page.locator('.key-points-check li').filter({ hasText: label });

test('the words of a typed answer that matched a key point are highlighted on the reveal', async ({ page }) => {
  await answer(
    page,
    'dba-raid',
    'I would go with RAID 1+0, mirrored pairs that are then striped. Adding more disks spreads the work.',
  );
  const raid10 = point(page, 'RAID 10');
  await expect(raid10.locator('.mark')).toHaveText('covered');
  // Said as text next to the mark, for everyone and for screen readers.
  await expect(raid10.locator('.because')).toHaveText('your words: “RAID 1+0”');
  // Every matched word is marked lightly; hovering a point marks its words strongly.
  await expect(page.locator('.your-answer mark.evidence.focus')).toHaveCount(0);
  await raid10.hover();
  await expect(page.locator('.your-answer mark.evidence.focus')).toHaveText(['RAID 1+0']);
  // Keyboard focus on a point does the same.
  await page.mouse.move(0, 0);
  await expect(page.locator('.your-answer mark.evidence.focus')).toHaveCount(0);
  await raid10.getByRole('checkbox').focus();
  await expect(page.locator('.your-answer mark.evidence.focus')).toHaveText(['RAID 1+0']);
  // The answer is still shown whole, as text.
  await expect(page.locator('.your-answer')).toHaveText(
    'I would go with RAID 1+0, mirrored pairs that are then striped. Adding more disks spreads the work.',
  );
  // A missed point says nothing about the reader's words.
  const missed = page.locator('.key-points-check li').filter({ hasText: 'missed' }).first();
  await expect(missed.locator('.because')).toHaveCount(0);
});

test('a key term named only to be rejected is marked missed', async ({ page }) => {
  await answer(page, 'dba-raid', "I wouldn't bother with RAID 10 at all. Fast disk I/O is what counts.");
  await expect(point(page, 'RAID 10').locator('.mark')).toHaveText('missed');
  await expect(point(page, 'fast I/O').locator('.mark')).toHaveText('covered');
  const marked = await page.locator('.your-answer mark.evidence').allTextContents();
  expect(marked.join(' ')).not.toMatch(/RAID/);
});

test('an answer rejecting a key point is not credited on the reveal', async ({ page }) => {
  // The key point names xfs; the reader names it only to prefer another filesystem.
  await answer(
    page,
    'ops-filesystem',
    "I'd pick ext4 over xfs every time. Its journal means the filesystem can recover after a crash.",
  );
  await expect(point(page, 'xfs').locator('.mark')).toHaveText('missed');
  await expect(point(page, 'xfs').locator('.because')).toHaveCount(0);
  await expect(point(page, 'journaling').locator('.mark')).toHaveText('covered');
  await expect(point(page, 'recover after crash').locator('.mark')).toHaveText('covered');
  const marked = await page.locator('.your-answer mark.evidence').allTextContents();
  expect(marked.join(' ')).not.toMatch(/xfs|ext4/);
});

test('the reader corrects a mark; Statistics counts how often marks were corrected', async ({ page }) => {
  await answer(page, 'dba-raid', 'RAID 10, since it mirrors and then stripes.');
  const before = await page.locator('.key-points-check li').count();
  await point(page, 'RAID 10').getByRole('checkbox').uncheck();
  await expect(point(page, 'RAID 10').locator('.mark')).toHaveText('missed');
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'See summary' }).click();
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await page.goto('/#/stats');
  await expect(page.locator('#corrections')).toHaveText(
    `You corrected 1 of the ${before} key-point marks this device made on your typed answers (${(100 / before).toFixed(1)}%).`,
  );
});
