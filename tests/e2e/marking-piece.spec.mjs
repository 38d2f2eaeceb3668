// The marking's piece of the wasm (src/views/interview/marking.rs): the matcher and the reveal
// are not needed for an interview's first question, so they come, with the marking file, on the
// reader's first input or on Done. An answer done before they arrive waits for them, says so,
// and is marked by the device once they are here; a piece that cannot be downloaded says so,
// with "Try again".
import { test, expect, guard, origins } from './fixtures.mjs';

const PIECE = /\/(split|pack)_marking-[0-9a-f]{16}\.wasm$/;
const MARKING_FILE = /\/content-marking-[0-9a-f]{16}\.json$/;

/// A guarded context without the service worker (its install downloads every file), whose
/// marking piece is held (`hold`: answered once `release()` is called) or fails (`fail`:
/// until `mend()`). `requested` lists the piece's and the marking file's requests, in order.
async function site(browser, baseURL, { hold = false, fail = false } = {}) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  const requested = [];
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let failing = fail;
  await context.route(PIECE, async (route) => {
    requested.push('piece');
    if (failing) return route.abort();
    if (hold) await released;
    return route.continue();
  });
  await context.route(MARKING_FILE, (route) => {
    requested.push('marking file');
    return route.continue();
  });
  const page = await context.newPage();
  return {
    page,
    requested,
    release,
    mend: () => (failing = false),
    close: async () => {
      // A failed download is the browser's console error; nothing else may go wrong.
      const unexpected = (await report()).filter((p) => !/_marking-|ERR_FAILED|Failed to fetch/.test(p));
      expect(unexpected, 'console errors, CSP violations or requests to other hosts').toEqual([]);
      await context.close();
    },
  };
}

const done = (page) => page.getByRole('button', { name: 'Done', exact: true });
const answerBox = (page) => page.getByRole('textbox', { name: 'Your answer' });
const raid10 = (page) => page.locator('.key-points-check li').filter({ hasText: 'RAID 10' });
const RAID_ANSWER = 'I would go with RAID 1+0, mirrored pairs that are then striped.';

/// Starts the one-question RAID interview as the embedded widget does.
async function start(page) {
  await page.goto('/?mode=interview&q=dba-raid');
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
  await expect(done(page)).toBeEnabled();
}

/// The marks stored with the interview's first answer (`"101"`), once saved.
async function storedMarks(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('interview-practice/interview/'));
    return key ? JSON.parse(localStorage.getItem(key)).data.a[0].m : null;
  });
}

test('the first question is whole without the marking; the first input fetches it, and Done marks', async ({ browser, baseURL }) => {
  const { page, requested, close } = await site(browser, baseURL);
  await start(page);
  await expect(answerBox(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  expect(requested).toEqual([]);
  await answerBox(page).pressSequentially('RAID');
  await expect.poll(() => requested.slice().sort()).toEqual(['marking file', 'piece']);
  await answerBox(page).fill(RAID_ANSWER);
  await done(page).click();
  await expect(raid10(page).locator('.mark')).toHaveText('covered');
  await expect(page.getByText('could not be checked')).toHaveCount(0);
  // Downloaded once, whatever was typed since.
  expect(requested.filter((r) => r === 'piece')).toHaveLength(1);
  await close();
});

test('an answer done before the marking arrives waits for it, says so, and is marked right', async ({ browser, baseURL }) => {
  const { page, requested, release, close } = await site(browser, baseURL, { hold: true });
  await start(page);
  await answerBox(page).fill(RAID_ANSWER);
  await expect.poll(() => requested).toContain('piece');
  await done(page).click();
  const checking = page.getByRole('status').filter({ hasText: 'Checking your answer against the key points' });
  await expect(checking).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toHaveCount(0);
  // Nothing marked while the matcher is away: not every point missed.
  await expect.poll(() => storedMarks(page)).toBe('');
  release();
  await expect(raid10(page).locator('.mark')).toHaveText('covered');
  await expect(checking).toHaveCount(0);
  await expect(page.getByText('could not be checked')).toHaveCount(0);
  // The device's marks are the ones stored.
  await expect.poll(() => storedMarks(page)).toMatch(/^[01]*1[01]*$/);
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'See summary' }).click();
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await expect(page.locator('table.summary tbody td').nth(1)).not.toHaveText(/^0 \//);
  await close();
});

test('Done clicked at once, nothing typed: the reveal comes with the marking, every point missed', async ({ browser, baseURL }) => {
  const { page, requested, release, close } = await site(browser, baseURL, { hold: true });
  await start(page);
  expect(requested).toEqual([]);
  await done(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checking your answer' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expect(page.getByText('(No answer typed.)')).toBeVisible();
  await expect(page.locator('.key-points-check li .mark')).not.toHaveCount(0);
  await expect(page.locator('.key-points-check li .mark').filter({ hasText: 'covered' })).toHaveCount(0);
  await expect(page.getByText('could not be checked')).toHaveCount(0);
  await close();
});

test('a marking piece that cannot be downloaded says so, and "Try again" marks the answer', async ({ browser, baseURL }) => {
  const { page, mend, close } = await site(browser, baseURL, { fail: true });
  await start(page);
  await answerBox(page).fill(RAID_ANSWER);
  await done(page).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The marking of your answer could not be downloaded. Check the connection, then try again.');
  // What was typed is kept, and not marked as all missed.
  expect(await storedMarks(page)).toBe('');
  mend();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(raid10(page).locator('.mark')).toHaveText('covered');
  await expect(page.locator('.reveal-view')).toContainText(RAID_ANSWER);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await close();
});
