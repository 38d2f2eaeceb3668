// Storage: bytes in localStorage after 1,000 simulated completed 5-question interviews.
// Records are written in the app's stored format, schema 2 (src/interview/record.rs).
//
// The records are not written by hand from a guess at the format: they are cloned from what the
// app itself stored during the memory run (its interview envelopes, and every other key it wrote
// for one interview, such as the rating of each question), given new ids, times, questions,
// ~300-character answers and ratings. They are written into the page's localStorage, the page is
// reloaded, the app must list all of them in its history (so it read every one), and then every
// key and value is counted: JavaScript strings are UTF-16, so bytes = 2 × (key + value length).
// The same text as UTF-8 (about half, the records being ASCII) is given for comparison.
//
// Start-up with that history against empty storage: three browser contexts (each its own
// localStorage), one holding the records, one empty and one holding a single interview (a return
// visit with little history), reloaded in turn `reloads` times each;
// a reload is timed on the page's clock from navigation start to the app ready (`data-app`
// set and the next frame produced, APP_READY), and the medians are compared. The first reload
// after the records are written reads every one of them (its start page counts them), and the
// app stores the snapshot later starts read instead (src/progress/state.rs): that reload is
// timed too, and reported apart, as what a start costs when the snapshot is missing.
import { launch, INSTRUMENT, APP_READY, appReadyTimes } from './browser.mjs';
import { median, round } from './stats.mjs';

const INTERVIEW = 'interview-practice/interview/';

const WORDS = (
  'replication lag master slave asynchronous backups restore tested monitoring alert latency ' +
  'throughput disk raid mirror stripe index query plan cache autoscaling load balancer ' +
  'security group firewall keys rotation deployment rollback blue green canary terraform ' +
  'ansible docker kubernetes outage postmortem capacity cost budget failover region zone'
).split(' ');

/// A deterministic pseudo-random generator, so every run stores the same bytes.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(random, length) {
  let text = '';
  while (text.length < length) {
    text += WORDS[Math.floor(random() * WORDS.length)] + (random() < 0.12 ? '. ' : ' ');
  }
  return text.slice(0, length).trim();
}

/// The app's own records for one completed interview, to clone. Throws when there is none.
export function templates(stored) {
  const interviews = Object.entries(stored)
    .filter(([key]) => key.startsWith(INTERVIEW))
    .map(([key, value]) => ({ key, envelope: JSON.parse(value) }))
    .filter((r) => r.envelope.data && r.envelope.data.t1 && r.envelope.data.a.length >= 5);
  if (!interviews.length) throw new Error('the app stored no completed interview to clone');
  const template = interviews[0];
  const id = template.envelope.data.id;
  // Other keys the app wrote for this interview, by attempt index (`<id>-<index>`) or whole.
  const related = Object.entries(stored)
    .filter(([key]) => key !== template.key && key.includes(id))
    .map(([key, value]) => {
      const m = key.slice(key.indexOf(id) + id.length).match(/^-(\d+)$/);
      return { key, value, index: m ? Number(m[1]) : null };
    });
  const questions = new Map();
  for (const { envelope } of interviews) {
    for (const a of envelope.data.a) questions.set(a.q, a.m.length);
  }
  return { template, id, related, questions: [...questions] };
}

/// `count` completed interviews of `per` questions, as localStorage entries.
export function simulate({ template, id: templateId, related, questions }, count = 1000, per = 5) {
  const random = rng(20240309);
  const entries = {};
  const ratings = ['again', 'hard', 'good', 'easy'];
  let clock = Date.UTC(2024, 0, 1);
  for (let n = 0; n < count; n++) {
    clock += Math.floor((0.5 + random()) * 8 * 3600_000);
    const id = `${clock.toString(16)}-${Math.floor(random() * 0xffff).toString(16).padStart(4, '0')}`;
    const envelope = structuredClone(template.envelope);
    const data = envelope.data;
    data.id = id;
    data.s.n = per;
    data.t0 = clock;
    let t = clock;
    const picked = [];
    while (picked.length < per) {
      const q = questions[Math.floor(random() * questions.length)];
      if (!picked.includes(q)) picked.push(q);
    }
    data.a = picked.map(([question, keyPoints], i) => {
      const attempt = structuredClone(template.envelope.data.a[i % template.envelope.data.a.length]);
      const used = Math.floor((20 + random() * 100) * 1000);
      t += used;
      attempt.q = question;
      attempt.x = sentence(random, 280 + Math.floor(random() * 40));
      attempt.k = { b: used, l: t };
      attempt.e = 'done';
      attempt.m = Array.from({ length: keyPoints }, () => (random() < 0.6 ? '1' : '0')).join('');
      attempt.r = ratings[Math.floor(random() * 4)];
      attempt.rt = t;
      // Written as the app writes a fresh interview: whether to compact is the app's choice.
      delete attempt.cx;
      return attempt;
    });
    data.c = per;
    data.t1 = t;
    delete data.paused_while_away;
    entries[template.key.replace(templateId, id)] = JSON.stringify(envelope);
    for (const r of related) {
      const indices = r.index === null ? [null] : r.index < per ? [r.index] : [];
      for (const index of indices) {
        const value = JSON.parse(r.value);
        if (index !== null && value.data && typeof value.data === 'object') {
          const attempt = data.a[index];
          if ('question' in value.data) value.data.question = attempt.q;
          if ('rating' in value.data) value.data.rating = attempt.r;
          if ('at' in value.data) value.data.at = attempt.k.l;
        }
        entries[r.key.replace(templateId, id)] = JSON.stringify(value);
      }
    }
  }
  return entries;
}

