// The long texts come by need (src/content/bodies.rs): each page downloads the data files of
// what it shows and nothing else, and a file that is missing or damaged says so, with "Try
// again", while the rest of the page works.
import { test, expect, guard, origins, open } from './fixtures.mjs';

/// `content-question-dba-raid-<hash>.json` → `question dba-raid`; `content-marking-…` → `marking`.
function dataFile(url) {
  const m = new URL(url).pathname.match(/^\/content-(question|article|marking|answers)-(?:(.+)-)?[0-9a-f]{16}\.json$/);
  return m && (m[2] ? `${m[1]} ${m[2]}` : m[1]);
}

/// A guarded context without the service worker (its install downloads every file), whose data
/// files named in `broken` fail as `how` says ('missing': the request fails; 'damaged': one
/// word of the real file changed) until `mend()`. `fetched` lists the page's data requests.
async function site(browser, baseURL, { broken = [], how = 'missing' } = {}) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  const fetched = [];
  let mended = false;
  await context.route(/\/content-[a-z0-9-]+\.json$/, async (route) => {
    const file = dataFile(route.request().url());
    fetched.push(file);
    if (mended || !broken.includes(file)) return route.continue();
    if (how === 'missing') return route.abort();
    const response = await route.fetch();
    const text = await response.text();
    // A changed letter in the text, as a broken download or a proxy's rewrite would leave it.
    const damaged = text.replace(/[a-z]{5}/, (word) => word.toUpperCase());
    expect(damaged).not.toBe(text);
    await route.fulfill({ response, body: damaged });
  });
  const page = await context.newPage();
  return {
    page,
    fetched,
    mend: () => (mended = true),
    close: async () => {
      // A failed download is the browser's console error; nothing else may go wrong.
      const unexpected = (await report()).filter((p) => !/content-[a-z0-9-]+\.json|ERR_FAILED/.test(p));
      expect(unexpected, 'console errors, CSP violations or requests to other hosts').toEqual([]);
      await context.close();
    },
  };
}

const done = (page) => page.getByRole('button', { name: 'Done', exact: true });

