// The first screen before the WebAssembly arrives: the build pre-renders the start page and a
// shell per embed mode (scripts/prerender.mjs), and the app takes them over without a jump.
import { test, expect, guard, origins } from './fixtures.mjs';
import { DIST, changingHost, port } from './servers.mjs';

const HOST = 'http://localhost:4174/index.html';

/// A page whose WebAssembly never arrives; everything else is guarded as usual, and the only
/// errors allowed are the failed WebAssembly fetch and what follows from it.
async function withoutWasm(browser, baseURL, run) {
  const context = await browser.newContext({ baseURL });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  await context.route('**/*.wasm', (route) => route.abort());
  const page = await context.newPage();
  await run(page);
  const unexpected = (await report()).filter((p) => !/wasm|WebAssembly|Failed to fetch|ERR_FAILED/i.test(p));
  expect(unexpected, 'console errors, CSP violations or requests to other hosts').toEqual([]);
  await context.close();
}

/// Sums the layout shifts the page has seen (the Layout Instability API, as Lighthouse reads it).
const layoutShift = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Entries are delivered in a task after the observer is registered.
        setTimeout(() => resolve(total), 100);
      }),
  );

test('the start page shows the guides, sections, reading list and interview buttons without the wasm', async ({ browser, baseURL }) => {
  await withoutWasm(browser, baseURL, async (page) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');
    const guides = page.locator('ul.guides > li.guide');
    await expect(guides).toHaveCount(3);
    await expect(guides.nth(0).getByRole('heading')).toHaveText('Part 1: Operations');
    await expect(guides.nth(0).locator('.meta')).toContainText(/^\d+ questions · from “Cloud Operations Interview”/);
    await expect(guides.nth(2).locator('ul.sections li').first()).toHaveText(/.+ \(\d+\)$/);
    await expect(page.locator('ul.library li')).not.toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Browse all \d+ questions$/ })).toBeVisible();
    // The interview buttons are there, waiting for the app rather than dropping a click.
    await expect(page.getByRole('button', { name: /^Start a 5-question interview/ })).toBeDisabled();
    await expect(page.getByRole('link', { name: 'Choose questions, time and mode' })).toBeVisible();
    // Styled: the app's stylesheet applies (the header is laid out as a bar, not a list).
    await expect(page.locator('header.site nav a')).toHaveCount(8);
    expect(await page.locator('html').getAttribute('data-app')).toBeNull();
    // Links work as plain links before the app starts.
    await page.getByRole('link', { name: 'Part 2: Deployment' }).click();
    await expect(page).toHaveURL(/#\/questions\?part=2$/);
  });
});

