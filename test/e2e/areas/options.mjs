// End-to-end area: The options page: promises applied without a reload, export and import, and the interface language.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../../scripts/chromium.mjs';
import {
  assert,
  assertEqual,
  badgedRows,
  EXTENSION,
  ledger,
  M,
  shot,
  sidebar,
  sidebarFrame,
  waitFor,
  ensureLedger,
} from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function optionsArea({ run, backend, context, extensionId, page, ext, shotsDir }) {
  await ensureLedger({ page, ext });

  await run.check(
    'a promise switched on in the options page changes the open sidebar without a reload, judged by the promise in force when the order was paid',
    async () => {
      const c = backend.cases.find((x) => x.platform === 'taobao' && x.reason === '假冒品牌');
      await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
      await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
      await page.evaluate(() => (window.__noReload = true));
      const comp = () =>
        sidebarFrame(page).evaluate(
          () =>
            document.querySelector('[data-testid=compensation] [data-kind="fake-compensation"]')?.textContent ?? null,
        );
      assertEqual(await comp(), null, 'no compensation before the promise');
      // The same case on the list, in another tab: its row badge follows the promise too.
      const list = await context.newPage();
      await list.goto(`${M}/refund-list?pageSize=40`);
      const badge = list.locator(`aftersales-radar-badge[data-dispute-id="${c.disputeId}"]`);
      await list.getByText(c.disputeId, { exact: true }).first().scrollIntoViewIfNeeded();
      await badge.waitFor({ state: 'attached' });
      assert(!(await badge.getAttribute('title')).includes('赔'), 'no compensation on the badge before the promise');
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#commitments`);
      const fake = options.locator('[data-commitment="fake-3x"]');
      await fake.getByLabel('假一赔三 开启').check();
      // In force only from today: the order was paid days ago, under no such promise.
      await fake.getByRole('button', { name: '保存为新的一条记录' }).click();
      await fake.locator('.history li').first().waitFor();
      await page.waitForTimeout(1500);
      assertEqual(await comp(), null, 'an order paid before the promise is not judged by it');
      await fake.getByLabel('假一赔三 生效日期').fill('2026-01-01');
      await fake.getByRole('button', { name: '保存为新的一条记录' }).click();
      const text = await waitFor(comp, { message: 'the compensation to appear in the sidebar' });
      assert(text.includes(`¥${((c.paidFen * 2) / 100).toFixed(2)}`), `twice the price: ${text}`);
      assert(await page.evaluate(() => window.__noReload === true), 'no reload');
      // The badge gained its 赔 mark (made anew and fitted again: its row is no taller for it).
      await waitFor(async () => (await badge.getAttribute('title')).includes('赔¥'), {
        message: 'the row badge to owe compensation',
      });
      const [row] = await badgedRows(list, c.disputeId);
      assertEqual(row.height, row.heightWithout, "the row's height with and without its badge");
      assertEqual(
        await list.locator(`aftersales-radar-badge[data-dispute-id="${c.disputeId}"]`).count(),
        1,
        'one badge for the case',
      );
      await list.close();
      await shot(page, shotsDir, 'promise-applied');
      for (const id of ['shop', 'commitments', 'rules', 'hours', 'replies', 'metrics', 'data', 'about']) {
        await options.locator(`#${id}`).screenshot({ path: path.join(shotsDir, `options-${id}.png`) });
      }
      await options.close();
    },
  );

  await run.check('export, then import on a fresh profile, restores everything', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#data`);
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: '导出全部数据' }).click();
    const file = path.join(shotsDir, 'export.json');
    await (await downloading).saveAs(file);
    await options.close();
    const before = await ledger(ext, async (all) => ({
      cases: (await all('cases')).length,
      policies: (await all('policies')).length,
      events: (await all('events')).length,
    }));
    const fresh = await launchBrowser({ extensionPath: EXTENSION, port: backend.port });
    try {
      const o = await fresh.context.newPage();
      await o.goto(`chrome-extension://${fresh.extensionId}/options.html#data`);
      await o.getByLabel('选择导出文件').setInputFiles(file);
      const msg = await o.getByTestId('data-message').textContent();
      assert(msg.includes(`新增 ${before.cases} 单`), msg);
      const after = await ledger(o, async (all) => ({
        cases: (await all('cases')).length,
        policies: (await all('policies')).length,
        events: (await all('events')).length,
      }));
      assertEqual(after, before, 'the fresh profile holds everything');
    } finally {
      await fresh.close();
    }
    fs.rmSync(file, { force: true });
  });

  await run.check(
    'English can be chosen in the options: the open sidebar and the popup follow, Chinese is the default',
    async () => {
      const c = backend.cases.find(
        (x) =>
          x.platform === 'taobao' &&
          x.kind === 'refund' &&
          x.status === 'WAIT_SELLER_AGREE' &&
          x.refundType === '退货退款',
      );
      await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
      await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
      assert((await sidebar(page)).text.includes('下一步'), 'Chinese by default');
      const chooseLanguage = async (lang) => {
        const options = await context.newPage();
        await options.goto(`chrome-extension://${extensionId}/options.html#shop`);
        await options.getByLabel('界面语言 Language').selectOption(lang);
        if (lang === 'en') await options.getByRole('heading', { name: /^Shop/ }).waitFor({ timeout: 10000 });
        await options.close();
      };
      await chooseLanguage('en');
      await waitFor(async () => (await sidebar(page)).text.includes('Next steps'), {
        message: 'the sidebar in English',
      });
      const sb = await sidebar(page);
      assert(sb.text.includes('AfterSales Radar') && sb.text.includes('Postage and compensation'), 'English labels');
      await shot(page, shotsDir, 'sidebar-english');
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.getByPlaceholder('Search order or dispute id').waitFor({ timeout: 10000 });
      await popup.close();
      await chooseLanguage('zh');
      await waitFor(async () => (await sidebar(page)).text.includes('下一步'), { message: 'back to Chinese' });
    },
  );
}
