// The end-to-end harness shared by every area in test/e2e/areas: the real extension in Debian Chromium
// against the demo backend. Each check is a named async function; the run ends with "N passed, N failed".

import fs from 'node:fs';
import path from 'node:path';
import { startDemoBackend } from '../../scripts/demo-backend/server.mjs';
import { launchBrowser } from '../../scripts/chromium.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const EXTENSION = path.join(ROOT, '.output', 'chrome-mv3');

/** The demo seller pages on the two hosts of the new workbench. */
export const M = 'https://myseller.taobao.com/home.htm/trade-platform';
export const Q = 'https://qn.taobao.com/home.htm/trade-platform';

/**
 * What every area works with: one demo backend, one browser with the extension, the page staff look at,
 * and an extension page that reads the ledger and chrome.* as the popup would (a worker handle goes
 * stale after a restart).
 * @typedef {{
 *   run: ReturnType<typeof createRunner>,
 *   backend: Awaited<ReturnType<typeof startDemoBackend>>,
 *   browser: Awaited<ReturnType<typeof launchBrowser>>,
 *   context: import('playwright-core').BrowserContext,
 *   worker: import('playwright-core').Worker,
 *   extensionId: string,
 *   page: import('playwright-core').Page,
 *   ext: import('playwright-core').Page,
 *   shotsDir: string,
 *   consoleErrors: { url: string, text: string }[],
 * }} Session
 */

/** @returns {Promise<Session>} */
export async function setup({ shotsDir }) {
  if (!fs.existsSync(path.join(EXTENSION, 'manifest.json'))) throw new Error('no build: run `npx wxt build` first');
  fs.mkdirSync(shotsDir, { recursive: true });
  const backend = await startDemoBackend();
  const browser = await launchBrowser({ extensionPath: EXTENSION, port: backend.port });
  const consoleErrors = [];
  browser.context.on('page', (page) => watchConsole(page, consoleErrors));
  const { context, worker, extensionId } = browser;
  // The install opens the welcome page (the welcome area tests it): close it, so no check meets it as a new tab.
  const welcome = await waitFor(() => context.pages().find((p) => p.url().endsWith('/welcome.html')), {
    message: 'the welcome page of the install',
  }).catch(() => undefined);
  await welcome?.close();
  const page = await context.newPage();
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  return { run: createRunner(), backend, browser, context, worker, extensionId, page, ext, shotsDir, consoleErrors };
}

/**
 * An area run on its own starts from an empty ledger: fill it as the reading area would, from the first
 * page of 退款管理 (and, with `finished`, from a longer page that also lists finished cases).
 * A no-op when the areas before it already did.
 */
export async function ensureLedger({ page, ext }, { finished = false } = {}) {
  const has = () =>
    ledger(
      ext,
      async (all, wantFinished) => {
        const cases = await all('cases');
        return cases.length >= 10 && (!wantFinished || cases.some((c) => c.open === 0));
      },
      finished,
    );
  if (await has()) return;
  await page.goto(`${M}/refund-list${finished ? '?pageSize=40' : ''}`);
  await waitFor(has, { message: 'the ledger to hold the first page of 退款管理', timeout: 15000 });
}

function watchConsole(page, sink) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') sink.push({ url: page.url(), text: msg.text() });
  });
  page.on('pageerror', (err) => sink.push({ url: page.url(), text: String(err) }));
}

const CHECK_TIMEOUT_MS = 90_000;

