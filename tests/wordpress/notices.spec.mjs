// A setting with a wrong value: readers get the widget with the defaults, people who may edit
// the post a notice naming it. Whatever is written, it stays text.
import { test, expect, attributes, widget } from './fixtures.mjs';
import { auth, wp } from './sites.mjs';

const BAD = '[interview_practice count="0" theme="pink" colour="red" time="90"]';
const NOTICE = '.interview-practice-notice';

test.describe('a reader', () => {
  test('sees the widget with the defaults for the wrong settings, and no notice', async ({ page }) => {
    const { url } = wp('root', 'post', { title: 'Wrong settings, as a reader sees them', content: BAD });
    await page.goto(url);
    await expect(page.locator('interview-practice')).toHaveCount(1);
    // The right one kept, the wrong ones left to the defaults.
    expect(await attributes(page)).toEqual(['mode', 'time']);
    await expect(page.locator(NOTICE)).toHaveCount(0);
    await expect(page.locator('link[href*="interview-practice/assets/notice.css"]')).toHaveCount(0);
    const frame = await widget(page);
    await expect(frame.getByText('Some settings in the address were ignored')).toHaveCount(0);
    await frame.getByRole('button', { name: 'Start interview' }).click();
    await expect(frame.getByText(/^Question 1 of 5/)).toBeVisible();
    // 90 seconds, the setting that was right.
    await expect(frame.getByRole('timer')).toHaveText(/^1:(30|2\d)$/);
  });
});

test.describe('the post\'s author, signed in', () => {
  test.use({ storageState: auth('root', 'admin') });

  test('sees a notice naming each wrong setting and why, above the widget', async ({ page }) => {
    const { url } = wp('root', 'post', { title: 'Wrong settings, as the author sees them', content: BAD });
    await page.goto(url);
    const notice = page.locator(NOTICE);
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Interview Practice ignored these settings');
    await expect(notice).toContainText('only people who can edit this post see this note');
    await expect(notice.locator('li')).toHaveText([
      'count: must be a whole number from 1 to 30, not “0”',
      'theme: must be light, dark or auto, not “pink”',
      'colour: is not a setting of the widget',
    ]);
    // Styled by the plugin's stylesheet, loaded for the notice only.
    await expect(notice).toHaveCSS('border-left-style', 'solid');
    expect(await attributes(page)).toEqual(['mode', 'time']);
    const box = await notice.boundingBox();
    const element = await page.locator('interview-practice').boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(element.y);
  });

  test('the notice and the element keep whatever is written as text', async ({ page }) => {
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    // Through a shortcode: what WordPress's shortcode parser passes on.
    const shortcode = wp('root', 'post', {
      title: 'Hostile shortcode',
      content: '[interview_practice theme="<script>alert(1)</script>" q="<i>ops-cdn</i>" label="<b>bold</b> name"]',
    });
    await page.goto(shortcode.url);
    await expect(page.locator(`${NOTICE} li`)).toHaveText([
      'theme: must be light, dark or auto, not “<script>alert(1)</script>”',
      'q: no question “<i>ops-cdn</i>”',
    ]);
    await expect(page.locator('interview-practice')).toHaveAttribute('label', 'bold name');
    expect(await attributes(page)).toEqual(['mode', 'label']);
    // Through a block: any text at all, quotes included.
    const block = wp('root', 'post', {
      title: 'Hostile block',
      content: '<!-- wp:interview-practice/widget {"mode":"\\u0022\\u003e\\u003cimg src=x onerror=alert(1)\\u003e","label":"\\u0022 onload=\\u0022alert(2)"} /-->',
    });
    await page.goto(block.url);
    await expect(page.locator(`${NOTICE} li`)).toHaveText(['mode: must be interview, browse or question, not “"><img src=x onerror=alert(1)>”']);
    await expect(page.locator('interview-practice')).toHaveAttribute('label', '" onload="alert(2)');
    await expect(page.locator('interview-practice iframe')).toHaveAttribute('title', '" onload="alert(2)');
    expect(await attributes(page)).toEqual(['class', 'mode', 'label']);
    for (const url of [shortcode.url, block.url]) {
      await page.goto(url);
      await expect(page.locator('interview-practice')).toHaveCount(1);
      await expect(page.locator('img[src="x"], .interview-practice-notice :is(script, i, b, img)')).toHaveCount(0);
    }
    expect(dialogs).toEqual([]);
  });

  test('the block gives the same notice as the shortcode, from the same checks', async ({ page }) => {
    const { url } = wp('root', 'post', {
      title: 'A block with wrong settings',
      content: '<!-- wp:interview-practice/widget {"count":"0","theme":"pink","time":"90"} /-->',
    });
    await page.goto(url);
    await expect(page.locator(`${NOTICE} li`)).toHaveText([
      'count: must be a whole number from 1 to 30, not “0”',
      'theme: must be light, dark or auto, not “pink”',
    ]);
    expect(await attributes(page)).toEqual(['class', 'mode', 'time']);
  });
});

test.describe('an author who may not edit the post', () => {
  test.use({ storageState: auth('root', 'author') });

  test('sees no notice on a post of someone else, and one on their own', async ({ page }) => {
    const theirs = wp('root', 'post', { title: 'Wrong settings in the admin\'s post', content: BAD });
    await page.goto(theirs.url);
    await expect(page.locator('#wpadminbar')).toBeVisible();
    await expect(page.locator('interview-practice')).toHaveCount(1);
    await expect(page.locator(NOTICE)).toHaveCount(0);
    const own = wp('root', 'post', { title: 'Wrong settings in my own post', content: BAD, author: 'author' });
    await page.goto(own.url);
    await expect(page.locator(NOTICE)).toBeVisible();
  });
});
