// A reader runs timed mock interviews: typed, out loud, against the clock, across reloads.
import { test, expect, open } from './fixtures.mjs';
import { InterviewPage } from './interview-page.mjs';

const ARCHITECTURE = 'Architecture & Management Questions';

test('a full three-question typed interview, to the summary and history', async ({ page }) => {
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 3 });

  await expect(interview.heading).toHaveText('Why does the API battle between Amazon & Eucalyptus (FOSS) matter?');
  await expect(page.getByText('Question 1 of 3 · Part 3: DBA and Architecture')).toBeVisible();
  await expect(interview.timer).toHaveText(/^(2:00|1:59)$/);
  await expect(page.getByText(/^Total: 0:0\d of 6:00$/)).toBeVisible();
  await expect(interview.answer).toBeFocused();
  await interview.type('An open standard API lets you change cloud vendors or go multi-cloud, so an outage at one vendor does not take you down.');
  await expect(page.getByText(/^12\d \/ 5000 characters$/)).toBeVisible();
  await interview.done();
  await expect(page.getByRole('heading', { name: 'Your answer' })).toBeVisible();
  await expect(page.locator('.your-answer')).toContainText('An open standard API');
  await expect(page.locator('.answer')).toContainText('Sticking to an open standard for this API');
  const covered = await page.locator('.mark.covered').count();
  expect(covered).toBeGreaterThanOrEqual(2);
  await expect(page.getByText(`${covered} of ${await interview.keyPoints().count()} key points covered`)).toBeVisible();
  // The reader corrects a wrong mark.
  const firstMissed = interview.keyPoints().filter({ hasText: 'missed' }).first();
  if (await firstMissed.count()) {
    await firstMissed.getByRole('checkbox').check();
    await expect(page.getByText(`${covered + 1} of`)).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Next question' })).toBeDisabled();
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: /^Good/ })).toHaveAttribute('aria-pressed', 'true');
  await interview.next();

  await expect(interview.heading).toHaveText('Do you use command line tools? Why?');
  await interview.type('Yes, everything in Linux is command line; it needs stronger theoretical knowledge.');
  await interview.done();
  await interview.rate('Hard');
  await interview.next();

  await expect(interview.heading).toHaveText('What can go wrong with backups? How do we test them?');
  await interview.type('They fail. Run fire drills and restore.');
  await interview.done();
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'See summary' }).click();

  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  const rows = page.locator('table.summary tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Good');
  await expect(rows.nth(1)).toContainText('Hard');
  await expect(rows.nth(2)).toContainText('Again');
  await expect(rows.nth(0).locator('td').first()).toHaveText(/^0:0\d \/ 2:00$/);
  await expect(page.getByText('Score')).toBeVisible();

  await page.getByRole('link', { name: 'All interviews' }).click();
  const history = page.locator('table.history tbody tr');
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('DBA and Architecture');
  await history.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Interview review' })).toBeVisible();
  await page.getByText('What can go wrong with backups? How do we test them?').last().click();
  await expect(page.getByText('They fail. Run fire drills and restore.')).toBeVisible();

  // Practise again the questions rated Again or Hard.
  await page.getByRole('button', { name: 'Practise the 2 questions rated Again or Hard' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await expect(interview.heading).toHaveText('Do you use command line tools? Why?');
});

test('when the time runs out, typing locks and the reveal opens marked time up', async ({ page }) => {
  await page.clock.install();
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1, time: '0:30' });
  await interview.type('Partial answer about vendors');
  await page.clock.runFor(20_500);
  await expect(page.locator('[aria-live="polite"]')).toHaveText('Ten seconds left');
  await page.clock.runFor(10_000);
  await expect(page.getByText('Time up', { exact: true })).toBeVisible();
  await expect(interview.answer).toHaveCount(0);
  await expect(page.locator('.your-answer')).toHaveText('Partial answer about vendors');
  await interview.rate('Again');
  await interview.next();
  await expect(page.locator('table.summary tbody tr')).toContainText('time up');
  await expect(page.locator('table.summary tbody tr td').first()).toHaveText('0:30 / 0:30');
});

test('the timer is announced at one minute left, not every second', async ({ page }) => {
  await page.clock.install();
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  const live = page.locator('[aria-live="polite"]');
  await expect(live).toHaveText('');
  await page.clock.runFor(30_000);
  await expect(interview.timer).toHaveText('1:30');
  await expect(live).toHaveText('');
  await page.clock.runFor(31_000);
  await expect(live).toHaveText('One minute left');
});

