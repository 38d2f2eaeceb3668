// A page object for the mock interview: what a reader clicks and reads.
import { expect, open } from './fixtures.mjs';

export class InterviewPage {
  constructor(page) {
    this.page = page;
    this.answer = page.getByRole('textbox', { name: 'Your answer' });
    this.timer = page.getByRole('timer');
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /// Sets up and starts an interview from the set-up page.
  /// Two tabs in one test: act on the one in front, as a reader would.
  async front() {
    await this.page.bringToFront();
  }

  async start({ section, part, count = 3, order = 'Guide order', mode = 'Type your answer', time } = {}) {
    await open(this.page, '#/interview/new');
    if (part) await this.page.getByLabel(part).check();
    if (section) await this.page.getByLabel(section).check();
    await this.page.getByLabel('Number of questions').fill(String(count));
    await this.page.getByLabel('Number of questions').blur();
    if (time) await this.page.getByLabel('Time per question').selectOption({ label: time });
    await this.page.getByLabel(order).check();
    await this.page.getByLabel(mode).check();
    await this.page.getByRole('button', { name: 'Start interview' }).click();
    await expect(this.page).toHaveURL(/#\/interview$/);
    await expect(this.page.getByText(/^Question 1 of \d+/)).toBeVisible();
  }

  async type(text) {
    await this.answer.fill(text);
  }

  async done() {
    await this.page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  }

  async rate(name) {
    await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  }

  async next() {
    await this.page.getByRole('button', { name: /^(Next question|See summary)$/ }).click();
  }

  keyPoints() {
    return this.page.locator('.key-points-check li');
  }
}
