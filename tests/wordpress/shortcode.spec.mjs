// Readers of posts with the [interview_practice] shortcode, on the site at the root.
import { test, expect, expectSized, widget } from './fixtures.mjs';
import { SITES, wp } from './sites.mjs';

const APP = `${SITES.root.url}/wp-content/plugins/interview-practice/app/`;
const ARCHITECTURE = 'architecture-management-questions';

/// A published post on the root site.
const post = (title, content) => wp('root', 'post', { title, content });

/// The script tags and inline scripts of a page as served.
async function scripts(request, url) {
  const html = await (await request.get(url)).text();
  return {
    html,
    sources: [...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)].map((m) => m[1]),
    inline: [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1].trim()),
  };
}

test('a reader runs a whole interview, reloads mid-question and resumes; the frame stays as tall as its content', async ({ page }) => {
  const { url } = post('Practise two questions', `<p>Before the widget.</p>\n[interview_practice count="2" order="guide" sections="${ARCHITECTURE}"]\n<p>After the widget.</p>`);
  await page.goto(url);
  await expect(page.locator('interview-practice')).toHaveAttribute('count', '2');
  let frame = await widget(page);
  await expect(page.locator('interview-practice iframe')).toHaveAttribute('src', `${APP}?mode=interview&sections=3%2F${ARCHITECTURE}&count=2&order=guide`);
  await expectSized(page);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByText(/^Question 1 of 2/)).toBeVisible();
  const heading = frame.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Why does the API battle between Amazon & Eucalyptus (FOSS) matter?');
  await frame.getByRole('textbox', { name: 'Your answer' }).fill('half an answer');
  await expectSized(page);

  await page.reload();
  frame = await widget(page);
  await frame.getByRole('link', { name: 'Resume your interview (question 1 of 2)' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Why does the API battle between Amazon & Eucalyptus (FOSS) matter?');
  await expect(frame.getByRole('textbox', { name: 'Your answer' })).toHaveValue('half an answer');
  await expect(frame.getByText(/^Question 1 of 2/)).toBeVisible();
  await expectSized(page);

  await frame.getByRole('textbox', { name: 'Your answer' }).fill('Open standards let you change vendors.\n'.repeat(12));
  await frame.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(frame.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expectSized(page);
  await frame.getByRole('button', { name: /^Good/ }).click();
  await frame.getByRole('button', { name: 'Next question' }).click();
  await expect(frame.getByText(/^Question 2 of 2/)).toBeVisible();
  await frame.getByRole('textbox', { name: 'Your answer' }).fill('Replication and backups.');
  await frame.getByRole('button', { name: 'Done', exact: true }).click();
  await frame.getByRole('button', { name: /^Hard/ }).click();
  await frame.getByRole('button', { name: 'See summary' }).click();
  await expect(frame.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await expectSized(page);
  // A narrower window, taller content: still exact, with no scroll bar inside.
  await page.setViewportSize({ width: 360, height: 700 });
  await expectSized(page);
  const inner = await (await page.locator('interview-practice iframe').elementHandle()).contentFrame();
  expect(await inner.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight + 1)).toBe(false);
});

test('two widgets on a post: one embed.js, each widget with its own settings and height', async ({ page }) => {
  const { url } = post(
    'Two widgets',
    '[interview_practice mode="question" q="ops-cdn" compact]\n<p>Between.</p>\n[interview_practice mode="browse" parts="3" theme="dark"]',
  );
  const loads = [];
  page.on('request', (request) => request.url().includes('/embed.js') && loads.push(request.url()));
  await page.goto(url);
  await expect(page.locator('script[src*="/embed.js"]')).toHaveCount(1);
  await expect(page.locator('interview-practice')).toHaveCount(2);
  const question = await widget(page, 0);
  const browser = await widget(page, 1);
  expect(loads).toHaveLength(1);
  expect(loads[0]).toMatch(new RegExp(`^${APP}embed\\.js\\?ver=`));
  await expect(question.getByRole('heading', { level: 1 })).toHaveText(/CDN/);
  await expect(question.locator('header.site')).toBeHidden();
  await expect(browser.locator('header.site')).toBeVisible();
  await expect(browser.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(question.locator('html')).not.toHaveAttribute('data-theme', 'dark');
  const [a, b] = [await expectSized(page, 0), await expectSized(page, 1)];
  expect(a.outer).not.toBe(b.outer);
  // Acting in one leaves the other as it was.
  const before = await question.locator('main').innerText();
  await browser.getByRole('searchbox').fill('raid');
  await expect(browser.getByRole('link', { name: /RAID/ }).first()).toBeVisible();
  await expectSized(page, 1);
  expect(await question.locator('main').innerText()).toBe(before);
  await expectSized(page, 0);
});

test('the plugin adds no inline script, and nothing to a post without a widget', async ({ request }) => {
  const plain = post('No widget here', '<p>Just words.</p>');
  const widget = post('A widget here', '<p>Just words.</p>\n[interview_practice]');
  const without = await scripts(request, plain.url);
  const with_ = await scripts(request, widget.url);
  expect(without.html).not.toMatch(/interview-practice|interview_practice/);
  expect(with_.inline).toEqual(without.inline);
  expect(with_.sources.filter((s) => !without.sources.includes(s))).toEqual([expect.stringMatching(new RegExp(`^${APP}embed\\.js\\?ver=`))]);
  // The site's defaults: an interview ready to start.
  expect(with_.html).toContain('<interview-practice mode="interview"></interview-practice>');
});