export function createRunner() {
  const results = [];
  let only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
  return {
    results,
    async check(name, fn) {
      if (only && !only.test(name)) return;
      const started = Date.now();
      let timer;
      try {
        // A hung evaluate (a message nobody answers) must fail the check, not stall the run.
        await Promise.race([
          fn(),
          new Promise(
            (_, reject) =>
              (timer = setTimeout(
                () => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS / 1000} s`)),
                CHECK_TIMEOUT_MS,
              )),
          ),
        ]);
        clearTimeout(timer);
        results.push({ name, ok: true, ms: Date.now() - started });
        console.log(`  ✓ ${name}`);
      } catch (e) {
        clearTimeout(timer);
        results.push({ name, ok: false, ms: Date.now() - started, error: String(e?.stack ?? e) });
        console.log(
          `  ✗ ${name}\n    ${String(e?.message ?? e)
            .split('\n')
            .join('\n    ')}`,
        );
      }
    },
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${message}\n    expected: ${b}\n    actual:   ${a}`);
}

/** Poll `fn` until it returns a truthy value or time runs out; returns the last value. */
export async function waitFor(fn, { timeout = 10000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${message}; last value: ${JSON.stringify(last)}`);
}

// ---- page helpers (evaluate in the page) ----------------------------------------------------

/** Wait until the sidebar lists exactly the ids the page shows, and return both. */
export async function sidebarMatchesPage(p, what) {
  let last;
  await waitFor(
    async () => {
      const ids = await pageIds(p);
      const sb = await sidebar(p);
      last = { page: ids, sidebar: sb.ids };
      const b = await badges(p);
      last.badges = b;
      // Badges go on the rows near the screen (a screen either side), the others' as they scroll in: on
      // a list of tall rows (Fusion's list mode, beside a wide sidebar) the last rows may wait for that.
      const near = await nearRecordIds(p);
      // The sidebar lists exactly the page's cases, and each row near the screen has exactly one badge
      // (every row, where the page's records are not found by RECORD), no other row more than one.
      return (
        ids.length > 0 &&
        JSON.stringify([...ids].sort()) === JSON.stringify([...(sb.ids ?? [])].sort()) &&
        new Set(b).size === b.length &&
        b.every((id) => ids.includes(id)) &&
        (near.length ? near : ids).every((id) => b.includes(id)) &&
        sb
      );
    },
    { message: `sidebar to list the ${what} cases`, timeout: 12000 },
  ).catch((e) => {
    throw new Error(
      `${e.message}\n    page: ${JSON.stringify(last?.page)}\n    sidebar: ${JSON.stringify(last?.sidebar)}\n    badges: ${JSON.stringify(last?.badges)}`,
    );
  });
  return last;
}

/** The ids of the records of the page's list (RECORD) within a screen of the viewport, by their labels. */
function nearRecordIds(p) {
  return p.evaluate((record) => {
    const out = [];
    for (const r of document.querySelectorAll(record)) {
      const box = r.getBoundingClientRect();
      if (box.bottom < -innerHeight || box.top > 2 * innerHeight) continue;
      const id = r.textContent.match(/(?:退款编号|换货单号|邮费单号)[：:]\s*(\d{5,})/)?.[1];
      if (id) out.push(id);
    }
    return out;
  }, RECORD);
}

/**
 * A record of the demo's 千牛 list, as a selector: Fusion's list mode (the default) draws each record as
 * its own table (group header and row); the hand-written list (?layout=hand) as a hashed `_row__` div.
 */
export const RECORD = 'table.next-table-row, [class*="_row__"]';

/** The page's next poll shows 买家催促 on a case's row, as the platform does when the buyer urges. */
export function showUrging(p, id) {
  return p.evaluate((i) => {
    const idEl = [...document.querySelectorAll('span')].find((s) => s.textContent === i);
    const flag = document.createElement('span');
    flag.textContent = '买家催促';
    idEl.parentElement.parentElement.appendChild(flag);
  }, id);
}

/**
 * Each badged row (or only the case `id`'s): its height, its height with every badge hidden (a badge
 * must not make its row taller), and how its badge was fitted and what its tooltip says.
 */
export function badgedRows(p, id) {
  return p.evaluate(
    ([only, record]) => {
      const shown = [...document.querySelectorAll('aftersales-radar-badge')].filter(
        (b) => only === null || b.dataset.disputeId === only,
      );
      const rows = shown.map((b) => b.closest(record));
      const heights = rows.map((r) => r.getBoundingClientRect().height);
      const hide = document.createElement('style');
      hide.textContent = 'aftersales-radar-badge { display: none !important }';
      document.head.append(hide);
      const without = rows.map((r) => r.getBoundingClientRect().height);
      hide.remove();
      return shown.map((b, i) => ({
        id: b.dataset.disputeId,
        height: heights[i],
        heightWithout: without[i],
        fit: b.getAttribute('data-fit'),
        title: b.title,
      }));
    },
    [id ?? null, RECORD],
  );
}

/**
 * Open a demo list drawn in another layout (where 退款编号 is only a column header) and wait for its
 * page of 10 rows; returns the case ids it shows (the demo's are 15 digits; order numbers have 19).
 */
export async function openListLayout(p, url, message = 'the list drawn') {
  await p.goto(url);
  return waitFor(
    async () => {
      const ids = await p.evaluate(() =>
        [...new Set(document.body.innerText.match(/(?<!\d)\d{15}(?!\d)/g) ?? [])].sort(),
      );
      return ids.length === 10 && ids;
    },
    { message },
  );
}

/** Ids the page itself shows, read from its visible text (not from our sidebar). */
export function pageIds(page) {
  return page.evaluate(() => {
    const text = document.body.innerText;
    return [...new Set([...text.matchAll(/(?:退款编号|换货单号|邮费单号)[：:]\s*(\d{5,})/g)].map((m) => m[1]))];
  });
}

/** The sidebar's frame: the extension's sidebar page, framed by the content script. */
export function sidebarFrame(page) {
  return page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/sidebar.html'));
}

/**
 * What our sidebar shows, read inside its frame; `hosts` counts its host elements on the page. `frame`:
 * the sidebar's frame where it cannot be found by its address (Firefox, test/e2e/firefox.mjs).
 */
export async function sidebar(page, frame = sidebarFrame(page)) {
  const hosts = await page.evaluate(() => document.querySelectorAll('aftersales-radar').length);
  const seen = await frame
    ?.evaluate(() => {
      const root = document.getElementById('app');
      const q = (s) => root.querySelector(s);
      return {
        pageKind: q('[data-testid=page-kind]')?.getAttribute('data-page') ?? null,
        pageText: q('[data-testid=page-kind]')?.textContent ?? '',
        ids: [...root.querySelectorAll('[data-testid=cases] [data-dispute-id]')].map((e) =>
          e.getAttribute('data-dispute-id'),
        ),
        chips: Object.fromEntries(
          [...root.querySelectorAll('[data-testid=cases] [data-dispute-id]')].map((e) => [
            e.getAttribute('data-dispute-id'),
            e.querySelector('[data-testid=countdown]')?.textContent ?? '',
          ]),
        ),
        caseView: q('.ar-caseview')?.getAttribute('data-dispute-id') ?? null,
        caseCountdown: q('[data-testid=case-countdown]')?.textContent ?? null,
        drift: q('[data-testid=drift]')?.textContent ?? null,
        unrecognised: !!q('[data-testid=unrecognised]'),
        stats: q('[data-testid=stats]')?.textContent ?? null,
        collapsed: !!q('.ar-tab'),
        text: root.textContent ?? '',
      };
    })
    .catch(() => undefined);
  return seen ? { hosts, framed: true, ...seen } : { hosts, framed: false };
}

/** The row badges on the page, by dispute id (each id should appear exactly once). */
export function badges(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('aftersales-radar-badge')].map((b) => b.getAttribute('data-dispute-id')),
  );
}

/** Minutes in a countdown text: 1天3时20分 / 还剩1天3时20分 / 3时05分 / 12分40秒. */
export function minutesOf(text) {
  const d = Number(text.match(/(\d+)天/)?.[1] ?? 0);
  const h = Number(text.match(/(\d+)(?:时|小时)/)?.[1] ?? 0);
  const m = Number(text.match(/(\d+)分/)?.[1] ?? 0);
  return d * 1440 + h * 60 + m;
}

export async function shot(page, dir, name) {
  // As staff see it: a tab in the background paints no new frames, and the sidebar's frame (its own
  // process) would show blank.
  await page.bringToFront();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** Evaluate in an extension page (its origin holds the ledger; chrome.* is there too). */
export async function inExtension(extPage, fn, arg) {
  return extPage.evaluate(fn, arg);
}

/** Run a read-only query `(all, arg) => …` on the ledger from an extension page. */
export function ledger(extPage, query, arg) {
  // Composed here and evaluated over CDP: the extension's CSP rightly forbids eval in its pages.
  return extPage.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('aftersales-radar');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store) => new Promise((resolve) => {
      if (!db.objectStoreNames.contains(store)) return resolve([]);
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result);
    });
    try {
      return await (${query.toString()})(all, ${JSON.stringify(arg ?? null)});
    } finally {
      db.close();
    }
  })()`);
}

export async function ledgerCount(extPage) {
  return ledger(extPage, async (all) => (await all('cases')).length);
}

/** Change one store of the ledger from an extension page (behind the extension's back): `put` a record or `delete` a key. */
function changeLedger(extPage, store, op, arg) {
  return extPage.evaluate(
    async ([s, o, a]) => {
      const db = await new Promise((r) => {
        const q = indexedDB.open('aftersales-radar');
        q.onsuccess = () => r(q.result);
      });
      await new Promise((r) => {
        const t = db.transaction(s, 'readwrite');
        t.objectStore(s)[o](a);
        t.oncomplete = r;
      });
      db.close();
    },
    [store, op, arg],
  );
}

/** Delete one record from a store of the ledger, from an extension page (behind the extension's back). */
export const forgetInLedger = (extPage, store, key) => changeLedger(extPage, store, 'delete', key);

/** Put one record into a store of the ledger, from an extension page (as the options page writes settings and templates). */
export const putInLedger = (extPage, store, record) => changeLedger(extPage, store, 'put', record);

/** Stop the extension's service worker, as Chrome does with an idle one; the next message wakes it. */
export async function stopServiceWorker(context, extPage) {
  const cdp = await context.newCDPSession(extPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((r) => setTimeout(r, 500));
}

/** Send a protocol message to the background from an extension page. */
export function sendFrom(extPage, message) {
  return extPage.evaluate((m) => chrome.runtime.sendMessage(m), message);
}
