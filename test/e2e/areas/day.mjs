// End-to-end area: the shop's day: the 售后工作台 cockpit from the ledger, Excel exports, the daily report.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { launchBrowser } from '../../../scripts/chromium.mjs';
import { assert, assertEqual, ensureLedger, EXTENSION, ledger, M, shot, sidebarFrame, waitFor } from '../harness.mjs';

const HOUR = 3_600_000;

/** What the cockpit in the sidebar's frame lists, section by section. */
function cockpit(page) {
  return sidebarFrame(page)
    ?.evaluate(() => {
      const root = document.querySelector('[data-testid=cockpit]');
      if (!root || root.querySelector('[data-testid=cockpit-urgent]') === null) return null;
      const ids = (sel) =>
        [...root.querySelectorAll(`${sel} [data-dispute-id]`)].map((e) => e.getAttribute('data-dispute-id'));
      return {
        urgent: ids('[data-testid=cockpit-urgent]'),
        groups: [...root.querySelectorAll('[data-testid=cockpit-urgent] [data-group]')].map((e) =>
          e.getAttribute('data-group'),
        ),
        beforeClose: ids('[data-testid=cockpit-before-close]'),
        beforeCloseText: root.querySelector('[data-testid=cockpit-before-close]')?.textContent ?? '',
        stale: ids('[data-testid=cockpit-stale]'),
        staleText: root.querySelector('[data-testid=cockpit-stale]')?.textContent ?? '',
        stats: document.querySelector('[data-testid=stats]')?.textContent ?? null,
        digest: root.querySelector('[data-testid=cockpit-digest]')?.textContent ?? null,
      };
    })
    .catch(() => null);
}

/** Rewrite one case in the ledger behind the extension's back (as if it had been read long ago). */
function patchCase(ext, key, patch) {
  return ext.evaluate(
    async ([k, p]) => {
      const db = await new Promise((r) => {
        const q = indexedDB.open('aftersales-radar');
        q.onsuccess = () => r(q.result);
      });
      await new Promise((r) => {
        const t = db.transaction('cases', 'readwrite');
        const s = t.objectStore('cases');
        s.get(k).onsuccess = (e) => s.put({ ...e.target.result, ...p });
        t.oncomplete = r;
      });
      db.close();
    },
    [key, patch],
  );
}

