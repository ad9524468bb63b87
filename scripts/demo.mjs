// `npm run demo`: build the extension, start the demo seller backend and open Chromium with the
// extension loaded on https://myseller.taobao.com/… (hosts mapped to the local backend).
// Without a display, or with `-- --headless`, it visits each demo page, saves screenshots and
// prints their paths. `-- --team`: team sync instead (scripts/team.mjs): the sync server on loopback
// and two staff profiles, 小王 and 小李; headless, it saves screenshots of 小李's browser showing
// 小王's claim and note.

import { ensureSystemDeps } from './system-deps.mjs';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startDemoBackend } from './demo-backend/server.mjs';
import { launchBrowser } from './chromium.mjs';
import { teamDemo } from './team-demo.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const argv = process.argv.slice(2);
const headless = argv.includes('--headless') || !process.env.DISPLAY;
const outDir = path.resolve(root, argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'demo-shots');

export const DEMO_PAGES = [
  ['workbench', 'https://myseller.taobao.com/home.htm/trade-platform/refund-workbench'],
  ['refund-list-taobao', 'https://myseller.taobao.com/home.htm/trade-platform/refund-list'],
  ['refund-list-tmall', 'https://qn.taobao.com/home.htm/trade-platform/refund-list'],
  ['exchange-list', 'https://myseller.taobao.com/home.htm/trade-platform/exchange-list'],
  ['postage-list', 'https://qn.taobao.com/home.htm/trade-platform/postage-list'],
  ['refund2-list-taobao', 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1'],
  ['refund2-list-tmall', 'https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1'],
];

if (!ensureSystemDeps()) process.exit(1);
console.log('building the extension (wxt build)…');
execSync('npx wxt build', { cwd: root, stdio: 'inherit' });
const ext = path.join(root, '.output', 'chrome-mv3');
const backend = await startDemoBackend({ port: Number(process.env.DEMO_PORT ?? 0) });
console.log(`demo seller backend: 127.0.0.1:${backend.port}, ${backend.cases.length} cases`);
if (argv.includes('--team')) {
  await teamDemo({ extensionPath: ext, backend, headless, outDir });
  process.exit(0);
}
const browser = await launchBrowser({ extensionPath: ext, port: backend.port, headless });

if (headless) {
  fs.mkdirSync(outDir, { recursive: true });
  const page = await browser.context.newPage();
  const detail = backend.cases.find(
    (c) => c.platform === 'taobao' && c.status === 'WAIT_SELLER_AGREE' && c.kind === 'refund',
  );
  const pages = [
    ...DEMO_PAGES,
    [
      'refund-detail',
      `https://qn.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=${backend.cases.find((c) => c.platform === 'tmall' && c.status === 'WAIT_SELLER_CONFIRM_GOODS')?.disputeId}&type=1`,
    ],
    [
      'refund2-detail',
      `https://refund2.taobao.com/dispute/detail.htm?bizOrderId=${detail?.orderId}&disputeId=${detail?.disputeId}&disputeType=1`,
    ],
  ];
  for (const [name, url] of pages) {
    await page.goto(url);
    await page
      .locator('aftersales-radar')
      .waitFor({ state: 'attached', timeout: 15000 })
      .catch(() => {});
    await page.waitForTimeout(1500);
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForTimeout(800);
  const file = path.join(outDir, 'popup.png');
  await popup.screenshot({ path: file });
  console.log(file);
  await browser.close();
  await backend.close();
} else {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(DEMO_PAGES[1][1]);
  console.log('Chromium is open on the demo 退款管理 page. Close the window or press Ctrl+C to stop.');
  const stop = async () => {
    await browser.close();
    await backend.close();
    process.exit(0);
  };
  browser.context.on('close', stop);
  process.on('SIGINT', stop);
}