test.describe('each page downloads only its own data', () => {
  test('an interview: its questions\' files and the marking file', async ({ browser, baseURL }) => {
    const { page, fetched, close } = await site(browser, baseURL);
    await page.goto('/?mode=interview&q=dba-raid,ops-cdn&order=guide');
    await page.getByRole('button', { name: 'Start interview' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
    await expect(done(page)).toBeEnabled();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('RAID 10: mirror and stripe.');
    await done(page).click();
    await expect(page.locator('.answer-text')).toContainText('RAID 10');
    await expect(page.locator('.key-points-check li').first()).toContainText('covered');
    await page.getByRole('button', { name: /^Good/ }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    await done(page).click();
    await expect(page.locator('.answer-text')).not.toBeEmpty();
    await page.waitForLoadState('networkidle');
    expect(fetched.sort()).toEqual(['marking', 'question dba-raid', 'question ops-cdn']);
    await close();
  });

  test('a question page: its question\'s file', async ({ browser, baseURL }) => {
    const { page, fetched, close } = await site(browser, baseURL);
    await open(page, '#/q/dba-raid');
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await expect(page.locator('.answer-text')).toContainText('RAID 10');
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual(['question dba-raid']);
    // The next question's page downloads the next question's.
    await page.getByRole('link', { name: /^Next/ }).click();
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await expect(page.locator('.answer-text')).not.toBeEmpty();
    expect(fetched).toHaveLength(2);
    expect(fetched[1]).toMatch(/^question /);
    expect(fetched[1]).not.toBe('question dba-raid');
    await close();
  });

  test('an embedded question (?mode=question): its question\'s file', async ({ browser, baseURL }) => {
    const { page, fetched, close } = await site(browser, baseURL);
    await page.goto('/?mode=question&q=ops-cdn');
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await expect(page.locator('.answer-text')).not.toBeEmpty();
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual(['question ops-cdn']);
    await close();
  });

  test('an article page: its article\'s file', async ({ browser, baseURL }) => {
    const { page, fetched, close } = await site(browser, baseURL);
    await open(page, '#/article/going-solo');
    await expect(page.locator('.prose')).toContainText(/\w{4,}/);
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual(['article going-solo']);
    await close();
  });

  test('the question browser: every model answer, for its search', async ({ browser, baseURL }) => {
    const { page, fetched, close } = await site(browser, baseURL);
    await open(page, '#/questions');
    // "mirrors" is in the RAID question's model answer, not in any question.
    await page.getByRole('searchbox').fill('mirrors each volume');
    await expect(page.locator('ol.results li')).toContainText(['What is RAID? Which type is best?']);
    expect(fetched).toEqual(['answers']);
    await close();
  });
});

for (const how of ['missing', 'damaged']) {
  const message = how === 'missing' ? 'could not be downloaded' : 'is damaged or belongs to another version';

  test.describe(`a ${how} data file`, () => {
    test('on a question page: the message and "Try again"; the page works', async ({ browser, baseURL }) => {
      const { page, mend, close } = await site(browser, baseURL, { broken: ['question dba-raid'], how });
      await open(page, '#/q/dba-raid');
      await page.getByRole('button', { name: 'Reveal answer' }).click();
      await expect(page.getByRole('alert')).toContainText(`This text cannot be shown: the answers file ${how === 'missing' ? '' : '('}`);
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.locator('.answer-text')).toHaveCount(0);
      // The rest of the page works: the question and its key points are there.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
      await expect(page.locator('.key-points li')).not.toHaveCount(0);
      mend();
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(page.locator('.answer-text')).toContainText('RAID 10');
      await expect(page.getByRole('alert')).toHaveCount(0);
      await close();
    });

    test('on an article page: the message and "Try again"', async ({ browser, baseURL }) => {
      const { page, mend, close } = await site(browser, baseURL, { broken: ['article going-solo'], how });
      await open(page, '#/article/going-solo');
      await expect(page.getByRole('alert')).toContainText("This text cannot be shown: the article's file");
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.locator('.prose')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
      mend();
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(page.locator('.prose')).toContainText(/\w{4,}/);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await close();
    });

    test('in an interview, the marking file: Done still works, and the reader marks by hand', async ({ browser, baseURL }) => {
      const { page, close } = await site(browser, baseURL, { broken: ['marking'], how });
      await page.goto('/?mode=interview&q=dba-raid');
      await page.getByRole('button', { name: 'Start interview' }).click();
      await page.getByRole('textbox', { name: 'Your answer' }).fill('RAID 10: mirror and stripe.');
      await expect(done(page)).toBeEnabled();
      await done(page).click();
      await expect(page.getByRole('status').filter({ hasText: 'could not be checked on this device' })).toBeVisible();
      // The model answer is in the question's own file, which came.
      await expect(page.locator('.answer-text')).toContainText('RAID 10');
      const first = page.locator('.key-points-check li').first();
      await expect(first.locator('.mark')).toHaveText('missed');
      await first.getByRole('checkbox').check();
      await expect(first.locator('.mark')).toHaveText('covered');
      // What was typed is kept.
      await expect(page.locator('.reveal-view')).toContainText('RAID 10: mirror and stripe.');
      await close();
    });

    test('in an interview: Done still works, the reveal says so, and "Try again"', async ({ browser, baseURL }) => {
      const { page, mend, close } = await site(browser, baseURL, { broken: ['question dba-raid'], how });
      await page.goto('/?mode=interview&q=dba-raid');
      await page.getByRole('button', { name: 'Start interview' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
      await page.getByRole('textbox', { name: 'Your answer' }).fill('RAID 10: mirror and stripe.');
      // Done waits for the question's file only until it has failed.
      await expect(done(page)).toBeEnabled();
      await done(page).click();
      await expect(page.getByRole('status').filter({ hasText: 'could not be checked on this device' })).toBeVisible();
      const alert = page.locator('.answer').getByRole('alert');
      await expect(alert).toContainText('This text cannot be shown: the answers file');
      await expect(alert).toContainText(message);
      // The reader marks the points by hand meanwhile; nothing is lost.
      await expect(page.locator('.key-points-check li')).not.toHaveCount(0);
      mend();
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect(page.locator('.answer-text')).toContainText('RAID 10');
      await close();
    });
  });
}
