// Save the demo backend's rendered pages as test fixtures (test/fixtures/pages/*.html), the way a
// browser's "save page as" would, without the extension. Run after changing the demo:
//   node scripts/capture-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { startDemoBackend } from './demo-backend/server.mjs';
import { launchBrowser } from './chromium.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test', 'fixtures', 'pages');
fs.mkdirSync(out, { recursive: true });
const backend = await startDemoBackend();
const browser = await launchBrowser({ port: backend.port });
const page = await browser.context.newPage();
const M = 'https://myseller.taobao.com/home.htm/trade-platform';
const Q = 'https://qn.taobao.com/home.htm/trade-platform';
const pick = (pred) => backend.cases.find(pred);
const tbDetail = pick(
  (c) => c.platform === 'taobao' && c.status === 'WAIT_SELLER_AGREE' && c.refundType === '退货退款',
);
const tmDetail = pick((c) => c.platform === 'tmall' && c.status === 'WAIT_SELLER_CONFIRM_GOODS' && c.logistics);
const exDetail = pick((c) => c.platform === 'taobao' && c.status === 'EXCHANGE_WAIT_SELLER_AGREE');
const r2 = pick((c) => c.platform === 'tmall' && c.kind === 'refund' && c.status === 'WAIT_SELLER_AGREE');
const pages = {
  'workbench.taobao': `${M}/refund-workbench`,
  'refund-list.taobao': `${M}/refund-list`,
  'refund-list.tmall': `${Q}/refund-list`,
  'refund-detail.taobao': `${M}/refund-list/detail?disputeId=${tbDetail.disputeId}&type=1`,
  'refund-detail.tmall': `${Q}/refund-list/detail?disputeId=${tmDetail.disputeId}&type=1`,
  'exchange-list.taobao': `${M}/exchange-list`,
  'exchange-detail.taobao': `${M}/exchange-list/detail?disputeId=${exDetail.disputeId}&type=1`,
  'postage-list.tmall': `${Q}/postage-list`,
  'refund2-list.taobao': 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1',
  'refund2-list.tmall': 'https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1',
  'refund2-detail.tmall': `https://refund2.tmall.com/dispute/detail.htm?bizOrderId=${r2.orderId}&disputeId=${r2.disputeId}&disputeType=1`,
};
const index = {};
for (const [name, url] of Object.entries(pages)) {
  await page.goto(url);
  await page.waitForFunction(() => !document.body.innerText.includes('加载中'), null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const capturedAt = Date.now();
  // Scripts are dropped: a fixture is the rendered page, not the app that rendered it.
  const html = await page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true);
    clone.querySelectorAll('script[src]').forEach((s) => s.remove());
    return '<!doctype html>\n' + clone.outerHTML;
  });
  fs.writeFileSync(path.join(out, `${name}.html`), html);
  // The ground truth for reader tests: the demo's own record of every case the page shows.
  const shown = await page.evaluate(() => [
    ...new Set(
      [...document.body.innerText.matchAll(/(?:退款编号|换货单号|邮费单号)[：:]\s*(\d{5,})/g)].map((m) => m[1]),
    ),
  ]);
  const truth = shown.map((id) => backend.cases.find((c) => c.disputeId === id)).filter(Boolean);
  index[name] = { url, capturedAt: new Date(capturedAt).toISOString(), cases: truth };
  console.log(name);
}
fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify(index, null, 2) + '\n');
await browser.close();
await backend.close();
