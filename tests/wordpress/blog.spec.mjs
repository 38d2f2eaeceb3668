// WordPress under /blog/: the widget, Settings → Interview Practice, and uninstalling. One
// after the other, since the settings are the site's and uninstalling removes the plugin.
import { test, expect, expectSized, widget } from './fixtures.mjs';
import { PLUGIN, SITES, auth, wp } from './sites.mjs';

const BLOG = SITES.blog;
const APP = `${BLOG.url}/wp-content/plugins/interview-practice/app/`;
const SETTINGS = `${BLOG.url}/wp-admin/options-general.php?page=interview-practice`;
const OPTION = 'interview_practice_defaults';

test.describe.configure({ mode: 'serial' });

test('the widget works on a WordPress under /blog/', async ({ page }) => {
  const { url } = wp('blog', 'post', { title: 'Practise under a path', content: '[interview_practice q="dba-raid"]' });
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4211\/blog\//);
  await page.goto(url);
  await expect(page.locator('script[src*="/embed.js"]')).toHaveAttribute('src', new RegExp(`^${APP}embed\\.js\\?ver=`));
  const frame = await widget(page);
  await expect(page.locator('interview-practice iframe')).toHaveAttribute('src', `${APP}?mode=interview&q=dba-raid`);
  await expectSized(page);
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await frame.getByRole('textbox', { name: 'Your answer' }).fill('RAID 10 mirrors and stripes');
  await frame.getByRole('button', { name: 'Done', exact: true }).click();
  await frame.getByRole('button', { name: /^Good/ }).click();
  await frame.getByRole('button', { name: 'See summary' }).click();
  await expect(frame.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await expectSized(page);
});

test.describe('an administrator', () => {
  test.use({ storageState: auth('blog', 'admin') });

  test('sets the defaults every widget uses, with a preview that follows the form', async ({ page }) => {
    await page.goto(`${BLOG.url}/wp-admin/plugins.php`);
    await page.locator('tr[data-plugin="interview-practice/interview-practice.php"]').getByRole('link', { name: 'Settings' }).click();
    // Loaded: the preview follows the form by the page's script.
    await page.waitForURL(SETTINGS);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interview Practice');
    // A row per setting of the widget.
    for (const name of ['mode', 'parts', 'sections', 'q', 'count', 'time', 'order', 'answer', 'theme', 'accent', 'compact']) {
      await expect(page.locator('form#interview-practice-settings th code', { hasText: new RegExp(`^${name}$`) })).toHaveCount(1);
    }
    const preview = page.locator('#interview-practice-preview');
    await expect(preview).toHaveAttribute('mode', 'interview');
    let frame = await widget(page);
    await expect(frame.getByRole('button', { name: 'Start interview' })).toBeVisible();

    // The preview follows the form before it is saved.
    await page.getByLabel('Theme').selectOption('dark');
    await expect(preview).toHaveAttribute('theme', 'dark');
    frame = await widget(page);
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');

    await page.getByLabel('Questions in an interview').fill('7');
    await page.getByLabel('Accent colour').fill('red');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    // The wrong value is named and the previous one kept; the others are saved.
    await expect(page.locator('.notice-error, .error').filter({ hasText: 'accent: must be a hex colour such as #0b5cad, not “red”. The previous value is kept.' })).toBeVisible();
    expect(wp('blog', 'option', { name: OPTION })).toEqual({ mode: 'interview', count: '7', theme: 'dark' });
    await expect(page.getByLabel('Questions in an interview')).toHaveValue('7');
    await expect(page.getByLabel('Accent colour')).toHaveValue('');

    await page.getByLabel('Accent colour').fill('#AbC');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    expect(wp('blog', 'option', { name: OPTION })).toEqual({ mode: 'interview', count: '7', theme: 'dark', accent: '#aabbcc' });
    await expect(preview).toHaveAttribute('accent', '#aabbcc');

    // A widget that sets none of them gets them all; one that sets its own keeps it.
    const { url } = wp('blog', 'post', { title: 'Site defaults', content: '[interview_practice]\n[interview_practice theme="light"]' });
    await page.goto(url);
    const widgets = page.locator('interview-practice');
    await expect(widgets.nth(0)).toHaveAttribute('count', '7');
    await expect(widgets.nth(0)).toHaveAttribute('theme', 'dark');
    await expect(widgets.nth(0)).toHaveAttribute('accent', '#aabbcc');
    await expect(widgets.nth(1)).toHaveAttribute('theme', 'light');
    await expect(widgets.nth(1)).toHaveAttribute('count', '7');

    // Back to the plugin's defaults: empty fields leave each setting to the widget.
    await page.goto(SETTINGS);
    await page.getByLabel('Theme').selectOption('');
    await page.getByLabel('Questions in an interview').fill('');
    await page.getByLabel('Accent colour').fill('');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    expect(wp('blog', 'option', { name: OPTION })).toEqual({ mode: 'interview' });
  });

  test('saving without the form\'s nonce is refused', async ({ page }) => {
    const before = wp('blog', 'option', { name: OPTION });
    const response = await page.request.post(`${BLOG.url}/wp-admin/options.php`, {
      form: { option_page: 'interview_practice', action: 'update', [`${OPTION}[count]`]: '9', _wpnonce: 'forged' },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('The link you followed has expired.');
    expect(wp('blog', 'option', { name: OPTION })).toEqual(before);
  });
});

test.describe('an author', () => {
  test.use({ storageState: auth('blog', 'author') });

  test('may neither see nor save the settings', async ({ page }) => {
    const response = await page.request.get(SETTINGS);
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Sorry, you are not allowed to access this page.');
    const before = wp('blog', 'option', { name: OPTION });
    const post = await page.request.post(`${BLOG.url}/wp-admin/options.php`, {
      form: { option_page: 'interview_practice', action: 'update', [`${OPTION}[count]`]: '9' },
    });
    expect(post.status()).toBe(403);
    expect(await post.text()).toContain('Sorry, you are not allowed to manage options for this site.');
    expect(wp('blog', 'option', { name: OPTION })).toEqual(before);
  });
});

test.describe('uninstalling', () => {
  test.use({ storageState: auth('blog', 'admin') });

  test('removes the plugin and its settings', async ({ page }) => {
    await page.goto(SETTINGS);
    await page.getByLabel('Order').selectOption('guide');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    expect(wp('blog', 'option', { name: OPTION })).toEqual({ mode: 'interview', order: 'guide' });

    await page.goto(`${BLOG.url}/wp-admin/plugins.php`);
    const row = page.locator('tr[data-plugin="interview-practice/interview-practice.php"]');
    await row.getByRole('link', { name: 'Deactivate Interview Practice' }).click();
    await expect(page.getByText('Plugin deactivated.')).toBeVisible();
    // Delete asks by a script of the page's own; clicked before it runs, the link leads to
    // WordPress's page without scripts instead.
    await page.waitForLoadState('load');
    page.once('dialog', (dialog) => dialog.accept());
    await row.getByRole('link', { name: 'Delete Interview Practice' }).click();
    await expect(page.getByText('Interview Practice was successfully deleted.')).toBeVisible();

    expect(wp('blog', 'plugin', { file: PLUGIN })).toEqual({ installed: false, active: false });
    expect(wp('blog', 'option', { name: OPTION })).toBeNull();
  });
});

test('after uninstalling, readers get the post without the widget and nothing of the plugin', async ({ page }) => {
  const { url } = wp('blog', 'post', { title: 'After the plugin', content: '<p>Words.</p>' });
  await page.goto(url);
  await expect(page.locator('interview-practice, script[src*="interview-practice"]')).toHaveCount(0);
  const app = await page.request.get(APP);
  expect(app.status()).toBe(404);
});
