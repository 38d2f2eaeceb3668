// Progress is never lost: blocked storage, unreadable data, a full quota, two tabs.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, guard, origins } from './fixtures.mjs';
import { InterviewPage } from './interview-page.mjs';
import config from './playwright.config.mjs';

const ARCHITECTURE = 'Architecture & Management Questions';

/// Fills localStorage to the brim with the test's own keys (`e2e-fill-N`); returns how many.
const fillStorage = (page) =>
  page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`e2e-fill-${n}`, chunk);
          n += 1;
        } catch {
          break;
        }
      }
    }
    return n;
  });

test('with storage blocked, the app runs in memory and says progress will not be saved', async ({ baseURL }) => {
  // A browser profile that blocks cookies and site data: localStorage throws SecurityError.
  const profile = mkdtempSync(join(tmpdir(), 'blocked-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    ...config.use.launchOptions,
    headless: true,
    baseURL,
  });
  // The same guards as every other test's pages.
  const report = await guard(context, origins(baseURL), []);
  const page = context.pages()[0] ?? (await context.newPage());
  await open(page);
  expect(await page.evaluate(() => { try { return !!window.localStorage; } catch { return 'blocked'; } })).toBe('blocked');
  await expect(page.getByText('Your progress will not be saved in this browser.')).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id), 'accessibility of the notice').toEqual([]);

  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await interview.type('Open standards let you move between clouds.');
  await interview.done();
  await interview.rate('Good');
  await interview.next();
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await page.getByRole('link', { name: 'All interviews' }).click();
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  expect(await report(), 'console errors, CSP violations or requests to other hosts').toEqual([]);
  await context.close();
});

const TRUNCATED = '{"schema":1,"app":"0.1.0","data":{"id":"cut","setup":{"parts":[],"sec';
const FUTURE = JSON.stringify({ schema: 99, app: '9.0.0', data: { id: 'future', hologram: true } });

