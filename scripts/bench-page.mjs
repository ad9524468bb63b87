// One load of a demo list page for the benchmarks: when the page's own rows are visible, its long
// tasks, the extension's scans and (optionally) a CPU profile of the load. Shared by bench.mjs and
// bench-team.mjs.
import { startProfile, stopProfile } from './bench-profile.mjs';

// Without a layout, the demo's hand-written 千牛 list (?layout=hand), as the figures before the demo drew
// its lists with Fusion by default were measured on; `fusion` is the real Fusion Table's list mode.
export const listUrl = (rows, layout = 'hand') =>
  `https://myseller.taobao.com/home.htm/trade-platform/refund-list?demoRows=${rows}&pageSize=${rows}&rerenderMs=600000&delay=400&layout=${layout}`;

// Records, in the page, when its own rows are visible and every long task.
const PROBE = () => {
  window.__probe = { longTasks: [], rowsAt: null };
  new PerformanceObserver((l) =>
    window.__probe.longTasks.push(...l.getEntries().map((e) => [e.startTime, e.duration])),
  ).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    // Another layout family shows 退款编号 once (a column header): the demo says how many rows it drew.
    // textContent, not innerText: asking for innerText every frame would force a layout of the page.
    const n = !document.body
      ? 0
      : window.__layout
        ? Number(document.body.getAttribute('data-demo-rows') ?? 0)
        : document.body.textContent.split('退款编号').length - 1;
    if (n >= window.__targetRows) window.__probe.rowsAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};

export async function loadPage(ctx, rows, extension, layout, { profile = false } = {}) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) await startProfile(cdp);
  // The hand-written list is counted by its 退款编号 labels; the other layouts say how many rows they drew.
  const counted = layout && layout !== 'hand' ? layout : null;
  await page.addInitScript(([n, l]) => Object.assign(window, { __targetRows: n, __layout: l }), [rows, counted]);
  await page.addInitScript(PROBE);
  await page.goto(listUrl(rows, layout));
  await page.waitForFunction(() => window.__probe?.rowsAt !== null, null, { timeout: 60000 });
  if (extension) {
    await page.waitForFunction(
      (n) => performance.getEntriesByName('aftersales-radar:scan').some((e) => e.detail?.cases === n),
      rows,
      { timeout: 60000 },
    );
  }
  await page.waitForTimeout(600);
  const probe = await page.evaluate(() => ({
    rowsAt: window.__probe.rowsAt,
    tbt: window.__probe.longTasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
    longTasks: window.__probe.longTasks,
    scans: performance.getEntriesByName('aftersales-radar:scan').map((e) => ({
      start: e.startTime,
      end: e.startTime + e.duration,
      d: e.detail?.busy ?? e.duration,
      longest: e.detail?.longest ?? e.duration,
      n: e.detail?.cases,
      phases: e.detail?.phases,
    })),
  }));
  // Who ran the load's script, from navigation to here: the extension, the page (bench-profile.mjs).
  if (profile) probe.profile = await stopProfile(cdp);
  return { page, probe };
}