/** @param {import('../harness.mjs').Session} session */
export default async function dayArea({ run, context, extensionId, page, ext, backend, shotsDir }) {
  await ensureLedger({ page, ext });

  await run.check(
    "售后工作台: the sidebar is the day's cockpit: the ledger's urgent queue in the popup's order, 下班前, stale cases, the page's cards in one line; a row opens its case",
    async () => {
      // One open case the extension last read 20 hours ago, due in 30 hours: stale.
      const now = Date.now();
      const target = await ledger(
        ext,
        async (all) =>
          (await all('cases')).filter((c) => c.open === 1 && c.due).sort((a, b) => b.deadlineAt - a.deadlineAt)[0],
      );
      assert(target, 'an open case with a deadline');
      const at = new Date(now + 30 * HOUR);
      const iso = (ms) => new Date(ms + 8 * HOUR).toISOString().slice(0, 19) + '+08:00';
      await patchCase(ext, target.key, {
        lastSeenAt: iso(now - 20 * HOUR),
        due: { ...target.due, at: iso(at.getTime()) },
        deadlineAt: at.getTime(),
      });

      await page.goto(`${M}/refund-workbench`);
      // The page's own due-soon list is stored as it is read: the queue follows the ledger once it settles.
      let last;
      const { seen, open, t, urgent } = await waitFor(
        async () => {
          const c = await cockpit(page);
          if (!c?.stats) return null;
          const open = await ledger(ext, async (all) =>
            (await all('cases'))
              .filter((x) => x.open === 1)
              .sort((a, b) => a.deadlineAt - b.deadlineAt || (b.amountFen ?? 0) - (a.amountFen ?? 0)),
          );
          const t = Date.now();
          const urgent = open.filter((x) => x.deadlineAt - t < 24 * HOUR).map((x) => x.disputeId);
          last = { cockpit: c.urgent, ledger: urgent };
          return (
            urgent.length > 0 && JSON.stringify(c.urgent) === JSON.stringify(urgent) && { seen: c, open, t, urgent }
          );
        },
        { message: "the cockpit's urgent queue, every open case due within 24 h in the popup's order", timeout: 20000 },
      ).catch((e) => {
        throw new Error(`${e.message}\n    ${JSON.stringify(last)}`);
      });
      const order = ['overdue', 'lt6h', 'lt24h'];
      assertEqual(
        seen.groups,
        [...seen.groups].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        'tiers in urgency order',
      );
      // 下班前: the next shift's start as shown (default hours: a weekday, 09:00), and the open cases due before it.
      const m = /下次上班 (\d\d)-(\d\d) (\d\d):(\d\d)/.exec(seen.beforeCloseText);
      assert(m && m[3] === '09' && m[4] === '00', `next shift at 09:00: ${seen.beforeCloseText}`);
      let next = Date.UTC(new Date(t).getUTCFullYear(), Number(m[1]) - 1, Number(m[2]), 1, 0);
      if (next < t - 24 * HOUR) next = Date.UTC(new Date(t).getUTCFullYear() + 1, Number(m[1]) - 1, Number(m[2]), 1, 0);
      assert(next > t && next - t <= 4 * 24 * HOUR, 'the next shift is ahead, within a long weekend');
      assert(![0, 6].includes(new Date(next + 8 * HOUR).getUTCDay()), 'the next shift is on a weekday');
      assertEqual(
        seen.beforeClose,
        open.filter((c) => c.deadlineAt > t && c.deadlineAt < next).map((c) => c.disputeId),
        '下班前: open cases due before the next shift',
      );
      assert(seen.stale.includes(target.disputeId), `the case read 20 h ago is stale: ${seen.stale}`);
      assert(
        seen.staleText.includes('倒计时未确认：20 小时前读取') && seen.staleText.includes('打开 退款管理 刷新'),
        `stale marked and a way to refresh: ${seen.staleText}`,
      );
      assert(seen.stats && seen.stats.includes('24小时内待处理'), `the page's cards in one line: ${seen.stats}`);
      await shot(page, shotsDir, 'day-cockpit');
      const frame = sidebarFrame(page);
      const opened = context.waitForEvent('page', { timeout: 10000 });
      await frame.locator(`[data-testid=cockpit-urgent] [data-dispute-id="${urgent[0]}"] button`).click();
      const tab = await opened;
      await tab.waitForLoadState();
      assert(tab.url().includes(`disputeId=${urgent[0]}`), `opened ${tab.url()}`);
      await tab.close();
      // The stale threshold is the shop's: at 24 hours, a case read 20 hours ago is fresh enough.
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#hours`);
      await options.getByLabel('久未刷新（小时）').fill('24');
      await options.getByLabel('久未刷新（小时）').locator('xpath=../following-sibling::button[1]').click();
      await options.locator('#hours .ok').first().waitFor();
      await options.close();
      await page.reload();
      const after = await waitFor(
        async () => {
          const c = await cockpit(page);
          return c?.staleText.includes('超过 24 小时') ? c : null;
        },
        { message: 'the cockpit with the new threshold', timeout: 15000 },
      );
      assert(!after.stale.includes(target.disputeId), `not stale at 24 h: ${after.stale}`);
    },
  );

  await run.check(
    'the ledger exported from the options page (数据) opens with real parsers: .xlsx with the filters applied, CSV with a BOM, every case, ids exact, yuan',
    async () => {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#data`);
      const box = options.getByTestId('ledger-export');
      const save = async (button, name) => {
        const downloading = options.waitForEvent('download');
        await box.getByRole('button', { name: button }).click();
        const download = await downloading;
        assert(download.suggestedFilename().startsWith('售后雷达-台账-'), download.suggestedFilename());
        const file = path.join(shotsDir, name);
        await download.saveAs(file);
        return file;
      };
      await box.getByLabel('类型').selectOption('refund');
      await box.getByLabel('状态').selectOption('open');
      const xlsx = await save('导出 Excel（.xlsx）', 'day-ledger.xlsx');
      const rows = await readSheet(xlsx);
      const head = rows[0];
      const at = (name) => head.indexOf(name);
      assert(
        at('售后单号') === 0 && at('时限依据') > 0 && at('已处理') > 0 && at('备注') > 0,
        `Chinese columns: ${head}`,
      );
      const all = await ledger(ext, async (a) => a('cases'));
      const expected = all
        .filter((c) => c.open === 1 && c.kind === 'refund')
        .sort((a, b) => a.deadlineAt - b.deadlineAt || (b.amountFen ?? 0) - (a.amountFen ?? 0));
      assertEqual(
        rows.slice(1).map((r) => r[0]),
        expected.map((c) => c.disputeId),
        'the open refunds, most urgent first, ids as text with every digit',
      );
      const first = rows[1];
      const c = expected[0];
      if (c.refundFen !== undefined) assertEqual(first[at('退款金额（元）')], c.refundFen / 100, 'money in yuan');
      assertEqual(first[at('时限依据')], c.due.basis === 'page' ? '页面倒计时' : '规则估算', "the deadline's basis");
      assert(
        /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(first[at('时限（北京时间）')]),
        `China time: ${first[at('时限（北京时间）')]}`,
      );

      await box.getByLabel('类型').selectOption('');
      await box.getByLabel('状态').selectOption('');
      const csvFile = await save('导出 CSV', 'day-ledger.csv');
      const text = fs.readFileSync(csvFile, 'utf8');
      assert(text.charCodeAt(0) === 0xfeff, 'a UTF-8 BOM');
      const parsed = Papa.parse(text.slice(1), { header: true, skipEmptyLines: true });
      assertEqual(parsed.errors, [], 'CSV parses');
      assertEqual(
        parsed.data.map((r) => r['售后单号'].trim()).sort(),
        all.map((x) => x.disputeId).sort(),
        'every case in the ledger, ids exact',
      );
      const some = all.find((x) => x.refundFen !== undefined);
      assertEqual(
        parsed.data.find((r) => r['售后单号'].trim() === some.disputeId)['退款金额（元）'],
        (some.refundFen / 100).toFixed(2),
        'yuan with two decimals',
      );
      assertEqual(
        await box.getByTestId('export-message').textContent(),
        `已导出 ${all.length} 单`,
        'the page says how many',
      );
      await options.locator('#data').screenshot({ path: path.join(shotsDir, 'day-export.png') });
      await options.close();
    },
  );

  await run.check(
    "日报: the day's figures from the ledger, by kind, with the 14-day chart, a note on its inputs, and the same .xlsx; the popup links to it",
    async () => {
      // One case finished today on the seller backend, read again: a finishing status change today.
      const c = await ledger(ext, async (all) =>
        (await all('cases')).find(
          (x) => x.open === 1 && x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE',
        ),
      );
      assert(c, 'an open refund awaiting the seller');
      await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
      await page.evaluate(
        (id) =>
          fetch(`/__demo/set-status?disputeId=${id}&status=SUCCESS&text=${encodeURIComponent('退款成功')}`, {
            method: 'POST',
          }),
        c.disputeId,
      );
      await page.reload();
      await waitFor(
        () => ledger(ext, async (all, key) => (await all('cases')).find((x) => x.key === key)?.open === 0, c.key),
        { message: 'the case finished in the ledger' },
      );

      const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
      const expected = await ledger(
        ext,
        async (all, day) => {
          const cases = new Map((await all('cases')).map((x) => [x.key, x]));
          const events = (await all('events')).filter((e) => e.at.startsWith(day));
          const kinds = ['refund', 'exchange', 'postage'];
          const newBy = Object.fromEntries(
            kinds.map((k) => [
              k,
              events.filter((e) => e.type === 'first-seen' && cases.get(e.caseKey)?.kind === k).length,
            ]),
          );
          const finished = new Set(events.filter((e) => e.type === 'status-change' && e.closed).map((e) => e.caseKey));
          return { newAll: events.filter((e) => e.type === 'first-seen').length, newBy, finished: finished.size };
        },
        today,
      );
      assert(expected.finished >= 1, 'a case finished today');

      // Options → 日报 opens the report's own page.
      const settings = await context.newPage();
      await settings.goto(`chrome-extension://${extensionId}/options.html#report`);
      const opening = context.waitForEvent('page');
      await settings.getByTestId('open-report').click();
      const options = await opening;
      await settings.close();
      assert(options.url().endsWith('/report.html'), options.url());
      const report = options.getByTestId('report');
      await report.getByLabel('日报日期').fill(today);
      const cell = (row, kind) => report.locator(`[data-row="${row}"] [data-kind="${kind}"]`).textContent();
      await waitFor(async () => (await report.locator('h3').first().textContent())?.startsWith(today), {
        message: 'the report for today',
      });
      assertEqual(await cell('新增售后单', 'all'), String(expected.newAll), 'new cases today');
      for (const [k, n] of Object.entries(expected.newBy))
        assertEqual(await cell('新增售后单', k), String(n), `new ${k} cases today`);
      assertEqual(await cell('已结束', 'all'), String(expected.finished), 'cases finished today');
      if (c.refundFen !== undefined) assert((await cell('退款金额', 'refund')) !== '¥0.00', 'money refunded today');
      assert(
        (await options.getByTestId('report-honesty').textContent()).includes('本浏览器看到的记录'),
        'says what it counts',
      );
      const bars = await options
        .locator(`[data-testid=report-chart] rect[data-day="${today}"]`)
        .evaluateAll((els) =>
          Object.fromEntries(els.map((e) => [e.getAttribute('data-series'), Number(e.getAttribute('data-value'))])),
        );
      assertEqual(bars.opened, expected.newAll, "the chart's bar for today");
      assertEqual(await options.locator('[data-testid=report-chart] rect[data-series=opened]').count(), 14, '14 days');
      await options.setViewportSize({ width: 820, height: 900 });
      await shot(options, shotsDir, 'day-report');
      // Print-friendly: printing leaves out the controls, keeps the figures and the chart.
      await options.emulateMedia({ media: 'print' });
      assert(
        !(await report.getByLabel('日报日期').isVisible()) &&
          (await options.getByTestId('report-figures').isVisible()) &&
          (await options.getByTestId('report-chart').isVisible()),
        'the report prints without its controls',
      );
      await options.emulateMedia({ media: 'screen' });

      const downloading = options.waitForEvent('download');
      await report.getByRole('button', { name: '导出 Excel（.xlsx）' }).click();
      const file = path.join(shotsDir, 'day-report.xlsx');
      await (await downloading).saveAs(file);
      const sheet = await readSheet(file, `日报 ${today}`);
      assertEqual(sheet[0], ['指标', '全部', '退款', '换货', '邮费'], "the report sheet's header");
      assertEqual(sheet.find((r) => r[0] === '新增售后单')[1], expected.newAll, 'the .xlsx holds the same figures');
      const casesSheet = await readSheet(file, '当日售后单');
      assert(
        casesSheet.slice(1).some((r) => r[0] === c.disputeId),
        "the day's cases, with the finished one",
      );
      await options.close();

      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      assert(
        (await popup.getByTestId('yesterday').getAttribute('href')).endsWith('/report.html'),
        "the popup's 昨日 opens the report (yesterday by default)",
      );
      await popup.close();
    },
  );

  await run.check(
    'a large export says where it is and can be cancelled: 20,000 cases in a fresh profile, the progress shown, nothing downloaded after 取消导出',
    async () => {
      // A profile of its own: this session's ledger stays as the other checks know it.
      const big = await launchBrowser({ extensionPath: EXTENSION, port: backend.port });
      try {
        const options = await big.context.newPage();
        await options.goto(`chrome-extension://${big.extensionId}/options.html#data`);
        for (let start = 0; start < 20_000; start += 5_000) {
          const r = await options.evaluate(
            (from) =>
              chrome.runtime.sendMessage({
                type: 'cases/seen',
                source: {
                  page: 'refund-list',
                  url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
                  readAt: new Date().toISOString(),
                },
                cases: Array.from({ length: 5_000 }, (_, i) => ({
                  platform: 'taobao',
                  disputeId: String(3039485761203940000n + BigInt(from + i)),
                  kind: 'refund',
                  status: 'WAIT_SELLER_AGREE',
                  statusText: '退款待处理',
                  refundFen: 100 + i,
                  reason: '质量问题',
                  flags: {},
                })),
              }),
            start,
          );
          assert(r.ok, `cases stored: ${r.error}`);
        }
        await options.reload();
        const box = options.getByTestId('ledger-export');
        const message = box.getByTestId('export-message');
        let downloaded = false;
        options.on('download', () => (downloaded = true));
        // Watched inside the page, at the moment the progress is drawn: on a quiet machine the whole export
        // takes a second, so a look from outside could come after it ended. The cancel is pressed then too.
        const midExport = options.evaluate(
          () =>
            new Promise((resolve) => {
              const root = document.querySelector('[data-testid=ledger-export]');
              const look = () => {
                const text = root.querySelector('[data-testid=export-message]')?.textContent ?? '';
                if (!/^正在(读取台账：[\d,]+ \/ 20,000 单|生成 Excel 文件…)$/.test(text)) return;
                observer.disconnect();
                const button = (name) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);
                const csvDisabled = button('导出 CSV')?.disabled;
                button('取消导出')?.click();
                resolve({ text, csvDisabled });
              };
              const observer = new MutationObserver(look);
              observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
            }),
        );
        await box.getByRole('button', { name: '导出 Excel（.xlsx）' }).click();
        const seen = await midExport;
        assert(seen.csvDisabled, `no second export meanwhile (shown: ${seen.text})`);
        await waitFor(async () => (await message.textContent()) === '已取消导出', {
          message: 'the page says it was cancelled',
        });
        await options.waitForTimeout(3_000);
        assert(!downloaded, 'nothing downloaded after cancelling');
        assert(await box.getByRole('button', { name: '导出 CSV' }).isEnabled(), 'the buttons are back');
        assertEqual(await box.getByRole('button', { name: '取消导出' }).count(), 0, 'no cancel without an export');
        await options.locator('#data').screenshot({ path: path.join(shotsDir, 'day-export-cancelled.png') });
      } finally {
        await big.close();
      }
    },
  );

  await run.check(
    '问题商品: the items ranked by their cases over 7 days, by reason class, with a chart; a row opens the item and its cases; the .xlsx reads back the same; the 日报 carries the week line',
    async () => {
      // The ledger as the page read it: items known by the id the page's data carries.
      const expected = await ledger(ext, async (all) => {
        const since = Date.now() - 7 * 86_400_000;
        const cases = (await all('cases')).filter((c) => Date.parse(c.appliedAt ?? c.firstSeenAt) >= since);
        const idsOf = new Map();
        for (const c of cases)
          if (c.itemId && c.item) idsOf.set(c.item, new Set([...(idsOf.get(c.item) ?? []), c.itemId]));
        const groups = new Map();
        for (const c of cases) {
          const ids = c.item ? idsOf.get(c.item) : undefined;
          const key = c.itemId ?? (ids?.size === 1 ? [...ids][0] : (c.item ?? 'none'));
          groups.set(key, [...(groups.get(key) ?? []), c]);
        }
        const top = Math.max(...[...groups.values()].map((g) => g.length));
        return {
          total: cases.length,
          withId: cases.filter((c) => c.itemId).length,
          top,
          topItems: [...groups.values()].filter((g) => g.length === top).map((g) => g[0].item),
          itemOf: Object.fromEntries(cases.map((c) => [c.disputeId, c.itemId ?? null])),
        };
      });
      assert(expected.withId > 0, "the ledger holds items' ids from the page's data");
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#problem-items`);
      const view = options.getByTestId('problem-items');
      await view.getByTestId('problem-table').waitFor();
      assert(
        (await view.getByTestId('problem-summary').textContent()).startsWith(`近 7 天 ${expected.total} 单售后`),
        'the summary counts the week',
      );
      const first = view.locator('[data-testid=problem-table] tbody').first();
      const title = await first.getByTestId('problem-item').textContent();
      const count = Number(await first.locator('td').nth(1).textContent());
      assertEqual(count, expected.top, "the first item's cases");
      assert(expected.topItems.includes(title), `the first item is one with the most cases: ${title}`);
      assert((await view.locator('[data-testid=problem-chart] rect').count()) > 0, 'the chart draws the items');
      const bars = await view
        .locator(`[data-testid=problem-chart] g[data-item="${title}"] rect`)
        .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-value')), 0));
      assertEqual(bars, count, "the first item's bar is its cases, by class");
      // A row opens the item: its page and its cases.
      await first.getByTestId('problem-item').click();
      const opened = view.getByTestId('problem-cases');
      const ids = await opened.locator('[data-case]').evaluateAll((els) => els.map((e) => e.getAttribute('data-case')));
      assertEqual(ids.length, count, 'the item lists its cases');
      const itemId = expected.itemOf[ids[0]];
      if (itemId)
        assert(
          (await opened.getByTestId('problem-item-link').getAttribute('href')).endsWith(`item.htm?id=${itemId}`),
          "the item's link",
        );
      await options.setViewportSize({ width: 900, height: 1000 });
      await options.locator('#problem-items').screenshot({ path: path.join(shotsDir, 'options-problem-items.png') });
      // One click: the .xlsx for the product team.
      const downloading = options.waitForEvent('download');
      await view.getByTestId('problem-export').click();
      const file = path.join(shotsDir, 'problem-items.xlsx');
      await (await downloading).saveAs(file);
      const sheet = await readSheet(file, '问题商品 近7天');
      assertEqual(sheet[0].slice(0, 6), ['排名', '商品', '商品ID', '售后单数', '上期单数', '变化'], 'the header');
      assertEqual([sheet[1][1], sheet[1][3]], [title, count], 'the first item, as on the page');
      if (itemId) assertEqual(sheet[1][2], itemId, 'the item id as text, every digit');
      const casesSheet = await readSheet(file, '近7天售后单');
      assertEqual(casesSheet.length - 1, expected.total, "the week's cases");
      assert((await readSheet(file, '问题商品 近30天')).length > 1, 'and the month');
      await options.close();
      // The 日报 of today carries the week's line.
      const report = await context.newPage();
      const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
      await report.goto(`chrome-extension://${extensionId}/report.html#${today}`);
      const line = await report.getByTestId('report-problem-item').textContent();
      assert(
        /^本周问题商品：.+ (质量问题|描述不符|尺码\/不合适|少件漏发|物流破损|不喜欢|其他) \d+ 单，(比上周多 \d+|比上周少 \d+|与上周持平)$/.test(
          line,
        ),
        line,
      );
      assert(line.startsWith(`本周问题商品：${title} `), `the line names the week's first item: ${line}`);
      await report.close();
    },
  );
}
