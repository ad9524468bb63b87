// `npm run bench`: builds the production extension and measures it in real headless Chromium
// against the demo backend. Prints a table, writes test/bench/results.json, and flags any figure
// over its budget (test/bench/budgets.json). It reports; it does not fail.
//   npm run bench [-- --quick]     (--quick: fewer runs and 10,000 instead of 100,000 stored cases)
//   npm run bench -- --layouts     (only the layout families: the 千牛 list, a column table, a split table)
//   npm run bench -- --layouts --against DIR   (… and another build, e.g. main's .output/chrome-mv3, in the same run)
//   npm run bench -- --layouts --room   (… and the page without the extension but with the sidebar's room given up)
//   npm run bench -- --fusion      (only the real Fusion list: 200 and 1,000 records, with / without / the room)
//   npm run bench -- --soak        (the tab left open for minutes, re-rendering fast: bench-soak.mjs)
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startDemoBackend } from './demo-backend/server.mjs';
import { launchBrowser } from './chromium.mjs';
import { benchDay, benchExport } from './bench-day.mjs';
import { benchTeam } from './bench-team.mjs';
import { loadPage } from './bench-page.mjs';
import { benchSoak } from './bench-soak.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const quick = process.argv.includes('--quick');
const layoutsOnly = process.argv.includes('--layouts');
const fusionOnly = process.argv.includes('--fusion');
const RUNS = Number(process.env.BENCH_RUNS ?? (quick ? 3 : 5));
const BIG = quick ? 10_000 : 100_000;
const budgets = JSON.parse(fs.readFileSync(path.join(root, 'test/bench/budgets.json'), 'utf8'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (...a) => console.error(...a);

if (!process.argv.includes('--no-build')) execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
const EXT = path.join(root, '.output/chrome-mv3');
const backend = await startDemoBackend();
const withExt = await launchBrowser({ extensionPath: EXT, port: backend.port });
const without = await launchBrowser({ port: backend.port });
const results = { date: new Date().toISOString(), runs: RUNS, quick, figures: {} };

/** Figure rows [name, value, budget key?] as the markdown table the bench prints. */
function printTable(rows) {
  console.log('\n| figure | value | budget |\n|---|---|---|');
  for (const [name, value, key] of rows) {
    const budget = key ? budgets[key].budget : undefined;
    console.log(`| ${name} | ${value} | ${budget ?? '—'}${value > budget ? ' **over budget**' : ''} |`);
  }
}
async function closeAll() {
  await withExt.close();
  await without.close();
  await room?.close();
  await against?.close();
  await backend.close();
}

// `--soak`: the tab left open (bench-soak.mjs), on its own.
if (process.argv.includes('--soak')) {
  const soak = await benchSoak({ backend, withExt, without, log });
  console.log(JSON.stringify(soak, null, 2));
  await withExt.close();
  await without.close();
  await backend.close();
  process.exit(0);
}

// 1. Page overhead on the hand-written 千牛 list, interleaved with and without the extension (not with
// --layouts or --fusion, which have their own).
if (!layoutsOnly && !fusionOnly) {
  log('page overhead (200 rows)…');
  const w = [];
  const wo = [];
  const tbtW = [];
  const tbtWo = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await loadPage(withExt.context, 200, true);
    w.push(a.probe.rowsAt);
    tbtW.push(a.probe.tbt);
    await a.page.close();
    const b = await loadPage(without.context, 200, false);
    wo.push(b.probe.rowsAt);
    tbtWo.push(b.probe.tbt);
    await b.page.close();
  }
  results.figures.pageRowsWithMs = round(median(w));
  results.figures.pageRowsWithoutMs = round(median(wo));
  results.figures.pageRatio = round(median(w) / median(wo), 3);
  results.figures.blockingWithMs = round(median(tbtW));
  results.figures.blockingWithoutMs = round(median(tbtWo));
}

// 1b. Layout families: the 千牛 list (group-header cards), a column table whose ids are a column, and
// a Fusion split table with its id column locked (rendered twice). Per family and run, interleaved
// (the order turns each run, so a burst of other work on the machine hits every arm alike):
// - the page ratio: the page's own rows visible, with ÷ without the extension;
// - from one more load with a CPU profile (kept out of the ratio's loads: sampling slows script),
//   the extension's script on the page, all of it (loading, the sidebar's frame, the main-world
//   observer, messages, every scan), as a share of the page's own script in the same load;
// - the longest extension task: the longer of the scans' longest slice and the profile's longest
//   extension stretch.
// `--against DIR` measures another build (DIR holds its manifest.json) in the same interleaving.
const againstAt = process.argv.indexOf('--against');
const against =
  againstAt > 0
    ? await launchBrowser({ extensionPath: path.resolve(process.argv[againstAt + 1]), port: backend.port })
    : undefined;
const arms = [['', withExt.context], ...(against ? [[' (against)', against.context]] : [])];
// `--room`: one more arm without the extension, whose pages give up the open sidebar's default width
// (sidebar-host.ts DEFAULT_WIDTH, 360 px) as a margin, as the extension makes them do. With ÷ it is the
// extension's cost beyond the room it takes; it ÷ without is what the narrower page costs on its own.
// The Fusion list's figures (the full run and --fusion) always have it.
const room = process.argv.includes('--room') || !layoutsOnly ? await launchBrowser({ port: backend.port }) : undefined;
await room?.context.addInitScript(() => {
  const give = () => (document.documentElement.style.marginRight = '360px');
  if (document.documentElement) give();
  else document.addEventListener('DOMContentLoaded', give);
});
/**
 * One list drawn `rows` long in `layout`, loaded in every arm per run, interleaved (the order turns each
 * run, so a burst of other work on the machine hits every arm alike): with the extension (each build of
 * `arms`), without it, with the sidebar's room given up (when `room`), and one more load per build with
 * a CPU profile (kept out of the ratio's loads: sampling slows script). Medians per arm.
 */
async function measureList(layout, rows) {
  const m = Object.fromEntries(
    ['', ...arms.map(([a]) => a)].map((a) => [
      a || 'this',
      { rowsAt: [], ext: [], own: [], share: [], scans: [], gc: [], longest: [] },
    ]),
  );
  const key = (arm) => arm || 'this';
  for (let i = 0; i < RUNS; i++) {
    const loads = [
      ...arms.map(([arm, ctx]) => async () => {
        const { page, probe } = await loadPage(ctx, rows, true, layout);
        m[key(arm)].rowsAt.push(probe.rowsAt);
        await page.close();
      }),
      async () => {
        const { page, probe } = await loadPage(without.context, rows, false, layout);
        (m.without ??= { rowsAt: [] }).rowsAt.push(probe.rowsAt);
        await page.close();
      },
      ...(room
        ? [
            async () => {
              const { page, probe } = await loadPage(room.context, rows, false, layout);
              (m.room ??= { rowsAt: [] }).rowsAt.push(probe.rowsAt);
              await page.close();
            },
          ]
        : []),
      ...arms.map(([arm, ctx]) => async () => {
        const { page, probe } = await loadPage(ctx, rows, true, layout, { profile: true });
        await page.close();
        const f = m[key(arm)];
        f.ext.push(probe.profile.extensionMs);
        f.own.push(probe.profile.pageMs);
        f.share.push(probe.profile.extensionMs / probe.profile.pageMs);
        f.gc.push(probe.profile.gcMs);
        f.scans.push(probe.scans.reduce((s, x) => s + x.d, 0));
        f.longest.push(Math.max(probe.profile.extensionLongestMs, ...probe.scans.map((x) => x.longest)));
      }),
    ];
    for (let k = 0; k < loads.length; k++) await loads[(k + i) % loads.length]();
  }
  return Object.fromEntries(
    arms.map(([arm]) => {
      const f = m[key(arm)];
      return [
        arm,
        {
          pageRatio: round(median(f.rowsAt) / median(m.without.rowsAt), 3),
          pageRowsWithMs: round(median(f.rowsAt)),
          pageRowsWithoutMs: round(median(m.without.rowsAt)),
          extensionScriptMs: round(median(f.ext)),
          scansMs: round(median(f.scans)),
          pageScriptMs: round(median(f.own)),
          gcMs: round(median(f.gc)),
          extensionShare: round(median(f.share), 3),
          longestMs: round(median(f.longest), 1),
          ...(m.room
            ? {
                pageRowsRoomMs: round(median(m.room.rowsAt)),
                pageRatioBeyondRoom: round(median(f.rowsAt) / median(m.room.rowsAt), 3),
                roomRatio: round(median(m.room.rowsAt) / median(m.without.rowsAt), 3),
              }
            : {}),
        },
      ];
    }),
  );
}

// 1c. The 千牛 退款管理 list as the real Fusion Table draws it (the demo's default: list mode, one record
// per group), 200 and 1,000 records, every arm (with, without, the sidebar's room) in the same run; the
// extension's script from 200 to 1,000 records (linear: at most 6×). `--fusion`: only this.
let fusionRows = [];
if (!layoutsOnly) {
  results.figures.fusion = {};
  for (const rows of [200, 1000]) {
    log(`Fusion list (${rows} records)…`);
    for (const [arm, f] of Object.entries(await measureList('fusion', rows)))
      results.figures.fusion[`${rows}${arm}`] = f;
  }
  for (const [a] of arms)
    results.figures.fusion[`growth${a}`] = round(
      results.figures.fusion[`1000${a}`].extensionScriptMs / results.figures.fusion[`200${a}`].extensionScriptMs,
      2,
    );
  fusionRows = arms.flatMap(([a]) => [
    ...[200, 1000].flatMap((n) => {
      const f = results.figures.fusion[`${n}${a}`];
      return [
        [
          `Fusion list ${n}${a}: page ratio with ÷ without (${f.pageRowsWithMs} / ${f.pageRowsWithoutMs} ms)`,
          f.pageRatio,
        ],
        [
          `Fusion list ${n}${a}: … with ÷ the sidebar's room given up, the extension's own cost (${f.pageRowsWithMs} / ${f.pageRowsRoomMs} ms)`,
          f.pageRatioBeyondRoom,
          'fusionPageRatioBeyondRoom',
        ],
        [`Fusion list ${n}${a}: … the room alone, room ÷ without`, f.roomRatio],
        [
          `Fusion list ${n}${a}: extension script ÷ page's own script, same load (${f.extensionScriptMs} / ${f.pageScriptMs} ms; scans ${f.scansMs}, GC ${f.gcMs})`,
          f.extensionShare,
          'fusionExtensionShare',
        ],
        [`Fusion list ${n}${a}: extension's longest task (ms)`, f.longestMs, 'extensionLongTaskMs'],
      ];
    }),
    [
      `Fusion list${a}: extension script 1,000 ÷ 200 records`,
      results.figures.fusion[`growth${a}`],
      'fusionScriptGrowth',
    ],
  ]);
}
if (fusionOnly) {
  printTable(fusionRows);
  fs.writeFileSync(
    path.join(root, 'test/bench/results-fusion.json'),
    JSON.stringify({ date: results.date, runs: RUNS, fusion: results.figures.fusion }, null, 2) + '\n',
  );
  await closeAll();
  process.exit(0);
}

// 1b (continued). The hand-written 千牛 list (group-header cards) and two other layout families.
results.figures.layouts = {};
for (const [name, layout] of [
  ['cards', 'hand'],
  ['table', 'table'],
  ['split', 'split'],
]) {
  log(`layout ${name} (200 rows)…`);
  for (const [arm, f] of Object.entries(await measureList(layout, 200))) results.figures.layouts[`${name}${arm}`] = f;
}
const layoutRows = Object.entries(results.figures.layouts).flatMap(([l, f]) => [
  [
    `${l}: page ratio with ÷ without (200 rows; ${f.pageRowsWithMs} / ${f.pageRowsWithoutMs} ms)`,
    f.pageRatio,
    'layoutPageRatio',
  ],
  [
    `${l}: extension script ÷ page's own script, same load (${f.extensionScriptMs} / ${f.pageScriptMs} ms; scans ${f.scansMs}, GC ${f.gcMs})`,
    f.extensionShare,
    'layoutExtensionShare',
  ],
  [`${l}: extension's longest task (ms)`, f.longestMs, 'extensionLongTaskMs'],
  ...(f.roomRatio === undefined
    ? []
    : [
        [
          `${l}: … with ÷ without but with the sidebar's room given up (the extension beyond its room)`,
          f.pageRatioBeyondRoom,
          'layoutPageRatio',
        ],
        [`${l}: … the page with the sidebar's room given up ÷ without (the room alone)`, f.roomRatio],
      ]),
]);
if (layoutsOnly) {
  printTable(layoutRows);
  await closeAll();
  process.exit(0);
}
await against?.close();
await room?.close();

// 2. Reading: rows present → read, judged (in the background), badged; and 5. its growth.
const readTimes = {};
const wall200 = [];
const phases200 = {};
const pageTaskDuring = {};
const reread = [];
const longestBySize = {};
for (const rows of [5, 50, 200, 500, 1000, 5000]) {
  if (quick && rows === 5000) continue;
  log(`reading ${rows} rows…`);
  const t = [];
  // The budgeted size gets three times the loads: on a shared machine a median of five moves by ±2 ms.
  const loads = rows === 200 ? RUNS * 3 : rows >= 1000 ? Math.min(RUNS, 3) : RUNS;
  for (let i = 0; i < loads; i++) {
    const { page, probe } = await loadPage(withExt.context, rows, true);
    const full = probe.scans.filter((s) => s.n === rows);
    t.push(full[0].d);
    // The page's own long tasks from the read's start to 500 ms after it: mostly the layout that
    // placing the badges causes (script slices are counted above).
    const during = probe.longTasks
      .filter(([at, d]) => at + d >= full[0].start && at <= full[0].end + 500)
      .map(([, d]) => d);
    (pageTaskDuring[rows] ??= []).push(Math.max(0, ...during));
    if (rows === 200) for (const [k, v] of Object.entries(full[0].phases ?? {})) (phases200[k] ??= []).push(v);
    if (rows === 200) wall200.push(full[0].end - full[0].start);
    (longestBySize[rows] ??= []).push(Math.max(...probe.scans.map((s) => s.longest)));
    if (rows === 200) {
      // A later read of the same rows (the page changed something): what staff pay on each page update.
      const before = probe.scans.length;
      await page.evaluate(() => document.body.appendChild(document.createElement('div')));
      await page.waitForFunction((n) => performance.getEntriesByName('aftersales-radar:scan').length > n, before, {
        timeout: 10000,
      });
      reread.push(await page.evaluate(() => performance.getEntriesByName('aftersales-radar:scan').at(-1).detail.busy));
    }
    await page.close();
  }
  readTimes[rows] = round(median(t));
}
results.figures.read = readTimes;
results.figures.read200Ms = readTimes[200];
// Where the 200-row figure goes: reading the page (with the data-response merge), the row badges, a
// reading posted to the sidebar directly (only when the background could not pass it on), the cases
// handed to the ledger (and their badges back). The wall time includes the background's work (storing
// and judging), which runs in the service worker, not on the page's thread.
results.figures.read200WallMs = round(median(wall200));
results.figures.read200Phases = Object.fromEntries(Object.entries(phases200).map(([k, v]) => [k, round(median(v), 1)]));
// The longest stretch without yielding: per size, the median over runs of each run's longest; the
// figure is the worst size.
results.figures.extensionLongestBySize = Object.fromEntries(
  Object.entries(longestBySize).map(([n, v]) => [n, round(median(v), 1)]),
);
results.figures.extensionLongTaskMs = Math.max(...Object.values(results.figures.extensionLongestBySize));
results.figures.reread200Ms = round(median(reread));
results.figures.pageLongTaskDuringRead = Object.fromEntries(
  Object.entries(pageTaskDuring).map(([n, v]) => [n, round(median(v))]),
);

// 4. Heap added by the extension after a 1,000-row list.
log('heap…');
const heap = async (ctx, extension) => {
  const { page } = await loadPage(ctx, 1000, extension);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return usedSize;
};
const heapWith = median([await heap(withExt.context, true), await heap(withExt.context, true)]);
const heapWithout = median([await heap(without.context, false), await heap(without.context, false)]);
results.figures.contentHeapMB = round((heapWith - heapWithout) / 1024 / 1024);

// 3. Ledger: a 1,000-snapshot batch, the urgent query and the popup with many cases stored.
log('ledger…');
const ext = await withExt.context.newPage();
await ext.goto(`chrome-extension://${withExt.extensionId}/popup.html`);
await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'data/clear', confirm: '清空全部数据' }));
// The batch is made inside the extension page, and the clock covers the message to its answer
// (sent after the transaction committed): not the test driver's own transfer of the batch.
const send = (start, n) =>
  ext.evaluate(
    async ([start, n]) => {
      const cases = Array.from({ length: n }, (_, i) => ({
        platform: 'taobao',
        disputeId: String(100000000 + start + i),
        kind: 'refund',
        refundType: '退货退款',
        status: 'WAIT_SELLER_AGREE',
        statusText: '退款待处理',
        refundFen: 1000 + ((start + i) % 9000),
        appliedAt: '2026-11-21T10:00:00+08:00',
        pageDeadline: {
          at: new Date(Date.now() + ((start + i) % 500) * 3_600_000).toISOString().replace('Z', '+00:00'),
          text: '还剩',
        },
        flags: {},
      }));
      const source = {
        page: 'refund-list',
        url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
        readAt: new Date().toISOString(),
      };
      const t0 = performance.now();
      const r = await chrome.runtime.sendMessage({ type: 'cases/seen', source, cases });
      return { ...r, ms: performance.now() - t0 };
    },
    [start, n],
  );
