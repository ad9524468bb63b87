// `npm run demo -- --team`: team sync on the demo backend. The sync server runs on loopback; staff 小王
// and 小李 each get a browser profile with the extension, joined to the shop's team (see scripts/team.mjs).
// Headless: 小王 claims a case and writes a note, and screenshots show them in 小李's sidebar and popup.
// With a display: both windows stay open on the same case for you to try; Ctrl+C stops everything.

import fs from 'node:fs';
import path from 'node:path';
import { demoTeam, staffBrowser, syncNow } from './team.mjs';

const M = 'https://myseller.taobao.com/home.htm/trade-platform';

export async function teamDemo({ extensionPath, backend, headless, outDir }) {
  const team = await demoTeam(extensionPath);
  const { server } = team;
  console.log(`team-sync server: ${server.url}/${team.database} (${team.users.join(' / ')}; passwords in the README)`);
  const ext = team.extensionPath;
  const a = await staffBrowser({
    extensionPath: ext,
    backendPort: backend.port,
    headless,
    staff: team.xiaowang('小王'),
  });
  const b = await staffBrowser({
    extensionPath: ext,
    backendPort: backend.port,
    headless,
    staff: team.xiaoli('小李'),
  });
  const c = backend.cases.find(
    (x) => x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE',
  );
  const url = `${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`;
  const [pageA, pageB] = [await a.context.newPage(), await b.context.newPage()];
  const stop = async () => {
    await a.close();
    await b.close();
    await server.close();
    await backend.close();
  };
  if (!headless) {
    await pageA.goto(url);
    await pageB.goto(url);
    console.log(
      `Two browsers are open on case ${c.disputeId}: 小王 (first window) and 小李. Claim it or write a note in one`,
    );
    console.log('and watch it appear in the other within ~15 s. Ctrl+C stops everything.');
    process.on('SIGINT', () => void stop().then(() => process.exit(0)));
    await new Promise(() => {});
  }
  fs.mkdirSync(outDir, { recursive: true });
  await pageA.goto(url);
  const sidebarA = () => pageA.frames().find((f) => f.url().includes('/sidebar.html'));
  await pageA.waitForFunction(() => document.querySelector('aftersales-radar'));
  const frameA = await waitForFrame(sidebarA);
  await frameA.getByTestId('claim').click();
  await frameA.locator('.ar-note').fill('已联系买家：明天寄回，单号到了再验货');
  await frameA.getByText('保存备注').click();
  await syncNow(a.options);
  await pageB.goto(url);
  const frameB = await waitForFrame(() => pageB.frames().find((f) => f.url().includes('/sidebar.html')));
  await frameB.getByTestId('claims').waitFor({ timeout: 40_000 });
  const shots = [];
  const save = async (page, name) => {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    shots.push(file);
  };
  await save(pageB, 'team-xiaoli-sees-claim');
  await frameB.locator('.ar-note').scrollIntoViewIfNeeded();
  await save(pageB, 'team-xiaoli-sees-note');
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await popup.waitForTimeout(800);
  await save(popup, 'team-xiaoli-popup');
  await save(b.options, 'team-xiaoli-options');
  for (const f of shots) console.log(f);
  await stop();
}

async function waitForFrame(find, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const frame = find();
    if (frame && (await frame.locator('.ar-caseview').count())) return frame;
    if (Date.now() > end) throw new Error('the sidebar did not show the case');
    await new Promise((r) => setTimeout(r, 200));
  }
}