for (const [query, heading] of [
  ['mode=interview&count=3', 'Mock interview'],
  ['mode=browse&parts=2', 'Questions'],
  ['mode=question&q=ops-cdn', /content delivery network|CDN/i],
]) {
  test(`?${query} shows its heading before the wasm, not the start page`, async ({ browser, baseURL }) => {
    await withoutWasm(browser, baseURL, async (page) => {
      await page.goto(`/?${query}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('ul.guides')).toHaveCount(0);
      await expect(page.locator('main')).toBeVisible();
    });
  });
}

test('a deep link shows the bare frame before the wasm, never the start page', async ({ browser, baseURL }) => {
  await withoutWasm(browser, baseURL, async (page) => {
    await page.goto('/#/stats');
    await expect(page.locator('header.site')).toBeVisible();
    await expect(page.locator('main')).toBeEmpty();
  });
});

test('a framed widget is sized by the host page before the wasm arrives', async ({ browser, baseURL }) => {
  await withoutWasm(browser, baseURL, async (page) => {
    await page.goto(`${HOST}?w=${encodeURIComponent('mode=interview&compact=1')}`);
    const frame = page.frameLocator('iframe[data-interview-practice]');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Mock interview');
    await expect(frame.locator('header.site')).toBeHidden();
    const element = page.locator('iframe[data-interview-practice]');
    await expect.poll(() => element.evaluate((f) => f.getBoundingClientRect().height)).not.toBe(480);
    const inner = await (await element.elementHandle())
      .contentFrame()
      .then((f) => f.evaluate(() => document.body.getBoundingClientRect().height));
    const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
    expect(Math.abs(outer - inner)).toBeLessThanOrEqual(3);
  });
});

for (const path of ['/', '/?mode=interview', '/?mode=browse', '/?mode=question&q=ops-cdn']) {
  test(`the app takes over ${path} without a layout shift or a second copy`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
    expect(await layoutShift(page)).toBeLessThanOrEqual(0.05);
    await expect(page.locator('#app')).toHaveCount(1);
    await expect(page.locator('header.site')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('main button:disabled')).toHaveCount(0);
  });
}

test('keyboard focus and scroll stay where the reader put them when the app takes over', async ({ page }) => {
  // Hold the WebAssembly back until the reader has moved focus and scrolled.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.setViewportSize({ width: 412, height: 500 });
  await page.goto('/');
  const link = page.getByRole('link', { name: 'Part 3: DBA and Architecture' });
  await link.focus();
  await page.evaluate(() => window.scrollTo(0, 300));
  const before = await page.evaluate(() => window.scrollY);
  release();
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
  // The focused element is the app's own link now (the pre-rendered one is gone).
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => document.activeElement.isConnected)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/questions\?part=3$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions');
});

test('the start page downloads only its own part of the app, not the other pages\' parts', async ({ page }) => {
  const wasm = [];
  page.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(new URL(request.url()).pathname));
  await page.goto('/');
  await expect(page.locator('html[data-app="ready"]')).toBeAttached();
  await page.waitForLoadState('networkidle');
  expect(wasm).toEqual([expect.stringMatching(/^\/interview-practice-[0-9a-f]{16}_bg\.wasm$/)]);
  // A page's part arrives when the page is opened (Statistics is in the history group).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');
  expect(wasm.some((file) => /^\/split_history-/.test(file))).toBe(true);
});

// Any page but the bare start page asks for the app's files while its first screen paints
// (public/shell.js), not one after another once boot.js has run, and a framed widget the packs
// of its mode's pieces too; each is downloaded once.
const START = ['__wasm_split.js', '__wasm_split_pieces.js', 'interview-practice.js', 'interview-practice_bg.wasm'];
for (const [where, url, early] of [
  ['a framed interview', `${HOST}?w=${encodeURIComponent('mode=interview')}`, [...START, 'pack_frame.wasm', 'pack_interview.wasm', 'pack_shared.wasm']],
  ['a framed question', `${HOST}?w=${encodeURIComponent('mode=question&q=ops-cdn')}`, [...START, 'pack_frame.wasm', 'pack_reading.wasm', 'pack_shared.wasm']],
  ['a deep link', '/#/questions', START],
  ['the bare start page', '/', null],
]) {
  test(`${where} ${early ? 'asks for' : 'waits for boot.js to ask for'} the app's files, each once`, async ({ page }) => {
    const files = [];
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.slice(1);
      if (/^(interview-practice-|__wasm_split|pack_)/.test(file)) files.push(file);
    });
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let booted;
    const asked = new Promise((resolve) => (booted = resolve));
    await page.route(/\/boot-[0-9a-f]{16}\.js$/, async (route) => {
      booted();
      await held;
      await route.continue();
    });
    await page.goto(url, { waitUntil: 'commit' });
    await asked;
    const app = page.frames().at(-1);
    await expect.poll(() => app.evaluate(() => document.readyState)).toBe('interactive');
    if (early) {
      await expect
        .poll(() => [...new Set(files.map((file) => file.replace(/-[0-9a-f]{16}/, '')))].sort())
        .toEqual(early);
    } else {
      await page.waitForTimeout(300);
      expect(files).toEqual([]);
    }
    release();
    await expect(app.locator('html[data-app="ready"]')).toBeAttached();
    await page.waitForLoadState('networkidle');
    expect(files.length, files.join(', ')).toBe(new Set(files).size);
  });
}

// The app rehearses the one-click interview's start off screen the first time the start page
// shows (views::app), whether the app opens on it or the reader comes to it from another page.
for (const [arrival, arrive] of [
  ['the app opens on it', async (page) => page.goto('/')],
  [
    'the reader comes to it from another page',
    async (page) => {
      await page.goto('/#/questions');
      await expect(page.locator('html[data-app="ready"]')).toBeAttached();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides', exact: true }).click();
    },
  ],
]) {
  test(`the start page starts no interview of its own (${arrival}): nothing stored, nothing to resume, no download, and Start begins the reader's`, async ({ page }) => {
    const interviewPiece = [];
    page.on('request', (request) => /\/split_interview-[0-9a-f]+\.wasm$/.test(request.url()) && interviewPiece.push(request.url()));
    await arrive(page);
    await expect(page.locator('html[data-app="ready"]')).toBeAttached();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');
    const focused = await page.evaluate(() => document.activeElement?.outerHTML);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    const interviews = () =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('interview-practice/interview/')));
    expect(await interviews()).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(focused);
    if (arrival === 'the app opens on it') expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(interviewPiece).toEqual([]);
    await expect(page.getByRole('link', { name: /Resume your interview/ })).toHaveCount(0);
    await expect(page.locator('textarea')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');

    await page.getByRole('button', { name: 'Start a 5-question interview (2:00 each)' }).click();
    await expect(page.locator('.crumbs')).toContainText('Question 1 of 5');
    await expect(page.getByLabel('Your answer')).toBeFocused();
    const stored = await interviews();
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain('rehearsal');
  });
}

