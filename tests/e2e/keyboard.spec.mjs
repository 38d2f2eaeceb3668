// A whole interview with the keyboard alone, focus always visible.
import { test, expect, open } from './fixtures.mjs';

/// Presses Tab until the element is focused (at most 60 times), as a keyboard user would.
async function tabTo(page, locator) {
  for (let i = 0; i < 60; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${locator} with Tab`);
}

async function expectFocusVisible(page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { visible: el.matches(':focus-visible'), outline: style.outlineStyle, width: style.outlineWidth };
  });
  expect(outline.visible).toBe(true);
  expect(outline.outline).not.toBe('none');
  expect(outline.width).not.toBe('0px');
}

test('a mock interview driven by the keyboard alone', async ({ page }) => {
  await page.clock.install();
  await open(page, '#/interview/new');
  await tabTo(page, page.getByLabel('Architecture & Management Questions'));
  await expectFocusVisible(page);
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Number of questions'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  // A radio group is one Tab stop; arrows choose within it.
  await tabTo(page, page.getByLabel('Random'));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Guide order')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Start interview' }));
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');

  for (const [index, rating] of [['1', '3'], ['2', '1']]) {
    await expect(page.getByText(new RegExp(`^Question ${index} of 2`))).toBeVisible();
    // The answer box has focus when the question opens.
    await expect(page.getByRole('textbox', { name: 'Your answer' })).toBeFocused();
    await page.keyboard.type('Open standards and the command line.');
    await tabTo(page, page.getByRole('button', { name: 'Done', exact: true }));
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
    await page.keyboard.press(rating);
    await tabTo(page, page.getByRole('button', { name: /^(Next question|See summary)$/ }));
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  const rows = page.locator('table.summary tbody tr');
  await expect(rows.nth(0)).toContainText('Good');
  await expect(rows.nth(1)).toContainText('Again');
  await tabTo(page, page.getByRole('button', { name: 'Practise the 1 question rated Again or Hard' }));
  await expectFocusVisible(page);
});

test('the timer is a live-announced timer, quiet between the announcements', async ({ page }) => {
  await page.clock.install();
  await open(page);
  await page.getByRole('button', { name: /^Start a 5-question interview/ }).focus();
  await page.keyboard.press('Enter');
  const timer = page.getByRole('timer');
  await expect(timer).toHaveAttribute('aria-label', 'Time left for this question');
  await expect(timer).not.toHaveAttribute('aria-live', /polite|assertive/);
  const live = page.locator('[aria-live="polite"]');
  const heard = [];
  for (let s = 5; s <= 115; s += 5) {
    await page.clock.runFor(5_000);
    const text = await live.textContent();
    if (text && heard[heard.length - 1] !== text) heard.push(text);
  }
  expect(heard).toEqual(['One minute left', 'Ten seconds left']);
});