test('unreadable and newer-schema data is kept aside, reported, downloadable, never overwritten', async ({ page }) => {
  await page.addInitScript(([truncated, future]) => {
    if (localStorage.getItem('e2e-seeded')) return;
    localStorage.setItem('e2e-seeded', '1');
    localStorage.setItem('interview-practice/interview/cut', truncated);
    localStorage.setItem('interview-practice/interview/future', future);
    localStorage.setItem('someone-else', 'not ours');
  }, [TRUNCATED, FUTURE]);
  await open(page);
  const notice = page.locator('.notice', { hasText: 'Some saved progress could not be read.' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('interview-practice/interview/cut');
  await expect(notice).toContainText('interview-practice/interview/future');
  await expect(notice).toContainText('newer version');

  const download = page.waitForEvent('download');
  await notice.locator('li', { hasText: '/future' }).getByRole('button', { name: 'Download it' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(FUTURE);

  // Using the app writes nothing over them.
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await interview.done();
  await interview.rate('Good');
  await interview.next();
  await page.reload();
  const stored = await page.evaluate(() => [
    localStorage.getItem('interview-practice/interview/cut'),
    localStorage.getItem('interview-practice/interview/future'),
    localStorage.getItem('someone-else'),
  ]);
  expect(stored).toEqual([TRUNCATED, FUTURE, 'not ours']);
  await expect(page.locator('.notice', { hasText: 'Some saved progress could not be read.' })).toBeVisible();
});

test('a full quota: the notice, the state kept in memory, and saving retried on the next change', async ({ page }) => {
  const interview = new InterviewPage(page);
  await open(page);
  // Fill localStorage to the brim with the test's own data.
  const filled = await fillStorage(page);
  expect(filled).toBeGreaterThan(0);
  await interview.start({ section: ARCHITECTURE, count: 2 });
  await expect(page.getByText('Browser storage is full.')).toBeVisible();
  await interview.type('still here in memory');
  await interview.done();
  await expect(page.locator('.your-answer')).toHaveText('still here in memory');
  // The test frees its own data; the app deleted nothing.
  const remaining = await page.evaluate((n) => {
    let kept = 0;
    for (let i = 0; i < n; i++) if (localStorage.getItem(`e2e-fill-${i}`) !== null) kept++;
    for (let i = 0; i < n; i++) localStorage.removeItem(`e2e-fill-${i}`);
    return kept;
  }, filled);
  expect(remaining).toBe(filled);
  await interview.rate('Good');
  await expect(page.getByText('Browser storage is full.')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.your-answer')).toHaveText('still here in memory');
  await expect(page.getByRole('button', { name: /^Good/ })).toHaveAttribute('aria-pressed', 'true');
});

test('two tabs completing interviews at once both keep them, and see each other\'s', async ({ page, context }) => {
  const other = await context.newPage();
  const first = new InterviewPage(page);
  const second = new InterviewPage(other);
  await first.front();
  await first.start({ section: ARCHITECTURE, count: 1 });
  await first.type('first tab answer');
  await first.done();
  await first.rate('Good');
  await second.front();
  await second.start({ section: 'Database administration experience', count: 1 });
  await second.type('second tab answer');
  await second.done();
  await second.rate('Hard');
  // Both finish at the same moment.
  await Promise.all([
    page.getByRole('button', { name: 'See summary' }).dispatchEvent('click'),
    other.getByRole('button', { name: 'See summary' }).dispatchEvent('click'),
  ]);
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  for (const tab of [page, other]) {
    await tab.bringToFront();
    await tab.getByRole('link', { name: 'All interviews' }).click();
    await expect(tab.locator('table.history tbody tr')).toHaveCount(2);
  }
  // A third interview finished in one tab appears in the other without reload.
  await first.front();
  await first.start({ section: ARCHITECTURE, count: 1 });
  await first.done();
  await first.rate('Easy');
  await first.next();
  await expect(other.locator('table.history tbody tr')).toHaveCount(3);
  await other.reload();
  await expect(other.locator('table.history tbody tr')).toHaveCount(3);
  await other.close();
});

test('a saved interview naming a question the guides no longer have goes on without it', async ({ page }) => {
  const stored = JSON.stringify({
    schema: 2,
    app: '0.0.9',
    data: {
      id: 'old-1',
      s: { n: 2, sec: 120, o: 'guide', md: 'type' },
      t0: 1764133200000,
      a: [
        { q: 'ops-retired-question', ms: 120000, k: { b: 1000, l: 1764133201000 }, m: '' },
        { q: 'dba-raid', ms: 120000, k: { b: 0, l: 0 }, m: '' },
      ],
      c: 0,
    },
  });
  await page.addInitScript((value) => {
    if (!localStorage.getItem('interview-practice/interview/old-1')) {
      localStorage.setItem('interview-practice/interview/old-1', value);
    }
  }, stored);
  await open(page);
  await page.getByRole('button', { name: 'Resume it' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This question is no longer in the guides');
  await expect(page.getByText('asks “ops-retired-question”')).toBeVisible();
  await page.getByRole('button', { name: 'Go on with the next question' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
});

test('storage already full at start-up: everything stored is read, the app says it is full, and saves once there is room', async ({ page }) => {
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 1 });
  await interview.type('kept before the storage filled up');
  await interview.done();
  await interview.rate('Good');
  await interview.next();
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  // Another page of the site fills the storage while this one is closed.
  const filled = await fillStorage(page);
  expect(filled).toBeGreaterThan(0);
  await open(page, '#/history');
  await page.reload();
  await expect(page.getByText('Browser storage is full.')).toBeVisible();
  await expect(page.getByText('Your progress will not be saved in this browser.')).toHaveCount(0);
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  // A change while full stays in memory; once there is room it is saved.
  await open(page, '#/q/dba-raid');
  await page.getByLabel('Your note').fill('written while full');
  await expect(page.getByText('Browser storage is full.')).toBeVisible();
  await page.evaluate((n) => {
    for (let i = 0; i < n; i++) localStorage.removeItem(`e2e-fill-${i}`);
  }, filled);
  await page.getByLabel('Your note').fill('written while full, saved later');
  await expect(page.getByText('Browser storage is full.')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Your note')).toHaveValue('written while full, saved later');
  await open(page, '#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});

test('two tabs writing one note: the newest text wins in both, and no tab writes an older text back', async ({ page, context }) => {
  const other = await context.newPage();
  await open(page, '#/q/dba-raid');
  await open(other, '#/q/dba-raid');
  const note = (p) => p.getByLabel('Your note');
  // The other tab types first; this tab types a moment later, while the other's save is
  // still pending: the other's older note arrives here before this tab's own save.
  await note(other).fill('older, from the other tab');
  await page.waitForTimeout(100);
  await note(page).fill('newer, from this tab');
  await page.waitForTimeout(1_500);
  const stored = () => page.evaluate(() => {
    const raw = localStorage.getItem('interview-practice/note/dba-raid');
    return raw && JSON.parse(raw).data.text;
  });
  await expect.poll(stored).toBe('newer, from this tab');
  await expect(note(page)).toHaveValue('newer, from this tab');
  // The other tab shows the newer note without a reload.
  await expect(note(other)).toHaveValue('newer, from this tab');
  await page.reload();
  await expect(note(page)).toHaveValue('newer, from this tab');
});

test('settings changed in another tab are picked up', async ({ page, context }) => {
  const other = await context.newPage();
  await open(page, '#/review');
  await open(other, '#/review');
  const perDay = (p) => p.getByLabel('New questions per day');
  await perDay(other).fill('7');
  await perDay(other).blur();
  await expect(perDay(page)).toHaveValue('7');
});

test('Your data shows the space used, warns near the quota, and frees space only as the reader chooses', async ({ page }) => {
  const interview = new InterviewPage(page);
  for (const answer of ['first answer', 'second answer']) {
    await interview.start({ section: ARCHITECTURE, count: 1 });
    await interview.type(answer);
    await interview.done();
    await interview.rate('Good');
    await interview.next();
    await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  }
  await open(page, '#/data');
  await expect(page.locator('#storage-usage')).toContainText(/^Your progress uses 0\.0 MB\. Everything this site keeps in your browser takes 0\.0 MB of about 10\.5 MB allowed \(0%\)\.$/);
  await expect(page.getByText('Browser storage is nearly full.')).toHaveCount(0);

  // Other data of the site fills 85% of the quota.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; i < 4; i++) localStorage.setItem(`e2e-other-${i}`, chunk);
    localStorage.setItem('e2e-other-4', 'x'.repeat(260_000));
  });
  await page.reload();
  await expect(page.getByText('Browser storage is nearly full.')).toBeVisible();
  await expect(page.locator('#storage-usage')).toContainText('(85%)');

  // Dropping older answers keeps the newest ten: nothing to drop here.
  await page.getByRole('button', { name: 'Drop older answers' }).click();
  await expect(page.getByText('No older answers to drop.')).toBeVisible();

  // Deleting asks first, and keeping them changes nothing.
  const choices = page.locator('fieldset.delete-interviews input[type=checkbox]');
  await expect(choices).toHaveCount(2);
  await choices.first().check();
  await page.getByRole('button', { name: 'Delete chosen interviews' }).click();
  await expect(page.getByText(/^Delete 1 interview with its answers, recordings and ratings\?/)).toBeVisible();
  await page.getByRole('button', { name: 'Keep them' }).click();
  await expect(choices).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete chosen interviews' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Deleted 1 interview.')).toBeVisible();
  await expect(choices).toHaveCount(1);
  await page.reload();
  await open(page, '#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  // Only what the reader chose was deleted: the site's other data is all there.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('e2e-other-')).length)).toBe(5);
});

/// `count` completed one-question interviews on `question`, each rated Good, one hour apart,
/// as the app stores them (schema 2), keyed as it keys them.
function completedInterviews(count, question, from = 0) {
  const t0 = Date.UTC(2026, 0, 5);
  const records = {};
  for (let n = from; n < from + count; n++) {
    const start = t0 + n * 3_600_000;
    const id = `${start.toString(16)}-${n.toString(16).padStart(4, '0')}`;
    records[`interview-practice/interview/${id}`] = JSON.stringify({
      schema: 2,
      app: '0.1.0',
      data: {
        id,
        s: { n: 1, sec: 120, o: 'guide', md: 'type' },
        t0: start,
        t1: start + 60_000,
        a: [{ q: question, ms: 120000, k: { b: 50_000, l: start + 50_000 }, e: 'done', m: '1', r: 'good', rt: start + 55_000 }],
        c: 1,
      },
    });
  }
  return records;
}

test('a long history: later starts read only the unfinished interviews, and show what reading them all shows', async ({ page }) => {
  // Which interview records the app reads, by key.
  await page.addInitScript(() => {
    const getItem = Storage.prototype.getItem;
    window.__interviewsRead = new Set();
    Storage.prototype.getItem = function (key) {
      if (String(key).startsWith('interview-practice/interview/')) window.__interviewsRead.add(key);
      return getItem.call(this, key);
    };
  });
  const interviewsRead = () => page.evaluate(() => window.__interviewsRead.size);
  await open(page);
  await page.evaluate((records) => {
    for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
  }, completedInterviews(30, 'dba-raid'));
  // One left unfinished, this tab's.
  const interview = new InterviewPage(page);
  await interview.start({ section: ARCHITECTURE, count: 2 });
  await interview.type('an answer left half way');
  await open(page);
  const startPage = async () => ({
    history: await page.getByRole('link', { name: /^Your interview history/ }).textContent(),
    due: await page.locator('.due a.button').textContent(),
    resume: await page.getByRole('link', { name: /^Resume your interview/ }).textContent(),
  });

  // The first start reads every interview (no snapshot yet) and stores the snapshot.
  await page.reload();
  await expect(page.locator('html[data-app="ready"] header.site')).toBeVisible();
  const shown = await startPage();
  expect(shown.history).toBe('Your interview history (30)');
  expect(shown.resume).toBe('Resume your interview (question 1 of 2)');
  expect(await interviewsRead()).toBe(31);

  // The next reads the unfinished one, and shows the same.
  await page.reload();
  await expect(page.locator('html[data-app="ready"] header.site')).toBeVisible();
  expect(await interviewsRead()).toBe(1);
  expect(await startPage()).toEqual(shown);
  // The history reads the rest.
  await page.getByRole('link', { name: /^Your interview history/ }).click();
  await expect(page.locator('table.history tbody tr')).toHaveCount(30);
  expect(await interviewsRead()).toBe(31);

  // Interviews stored by something that left the snapshot as it was (an older version of the
  // app, in another tab): the next start reads them all, and counts them.
  await page.evaluate((records) => {
    for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
  }, completedInterviews(2, 'ops-cdn', 30));
  await open(page, '#/');
  await page.reload();
  await expect(page.locator('html[data-app="ready"] header.site')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Your interview history/ })).toHaveText('Your interview history (32)');
  expect(await interviewsRead()).toBe(33);
});

/// The part of the app that reads saved progress: the decoders of stored records, downloaded
/// only when there is something stored to read (src/progress/readers.rs), in one file with the
/// code only it loads (scripts/packs.mjs).
const READERS = /\/pack_readers-[0-9a-f]{16}\.wasm$/;
/// The code the packed parts share, in a pack of its own.
const SHARED = /\/pack_shared-[0-9a-f]{16}\.wasm$/;
/// Its files one by one, as other parts download them.
const READERS_ALONE = /\/(split_readers|chunk_\d+)-[0-9a-f]{16}\.wasm$/;

/// Whether some stored value holds `text`.
const saved = (page, text) => page.evaluate((t) => Object.values(localStorage).some((v) => v.includes(t)), text);

test('a first visit never downloads the part that reads saved progress; a return visit reads everything with it', async ({ browser, baseURL }) => {
  // The service worker would download every part of the app itself.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  const fetched = [];
  context.on('request', (request) => READERS.test(request.url()) && fetched.push(request.url()));
  const shared = [];
  context.on('request', (request) => SHARED.test(request.url()) && shared.push(request.url()));
  const alone = [];
  context.on('request', (request) => READERS_ALONE.test(request.url()) && alone.push(request.url()));
  const page = await context.newPage();
  await open(page);
  await page.getByRole('button', { name: 'Start a 5-question interview (2:00 each)' }).click();
  const answer = page.getByLabel('Your answer');
  await answer.fill('RAID 10 mirrors');
  await expect.poll(() => saved(page, 'RAID 10 mirrors')).toBe(true);
  // Saved again over its own record: no decoder needed to check it.
  await answer.fill('RAID 10 mirrors, then stripes');
  await expect.poll(() => saved(page, 'RAID 10 mirrors, then stripes')).toBe(true);
  await open(page, '#/q/dba-raid');
  await page.getByLabel('Your note').fill('never RAID 5');
  await expect.poll(() => saved(page, 'never RAID 5')).toBe(true);
  await page.getByLabel('Your note').fill('never RAID 5 for databases');
  await expect.poll(() => saved(page, 'never RAID 5 for databases')).toBe(true);
  expect(fetched).toEqual([]);

  await open(page);
  alone.length = 0;
  shared.length = 0;
  await page.reload();
  await expect(page.getByRole('link', { name: 'Resume your interview (question 1 of 5)' })).toBeVisible();
  // The start read the stored interview with its two packs, not the dozen files they hold.
  expect(fetched).toHaveLength(1);
  expect(shared).toHaveLength(1);
  expect(alone).toEqual([]);
  await page.getByRole('link', { name: 'Resume your interview (question 1 of 5)' }).click();
  await expect(answer).toHaveValue('RAID 10 mirrors, then stripes');
  await open(page, '#/q/dba-raid');
  await expect(page.getByLabel('Your note')).toHaveValue('never RAID 5 for databases');
  expect(fetched).toHaveLength(1);
  expect(shared).toHaveLength(1);
  expect(await report()).toEqual([]);
  await context.close();
});

/// Ways the part that reads saved progress can fail to arrive: not at all, or cut short (its
/// file holds a dozen, cut apart by their sizes).
const MISSING = {
  'cannot be downloaded': (route) => route.abort(),
  'arrives cut short': async (route) => {
    const body = await (await route.fetch()).body();
    await route.fulfill({ status: 200, contentType: 'application/wasm', body: body.subarray(0, body.length >> 1) });
  },
};

for (const [how, fail] of Object.entries(MISSING)) {
  test(`when the part that reads saved progress ${how}, the page says so and changes nothing; once it can, everything is there`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const problems = [];
    const report = await guard(context, origins(baseURL), problems);
    let blocked = false;
    await context.route(READERS, (route) => (blocked ? fail(route) : route.continue()));
    const page = await context.newPage();
    await open(page, '#/q/dba-raid');
    await page.getByLabel('Your note').fill('never RAID 5');
    await expect.poll(() => saved(page, 'never RAID 5')).toBe(true);
    const before = await page.evaluate(() => ({ ...localStorage }));

    blocked = true;
    await page.reload();
    await expect(page.locator('html[data-app="ready"]')).toBeAttached();
    await expect(page.getByRole('alert')).toContainText('Some of your saved progress cannot be read yet.');
    await expect(page.getByRole('alert')).toContainText('Nothing stored was changed or deleted.');
    await expect(page.getByLabel('Your note')).toHaveValue('');
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual(before);

    blocked = false;
    await page.reload();
    await expect(page.getByLabel('Your note')).toHaveValue('never RAID 5');
    await expect(page.getByText('Some of your saved progress cannot be read yet.')).toHaveCount(0);
    const unexpected = (await report()).filter((p) => !/pack_readers|ERR_FAILED|Failed to fetch/.test(p));
    expect(unexpected).toEqual([]);
    await context.close();
  });
}
