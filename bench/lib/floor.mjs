// The floor of the two interactions over budget on this machine: the same change of the same
// markup, with the same CSS, made by a few lines of plain script on a static page. It says how
// much of an interaction's time is the app's and how much any page would pay here (style,
// layout, paint and presenting the frame), measured in the same run as the app.
//
// Written into the static baseline's folder (bench/baseline/, served like the app) from what the
// app itself renders: its start page and the interview page its Start button opens, and its
// question list. floor.js then does, on the start page, what the click does (the interview's
// markup in place of the start page's, focus in the answer), and on the list what a keystroke
// does (the questions whose title holds the text, in list order; the app also searches the
// model answers, so its lists are often longer).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appReady } from './browser.mjs';

const SCRIPT = `
const app = document.getElementById('app');
const interview = document.getElementById('interview');
if (interview) {
  app.addEventListener('click', (event) => {
    if (!event.target.closest('.practice .actions button')) return;
    const next = interview.content.firstElementChild.cloneNode(true);
    app.replaceWith(next);
    next.querySelector('textarea').focus();
  });
}
const results = document.querySelector('ol.results');
if (results) {
  const items = [...results.children].map((li) => [li, li.querySelector('a').textContent.toLowerCase()]);
  const input = document.querySelector('label.search input');
  input.addEventListener('input', () => {
    const text = input.value.trim().toLowerCase();
    results.replaceChildren(...items.filter(([, title]) => title.includes(text)).map(([li]) => li));
  });
}
document.documentElement.setAttribute('data-app', 'ready');
`;

const page = (body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interview Practice: floor</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="app.css">
</head>
<body>
${body}
<script src="floor.js"></script>
</body>
</html>
`;

/// Renders the floor pages from the app at `url` into `dir`: floor-start.html, floor-search.html
/// and floor.js. Returns their paths relative to `dir`.
export async function writeFloor(browser, url, dir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    await tab.goto(`${url}#/`);
    await appReady(tab);
    const app = () => document.getElementById('app').outerHTML.replaceAll('<!---->', '');
    const start = await tab.evaluate(app);
    await tab.getByRole('button', { name: 'Start a 5-question interview (2:00 each)' }).click();
    await tab.locator('article.running textarea#answer').waitFor();
    // The running page whole (its interview piece here), without the clock's later ticks.
    await tab.waitForTimeout(500);
    const running = await tab.evaluate(app);
    await tab.goto(`${url}#/questions`);
    await tab.reload();
    await appReady(tab);
    await tab.locator('ol.results li').first().waitFor();
    const list = await tab.evaluate(app);
    await writeFile(join(dir, 'floor.js'), SCRIPT);
    await writeFile(join(dir, 'floor-start.html'), page(`${start}\n<template id="interview">${running}</template>`));
    await writeFile(join(dir, 'floor-search.html'), page(list));
    return { start: 'floor-start.html', search: 'floor-search.html' };
  } finally {
    await context.close();
  }
}
