// One interview, one live tab: a second tab can take it over only explicitly, and the first
// then stops; a tab that closed leaves it free to resume, without charging the time away.
import { test, expect, open } from './fixtures.mjs';
import { InterviewPage } from './interview-page.mjs';

const ARCHITECTURE = 'Architecture & Management Questions';

test('a second tab sees the interview running elsewhere and takes it over explicitly; the first stops', async ({ page, context }) => {
  const first = new InterviewPage(page);
  await first.start({ section: ARCHITECTURE, count: 2 });
  await first.type('typed in the first tab');
  await page.waitForTimeout(600); // the typing is saved shortly after it stops

  const other = await context.newPage();
  await open(other);
  const unfinished = other.locator('ul.unfinished li');
  await expect(unfinished).toContainText('It is running in another tab.');
  await expect(unfinished.getByRole('button', { name: 'Resume it' })).toHaveCount(0);
  await unfinished.getByRole('button', { name: 'Take it over here' }).click();

  const second = new InterviewPage(other);
  await expect(second.answer).toHaveValue('typed in the first tab');
  // The first tab no longer accepts input for it, and says where it went.
  await page.bringToFront();
  await expect(page.getByRole('heading', { name: 'This interview continues in another tab' })).toBeVisible();
  await expect(first.answer).toHaveCount(0);

  // Only the second tab writes it now.
  await other.bringToFront();
  await second.type('finished in the second tab');
  await second.done();
  await second.rate('Good');
  await page.waitForTimeout(300);
  const stored = await other.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('interview-practice/interview/'));
    return JSON.parse(localStorage.getItem(key)).data.a[0].x;
  });
  expect(stored).toBe('finished in the second tab');

  // The first tab can take it back, and the second then stops.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Take it over here' }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await other.bringToFront();
  await expect(other.getByRole('heading', { name: 'This interview continues in another tab' })).toBeVisible();
});

test('a closed tab leaves its interview free: another tab resumes it with the time it had', async ({ page, context }) => {
  const first = new InterviewPage(page);
  await first.start({ section: ARCHITECTURE, count: 1 });
  await first.type('left behind');
  await page.waitForTimeout(600);
  await page.close();

  const other = await context.newPage();
  await other.clock.install();
  await open(other);
  // Time passes while no tab runs it: it is not charged.
  await other.clock.fastForward('01:30');
  const unfinished = other.locator('ul.unfinished li');
  await expect(unfinished).not.toContainText('running in another tab');
  await unfinished.getByRole('button', { name: 'Resume it' }).click();
  const second = new InterviewPage(other);
  await expect(second.answer).toHaveValue('left behind');
  await expect(second.timer).toHaveText(/^1:5\d$/);
  await expect(other.getByText('Time up')).toHaveCount(0);
});
