// Speaking an answer: recording with Chromium's fake microphone, transcription by a scripted
// stand-in for on-device SpeechRecognition (the real one is not in a headless browser), and
// the delivery figures. Nothing may leave the page (the fixtures fail any request elsewhere).
import { test, expect, open, guard, origins } from './fixtures.mjs';
import config from './playwright.config.mjs';
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// A steady tone for the fake microphone, which loops it. Its default signal is a short beep a
/// second, which the level meter's samples (every 100 ms) catch only now and then: a 20-second
/// recording then sometimes had less than the ten seconds between its first and last sound that
/// a pace needs.
function tone() {
  const rate = 48_000;
  const samples = rate; // one second, looped
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 0.3 * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // PCM header size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const file = join(tmpdir(), 'interview-practice-tone.wav');
  writeFileSync(file, Buffer.concat([header, data]));
  return file;
}

test.use({
  launchOptions: {
    ...config.use.launchOptions,
    args: [
      ...config.use.launchOptions.args,
      // A microphone that plays a steady tone, granted without a prompt.
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${tone()}`,
      '--use-fake-ui-for-media-stream',
    ],
  },
});

const SAID = 'So, um, I would use RAID 10 because, uh, RAID 5 has a write penalty. You know, basically the rebuild is slow.';

/// Installs a stand-in for SpeechRecognition in every page of the context: it records how
/// every recogniser was started, refuses to start one without processLocally (as a guard, the
/// app must never try), and emits SAID as results, the last one final when stopped.
async function scriptedRecognition(context, availability = 'available', installs = true) {
  await context.addInitScript(
    ({ said, availability, installs }) => {
      window.__speech = { started: [], asked: [], installs: 0 };
      const result = (text, isFinal) => Object.assign([{ transcript: text, confidence: 0.9 }], { isFinal });
      class Recognition {
        // Like Chrome's: processLocally is an accessor of the class, false by default.
        get processLocally() {
          return this.local === true;
        }
        set processLocally(value) {
          this.local = Boolean(value);
        }
        constructor() {
          this.lang = '';
          this.continuous = false;
          this.interimResults = false;
          this.onresult = this.onend = this.onerror = null;
        }
        static available(options) {
          window.__speech.asked.push(JSON.parse(JSON.stringify(options)));
          return Promise.resolve(availability);
        }
        static install() {
          window.__speech.installs += 1;
          return Promise.resolve(installs);
        }
        start() {
          window.__speech.started.push({ processLocally: this.processLocally, lang: this.lang });
          if (this.processLocally !== true) throw new DOMException('not on the device', 'NotAllowedError');
          const words = said.split(' ');
          let n = 0;
          this.timer = setInterval(() => {
            n = Math.min(words.length, n + 4);
            this.onresult?.({ resultIndex: 0, results: [result(words.slice(0, n).join(' '), false)] });
          }, 250);
        }
        stop() {
          clearInterval(this.timer);
          setTimeout(() => {
            this.onresult?.({ resultIndex: 0, results: [result(said, true)] });
            this.onend?.({});
          }, 50);
        }
        abort() {
          this.stop();
        }
      }
      window.SpeechRecognition = Recognition;
      window.webkitSpeechRecognition = Recognition;
    },
    { said: SAID, availability, installs },
  );
}

/// Opens a one-question spoken interview on "What is RAID?" and starts it.
async function startSpoken(page) {
  await open(page, '?mode=interview&q=dba-raid&count=1&answer=speak');
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is RAID? Which type is best?');
}

/// Ends the interview's last question: its recording plays on the reveal, it is rated Good, and
/// the summary opens.
async function finishWithRecording(page) {
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expectPlayable(page.getByLabel('Your recording'));
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'See summary' }).click();
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
}

/// The audio element has loaded the stored recording and can play it.
async function expectPlayable(player) {
  await expect(player).toHaveAttribute('src', /^blob:/);
  const state = await player.evaluate(
    (audio) =>
      new Promise((resolve) => {
        const done = () => resolve({ ready: audio.readyState, error: audio.error && audio.error.code });
        if (audio.readyState >= 1 || audio.error) done();
        else {
          audio.addEventListener('loadedmetadata', done, { once: true });
          audio.addEventListener('error', done, { once: true });
        }
      }),
  );
  expect(state.error).toBeNull();
  expect(state.ready).toBeGreaterThanOrEqual(1);
}

test('record an answer: the reveal plays it, with its transcript, words per minute and fillers, also after a reload', async ({ page, context }) => {
  test.setTimeout(60_000);
  await scriptedRecognition(context);
  await startSpoken(page);
  await expect(page.getByText('Transcription runs on this device; no audio leaves it.')).toBeVisible();

  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await expect(page.getByText('Recording on this device.')).toBeVisible();
  await expect(page.getByText(/^Transcript so far:/)).toBeVisible();
  // Long enough for a pace (at least ten seconds from the first sound to the last), with room
  // for a busy machine to start the recorder late.
  await page.waitForTimeout(20_000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByText('Recording stopped and kept on this device.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeVisible();
  await page.getByRole('button', { name: 'Done', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expect(page.locator('figure.recording figcaption')).toHaveText('Your recording');
  const player = page.getByLabel('Your recording');
  await expectPlayable(player);
  const transcript = page.getByRole('textbox', { name: 'Transcript' });
  await expect(transcript).toHaveValue(SAID);
  const delivery = page.locator('section.delivery');
  await expect(delivery.locator('dt', { hasText: 'Words per minute' })).toBeVisible();
  await expect(delivery.locator('div', { hasText: 'Words per minute' }).locator('dd strong')).toHaveText(/^\d+$/);
  await expect(delivery.locator('div', { hasText: 'Filler words' }).locator('dd strong')).toHaveText(
    /^at least 5 \(2 um\/uh, 3 like, you know, so, basically\)/,
  );
  await expect(delivery.locator('dt', { hasText: 'Speaking time' })).toBeVisible();
  await expect(delivery.locator('dt', { hasText: 'Long pauses' })).toBeVisible();

  // The transcript is marked like a typed answer, and again when the reader corrects it.
  const covered = page.getByText(/^\d+ of 5 key points covered$/);
  await expect(covered).toHaveText('3 of 5 key points covered');
  await transcript.fill(`${SAID} More disks share the work.`);
  await expect(covered).toHaveText('4 of 5 key points covered');

  // Every recogniser was started on the device, and availability was asked for it.
  const speech = await page.evaluate(() => window.__speech);
  expect(speech.started.length).toBeGreaterThanOrEqual(1);
  expect(speech.started.every((s) => s.processLocally === true)).toBe(true);
  expect(speech.asked[0]).toEqual({ langs: ['en-US'], processLocally: true });

  // After a reload the recording is still there and plays; the corrected transcript too.
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expectPlayable(page.getByLabel('Your recording'));
  await expect(page.getByRole('textbox', { name: 'Transcript' })).toHaveValue(`${SAID} More disks share the work.`);

  // The summary plays it and shows its delivery too.
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'See summary' }).click();
  await expect(page.getByRole('heading', { name: 'Interview complete' })).toBeVisible();
  await page.locator('details.review summary').first().click();
  await expectPlayable(page.locator('details.review').getByLabel('Your recording'));
  await expect(page.locator('details.review section.delivery dt', { hasText: 'Filler words' })).toBeVisible();

  // Statistics: words and fillers per minute, interview by interview.
  await open(page, '#/stats');
  const row = page.locator('table.speaking tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('1');
  await expect(row.locator('td').nth(2)).toHaveText(/^\d+$/);
  await expect(row.locator('td').nth(3)).toHaveText(/^\d+\.\d$/);
});

test('where the pack is downloadable, Download speech recognition installs it', async ({ page, context }) => {
  await scriptedRecognition(context, 'downloadable');
  await startSpoken(page);
  await page.getByRole('button', { name: 'Download speech recognition' }).click();
  await expect(page.getByText('Speech recognition is installed on this device.')).toBeVisible();
  expect(await page.evaluate(() => window.__speech.installs)).toBe(1);
});

test('a refused language-pack download is explained, and recording still works', async ({ page, context }) => {
  await scriptedRecognition(context, 'downloadable', false);
  await startSpoken(page);
  await page.getByRole('button', { name: 'Download speech recognition' }).click();
  await expect(page.getByText(/^The browser did not install speech recognition \(the download was refused or failed\)\. Recording and marking/)).toBeVisible();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  expect(await page.evaluate(() => window.__speech.started.length)).toBe(0);
});

test('without on-device recognition the page says so, and never starts a recogniser', async ({ page, context }) => {
  await scriptedRecognition(context, 'unavailable');
  await startSpoken(page);
  await expect(page.getByText(/^On-device speech recognition is not available in this browser/)).toBeVisible();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.waitForTimeout(2_500);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expectPlayable(page.getByLabel('Your recording'));
  await expect(page.getByRole('textbox', { name: 'Transcript' })).toHaveValue('');
  expect(await page.evaluate(() => window.__speech.started.length)).toBe(0);
});

test('a refused microphone is explained, and the answer can still be marked by hand', async ({ page, context }) => {
  await scriptedRecognition(context);
  // What Chromium answers when the reader blocks the microphone.
  await context.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await startSpoken(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('alert')).toContainText('The microphone was refused, so nothing is recorded.');
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('You answered out loud without recording.')).toBeVisible();
  await page.locator('.key-points-check li').first().getByRole('checkbox').check();
  await expect(page.getByText('1 of 5 key points covered')).toBeVisible();
});

test('a reload while recording keeps the part recorded', async ({ page, context }) => {
  await scriptedRecognition(context);
  await startSpoken(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  // The recording is kept every two seconds while it runs.
  await page.waitForTimeout(5_000);
  await page.reload();
  await expect(page.getByText(/^A recording of this answer is kept \(\d+ s\)\. Recording again replaces it\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expectPlayable(page.getByLabel('Your recording'));
});

test('no microphone: the page says so', async ({ page, context }) => {
  await scriptedRecognition(context);
  await context.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
  });
  await startSpoken(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('alert')).toContainText('No microphone was found.');
});

test('the export leaves recordings out unless included, and an import brings them to another browser', async ({ page, context, browser, baseURL }) => {
  test.setTimeout(60_000);
  await scriptedRecognition(context, 'unavailable');
  await startSpoken(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.waitForTimeout(2_500);
  await finishWithRecording(page);
  await open(page, '#/data');
  await expect(page.locator('#recordings-usage')).toHaveText(/^1 recording uses \d+ KB\.$/);

  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    return JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  };
  expect((await exported()).recordings).toBeUndefined();
  await page.getByLabel(/^Include recordings/).check();
  const file = await exported();
  expect(file.recordings).toHaveLength(1);
  expect(file.recordings[0].mime).toMatch(/^audio\//);
  expect(file.recordings[0].data.length).toBeGreaterThan(100);

  // Another browser profile imports it and plays the recording.
  const other = await browser.newContext();
  const report = await guard(other, origins(baseURL), []);
  const elsewhere = await other.newPage();
  await open(elsewhere, '#/data');
  await elsewhere.locator('input[type=file]').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(elsewhere.getByText('1 recording stored on this device (replacing any of the same answer)')).toBeVisible();
  await elsewhere.getByRole('button', { name: 'Apply import' }).click();
  await expect(elsewhere.getByText(/with 1 recording\.$/)).toBeVisible();
  await open(elsewhere, '#/history');
  await elsewhere.locator('table.history tbody tr').getByRole('link').click();
  await elsewhere.locator('details.review summary').first().click();
  await expectPlayable(elsewhere.locator('details.review').getByLabel('Your recording'));
  expect(await report(), 'console errors, CSP violations or requests to other hosts').toEqual([]);
  await other.close();

  // Deleted one by one from Your data.
  await page.getByRole('button', { name: /^Delete the recording:/ }).click();
  await expect(page.locator('#recordings-usage')).toHaveText('No recordings are kept.');
});

test('an unplugged microphone stops the recording and keeps the part recorded', async ({ page, context }) => {
  await scriptedRecognition(context);
  // Keep the stream, to end its track as unplugging does.
  await context.addInitScript(() => {
    const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (c) => (window.__stream = await ask(c));
  });
  await startSpoken(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.waitForTimeout(3_000);
  await page.evaluate(() => window.__stream.getAudioTracks()[0].dispatchEvent(new Event('ended')));
  await expect(page.getByRole('alert')).toContainText('The microphone was disconnected. What was recorded until then is kept.');
  await expect(page.getByText('Recording stopped and kept on this device.')).toBeVisible();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expectPlayable(page.getByLabel('Your recording'));
});

test('where IndexedDB is blocked the page says so, and the recording still plays on the page', async ({ page, context }) => {
  await scriptedRecognition(context);
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await startSpoken(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.waitForTimeout(2_500);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A recording could not be kept on this device.' })).toContainText(
    'does not let the page keep recordings here',
  );
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expectPlayable(page.getByLabel('Your recording'));
});

/// Makes IndexedDB full whenever `window.__full` is set: as in Chromium, which checks the quota
/// when a transaction commits, each write succeeds, then its transaction aborts with a
/// QuotaExceededError and stores nothing.
async function fullStorage(context) {
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      if (window.__full) {
        const transaction = this.transaction;
        request.addEventListener('success', () => {
          Object.defineProperty(transaction, 'error', {
            value: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
          });
          transaction.abort();
        });
      }
      return request;
    };
  });
}

test('when IndexedDB is full the page says why and what to do, the recording plays on the page, and what was stored stays', async ({ page, context }) => {
  test.setTimeout(60_000);
  await scriptedRecognition(context, 'unavailable');
  await fullStorage(context);
  const heading = page.getByRole('heading', { level: 1 });
  const record = async () => {
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    await page.waitForTimeout(2_500);
    await page.getByRole('button', { name: 'Stop recording' }).click();
  };
  const notice = page.getByRole('alert').filter({ hasText: 'A recording could not be kept on this device.' });
  const full = async () => {
    await expect(notice).toContainText(
      "The device's storage for this site is full: delete older recordings on Your data. It plays on this page until you close it.",
    );
    await expect(page.getByText('Recording stopped, but not stored on this device: it plays on this page until you close it.')).toBeVisible();
    await expect(page.getByText('Recording stopped and kept on this device.')).toBeHidden();
  };
  await open(page, '?mode=interview&q=dba-raid,dba-indexes&order=guide&answer=speak');
  await page.getByRole('button', { name: 'Start interview' }).click();

  // Storage is full; once space is freed, recording again stores the answer and the notice goes.
  await expect(heading).toHaveText('What is RAID? Which type is best?');
  await page.evaluate(() => (window.__full = true));
  await record();
  await full();
  await page.evaluate(() => (window.__full = false));
  await record();
  await expect(page.getByText('Recording stopped and kept on this device.')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expectPlayable(page.getByLabel('Your recording'));
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('button', { name: 'Next question' }).click();

  // Full again: the next answer is not stored, and plays on the page.
  await page.evaluate(() => (window.__full = true));
  await expect(heading).toHaveText('What are the tradeoffs with more indexes versus fewer?');
  await record();
  await full();
  await finishWithRecording(page);

  // Nothing stored before is lost: the interview and the first recording, which still plays
  // in another page; the second was never stored, and the page says so.
  await open(page, '#/data');
  await expect(page.locator('#recordings-usage')).toHaveText(/^1 recording uses \d+ KB\.$/);
  await open(page, '#/history');
  await page.locator('table.history tbody tr').getByRole('link').click();
  const reviews = page.locator('details.review');
  await expect(reviews).toHaveCount(2);
  await reviews.nth(0).locator('summary').click();
  await expectPlayable(reviews.nth(0).getByLabel('Your recording'));
  await reviews.nth(1).locator('summary').click();
  await expect(reviews.nth(1).locator('figure.recording')).toContainText('This recording was deleted (or never stored).');
});

test('hiding the page stops the recording and keeps the part recorded, also after a reload', async ({ page, context }) => {
  await scriptedRecognition(context);
  await startSpoken(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.waitForTimeout(3_000);
  // What the browser does when the reader switches tabs or minimises the window.
  const setHidden = (hidden) =>
    page.evaluate((hidden) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await expect(page.getByText('Recording stopped and kept on this device.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toHaveCount(0);
  await setHidden(false);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.locator('figure.recording figcaption')).toHaveText('Your recording');
  await expectPlayable(page.getByLabel('Your recording'));
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expectPlayable(page.getByLabel('Your recording'));
});

test('in a frame without the microphone, the widget says what the host must add and offers typed answers', async ({ page }) => {
  const query = encodeURIComponent('mode=interview&q=dba-raid&count=1&answer=speak');
  await page.goto(`http://localhost:4174/index.html?w=${query}&allow=${encodeURIComponent("microphone 'none'")}`);
  const frame = page.frameLocator('iframe[data-interview-practice]').first();
  await frame.getByRole('button', { name: 'Start interview' }).click();
  await expect(frame.getByRole('alert')).toContainText(
    'The page around it must add allow="microphone; on-device-speech-recognition" to its iframe.',
  );
  await frame.getByRole('button', { name: 'Type your answers instead' }).click();
  await expect(frame.getByRole('textbox', { name: 'Your answer' })).toBeVisible();
});

test('embed.js and the Embed page give the frame the microphone and on-device recognition', async ({ page }) => {
  await page.goto('http://localhost:4174/index.html');
  await expect(page.locator('iframe[data-interview-practice]')).toHaveAttribute(
    'allow',
    'microphone; on-device-speech-recognition',
  );
  await open(page, '#/embed');
  await expect(page.locator('#snippet')).toContainText(
    'allow="microphone; on-device-speech-recognition"',
  );
});

for (const scheme of ['light', 'dark']) {
  test(`the speaking screens pass axe (WCAG 2.1 A and AA), ${scheme} theme`, async ({ page, context }) => {
    test.setTimeout(60_000);
    const expectAccessible = async (screen) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
    };
    await page.emulateMedia({ colorScheme: scheme });
    await scriptedRecognition(context, 'downloadable');
    await startSpoken(page);
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    await expectAccessible('recording');
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expectPlayable(page.getByLabel('Your recording'));
    await page.getByRole('textbox', { name: 'Transcript' }).fill(SAID);
    await expect(page.locator('section.delivery')).toBeVisible();
    await expectAccessible('reveal with recording, transcript and delivery');
    await open(page, '#/data');
    await expect(page.locator('#recordings-usage')).toHaveText(/^1 recording uses/);
    await expectAccessible('your data with recordings');
  });
}