/// Reloads `page` and resolves with the time to the app ready on the page's clock.
async function reloadToReady(page) {
  await page.reload({ waitUntil: 'commit' });
  return (await appReadyTimes(page)).painted;
}

export async function measureStorage({ url, stored, count = 1000, per = 5, reloads = 15 }) {
  const source = templates(stored);
  const entries = simulate(source, count, per);
  const browser = await launch();
  try {
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(INSTRUMENT);
      await context.addInitScript(APP_READY);
      const page = await context.newPage();
      await page.goto(`${url}#/`);
      await appReadyTimes(page);
      return { context, page };
    };
    const full = await open();
    const empty = await open();
    // A return visit with one interview stored: what reading any stored progress costs (its
    // code is fetched only then: src/progress/readers.rs), against which the thousand show
    // whether the start grows with the history.
    const one = await open();
    const page = full.page;
    const written = await page.evaluate((entries) => {
      localStorage.clear();
      let n = 0;
      for (const [key, value] of Object.entries(entries)) {
        try {
          localStorage.setItem(key, value);
          n++;
        } catch (e) {
          return { n, error: String(e) };
        }
      }
      return { n, error: null };
    }, entries);
    const firstReload = await reloadToReady(page);
    // The start page counts the completed interviews it read.
    const history = page.locator('a[href="#/history"]', { hasText: 'Your interview history' });
    await history.waitFor({ timeout: 30_000 });
    const listed = Number((await history.textContent()).match(/\((\d+)\)/)?.[1] ?? NaN);
    await empty.page.evaluate(() => localStorage.clear());
    await reloadToReady(empty.page); // warm-up, as the history page had one
    const single = Object.entries(entries).find(([key]) => key.startsWith('interview-practice/interview/'));
    await one.page.evaluate(([key, value]) => {
      localStorage.clear();
      localStorage.setItem(key, value);
    }, single);
    await reloadToReady(one.page);
    const withHistory = [];
    const withoutHistory = [];
    const withOne = [];
    for (let i = 0; i < reloads; i++) {
      // Rotate which goes first, so none always follows another.
      const pages = [[page, withHistory], [empty.page, withoutHistory], [one.page, withOne]];
      const order = [...pages.slice(i % 3), ...pages.slice(0, i % 3)];
      for (const [p, list] of order) list.push(await reloadToReady(p));
    }
    // After the timed starts (from the snapshot), the history page still lists every interview.
    await page.goto(`${url}#/history`);
    const rows = page.locator('table.history tbody tr');
    await rows.nth(count - 1).waitFor({ timeout: 30_000 });
    const historyPage = await rows.count();
    const usage = await page.evaluate(() => {
      let units = 0;
      let utf8 = 0;
      const encoder = new TextEncoder();
      const kinds = {};
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        const value = localStorage.getItem(key);
        units += key.length + value.length;
        utf8 += encoder.encode(key).length + encoder.encode(value).length;
        const kind = key.split('/')[1] ?? key;
        kinds[kind] = (kinds[kind] ?? 0) + 2 * (key.length + value.length);
      }
      return { keys: localStorage.length, bytes: units * 2, utf8, kinds };
    });
    await full.context.close();
    await empty.context.close();
    await one.context.close();
    const historyMedian = round(median(withHistory));
    const emptyMedian = round(median(withoutHistory));
    const oneMedian = round(median(withOne));
    return {
      interviews: count,
      questionsEach: per,
      entriesWritten: written.n,
      writeError: written.error,
      historyListed: listed,
      historyPage,
      reload: {
        runs: reloads,
        historyMedian,
        emptyMedian,
        ratio: round(historyMedian / emptyMedian, 2),
        oneMedian,
        ratioOne: round(historyMedian / oneMedian, 2),
        firstReload: round(firstReload),
        history: withHistory.map((x) => round(x)),
        empty: withoutHistory.map((x) => round(x)),
        one: withOne.map((x) => round(x)),
      },
      ...usage,
    };
  } finally {
    await browser.close();
  }
}
