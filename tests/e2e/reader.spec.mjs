// A reader browses the guides, reads questions and articles, searches, and shares links.
import { test, expect, open } from './fixtures.mjs';

test('the start page names the three guides with their counts and sections, and the library', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise for your cloud interview');
  const guides = page.locator('li.guide');
  await expect(guides).toHaveCount(3);
  await expect(guides.nth(0).getByRole('heading')).toHaveText('Part 1: Operations');
  await expect(guides.nth(1).getByRole('heading')).toHaveText('Part 2: Deployment');
  await expect(guides.nth(2).getByRole('heading')).toHaveText('Part 3: DBA and Architecture');
  await expect(guides.nth(0)).toContainText('23 questions');
  await expect(guides.nth(1)).toContainText('23 questions');
  await expect(guides.nth(2)).toContainText('17 questions');
  await expect(guides.nth(0).getByRole('link', { name: 'Solid unix systems administrator' })).toBeVisible();
  await expect(guides.nth(0).getByRole('link', { name: 'Cloud concepts' })).toBeVisible();
  await expect(guides.nth(1).getByRole('link', { name: 'Deploying in the Cloud' })).toBeVisible();
  await expect(guides.nth(1).getByRole('link', { name: 'Day to day skills' })).toBeVisible();
  await expect(guides.nth(2).getByRole('link', { name: 'Database administration experience' })).toBeVisible();
  await expect(guides.nth(2).getByRole('link', { name: 'Architecture & Management Questions' })).toBeVisible();
  const library = page.locator('ul.library li');
  await expect(library).toHaveCount(7);
  await expect(page.locator('ul.library')).toContainText('AirBNB didn\'t have to fail');
  await expect(page).toHaveTitle('Interview Practice');
});

test('browse to a question, reveal its answer, open a related article', async ({ page }) => {
  await open(page);
  await page.locator('li.guide').nth(0).getByRole('link', { name: 'Cloud concepts' }).click();
  await expect(page).toHaveURL(/#\/questions\?part=1&section=cloud-concepts$/);
  await expect(page.getByRole('status')).toHaveText('11 questions');
  await page.getByRole('link', { name: 'What is multi-az?' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is multi-az?');
  await expect(page.getByText('From “Cloud Operations Interview” by Sean Hull')).toBeVisible();
  await expect(page.getByText('availability zones')).toHaveCount(0);
  const reveal = page.getByRole('button', { name: 'Reveal answer' });
  await expect(reveal).toHaveAttribute('aria-expanded', 'false');
  await reveal.click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expect(page.locator('#answer')).toContainText('they offer a number of datacenters (called availability zones)');
  const keyPoints = page.locator('.key-points li');
  expect(await keyPoints.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('button', { name: 'Hide answer' })).toHaveAttribute('aria-expanded', 'true');

  await page.locator('.related').getByRole('link', { name: 'AirBNB didn\'t have to fail' }).click();
  await expect(page).toHaveURL(/#\/article\/airbnb-didnt-have-to-fail$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AirBNB didn\'t have to fail');
  await expect(page.locator('.credit')).toHaveText('By Sean Hull');
  await expect(page.locator('blockquote.pull-quote').first()).toContainText('Using redundant components');
  await expect(page.locator('.newsletter')).toContainText('Read this far?');
  const citing = page.locator('section.related');
  await expect(citing.getByRole('heading')).toHaveText('Questions that point to this article');
  await expect(citing.getByRole('link', { name: 'What is multi-az?' })).toBeVisible();
  await expect(page).toHaveTitle('AirBNB didn\'t have to fail · Interview Practice');
});

test('deep links survive reload and the back button', async ({ page }) => {
  await open(page, '#/q/dba-raid');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
  await page.getByRole('link', { name: /^Next: What are the tradeoffs with more indexes/ }).click();
  await expect(page).toHaveURL(/#\/q\/dba-indexes$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');

  await open(page, '#/article/cloud-dba-interview');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud DBA and Management Interview');
  await expect(page.getByRole('heading', { name: '1. Database administration experience' })).toBeVisible();
  await page.getByRole('link', { name: 'What is RAID? Which type is best?' }).click();
  await expect(page).toHaveURL(/#\/q\/dba-raid$/);
});

test('search as you type over questions and answers, kept in the URL', async ({ page }) => {
  await open(page, '#/questions');
  await expect(page.getByRole('status')).toHaveText('63 questions');
  const search = page.getByLabel('Search questions and answers');
  await search.pressSequentially('raid');
  await expect(page.locator('ol.results li').first()).toContainText('What is RAID? Which type is best?');
  // "software raid" is in the bottleneck answer only: answers are searched too.
  await expect(page.locator('ol.results')).toContainText('What is the primary bottleneck of hosting databases in the cloud?');
  await expect(search).toBeFocused();
  await expect(page).toHaveURL(/q=raid$/);
  await search.fill('raid stripes');
  await expect(page.getByRole('status')).toHaveText('1 question');
  await search.fill('xyzzy nothing');
  await expect(page.getByRole('status')).toHaveText('No question matches.');

  await search.fill('amazon');
  await page.getByLabel('Guide').selectOption({ label: 'Part 2: Deployment' });
  await expect(page.locator('ol.results .meta').first()).toContainText('Part 2: Deployment');
  await page.getByLabel('Section').selectOption({ label: 'Deploying in the Cloud' });
  await expect(page).toHaveURL(/part=2&section=deploying-in-the-cloud&q=amazon$/);
  const count = await page.locator('ol.results li').count();
  await page.reload();
  await expect(page.getByLabel('Search questions and answers')).toHaveValue('amazon');
  await expect(page.getByLabel('Section')).toHaveValue('deploying-in-the-cloud');
  await expect(page.locator('ol.results li')).toHaveCount(count);
});

test('an unknown page says so, and text from the URL stays text', async ({ page }) => {
  await open(page, '#/q/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText('There is no question “<img src=x onerror=alert(1)>”.')).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the guides' }).click();
  await expect(page.locator('li.guide')).toHaveCount(3);
});

test('every question and article is reachable, each answer revealed', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#/questions');
  const hrefs = await page.locator('ol.results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toHaveLength(63);
  const articles = new Set();
  for (const href of hrefs) {
    await page.goto(`/${href}`);
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    const answer = page.locator('#answer');
    await expect(answer).toBeVisible();
    expect((await answer.innerText()).length).toBeGreaterThan(40);
    articles.add(await page.locator('.credit a').getAttribute('href'));
    for (const link of await page.locator('.related a').evaluateAll((l) => l.map((a) => a.getAttribute('href')))) {
      if (link.startsWith('#/article/')) articles.add(link);
    }
  }
  await open(page);
  for (const link of await page.locator('ul.library a').evaluateAll((l) => l.map((a) => a.getAttribute('href')))) {
    articles.add(link);
  }
  expect(articles.size).toBe(10);
  for (const href of articles) {
    await page.goto(`/${href}`);
    await expect(page.locator('.prose')).not.toBeEmpty();
    await expect(page.locator('.credit')).toHaveText('By Sean Hull');
  }
});

test('usable at 320 px wide with no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const hash of ['#/', '#/questions', '#/q/ops-command-line-tools', '#/article/going-solo']) {
    await open(page, hash);
    await expect(page.locator('main h1')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, hash).toBeLessThanOrEqual(0);
  }
});

test('the dark theme follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).toBe('rgb(21, 23, 26)');
  expect(light).toBe('rgb(253, 253, 252)');
});
