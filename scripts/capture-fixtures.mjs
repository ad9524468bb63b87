// Save the demo backend's rendered pages as test fixtures (test/fixtures/pages/*.html), the way a
// browser's "save page as" would, without the extension. Run after changing the demo:
//   node scripts/capture-fixtures.mjs [name…]   (names: only those pages, the others' entries kept)
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
  // The lists as the demo's hand-written layout draws them (its default is Fusion, saved below).
  'refund-list.taobao': `${M}/refund-list?layout=hand`,
  'refund-list.tmall': `${Q}/refund-list?layout=hand`,
  'refund-detail.taobao': `${M}/refund-list/detail?disputeId=${tbDetail.disputeId}&type=1`,
  'refund-detail.tmall': `${Q}/refund-list/detail?disputeId=${tmDetail.disputeId}&type=1`,
  'exchange-list.taobao': `${M}/exchange-list?layout=hand`,
  'exchange-detail.taobao': `${M}/exchange-list/detail?disputeId=${exDetail.disputeId}&type=1`,
  'postage-list.tmall': `${Q}/postage-list?layout=hand`,
  'refund2-list.taobao': 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1',
  'refund2-list.tmall': 'https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1',
  'refund2-detail.tmall': `https://refund2.tmall.com/dispute/detail.htm?bizOrderId=${r2.orderId}&disputeId=${r2.disputeId}&disputeType=1`,
};
// The demo's lists drawn by the real Fusion Table (@alifd/next), kept apart with the library fixtures
// (test/fixtures/library/demo-*.html, index demo-index.json): list mode (the demo's default), and the
// id column locked.
const fusionPages = {
  'refund-list-fusion.taobao': `${M}/refund-list`,
  'refund-list-fusion.tmall': `${Q}/refund-list`,
  'refund-list-fusion-lock.tmall': `${Q}/refund-list?layout=fusion-lock`,
  'exchange-list-fusion.taobao': `${M}/exchange-list`,
  'postage-list-fusion.tmall': `${Q}/postage-list`,
};
const only = process.argv.slice(2);
const selected = (all) => Object.entries(all).filter(([n]) => !only.length || only.includes(n));
const library = path.join(root, 'test', 'fixtures', 'library');
await capture(selected(pages), out, 'index.json', '');
await capture(selected(fusionPages), library, 'demo-index.json', 'demo-');
await browser.close();
await backend.close();

async function capture(todo, dir, indexName, prefix) {
  if (!todo.length) return;
  const indexFile = path.join(dir, indexName);
  // Capturing some pages only keeps the others' entries.
  const index = only.length && fs.existsSync(indexFile) ? JSON.parse(fs.readFileSync(indexFile, 'utf8')) : {};
  for (const [name, url] of todo) {
    index[name] = await captureOne(url, path.join(dir, `${prefix}${name}.html`));
    console.log(name);
  }
  fs.writeFileSync(indexFile, JSON.stringify(index, null, 2) + '\n');
}

async function captureOne(url, file) {
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
  fs.writeFileSync(file, html);
  // The ground truth for reader tests: the demo's own record of every case the page shows.
  // Labelled ids, or (a layout whose ids are a column) every 15-digit number on the page.
  const shown = await page.evaluate(() => {
    const text = document.body.innerText;
    const labelled = [...text.matchAll(/(?:退款编号|换货单号|邮费单号)[：:]\s*(\d{5,})/g)].map((m) => m[1]);
    return [...new Set(labelled.length ? labelled : (text.match(/(?<!\d)\d{15}(?!\d)/g) ?? []))];
  });
  const truth = shown.map((id) => backend.cases.find((c) => c.disputeId === id)).filter(Boolean);
  return { url, capturedAt: new Date(capturedAt).toISOString(), cases: truth };
}
