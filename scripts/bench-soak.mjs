// `npm run bench -- --soak`: the 退款管理 tab left open, in minutes instead of a day. The demo list of
// 100 rows re-renders every SOAK_RERENDER_MS (500 ms) and asks the server for its list every 10 s, a
// case's status changes every 30 s, for SOAK_MINUTES (3) — beside the same page without the
// extension, both open at once. Reports per tab: event listeners (CDP DOM counters) and the heap after
// a collection, their slopes per hour; the ledger's case writes per real change and changes it
// recorded that never happened; the renderer's task time per re-render, with ÷ without, per 30 s window;
// the page's layouts and style recalculations per re-render (counts: the machine's load does not move them).
import { listUrl } from './bench-page.mjs';

const REFETCH_MS = 10_000;
const CHANGE_EVERY_MS = 30_000;
const WINDOW_MS = 30_000;

/** Least-squares slope of ys over xs. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Counts the ledger's writes, in the extension's service worker (Dexie writes each record with put/add). */
const COUNT_WRITES = () => {
  if (globalThis.__writes) return;
  globalThis.__writes = { cases: 0, events: 0 };
  for (const m of ['put', 'add']) {
    const orig = IDBObjectStore.prototype[m];
    IDBObjectStore.prototype[m] = function (...a) {
      if (this.name in globalThis.__writes) globalThis.__writes[this.name]++;
      return orig.apply(this, a);
    };
  }
};
/** The ledger's events, read straight from IndexedDB in the service worker. */
const READ_EVENTS = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('aftersales-radar');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('events').objectStore('events').getAll();
      req.onsuccess = () => (open.result.close(), resolve(req.result));
      req.onerror = () => reject(req.error);
    };
  });
/** Sums the extension's scans (their script time) in the page, whatever the extension clears. */
const SCAN_SUM = () => {
  window.__scans = { n: 0, busy: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries())
      if (e.name === 'aftersales-radar:scan') {
        window.__scans.n++;
        window.__scans.busy += e.detail?.busy ?? 0;
      }
  }).observe({ type: 'measure' });
};

async function openTab(context, url) {
  const page = await context.newPage();
  await page.addInitScript(SCAN_SUM);
  const cdp = await context.newCDPSession(page);
  // Task times as the main thread's CPU time, not wall time (the machine's other work left out).
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url);
  await page.waitForFunction(() => document.body.textContent.split('退款编号').length > 100, null, { timeout: 60000 });
  const sample = async () => {
    // The task time first: the collection below is the bench's, not the page's.
    const { metrics } = await cdp.send('Performance.getMetrics');
    const task = metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    // How often the page was laid out and its style worked out: counts, untouched by the machine's load.
    const layouts = metrics.find((m) => m.name === 'LayoutCount').value;
    const styles = metrics.find((m) => m.name === 'RecalcStyleCount').value;
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
    const after =
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    return { at: Date.now(), heap: usedSize, listeners: jsEventListeners, nodes, task, after, layouts, styles };
  };
  return { page, sample };
}

/**
 * @param {{ backend: { port: number }, withExt: any, without: any, log: (...a: unknown[]) => void }} o
 */