const upserts = [];
for (let i = 0; i < RUNS; i++) {
  const r = await send(i * 1000, 1000);
  if (!r.ok) throw new Error(r.error);
  upserts.push(r.ms);
}
results.figures.upsert1000Ms = round(median(upserts));
const urgentAt = {};
const query = async () => {
  const t = [];
  for (let i = 0; i < 7; i++)
    t.push(
      await ext.evaluate(async () => {
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({ type: 'cases/urgent', limit: 50 });
        if (!r.ok || r.value.length !== 50) throw new Error('urgent query failed');
        return performance.now() - t0;
      }),
    );
  return round(median(t.slice(2)));
};
let stored = RUNS * 1000;
for (const target of [1000, 10_000, 100_000].filter((n) => n <= BIG)) {
  while (stored < target) {
    const n = Math.min(5000, target - stored);
    const r = await send(stored, n);
    if (!r.ok) throw new Error(r.error);
    stored += n;
  }
  log(`urgent query with ${stored} cases…`);
  await ext.waitForTimeout(1500); // let the alert sweep that follows a write finish
  urgentAt[stored] = await query();
  // A large shop's quarter, exported to .xlsx from the options page (beside the whole ledger's, below).
  if (stored === 10_000)
    results.figures.exportXlsx10kMs = (
      await benchExport({
        context: withExt.context,
        extensionId: withExt.extensionId,
        runs: RUNS,
        log,
        formats: ['xlsx'],
      })
    ).xlsx.ms;
}
results.figures.urgent = urgentAt;
results.figures.urgent100kMs = urgentAt[BIG];
await ext.waitForTimeout(1500);
const popupTimes = [];
for (let i = 0; i < RUNS; i++) {
  const p = await withExt.context.newPage();
  await p.goto(`chrome-extension://${withExt.extensionId}/popup.html`);
  await p.locator('[data-dispute-id]').first().waitFor({ timeout: 60000 });
  // From navigation start to the popup's own mark, set once its first list is painted.
  popupTimes.push(
    await p.evaluate(
      () => performance.getEntriesByName('aftersales-radar:popup-listed')[0]?.startTime ?? performance.now(),
    ),
  );
  // Each popup is closed once it has also counted the ledger (after its list): a popup opened
  // while the last one's count still walks 100,000 records waits for it (~300 instead of ~100 ms).
  await p.locator('[data-testid="total"]').waitFor({ timeout: 60000 });
  await p.close();
}
results.figures.popup100kMs = round(median(popupTimes));
results.figures.storedCases = stored;
// The shop's day with every stored case: exports from the options page, and the 日报.
results.figures.day = await benchDay({
  context: withExt.context,
  extensionId: withExt.extensionId,
  runs: quick ? 1 : 3,
  log,
});
results.figures.team = await benchTeam({ backend, extensionPath: EXT, runs: quick ? 1 : 3, log });
results.figures.exportXlsxMs = results.figures.day.xlsx.ms;
results.figures.exportCsvMs = results.figures.day.csv.ms;
results.figures.reportMs = results.figures.day.report.ms;
await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'data/clear', confirm: '清空全部数据' }));

