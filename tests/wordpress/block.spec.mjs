// Posts made with the "Interview Practice" block: readers get the same widget as from the
// shortcode (the same PHP renders both); editors insert, configure and publish it.
import { test, expect, attributes, expectSized, widget } from './fixtures.mjs';
import { SITES, auth, wp } from './sites.mjs';

const ARCHITECTURE = 'architecture-management-questions';

test('a reader runs a whole interview in a block, and resumes it after a reload', async ({ page }) => {
  const { url } = wp('root', 'post', {
    title: 'Practise with a block',
    content: `<!-- wp:paragraph --><p>Before the widget.</p><!-- /wp:paragraph -->\n<!-- wp:interview-practice/widget {"count":"1","order":"guide","sections":"${ARCHITECTURE}","theme":"dark","align":"wide"} /-->`,
  });
  await page.goto(url);
  const element = page.locator('interview-practice');
  await expect(element).toHaveClass(/\bwp-block-interview-practice-widget\b/);
  await expect(element).toHaveClass(/\balignwide\b/);
  expect(await attributes(element.page())).toEqual(['class', 'mode', 'sections', 'count', 'order', 'theme']);
  let frame = await widget(page);
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectSized(page);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByText(/^Question 1 of 1/)).toBeVisible();
  await frame.getByRole('textbox', { name: 'Your answer' }).fill('Open standards');
  await page.reload();
  frame = await widget(page);
  await frame.getByRole('link', { name: 'Resume your interview (question 1 of 1)' }).click();
  await expect(frame.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Open standards');
  await frame.getByRole('button', { name: 'Done', exact: true }).click();
  await frame.getByRole('button', { name: /^Good/ }).click();
  await frame.getByRole('button', { name: 'See summary' }).click();
  await expect(frame.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await expectSized(page);
});

test.describe('an editor', () => {
  test.use({ storageState: auth('root', 'admin') });

  test('inserts the block, configures it with a live preview, publishes, and readers get it', async ({ page, reader }) => {
    await page.goto(`${SITES.root.url}/wp-admin/post-new.php`);
    await page.getByRole('textbox', { name: 'Add title' }).fill('Made in the editor');
    await page.getByRole('button', { name: 'Toggle block inserter' }).click();
    await page.getByRole('searchbox', { name: 'Search for blocks and patterns' }).fill('Interview Practice');
    await page.getByRole('option', { name: 'Interview Practice' }).click();

    // The sidebar's settings, each value allowed by the table.
    await page.getByRole('button', { name: 'Toggle block inserter' }).click();
    const open = page.getByRole('region', { name: 'Editor top bar' }).getByRole('button', { name: 'Settings', exact: true });
    if ((await open.getAttribute('aria-pressed')) !== 'true') await open.click();
    const sidebar = page.getByRole('region', { name: 'Editor settings' });
    await expect(sidebar.getByRole('button', { name: 'Widget' })).toBeVisible();
    await sidebar.getByRole('spinbutton', { name: 'Questions in an interview' }).fill('3');
    await sidebar.getByLabel('Theme').selectOption('dark');
    await sidebar.getByLabel('Part 3: DBA and Architecture').check();
    await sidebar.getByLabel('Header and footer').selectOption('true');

    // The preview is the widget the server renders, as readers will get it.
    const preview = page.locator('.wp-block-interview-practice-widget interview-practice');
    await expect(preview).toHaveAttribute('count', '3');
    await expect(preview).toHaveAttribute('theme', 'dark');
    await expect(preview).toHaveAttribute('parts', '3');
    await expect(preview).toHaveAttribute('compact', 'true');
    const inEditor = preview.frameLocator('iframe');
    await expect(inEditor.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(inEditor.getByRole('button', { name: 'Start interview' })).toBeVisible();

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('region', { name: 'Editor publish' }).getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText('is now live.')).toBeVisible();
    const url = await page.getByRole('region', { name: 'Editor publish' }).getByRole('link', { name: 'View Post' }).first().getAttribute('href');

    await reader.goto(url);
    const element = reader.locator('interview-practice');
    expect(await attributes(element.page())).toEqual(['class', 'mode', 'parts', 'count', 'theme', 'compact']);
    await expect(element).toHaveAttribute('count', '3');
    const frame = await widget(reader);
    await expect(frame.locator('header.site')).toBeHidden();
    await frame.getByRole('button', { name: 'Start interview' }).click();
    await expect(frame.getByText(/^Question 1 of 3/)).toBeVisible();
  });
});