test('a page whose part of the app cannot be downloaded says so, and "Try again" opens it', async ({ browser, baseURL }) => {
  // The service worker would download every part itself, around the blocked route.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  let blocked = true;
  await context.route(/\/split_history-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html[data-app="ready"]')).toBeAttached();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This page could not be downloaded. Check the connection, then try again.');
  // The rest of the app still works.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('could not be downloaded');
  blocked = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const unexpected = (await report()).filter((p) => !/split_history|ERR_FAILED|Failed to fetch/.test(p));
  expect(unexpected).toEqual([]);
  await context.close();
});

/// Every page's part of the app but the start page's (the groups' files, the files they share,
/// and a group's files as one).
const PARTS = /\/(split_[a-z]+|chunk_\d+|pack_[a-z]+)-[0-9a-f]{16}\.wasm$/;

test('an interview shows its question at once, before its part of the app arrives, and keeps what is typed', async ({ browser, baseURL }) => {
  // The service worker would download every part itself, around the held route.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route(PARTS, async (route) => {
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html[data-app="ready"]')).toBeAttached();
  await page.getByRole('button', { name: 'Start a 5-question interview (2:00 each)' }).click();

  // The running question, from the start page's part: its clocks run, the answer box takes the
  // answer, and Done and Skip wait for the interview's own code.
  await expect(page.locator('p.crumbs')).toHaveText(/^Question 1 of 5 · Part \d: /);
  const question = await page.getByRole('heading', { level: 1 }).textContent();
  const answer = page.getByLabel('Your answer');
  await expect(answer).toBeFocused();
  await page.keyboard.type('RAID 10 mirrors');
  await expect(page.locator('#answer-count')).toHaveText('15 / 5000 characters');
  await expect(page.getByRole('button', { name: 'Done' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Skip' })).toBeDisabled();
  await expect(page.getByRole('timer')).toHaveText(/^(2:00|1:5\d)$/);
  // What is typed is saved with the interview, as on the page itself.
  await expect
    .poll(() => page.evaluate(() => Object.values(localStorage).some((v) => v.includes('RAID 10 mirrors'))))
    .toBe(true);

  release();
  await expect(page.getByRole('button', { name: 'Skip' })).toBeEnabled();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(question);
  await expect(answer).toHaveValue('RAID 10 mirrors');
  await expect(answer).toBeFocused();
  await page.keyboard.type(', then stripes');
  await expect(answer).toHaveValue('RAID 10 mirrors, then stripes');
  await expect(page.getByRole('button', { name: 'Done' })).toBeEnabled();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.your-answer')).toHaveText('RAID 10 mirrors, then stripes');
  expect(await report()).toEqual([]);
  await context.close();
});

test('an interview whose part of the app cannot be downloaded says so, and "Try again" opens it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  let blocked = true;
  await context.route(PARTS, (route) => (blocked ? route.abort() : route.continue()));
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html[data-app="ready"]')).toBeAttached();
  await page.getByRole('button', { name: 'Start a 5-question interview (2:00 each)' }).click();
  await expect(page.getByRole('alert')).toContainText('This page could not be downloaded. Check the connection, then try again.');
  await expect(page.getByLabel('Your answer')).toHaveCount(0);
  blocked = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('p.crumbs')).toHaveText(/^Question 1 of 5 · Part \d: /);
  await expect(page.getByRole('button', { name: 'Skip' })).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const unexpected = (await report()).filter((p) => !/split_|chunk_|ERR_FAILED|Failed to fetch/.test(p));
  expect(unexpected).toEqual([]);
  await context.close();
});

// A reading page's part of the app comes as two files (scripts/packs.mjs): its own pack, and
// the pack of what it shares with the other packed parts. Either failing, or arriving cut short,
// fails the page the same way.
for (const [pack, how, fail] of [
  ['pack_reading', 'cannot be downloaded', (route) => route.abort()],
  [
    'pack_shared',
    'arrives cut short',
    async (route) => {
      const body = await (await route.fetch()).body();
      await route.fulfill({ status: 200, contentType: 'application/wasm', body: body.subarray(0, body.length >> 1) });
    },
  ],
]) {
  test(`a question page whose part of the app ${how} (${pack}) says so, and "Try again" opens it`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const problems = [];
    const report = await guard(context, origins(baseURL), problems);
    let blocked = true;
    await context.route(new RegExp(`/${pack}-[0-9a-f]{16}\\.wasm$`), (route) => (blocked ? fail(route) : route.continue()));
    const page = await context.newPage();
    await page.goto('/#/q/dba-raid');
    await expect(page.getByRole('alert')).toContainText('could not be downloaded. Check the connection, then try again.');
    await expect(page.getByLabel('Your note')).toHaveCount(0);
    blocked = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
    await expect(page.getByLabel('Your note')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    const unexpected = (await report()).filter((p) => !/pack_|ERR_FAILED|Failed to fetch/.test(p));
    expect(unexpected).toEqual([]);
    await context.close();
  });
}

test('when the app cannot be downloaded, the first screen says so, and "Try again" starts it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(baseURL), problems);
  let blocked = true;
  await context.route(/\/interview-practice-[0-9a-f]{16}\.js$/, (route) => (blocked ? route.abort() : route.continue()));
  const page = await context.newPage();
  await page.goto('/?mode=interview');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Interview Practice could not start: its files could not be downloaded. Check the connection, then try again.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mock interview');
  await expect(page.getByRole('button', { name: 'Start interview' })).toBeDisabled();
  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('html[data-app="ready"]')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Start interview' })).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const unexpected = (await report()).filter((p) => !/interview-practice-[0-9a-f]{16}\.js|ERR_FAILED|could not start its WebAssembly/.test(p));
  expect(unexpected).toEqual([]);
  await context.close();
});

test("when the site's policy blocks the WebAssembly, the first screen says so", async ({ browser }) => {
  const host = await changingHost(DIST, port(0), port(1));
  // A host that sends its own policy, without 'wasm-unsafe-eval'.
  host.headers = { 'Content-Security-Policy': "script-src 'self' 'unsafe-inline'" };
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const problems = [];
  const report = await guard(context, origins(host.url), problems);
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    await expect(page.getByRole('alert')).toContainText(
      'Interview Practice could not start: this site’s security settings block it in this browser.',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');
    const unexpected = (await report()).filter((p) => !/wasm-eval|unsafe-eval|WebAssembly/.test(p));
    expect(unexpected).toEqual([]);
  } finally {
    await host.stop();
    await context.close();
  }
});
