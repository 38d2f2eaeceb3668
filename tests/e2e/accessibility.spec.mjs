// axe-core with the WCAG 2.1 A and AA rules on every screen and state, in both themes.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open } from './fixtures.mjs';
import { InterviewPage } from './interview-page.mjs';

const ARCHITECTURE = 'Architecture & Management Questions';

async function expectAccessible(page, screen) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations, screen).toEqual([]);
}

for (const scheme of ['light', 'dark']) {
  test.describe(`${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('reading: start page, browser, question, article', async ({ page }) => {
      await open(page);
      await expectAccessible(page, 'start page');
      await open(page, '#/questions?part=1&q=cloud');
      await expect(page.locator('ol.results li').first()).toBeVisible();
      await expectAccessible(page, 'question browser');
      await open(page, '#/q/dba-raid');
      await page.getByRole('button', { name: 'Reveal answer' }).click();
      await expectAccessible(page, 'question with its answer');
      await open(page, '#/article/airbnb-didnt-have-to-fail');
      await expectAccessible(page, 'article');
      await open(page, '#/article/cloud-operations-interview');
      await expectAccessible(page, 'guide article');
      await open(page, '#/q/nope');
      await expectAccessible(page, 'not found');
    });

    test('interview: set-up, running, reveal, summary, history', async ({ page }) => {
      // Ten scans of whole pages, statistics twice: on a loaded machine this takes about the
      // default 30 s on its own.
      test.slow();
      await open(page, '#/interview/new');
      await expectAccessible(page, 'set-up');
      const interview = new InterviewPage(page);
      await interview.start({ section: ARCHITECTURE, count: 2 });
      await interview.type('open standards');
      await expectAccessible(page, 'interview running');
      await interview.done();
      await interview.rate('Hard');
      await expectAccessible(page, 'reveal');
      await interview.next();
      await page.getByRole('button', { name: 'Skip' }).click();
      await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
      await expectAccessible(page, 'summary');
      await open(page, '#/history');
      await expectAccessible(page, 'history');
      await open(page, '#/stats');
      await expectAccessible(page, 'statistics');
      await page.setViewportSize({ width: 320, height: 640 });
      await expectAccessible(page, 'statistics at 320 px');
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, '#/review');
      await page.getByRole('button', { name: 'Reveal answer' }).click();
      await expectAccessible(page, 'review');
      await open(page, '#/data');
      await expectAccessible(page, 'your data');
      await open(page, '#/embed');
      await expectAccessible(page, 'embed page');
    });

    test('notices: unreadable data, full storage, ignored parameters', async ({ page }) => {
      await page.addInitScript(() => {
        if (localStorage.getItem('e2e-seeded')) return;
        localStorage.setItem('e2e-seeded', '1');
        localStorage.setItem('interview-practice/interview/cut', '{"schema":2,"data":{"id"');
      });
      await page.goto('/?mode=quiz&count=abc');
      await expect(page.getByText('Some settings in the address were ignored')).toBeVisible();
      await expect(page.getByText('Some saved progress could not be read.')).toBeVisible();
      await expectAccessible(page, 'unreadable data and ignored parameters');
      await page.evaluate(() => {
        let n = 0;
        for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
          const chunk = 'x'.repeat(size);
          for (;;) {
            try { localStorage.setItem(`e2e-fill-${n++}`, chunk); } catch { break; }
          }
        }
      });
      await page.getByRole('button', { name: /^Start a 5-question interview/ }).click();
      await expect(page.getByText('Browser storage is full.')).toBeVisible();
      await expectAccessible(page, 'storage full');
    });
  });
}