export async function benchSoak({ withExt, without, log }) {
  const minutes = Number(process.env.SOAK_MINUTES ?? 3);
  const rerenderMs = Number(process.env.SOAK_RERENDER_MS ?? 500);
  const url = listUrl(100).replace('rerenderMs=600000', `rerenderMs=${rerenderMs}&refetchMs=${REFETCH_MS}`);
  await withExt.worker.evaluate(COUNT_WRITES);
  log(`soak: ${minutes} min, 100 rows re-rendered every ${rerenderMs} ms…`);
  const a = await openTab(withExt.context, url);
  const b = await openTab(without.context, url);
  // The first read and its writes settle before the soak counts.
  await a.page.waitForFunction(() => window.__scans.n > 0, null, { timeout: 60000 });
  await a.page.waitForTimeout(3000);
  const writes0 = await withExt.worker.evaluate(() => ({ ...globalThis.__writes }));
  const events0 = (await withExt.worker.evaluate(READ_EVENTS)).length;
  const scans0 = await a.page.evaluate(() => ({ ...window.__scans }));
  const samples = { with: [await a.sample()], without: [await b.sample()] };
  const ids = await a.page.evaluate(() =>
    [...document.body.textContent.matchAll(/退款编号：?(9\d{14})/g)].map((m) => m[1]),
  );
  const changed = [];
  const start = Date.now();
  let nextChange = start + CHANGE_EVERY_MS;
  while (Date.now() - start < minutes * 60_000) {
    await a.page.waitForTimeout(Math.min(WINDOW_MS, nextChange - Date.now()));
    if (Date.now() >= nextChange) {
      const id = ids[changed.length % ids.length];
      await a.page.evaluate(
        (x) =>
          fetch(`/__demo/set-status?disputeId=${x}&status=SUCCESS&text=${encodeURIComponent('退款成功')}`, {
            method: 'POST',
          }),
        id,
      );
      changed.push(id);
      nextChange += CHANGE_EVERY_MS;
    }
    if (Date.now() - samples.with.at(-1).at >= WINDOW_MS - 500) {
      samples.with.push(await a.sample());
      samples.without.push(await b.sample());
    }
  }
  // The last change reaches the page (its next list request) and the ledger.
  await a.page.waitForTimeout(REFETCH_MS + 3000);
  const writes = await withExt.worker.evaluate(() => ({ ...globalThis.__writes }));
  const events = (await withExt.worker.evaluate(READ_EVENTS)).slice(events0);
  const scans = await a.page.evaluate(() => ({ ...window.__scans }));
  samples.with.push(await a.sample());
  samples.without.push(await b.sample());
  await a.page.close();
  await b.page.close();

  const hours = (s) => s.map((x) => (x.at - start) / 3_600_000);
  const perHour = (s, k, unit = 1) =>
    round(
      slope(
        hours(s),
        s.map((x) => x[k] / unit),
      ),
      2,
    );
  // Task time per re-render in each 30 s window, with ÷ without.
  const perRender = (s) => s.slice(1).map((x, i) => (x.task - s[i].after) / ((x.at - s[i].at) / rerenderMs));
  const w = perRender(samples.with);
  const wo = perRender(samples.without);
  const ratios = w.map((x, i) => x / wo[i]);
  const status = events.filter((e) => e.type === 'status-change');
  const real = new Set(changed.map((id) => `taobao:${id}`));
  const phantom = events.filter(
    (e) => e.type === 'deadline-change' || (e.type === 'status-change' && !real.has(e.caseKey)),
  );
  const reads = scans.n - scans0.n;
  const rerenders = (minutes * 60_000) / rerenderMs;
  const per = (s, k) => round((s.at(-1)[k] - s[0][k]) / rerenders);
  return {
    minutes,
    rerenderMs,
    rerenders: Math.round((minutes * 60_000) / rerenderMs),
    reads,
    listeners: {
      with: [samples.with[0].listeners, samples.with.at(-1).listeners],
      without: [samples.without[0].listeners, samples.without.at(-1).listeners],
      withPerHour: perHour(samples.with, 'listeners'),
      withoutPerHour: perHour(samples.without, 'listeners'),
    },
    heapMiBPerHour: {
      with: perHour(samples.with, 'heap', 2 ** 20),
      without: perHour(samples.without, 'heap', 2 ** 20),
    },
    realChanges: changed.length,
    statusEvents: status.length,
    caseWrites: writes.cases - writes0.cases,
    caseWritesPerRealChange: round((writes.cases - writes0.cases) / Math.max(1, changed.length)),
    phantomChanges: phantom.length,
    taskMsPerRerender: { with: round(median(w)), without: round(median(wo)) },
    addedShare: round(median(ratios) - 1, 3),
    layoutsPerRerender: { with: per(samples.with, 'layouts'), without: per(samples.without, 'layouts') },
    styleRecalcsPerRerender: { with: per(samples.with, 'styles'), without: per(samples.without, 'styles') },
    scanBusyMsPerRerender: round((scans.busy - scans0.busy) / ((minutes * 60_000) / rerenderMs)),
  };
}