test('a reload mid-question resumes the same question with the time it had', async ({ page }) => {
  await page.clock.install();
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 2 });
  await interview.type('half an answer');
  await page.clock.runFor(45_000);
  await expect(interview.timer).toHaveText('1:15');
  await page.reload();
  await expect(interview.heading).toHaveText('Why does the API battle between Amazon & Eucalyptus (FOSS) matter?');
  await expect(interview.timer).toHaveText(/^1:1[45]$/);
  await expect(interview.answer).toHaveValue('half an answer');
  await expect(page.getByText('The clock was paused while you were away.')).toBeVisible();
  // Time away does not count: the clock goes on from where it was.
  await page.clock.runFor(5_000);
  await expect(interview.timer).toHaveText(/^1:(09|10)$/);
});

test('hiding the page pauses the clock', async ({ page }) => {
  await page.clock.install();
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await page.clock.runFor(10_000);
  // A clock that just started was never paused: nothing says it was.
  await expect(interview.timer).toHaveText(/^1:5\d$/);
  await expect(page.getByText('The clock was paused while you were away.')).toHaveCount(0);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.runFor(200_000);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.runFor(1_000);
  await expect(interview.timer).toHaveText(/^1:(49|50)$/);
  await expect(page.getByText('The clock was paused while you were away.')).toBeVisible();
});

test('a system clock set an hour ahead while the page is open never charges the jump', async ({ page }) => {
  await page.clock.install();
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await page.clock.runFor(5_000);
  // The computer's clock jumps (a time-zone fix, a dead battery): Date moves, time does not.
  await page.clock.setSystemTime(Date.now() + 3_600_000);
  await page.clock.runFor(5_000);
  await expect(interview.timer).toHaveText(/^1:(49|50)$/);
  await expect(page.getByText('Time up')).toHaveCount(0);
});

test('an interview reloaded in a background tab starts its clock only when the reader looks', async ({ page }) => {
  await page.clock.install();
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await page.clock.runFor(10_000);
  // The browser restores the tab in the background (hidden from its first moment).
  await page.addInitScript(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => !window.__shown });
  });
  await page.reload();
  await expect(interview.timer).toBeAttached();
  await page.clock.runFor(120_000);
  await page.evaluate(() => {
    window.__shown = true;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.runFor(1_000);
  await expect(interview.timer).toHaveText(/^1:(4[89]|50)$/);
  await expect(page.getByText('Time up')).toHaveCount(0);
});

test('speak-aloud mode: no typing, the reader marks the key points', async ({ page }) => {
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1, mode: 'Speak aloud' });
  await expect(interview.answer).toHaveCount(0);
  await expect(page.getByText('Answer out loud now')).toBeVisible();
  await interview.done();
  await expect(page.getByText('You answered out loud without recording.')).toBeVisible();
  await expect(page.locator('.mark.covered')).toHaveCount(0);
  await interview.keyPoints().first().getByRole('checkbox').check();
  await expect(page.getByText(/^1 of \d key points covered$/)).toBeVisible();
  await interview.rate('Easy');
  await interview.next();
  await expect(page.getByText(/spoken/)).toBeVisible();
  await expect(page.locator('table.summary tbody tr')).toContainText('Easy');
});

test('the start page offers a one-click default interview', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start a 5-question interview (2:00 each)' }).click();
  await expect(page.getByText(/^Question 1 of 5/)).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^(2:00|1:5\d)$/);
  await expect(page.getByText('The clock was paused while you were away.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByText(/^Question 2 of 5/)).toBeVisible();
  await open(page);
  await expect(page.getByRole('link', { name: 'Resume your interview (question 2 of 5)' })).toBeVisible();
});

test('a script-tag answer stays text, in every view and after reload', async ({ page }) => {
  const evil = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> 👋 مرحبا بالعالم';
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await interview.type(evil);
  await interview.done();
  await expect(page.locator('.your-answer')).toHaveText(evil);
  await page.reload();
  await expect(page.locator('.your-answer')).toHaveText(evil);
  await interview.rate('Good');
  await interview.next();
  await page.getByText('Why does the API battle').last().click();
  await expect(page.locator('details.review .your-answer')).toHaveText(evil);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('answers are capped at 5,000 characters with a visible counter', async ({ page }) => {
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await interview.answer.fill('x'.repeat(6000));
  await expect(page.getByText('5000 / 5000 characters')).toBeVisible();
  await interview.done();
  expect((await page.locator('.your-answer').innerText()).length).toBe(5000);
});