// 4. Sizes.
const size = (rel) => {
  const buf = fs.readFileSync(path.join(EXT, rel));
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
};
const chunk = (prefix) =>
  fs
    .readdirSync(path.join(EXT, 'chunks'))
    .filter((f) => f.startsWith(prefix))
    .map((f) => `chunks/${f}`);
results.sizes = {
  // What a seller page loads: the content script and the main-world observer.
  content: [size('content-scripts/seller.js'), size('content-scripts/mtop-observer.js')].reduce((a, b) => ({
    raw: a.raw + b.raw,
    gzip: a.gzip + b.gzip,
  })),
  sidebar: chunk('sidebar-').map(size)[0],
  background: size('background.js'),
  popup: chunk('popup-').map(size)[0],
  options: chunk('options-').map(size)[0],
};
results.figures.contentGzipKB = round(results.sizes.content.gzip / 1024);

await withExt.close();
await without.close();
await backend.close();

const rows = [
  ['page: own rows visible, with extension (ms)', results.figures.pageRowsWithMs],
  ['page: own rows visible, without (ms)', results.figures.pageRowsWithoutMs],
  ['page: ratio with ÷ without', results.figures.pageRatio, 'pageRatio'],
  [
    'page: blocking time with / without (ms)',
    `${results.figures.blockingWithMs} / ${results.figures.blockingWithoutMs}`,
  ],
  ['extension: longest task, worst list size (ms)', results.figures.extensionLongTaskMs, 'extensionLongTaskMs'],
  [
    '… by list size 5 / 50 / 200 / 500 / 1000 / 5000 (ms)',
    Object.values(results.figures.extensionLongestBySize).join(' / '),
  ],
  ...Object.entries(results.figures.pageLongTaskDuringRead).map(([n, v]) => [
    `page: longest task while read and badged, ${n} rows, incl. layout (ms)`,
    v || 'none',
  ]),
  ...Object.entries(readTimes).map(([n, v]) => [
    `read + badges, page script time, ${n} rows (ms)`,
    v,
    n === '200' ? 'read200Ms' : undefined,
  ]),
  [
    'rows present → the rows near the screen badged, wall clock incl. the background, 200 rows (ms)',
    results.figures.read200WallMs,
  ],
  ['read again after a page update, 200 rows (ms)', results.figures.reread200Ms],
  [
    '… of which read / badges / sidebar / ledger hand-off (ms)',
    ['read', 'badges', 'sidebar', 'ledger'].map((k) => results.figures.read200Phases[k] ?? '—').join(' / '),
  ],
  ['ledger: upsert 1,000 snapshots (ms)', results.figures.upsert1000Ms, 'upsert1000Ms'],
  ...Object.entries(urgentAt).map(([n, v]) => [
    `ledger: top-50 urgent, ${Number(n).toLocaleString('en')} stored (ms)`,
    v,
    Number(n) === BIG ? 'urgent100kMs' : undefined,
  ]),
  [`popup: first render, ${stored.toLocaleString('en')} stored (ms)`, results.figures.popup100kMs, 'popup100kMs'],
  [
    'export the ledger to .xlsx, 10,000 cases, click to download (ms)',
    results.figures.exportXlsx10kMs,
    'exportXlsx10kMs',
  ],
  [
    `export the ledger to .xlsx, ${stored.toLocaleString('en')} cases, click to download (ms)`,
    results.figures.exportXlsxMs,
    'exportXlsxMs',
  ],
  [
    `export the ledger to CSV, ${stored.toLocaleString('en')} cases, click to download (ms)`,
    results.figures.exportCsvMs,
    'exportCsvMs',
  ],
  [
    '… JS heap at peak, options page + export worker, .xlsx / CSV (MB, sampled every 50 ms)',
    `${results.figures.day.xlsx.peakHeapMB} / ${results.figures.day.csv.peakHeapMB}`,
  ],
  [
    "… the options page's longest freeze meanwhile, .xlsx / CSV (ms)",
    `${results.figures.day.xlsx.pageBlockedMs} / ${results.figures.day.csv.pageBlockedMs}`,
  ],
  [
    `日报: first render, a day with 1,000 new among ${(stored + 1000).toLocaleString('en')} stored (ms)`,
    results.figures.reportMs,
    'reportMs',
  ],
  [`… the day on which all ${stored.toLocaleString('en')} were first seen (ms)`, results.figures.day.reportAllNew.ms],
  [
    'team sync: a second profile converged after one changed 100 cases, runs asked for at once (ms)',
    results.figures.team.convergeAfter100Ms,
  ],
  ['team sync: initial sync of 10,000 cases into an empty profile (ms)', results.figures.team.initial10kMs],
  ['team sync: page ratio, sync on ÷ off (200-row 千牛 list)', results.figures.team.pageRatioSyncOn, 'pageRatioSyncOn'],
  ...layoutRows,
  ...fusionRows,
  [
    'content scripts (KB gzip / raw)',
    `${results.figures.contentGzipKB} / ${round(results.sizes.content.raw / 1024)}`,
    'contentGzipKB',
  ],
  [
    'background / sidebar / popup / options, own chunk (KB gzip)',
    [results.sizes.background, results.sizes.sidebar, results.sizes.popup, results.sizes.options]
      .map((x) => round(x.gzip / 1024))
      .join(' / '),
  ],
  ['page heap added after 1,000 rows (MB)', results.figures.contentHeapMB, 'contentHeapMB'],
];
results.table = rows.map(([name, value, key]) => {
  const budget = key ? budgets[key].budget : null;
  const numeric = typeof value === 'number' ? value : Number(String(value).split(' ')[0]);
  return { name, value, budget, over: budget !== null && numeric > budget };
});
console.log('\n| figure | value | budget |\n|---|---|---|');
for (const r of results.table)
  console.log(`| ${r.name} | ${r.value} | ${r.budget ?? '—'}${r.over ? ' **over budget**' : ''} |`);
fs.writeFileSync(path.join(root, 'test/bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwritten: test/bench/results.json');
