// The settings' other names (wordpress/aliases.json): `guides` for parts, `question` for q, and
// the `speaking` (or `speak`) switch for answer="speak". They reach the widget under its own
// names, are checked as the settings they stand for, and a notice names them as written.
import { test, expect, attributes, widget } from './fixtures.mjs';
import { SITES, auth, wp } from './sites.mjs';

const NOTICE = '.interview-practice-notice';
const BAD = '[interview_practice guides="4" question="nope" speaking="maybe" time="90"]';

test('a reader gets the settings written by their other names, in the speaking mode', async ({ page }) => {
  const { url } = wp('root', 'post', {
    title: 'Settings by their other names',
    content: '[interview_practice guides="3" question="dba-raid" count="1" speak]',
  });
  await page.goto(url);
  const element = page.locator('interview-practice');
  expect(await attributes(page)).toEqual(['mode', 'parts', 'q', 'count', 'answer']);
  await expect(element).toHaveAttribute('parts', '3');
  await expect(element).toHaveAttribute('q', 'dba-raid');
  await expect(element).toHaveAttribute('answer', 'speak');
  const frame = await widget(page);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
  await expect(frame.getByRole('button', { name: 'Start recording' })).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
});

test('a reader gets the defaults for wrong values written by the other names, and no notice', async ({ page }) => {
  const { url } = wp('root', 'post', { title: 'Wrong values by other names, as a reader sees them', content: BAD });
  await page.goto(url);
  expect(await attributes(page)).toEqual(['mode', 'time']);
  await expect(page.locator(NOTICE)).toHaveCount(0);
  const frame = await widget(page);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByText(/^Question 1 of 5/)).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'Your answer' })).toBeVisible();
});

test.describe('the post\'s author, signed in', () => {
  test.use({ storageState: auth('root', 'admin') });

  test('sees each wrong value named by the name written, in a shortcode and in a block', async ({ page }) => {
    const shortcode = wp('root', 'post', { title: 'Wrong values by other names', content: BAD });
    await page.goto(shortcode.url);
    await expect(page.locator(`${NOTICE} li`)).toHaveText([
      'guides: must list guide parts 1 to 3, not “4”',
      'question: no question “nope”',
      'speaking: must be true or false, not “maybe”',
    ]);
    expect(await attributes(page)).toEqual(['mode', 'time']);

    const block = wp('root', 'post', {
      title: 'A block with wrong values by other names',
      content: '<!-- wp:interview-practice/widget {"guides":"1,4","speaking":"maybe","speak":"yes","count":"2"} /-->',
    });
    await page.goto(block.url);
    await expect(page.locator(`${NOTICE} li`)).toHaveText([
      'guides: must list guide parts 1 to 3, not “4”',
      'speaking: must be true or false, not “maybe”',
      'speak: duplicates speaking, which is read instead',
    ]);
    expect(await attributes(page)).toEqual(['class', 'mode', 'count']);
  });

  test('a block written with the other names shows them in the sidebar, which writes the own names', async ({ page, reader }) => {
    const { id, url } = wp('root', 'post', {
      title: 'A block by other names',
      content: '<!-- wp:interview-practice/widget {"guides":"3","speaking":"true"} /-->',
    });
    await page.goto(url);
    expect(await attributes(page)).toEqual(['class', 'mode', 'parts', 'answer']);
    await expect(page.locator('interview-practice')).toHaveAttribute('answer', 'speak');
    await expect(page.locator(NOTICE)).toHaveCount(0);

    await page.goto(`${SITES.root.url}/wp-admin/post.php?post=${id}&action=edit`);
    await page.getByRole('document', { name: 'Block: Interview Practice' }).click();
    const open = page.getByRole('region', { name: 'Editor top bar' }).getByRole('button', { name: 'Settings', exact: true });
    if ((await open.getAttribute('aria-pressed')) !== 'true') await open.click();
    const sidebar = page.getByRole('region', { name: 'Editor settings' });
    await expect(sidebar.getByLabel('Part 3: DBA and Architecture')).toBeChecked();
    await expect(sidebar.getByLabel('Part 1: Operations')).not.toBeChecked();
    await expect(sidebar.getByLabel('Answers')).toHaveValue('speak');

    await sidebar.getByLabel('Part 1: Operations').check();
    const preview = page.locator('.wp-block-interview-practice-widget interview-practice');
    await expect(preview).toHaveAttribute('parts', '1,3');
    await expect(preview).toHaveAttribute('answer', 'speak');
    await expect(page.locator(`.wp-block-interview-practice-widget ${NOTICE}`)).toHaveCount(0);
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await expect(page.getByText('Post updated.').first()).toBeVisible();

    // Saved under the own name, beside the speaking switch the sidebar left alone.
    await page.goto(url);
    await expect(page.locator(NOTICE)).toHaveCount(0);
    expect(await attributes(page)).toEqual(['class', 'mode', 'parts', 'answer']);
    await reader.goto(url);
    await expect(reader.locator('interview-practice')).toHaveAttribute('parts', '1,3');
    await expect(reader.locator('interview-practice')).toHaveAttribute('answer', 'speak');
  });
});
