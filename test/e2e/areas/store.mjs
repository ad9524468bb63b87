// End-to-end area: the store listing's pictures, taken from the demo in a 1280×800 window (store/README.md):
// a list with badges, a detail with guidance, the popup, the options' commitments, the 日报; and the 440×280
// tile. Each is checked for its size. They go to <shots>/store/; store/screenshots/ holds the listed copies.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../../scripts/chromium.mjs';
import { assertEqual, badges, EXTENSION, M, ROOT, sidebar, waitFor } from '../harness.mjs';

/** A PNG's width and height, from its IHDR chunk. */
export function pngSize(file) {
  const b = fs.readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** @param {import('../harness.mjs').Session} session */
export default async function storeArea({ run, backend, shotsDir }) {
  await run.check('the store screenshots (1280×800) and the tile (440×280) are taken from the demo', async () => {
    const dir = path.join(shotsDir, 'store');
    fs.mkdirSync(dir, { recursive: true });
    const b = await launchBrowser({ extensionPath: EXTENSION, port: backend.port, width: 1280, height: 800 });
    const taken = [];
    const shoot = async (p, name) => {
      await p.bringToFront();
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await p.waitForTimeout(300);
      const file = path.join(dir, `${name}.png`);
      await p.screenshot({ path: file });
      taken.push(file);
    };
    try {
      const welcome = await waitFor(() => b.context.pages().find((p) => p.url().endsWith('/welcome.html')), {
        message: 'the welcome page',
      }).catch(() => undefined);
      await welcome?.close();
      const ext = (file) => `chrome-extension://${b.extensionId}/${file}`;
      const page = await b.context.newPage();
      await page.goto(`${M}/refund-list`);
      await waitFor(async () => (await badges(page)).length >= 5 && (await sidebar(page)).ids?.length >= 5, {
        message: 'the list with badges and the sidebar',
        timeout: 20000,
      });
      await shoot(page, '1-list-badges');
      const c = backend.cases.find(
        (x) =>
          x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && x.reason === '质量问题',
      );
      await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
      await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'the detail’s guidance' });
      await shoot(page, '2-detail-guidance');
      const popup = await b.context.newPage();
      await popup.goto(ext('popup.html'));
      await popup.locator('[data-group] [data-dispute-id]').first().waitFor();
      await shoot(popup, '3-popup');
      const options = await b.context.newPage();
      await options.goto(ext('options.html#commitments'));
      await options.locator('#commitments [data-commitment]').first().waitFor();
      await options.locator('#commitments').scrollIntoViewIfNeeded();
      await shoot(options, '4-options-commitments');
      // 关于与隐私 carries the privacy policy (PRIVACY.md) in full.
      await options.goto(ext('options.html#about'));
      await options.getByText('隐私政策全文').click();
      const policy = await options.getByTestId('privacy-policy').textContent();
      for (const part of ['读取什么', '存在哪里、多久', '团队同步发送什么、发给谁', '如何删除全部数据'])
        assertEqual(policy.includes(part), true, `the privacy policy in the options says ${part}`);
      const report = await b.context.newPage();
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      await report.goto(ext(`report.html#${today}`));
      await report.locator('h1').first().waitFor();
      await shoot(report, '5-report');
      // The tile: the icon and the name, drawn at 440×280.
      const tile = await b.context.newPage();
      await tile.setViewportSize({ width: 440, height: 280 });
      const icon = fs.readFileSync(path.join(ROOT, 'assets/public/icon/128.png')).toString('base64');
      await tile.setContent(`<!doctype html><html lang="zh-CN"><body style="margin:0;width:440px;height:280px;display:flex;
        align-items:center;justify-content:center;gap:20px;background:#1d6fe0;color:#fff;
        font-family:'WenQuanYi Zen Hei','PingFang SC','Microsoft YaHei',sans-serif">
        <img src="data:image/png;base64,${icon}" width="112" height="112" alt="">
        <div><div style="font-size:44px;font-weight:700">售后雷达</div>
        <div style="font-size:17px;margin-top:6px">退款倒计时 · 处理建议 · 回复</div>
        <div style="font-size:14px;margin-top:4px;opacity:.85">AfterSales Radar</div></div></body></html>`);
      await shoot(tile, 'tile-440x280');
    } finally {
      await b.close();
    }
    for (const file of taken)
      assertEqual(
        pngSize(file),
        path.basename(file).startsWith('tile') ? { width: 440, height: 280 } : { width: 1280, height: 800 },
        `${path.basename(file)}'s size`,
      );
    assertEqual(taken.length, 6, 'five screenshots and the tile');
  });
}
