// End-to-end tests: the built extension in real headless Chromium against the demo seller backend.
//   node test/e2e/run.mjs [--shots DIR]
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../scripts/chromium.mjs';
import { assert, assertEqual, badges, createRunner, EXTENSION, forgetInLedger, ledger, ledgerCount, minutesOf, pageIds, ROOT, sendFrom, setup, shot, sidebar, sidebarFrame, stopServiceWorker, waitFor } from './harness.mjs';

const shotsArg = process.argv.indexOf('--shots');
const shotsDir = path.resolve(ROOT, shotsArg > 0 ? process.argv[shotsArg + 1] : '.ci-out/e2e');
const { backend, browser, consoleErrors } = await setup({ shotsDir });
const { context, worker, extensionId } = browser;
const run = createRunner();
const Q = 'https://qn.taobao.com/home.htm/trade-platform';
const M = 'https://myseller.taobao.com/home.htm/trade-platform';
const page = await context.newPage();
// An extension page: reads the ledger and chrome.* as the popup would (a worker handle goes stale after a restart).
const ext = await context.newPage();
await ext.goto(`chrome-extension://${extensionId}/popup.html`);

/** Wait until the sidebar lists exactly the ids the page shows, and return both. */
async function sidebarMatchesPage(p, what) {
  let last;
  await waitFor(
    async () => {
      const ids = await pageIds(p);
      const sb = await sidebar(p);
      last = { page: ids, sidebar: sb.ids };
      const b = await badges(p);
      last.badges = b;
      // The sidebar lists exactly the page's cases, and each row has exactly one badge.
      return ids.length > 0 && JSON.stringify([...ids].sort()) === JSON.stringify([...(sb.ids ?? [])].sort()) && JSON.stringify([...ids].sort()) === JSON.stringify([...b].sort()) && sb;
    },
    { message: `sidebar to list the ${what} cases`, timeout: 12000 },
  ).catch((e) => {
    throw new Error(`${e.message}\n    page: ${JSON.stringify(last?.page)}\n    sidebar: ${JSON.stringify(last?.sidebar)}\n    badges: ${JSON.stringify(last?.badges)}`);
  });
  return last;
}

/** The page's next poll shows 买家催促 on a case's row, as the platform does when the buyer urges. */
function showUrging(p, id) {
  return p.evaluate((i) => {
    const idEl = [...document.querySelectorAll('span')].find((s) => s.textContent === i);
    const flag = document.createElement('span');
    flag.textContent = '买家催促';
    idEl.parentElement.parentElement.appendChild(flag);
  }, id);
}

/**
 * Each badged row (or only the case `id`'s): its height, its height with every badge hidden (a badge
 * must not make its row taller), and how its badge was fitted and what its tooltip says.
 */
function badgedRows(p, id) {
  return p.evaluate((only) => {
    const shown = [...document.querySelectorAll('aftersales-radar-badge')].filter((b) => only === null || b.dataset.disputeId === only);
    const rows = shown.map((b) => b.closest('[class*="_row__"]'));
    const heights = rows.map((r) => r.getBoundingClientRect().height);
    const hide = document.createElement('style');
    hide.textContent = 'aftersales-radar-badge { display: none !important }';
    document.head.append(hide);
    const without = rows.map((r) => r.getBoundingClientRect().height);
    hide.remove();
    return shown.map((b, i) => ({ id: b.dataset.disputeId, height: heights[i], heightWithout: without[i], fit: b.getAttribute('data-fit'), title: b.title }));
  }, id ?? null);
}

console.log('e2e: real extension in Chromium against the demo seller backend');

await run.check('the service worker runs and the manifest asks only for storage, alarms, notifications and the four seller hosts', async () => {
  assert(extensionId, 'no extension id');
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  assertEqual([...manifest.permissions].sort(), ['alarms', 'notifications', 'storage'], 'permissions');
  assertEqual(
    [...manifest.host_permissions].sort(),
    ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://refund2.taobao.com/*', 'https://refund2.tmall.com/*'],
    'host permissions',
  );
  assertEqual(manifest.content_scripts[0].matches.length, 4, 'content script matches');
  assert(manifest.name.includes('售后雷达'), 'name');
});

await run.check('退款管理 (Taobao): the sidebar, an extension frame in the closed shadow root of <aftersales-radar>, lists exactly the cases on the page', async () => {
  await page.goto(`${M}/refund-list`);
  const { page: ids } = await sidebarMatchesPage(page, 'Taobao refund-list');
  assertEqual(ids.length, 10, 'the demo shows 10 rows a page');
  const sb = await sidebar(page);
  assertEqual(sb.hosts, 1, 'one sidebar host');
  assert(sb.framed, 'the sidebar is the extension\'s own page, in a frame');
  assertEqual(sb.pageKind, 'refund-list', 'page kind');
  assert(sb.pageText.includes('淘宝'), `platform shown as 淘宝: ${sb.pageText}`);
  // The page's scripts can reach neither the frame nor what the sidebar shows (notes, timelines).
  assertEqual(await page.evaluate(() => [document.querySelector('aftersales-radar').shadowRoot, document.querySelectorAll('iframe, .ar-panel').length]), [null, 0], 'nothing of the sidebar in the page\'s reach');
  await shot(page, shotsDir, 'refund-list-taobao');
});

await run.check('each row countdown in the sidebar agrees with the page countdown to the minute', async () => {
  const pairs = await page.evaluate(() => {
    const out = [];
    const text = document.body.innerText;
    for (const block of text.split(/(?=退款编号[：:])/)) {
      const id = block.match(/^退款编号[：:]\s*(\d+)/)?.[1];
      const cd = block.match(/还剩[\d天时分]+/)?.[0];
      if (id && cd) out.push([id, cd]);
    }
    return out;
  });
  assert(pairs.length >= 5, `page shows countdowns (${pairs.length})`);
  const sb = await sidebar(page);
  for (const [id, cd] of pairs) {
    const chip = sb.chips[id];
    assert(chip, `sidebar has a chip for ${id}`);
    const diff = Math.abs(minutesOf(chip) - minutesOf(cd));
    assert(diff <= 1, `${id}: page ${cd} vs sidebar ${chip}`);
  }
});

await run.check('the cases reach the ledger in the extension\'s own IndexedDB, never the page\'s', async () => {
  const count = await waitFor(async () => (await ledgerCount(ext)) >= 10 && ledgerCount(ext), { message: 'ledger to hold the page cases' });
  assert(count >= 10, `ledger has ${count}`);
  const pageDbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert(!pageDbs.includes('aftersales-radar'), `the page origin has no ledger: ${pageDbs}`);
});

await run.check('the page\'s own data response fills what the list does not show, marked as from data', async () => {
  const id = (await pageIds(page))[0];
  const truth = backend.cases.find((c) => c.disputeId === id);
  const rec = await waitFor(
    () => ledger(ext, async (all, key) => (await all('cases')).find((c) => c.key === key && c.fromData) ?? null, `taobao:${id}`),
    { message: 'a ledger record with fields from the data response' },
  );
  assert(rec.fromData.includes('paidAt'), `fromData: ${rec.fromData}`);
  assertEqual(Date.parse(rec.paidAt), Math.floor(truth.paidAt / 1000) * 1000, 'paidAt from the data response');
  assert(!rec.fromData.includes('refundFen'), 'what the page shows still comes from the page');
});

await run.check('paging: the sidebar follows the page to page 2', async () => {
  const before = await pageIds(page);
  await page.getByRole('button', { name: '第2页' }).click();
  await waitFor(async () => JSON.stringify(await pageIds(page)) !== JSON.stringify(before), { message: 'page 2' });
  const { page: ids } = await sidebarMatchesPage(page, 'page 2');
  assert(!ids.some((id) => before.includes(id)), 'page 2 shows other cases');
});

await run.check('a re-rendered list keeps one sidebar and the same cases', async () => {
  await page.goto(`${M}/refund-list?rerenderMs=700`);
  await sidebarMatchesPage(page, 'initial');
  const firstRow = await page.evaluate(() => document.querySelector('#ice-container [style]'));
  await page.waitForTimeout(1800); // two re-renders with fresh nodes
  await sidebarMatchesPage(page, 're-rendered');
  assertEqual((await sidebar(page)).hosts, 1, 'still one sidebar host');
  void firstRow;
});

await run.check('a route change without reload (退款管理 → 换货管理 → 退货邮费) relists the new tab\'s cases', async () => {
  await page.goto(`${M}/refund-list`);
  await sidebarMatchesPage(page, 'refund');
  await page.evaluate(() => {
    window.__noReload = true;
  });
  await page.getByRole('tab', { name: '换货管理' }).or(page.locator('a', { hasText: '换货管理' })).first().click();
  await waitFor(async () => (await sidebar(page)).pageKind === 'exchange-list', { message: 'exchange-list' });
  await sidebarMatchesPage(page, 'exchange');
  await shot(page, shotsDir, 'exchange-list');
  await page.locator('a', { hasText: '退货邮费' }).first().click();
  await waitFor(async () => (await sidebar(page)).pageKind === 'postage-list', { message: 'postage-list' });
  await sidebarMatchesPage(page, 'postage');
  assert(await page.evaluate(() => window.__noReload === true), 'the page did not reload');
  await shot(page, shotsDir, 'postage-list');
});

await run.check('a list rendered inside an iframe (/tp/ shell) shows in the top frame\'s sidebar', async () => {
  await page.goto(`${M}/tp/refund-list`);
  const frame = await waitFor(async () => page.frames().find((f) => f !== page.mainFrame() && f.url().includes('embed=1')), { message: 'the iframe' });
  const ids = await waitFor(async () => {
    const found = await frame.evaluate(() => [...new Set([...document.body.innerText.matchAll(/退款编号[：:]\s*(\d{5,})/g)].map((m) => m[1]))]).catch(() => []);
    return found.length > 0 && found;
  }, { message: 'rows in the iframe' });
  await waitFor(async () => JSON.stringify([...((await sidebar(page)).ids ?? [])].sort()) === JSON.stringify([...ids].sort()), { message: 'sidebar to list the iframe rows', timeout: 12000 });
  const sb = await sidebar(page);
  assertEqual(sb.hosts, 1, 'one sidebar, in the top frame');
  assertEqual(await frame.evaluate(() => document.querySelectorAll('aftersales-radar').length), 0, 'no sidebar inside the iframe');
  assert(!sb.drift, `no drift warning on the shell: ${sb.drift}`);
  await shot(page, shotsDir, 'refund-list-iframe');
});

await run.check('under a strict Content-Security-Policy (frames from the page\'s own origin only) the sidebar and badges still work', async () => {
  await page.goto(`${M}/refund-list?csp=strict`);
  const { page: ids } = await sidebarMatchesPage(page, 'strict-CSP refund-list');
  assertEqual(ids.length, 10, 'all rows');
});

await run.check('退款管理 (Tmall, qn host) is read as a Tmall shop', async () => {
  await page.goto(`${Q}/refund-list`);
  await sidebarMatchesPage(page, 'Tmall refund-list');
  const sb = await sidebar(page);
  assert(sb.pageText.includes('天猫'), `platform shown as 天猫: ${sb.pageText}`);
  await shot(page, shotsDir, 'refund-list-tmall');
});

for (const [host, platform] of [['refund2.taobao.com', '淘宝'], ['refund2.tmall.com', '天猫']]) {
  await run.check(`the old ${host} list (sellerDisputeList.htm) is read`, async () => {
    await page.goto(`https://${host}/dispute/sellerDisputeList.htm?type=1`);
    const { page: ids } = await sidebarMatchesPage(page, host);
    assertEqual(ids.length, 15, 'rows on the old list page');
    const sb = await sidebar(page);
    assert(sb.pageText.includes(platform), `platform ${platform}: ${sb.pageText}`);
    await shot(page, shotsDir, `refund2-list-${host.split('.')[1]}`);
  });
}

await run.check('a refund detail page shows the case with the platform countdown', async () => {
  const c = backend.cases.find((x) => x.platform === 'tmall' && x.status === 'WAIT_SELLER_CONFIRM_GOODS' && x.deadlineAt);
  await page.goto(`${Q}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
  const sb = await waitFor(async () => {
    const s = await sidebar(page);
    return s.caseView === c.disputeId && s;
  }, { message: 'case view' });
  const pageCd = await page.evaluate(() => document.body.innerText.match(/还剩[\d天时分]+/)?.[0]);
  assert(pageCd, 'page shows a countdown');
  assert(Math.abs(minutesOf(sb.caseCountdown) - minutesOf(pageCd)) <= 1, `case countdown ${sb.caseCountdown} vs page ${pageCd}`);
  assert(sb.caseCountdown.includes('自动退款'), `says what happens at timeout: ${sb.caseCountdown}`);
  assert(sb.text.includes(c.orderId), 'shows the order id');
  await shot(page, shotsDir, 'refund-detail');
});

for (const [what, url, pick] of [
  ['换货详情 (exchange detail)', (c) => `${M}/exchange-list/detail?disputeId=${c.disputeId}&type=1`, (c) => c.platform === 'taobao' && c.status === 'EXCHANGE_WAIT_SELLER_AGREE'],
  ['the old refund2 detail (Tmall)', (c) => `https://refund2.tmall.com/dispute/detail.htm?bizOrderId=${c.orderId}&disputeId=${c.disputeId}&disputeType=1`, (c) => c.platform === 'tmall' && c.kind === 'refund' && c.status === 'WAIT_SELLER_AGREE'],
]) {
  await run.check(`${what} shows its case with the platform countdown`, async () => {
    const c = backend.cases.find(pick);
    await page.goto(url(c));
    const sb = await waitFor(async () => {
      const s = await sidebar(page);
      return s.caseView === c.disputeId && s;
    }, { message: 'case view' });
    const pageCd = await page.evaluate(() => document.body.innerText.match(/(?:还剩|您还有)\s*([\d天时分]+)/)?.[1]);
    assert(pageCd, 'page shows a countdown');
    assert(Math.abs(minutesOf(sb.caseCountdown) - minutesOf(pageCd)) <= 1, `case countdown ${sb.caseCountdown} vs page ${pageCd}`);
    assert(!sb.drift, `no drift warning: ${sb.drift}`);
  });
}

await run.check('售后工作台 shows the stat cards the page shows', async () => {
  await page.goto(`${M}/refund-workbench`);
  const sb = await waitFor(async () => {
    const s = await sidebar(page);
    return s.stats && s;
  }, { message: 'stats' });
  assert(sb.stats.includes('24小时内待处理') && sb.stats.includes('超时同意退款'), `stats: ${sb.stats}`);
  await shot(page, shotsDir, 'workbench');
});

await run.check('a seller page that is not an after-sales page says "未识别"', async () => {
  await page.goto(`${M}/tp/sold`);
  await waitFor(async () => (await sidebar(page)).unrecognised, { message: 'unrecognised state' });
});

await run.check('clicking a row badge opens that case in the sidebar', async () => {
  await page.goto(`${M}/refund-list`);
  await sidebarMatchesPage(page, 'refund list');
  const id = (await pageIds(page))[2];
  await page.locator(`aftersales-radar-badge[data-dispute-id="${id}"]`).click();
  await waitFor(async () => (await sidebar(page)).caseView === id, { message: 'the case view of the clicked row' });
  const sb = await sidebar(page);
  assert(sb.text.includes('下一步') && sb.text.includes('运费'), 'the case view shows guidance');
});

await run.check('the page keeps its own buttons usable beside the sidebar', async () => {
  const covered = await page.evaluate(() => {
    const out = [];
    for (const b of [...document.querySelectorAll('#ice-container button')].slice(0, 30)) {
      const r = b.getBoundingClientRect();
      // Buttons whose middle is on screen (the one the pointer would aim at).
      if (r.width === 0 || r.top + r.height / 2 < 0 || r.top + r.height / 2 > innerHeight) continue;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!b.contains(hit)) out.push(b.textContent.trim());
    }
    return out;
  });
  assertEqual(covered, [], 'page buttons covered by something else');
  await shot(page, shotsDir, 'refund-list-case-view');
});

await run.check('a suggested reply goes into the page\'s controlled 留言 box, which keeps it; one with holes is never inserted', async () => {
  const c = backend.cases.find((x) => x.platform === 'taobao' && x.kind === 'refund' && x.refundType === '退货退款' && x.status === 'WAIT_SELLER_AGREE' && x.reason === '质量问题');
  await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
  await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
  const host = sidebarFrame(page);
  await host.locator('[data-testid=replies] .ar-reply').first().waitFor();
  const state = await host.evaluate(() => [...document.querySelectorAll('.ar-reply')].map((r) => ({ id: r.dataset.replyId, disabled: r.querySelector('button').disabled, missing: r.querySelectorAll('.ar-reply-missing').length })));
  assert(state.every((r) => r.disabled === r.missing > 0), `insert is disabled exactly when values are missing: ${JSON.stringify(state)}`);
  let reply = host.locator('.ar-reply').filter({ has: host.locator('button:enabled') }).first();
  if (!(await reply.count())) {
    reply = host.locator('.ar-reply').first();
    for (const input of await reply.locator('.ar-reply-missing input').all()) await input.fill('测试');
  }
  const text = (await reply.locator('.ar-reply-text').textContent()).trim();
  await reply.getByRole('button', { name: '插入回复' }).click();
  await reply.getByRole('status').waitFor();
  assert((await reply.getByRole('status').textContent()).includes('已插入'), 'the sidebar says it was inserted');
  const box = page.locator('textarea[aria-label="留言"]');
  assertEqual((await box.inputValue()).trim(), text, 'the box holds the reply');
  await page.waitForTimeout(1500); // the page re-applies its own state every second
  assertEqual((await box.inputValue()).trim(), text, 'the page\'s own state kept it');
  assertEqual((await page.locator('text=/\\d+\\/500/').textContent()).trim(), `${(await box.inputValue()).length}/500`, 'the page\'s counter saw it');
  await page.keyboard.press('Control+Z');
  await shot(page, shotsDir, 'refund-detail-reply');
});

await run.check('ticking a next step is saved in the ledger', async () => {
  const id = (await sidebar(page)).caseView;
  const first = sidebarFrame(page).locator('[data-testid=steps] input[type=checkbox]').first();
  await first.check();
  const done = await waitFor(() => ledger(ext, async (all, key) => (await all('cases')).find((c) => c.key === key)?.staff?.stepsDone ?? null, `taobao:${id}`), { message: 'the tick in the ledger' });
  assert(done.length === 1, `one step done: ${done}`);
});

await run.check('page text with markup shows only as text in the sidebar', async () => {
  const c = backend.cases.find((x) => x.platform === 'tmall' && x.reason.includes('<img'));
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${Q}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
  const sb = await waitFor(async () => {
    const s = await sidebar(page);
    return s.caseView === c.disputeId && s;
  }, { message: 'case view' });
  assert(sb.text.includes('<img src=x onerror=alert(1)>'), 'the reason shows literally');
  assert(sb.text.includes('<script>alert(1)</script>'), 'the item shows literally');
  assertEqual(await sidebarFrame(page).evaluate(() => document.getElementById('app').querySelectorAll('img, script').length), 0, 'no element made from page text');
  assertEqual(dialogs, [], 'no script ran');
  await shot(page, shotsDir, 'markup-as-text');
});

await run.check('the shortcut toggles the sidebar, from the page or from inside the sidebar (not while an input method composes), and each host remembers it', async () => {
  await page.goto(`${M}/refund-list`);
  await sidebarMatchesPage(page, 'refund list');
  const collapsed = async () => (await sidebar(page)).collapsed;
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyR', key: 'R', isComposing: true, bubbles: true })));
  assert(!(await collapsed()), 'ignored while composing');
  await page.keyboard.press('Alt+Shift+KeyR');
  await waitFor(collapsed, { message: 'collapsed by the shortcut' });
  const margin = await page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
  assertEqual(margin, '34px', 'the page takes its width back, all but the tab\'s');
  // The tab covers none of the page's own links and buttons (详情, 同意退款 …).
  const covered = await page.evaluate((tab) => [...document.querySelectorAll('a, button')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > document.documentElement.clientWidth - tab;
  }).map((el) => el.textContent), 34);
  assertEqual(covered, [], 'links and buttons under the collapsed tab');
  await page.reload();
  await page.locator('aftersales-radar').waitFor({ state: 'attached' });
  await waitFor(collapsed, { message: 'still collapsed after a reload' });
  // The picture with the list loaded and badged, as staff see it beside the collapsed tab.
  await waitFor(async () => (await badges(page)).length > 0, { message: 'badges beside the collapsed sidebar' });
  await shot(page, shotsDir, 'collapsed');
  await page.goto(`${Q}/refund-list`);
  await page.locator('aftersales-radar').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  assert(!(await collapsed()), 'another host keeps its own state');
  await page.goto(`${M}/refund-list`);
  await waitFor(collapsed, { message: 'collapsed' });
  await page.keyboard.press('Alt+Shift+KeyR');
  await waitFor(async () => !(await collapsed()), { message: 'open again' });
  // With the focus inside the sidebar's frame, the same shortcut works.
  await sidebarFrame(page).locator('.ar-title').click();
  await page.keyboard.press('Alt+Shift+KeyR');
  await waitFor(collapsed, { message: 'collapsed from inside the sidebar' });
  await page.keyboard.press('Alt+Shift+KeyR');
  await waitFor(async () => !(await collapsed()), { message: 'open again from inside the sidebar' });
});

await run.check('dragging the sidebar\'s edge resizes it (the page follows the pointer outside the frame), and the width is remembered', async () => {
  // The pointer goes to the tab in front (the ledger's extension page was opened after this one).
  await page.bringToFront();
  await page.goto(`${M}/refund-list`);
  await sidebarMatchesPage(page, 'refund list');
  const frameBox = async () => (await sidebarFrame(page).frameElement()).boundingBox();
  const drag = async (dx) => {
    const box = await frameBox();
    await page.mouse.move(box.x + 2, 300);
    await page.mouse.down();
    // A person's drag takes a moment; the page takes over the pointer once the frame tells it.
    await page.waitForTimeout(100);
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 2 + (dx * i) / 10, 300);
    await page.mouse.up();
  };
  const before = (await frameBox()).width;
  await drag(-100);
  await waitFor(async () => (await frameBox()).width === before + 100, { message: `the sidebar ${before + 100} px wide` })
  assertEqual(await page.evaluate(() => document.documentElement.style.marginRight), `${before + 100}px`, 'the page gives up the new width');
  // Released outside the frame: moving over the sidebar afterwards resizes nothing.
  const after = await frameBox();
  for (const dx of [150, 60, 200]) await page.mouse.move(after.x + dx, 320);
  await page.waitForTimeout(300);
  assertEqual((await frameBox()).width, before + 100, 'hovering the sidebar after the drag leaves its width');
  await page.reload();
  await sidebarMatchesPage(page, 'refund list, reloaded');
  assertEqual((await frameBox()).width, before + 100, 'the width after a reload');
  await drag(100);
  await waitFor(async () => (await frameBox()).width === before, { message: 'back to the old width' });
});

await run.check('a status change on the seller backend shows as a timeline event in the ledger', async () => {
  const c = backend.cases.find((x) => x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE');
  await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
  await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
  await page.evaluate((id) => fetch(`/__demo/set-status?disputeId=${id}&status=SUCCESS&text=${encodeURIComponent('退款成功')}`, { method: 'POST' }), c.disputeId);
  await page.reload();
  const events = await waitFor(
    () => ledger(ext, async (all, key) => (await all('events')).filter((e) => e.caseKey === key && e.type === 'status-change'), `taobao:${c.disputeId}`).then((e) => e.length && e),
    { message: 'a status-change event' },
  );
  assertEqual([events[0].from, events[0].to], ['退款待处理', '退款成功'], 'the timeline event');
  const rec = await ledger(ext, async (all, key) => (await all('cases')).find((x) => x.key === key), `taobao:${c.disputeId}`);
  assertEqual(rec.open, 0, 'a finished case leaves the open queue');
});

await run.check('a buyer urging a case (买家催促) with no change of status reaches the ledger and the sidebar', async () => {
  const c = backend.cases.find((x) => x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && !x.flags.buyerUrged);
  await page.goto(`${M}/refund-list`);
  await waitFor(async () => (await badges(page)).includes(c.disputeId), { message: 'the row badged' });
  const key = `taobao:${c.disputeId}`;
  await waitFor(() => ledger(ext, async (all, k) => !!(await all('cases')).find((x) => x.key === k), key), { message: 'the case in the ledger' });
  // The page's next poll shows the urging on the row; status, countdown and money stay as they were.
  await showUrging(page, c.disputeId);
  await waitFor(() => ledger(ext, async (all, k) => (await all('cases')).find((x) => x.key === k)?.flags?.buyerUrged === true, key), { message: 'the urging in the ledger' });
  await page.locator(`aftersales-radar-badge[data-dispute-id="${c.disputeId}"]`).click();
  await waitFor(async () => { const s = await sidebar(page); return s.caseView === c.disputeId && s.text.includes('买家已催促'); }, { message: 'the sidebar shows the urging' });
});

await run.check('the toolbar badge counts the open cases due within 24 hours', async () => {
  await sendFrom(ext, { type: 'alerts/sweep' });
  const expected = await ledger(ext, async (all) => {
    const now = Date.now();
    return (await all('cases')).filter((c) => c.open === 1 && !c.staff?.handled && c.deadlineAt <= now + 24 * 3600_000).length;
  });
  assert(expected > 0, 'some demo cases are due within 24 h');
  const text = await ext.evaluate(() => chrome.action.getBadgeText({}));
  assertEqual(text, String(expected), 'badge text');
});

await run.check('an alarm fires a notification that names the case and what happens at timeout', async () => {
  const target = await ledger(ext, async (all) => (await all('cases')).filter((c) => c.open === 1 && c.deadlineAt < Date.now() + 40 * 3600_000 && c.deadlineAt > Date.now() + 3600_000).sort((a, b) => a.deadlineAt - b.deadlineAt)[0]);
  assert(target, 'a case due in the next days');
  // A threshold that falls 4 s from now for that case, and nothing else: the alarm must fire it.
  const minutes = (target.deadlineAt - Date.now() - 4000) / 60000;
  await ext.evaluate(async (m) => {
    const db = await new Promise((r) => { const q = indexedDB.open('aftersales-radar'); q.onsuccess = () => r(q.result); });
    await new Promise((r) => { const t = db.transaction('settings', 'readwrite'); t.objectStore('settings').put({ key: 'alerts', value: { thresholdsMin: [m], overdue: false, quietHours: null } }); t.oncomplete = r; });
    const t2 = db.transaction('cases', 'readwrite');
    const store = t2.objectStore('cases');
    store.getAll().onsuccess = (e) => { for (const c of e.target.result) store.put({ ...c, alertsSent: [] }); };
    await new Promise((r) => (t2.oncomplete = r));
    db.close();
    await chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id))));
  }, minutes);
  const planned = await sendFrom(ext, { type: 'alerts/sweep' });
  assert(planned.ok && planned.value.notified.length === 0, `nothing due yet: ${JSON.stringify(planned.value?.notified)}`);
  const alarm = await ext.evaluate(() => chrome.alarms.get('radar-alert'));
  assert(alarm && Math.abs(alarm.scheduledTime - (Date.now() + 4000)) < 5000, `alarm scheduled in ~4 s: ${JSON.stringify(alarm)}`);
  const ids = await waitFor(async () => {
    const all = await ext.evaluate(() => chrome.notifications.getAll());
    return Object.keys(all).filter((id) => id.includes(target.key)).length && Object.keys(all);
  }, { timeout: 45000, interval: 500, message: 'the notification from the alarm' });
  assert(ids.some((id) => id.startsWith(`radar|${target.key}|`)), `notification id ${ids}`);
  await ext.evaluate(() => chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))));
  await forgetInLedger(ext, 'settings', 'alerts');
});

await run.check('stopping the service worker loses neither the ledger nor the alarms', async () => {
  const before = await ledgerCount(ext);
  await stopServiceWorker(context, ext);
  // The next message wakes it again.
  const reply = await sendFrom(ext, { type: 'cases/urgent', limit: 5 });
  assert(reply.ok && reply.value.length > 0, 'the restarted worker answers from the ledger');
  assertEqual(await ledgerCount(ext), before, 'cases kept');
  const alarms = (await ext.evaluate(() => chrome.alarms.getAll())).map((a) => a.name);
  assert(alarms.includes('radar-sweep'), `alarms kept: ${alarms}`);
});

await run.check('a restarted service worker is given the page\'s data responses again: later readings are still filled from them', async () => {
  await page.goto(`${M}/refund-list`);
  const [first, second] = await waitFor(async () => { const ids = await pageIds(page); return ids.length >= 2 && ids; }, { message: 'the list' });
  const key = `taobao:${first}`;
  const filled = () => ledger(ext, async (all, k) => (await all('cases')).find((x) => x.key === k && x.fromData?.includes('paidAt')) ?? null, key);
  await waitFor(filled, { message: 'the case filled from the data response' });
  // Forget the case, then stop the worker (Chrome stops an idle one): the responses it held are gone.
  await forgetInLedger(ext, 'cases', key);
  await stopServiceWorker(context, ext);
  // The page changes without asking its server again (the buyer urges another case): the page is read
  // anew, the new worker's answer tells the content script to forward the responses again, and the next
  // reading is filled from them.
  await showUrging(page, second);
  const rec = await waitFor(filled, { message: 'the case stored again, filled from the forwarded responses' });
  const truth = backend.cases.find((c) => c.disputeId === first);
  assertEqual(Date.parse(rec.paidAt), Math.floor(truth.paidAt / 1000) * 1000, 'paidAt from the data response');
});

await run.check('the popup lists the open cases by time to the auto-action, then money, in groups, and a click opens the case', async () => {
  const expected = await ledger(ext, async (all) =>
    (await all('cases'))
      .filter((c) => c.open === 1)
      .sort((a, b) => a.deadlineAt - b.deadlineAt || (b.amountFen ?? 0) - (a.amountFen ?? 0))
      .map((c) => c.disputeId),
  );
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('[data-dispute-id]').first().waitFor();
  const listed = () => popup.locator('[data-group] [data-dispute-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dispute-id')));
  let rows = await listed();
  assertEqual(rows, expected.slice(0, rows.length), 'popup order');
  assertEqual(rows.length, Math.min(40, expected.length), 'the 40 most urgent drawn first');
  if (expected.length > 40) {
    await popup.getByTestId('list-more').click();
    await waitFor(async () => (rows = await listed()).length === Math.min(80, expected.length), { message: 'more rows on request' });
    assertEqual(rows, expected.slice(0, rows.length), 'still in order');
  }
  const groups = await popup.locator('[data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
  const order = ['overdue', 'lt6h', 'lt24h', 'later', 'none'];
  assertEqual(groups, [...groups].sort((a, b) => order.indexOf(a) - order.indexOf(b)), 'groups in urgency order');
  assert((await popup.getByTestId('counts').textContent()).includes('退款'), 'counts per kind');
  await shot(popup, shotsDir, 'popup');
  // The search reaches the whole ledger: a finished case is not in the queue but is found.
  const finished = await ledger(ext, async (all) => (await all('cases')).find((c) => c.open === 0));
  assert(finished, 'a finished case in the ledger');
  await popup.locator('.ar-search').fill(finished.disputeId.slice(0, 12));
  await waitFor(async () => (await popup.getByTestId('search-results').locator('[data-dispute-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dispute-id')))).includes(finished.disputeId), { message: 'the finished case among the search results' });
  await popup.locator('.ar-search').fill('');
  await popup.locator('[data-group] [data-dispute-id]').first().waitFor();
  const first = rows[0];
  const opened = context.waitForEvent('page', { timeout: 10000 });
  await popup.locator(`[data-dispute-id="${first}"] button`).click();
  const tab = await opened;
  await tab.waitForLoadState();
  assert(tab.url().includes(`disputeId=${first}`), `opened ${tab.url()}`);
  await tab.close();
  if (!popup.isClosed()) await popup.close();
});

await run.check('a promise switched on in the options page changes the open sidebar without a reload, judged by the promise in force when the order was paid', async () => {
  const c = backend.cases.find((x) => x.platform === 'taobao' && x.reason === '假冒品牌');
  await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
  await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
  await page.evaluate(() => (window.__noReload = true));
  const comp = () => sidebarFrame(page).evaluate(() => document.querySelector('[data-testid=compensation] [data-kind="fake-compensation"]')?.textContent ?? null);
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
  await waitFor(async () => (await badge.getAttribute('title')).includes('赔¥'), { message: 'the row badge to owe compensation' });
  const [row] = await badgedRows(list, c.disputeId);
  assertEqual(row.height, row.heightWithout, 'the row\'s height with and without its badge');
  assertEqual(await list.locator(`aftersales-radar-badge[data-dispute-id="${c.disputeId}"]`).count(), 1, 'one badge for the case');
  await list.close();
  await shot(page, shotsDir, 'promise-applied');
  for (const id of ['shop', 'commitments', 'rules', 'hours', 'replies', 'metrics', 'data', 'about']) {
    await options.locator(`#${id}`).screenshot({ path: path.join(shotsDir, `options-${id}.png`) });
  }
  await options.close();
});

await run.check('export, then import on a fresh profile, restores everything', async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#data`);
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: '导出全部数据' }).click();
  const file = path.join(shotsDir, 'export.json');
  await (await downloading).saveAs(file);
  await options.close();
  const before = await ledger(ext, async (all) => ({ cases: (await all('cases')).length, policies: (await all('policies')).length, events: (await all('events')).length }));
  const fresh = await launchBrowser({ extensionPath: EXTENSION, port: backend.port });
  try {
    const o = await fresh.context.newPage();
    await o.goto(`chrome-extension://${fresh.extensionId}/options.html#data`);
    await o.getByLabel('选择导出文件').setInputFiles(file);
    const msg = await o.getByTestId('data-message').textContent();
    assert(msg.includes(`新增 ${before.cases} 单`), msg);
    const after = await ledger(o, async (all) => ({ cases: (await all('cases')).length, policies: (await all('policies')).length, events: (await all('events')).length }));
    assertEqual(after, before, 'the fresh profile holds everything');
  } finally {
    await fresh.close();
  }
  fs.rmSync(file, { force: true });
});

await run.check('page text with markup shows only as text in the popup', async () => {
  const c = backend.cases.find((x) => x.platform === 'tmall' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && x.deadlineAt);
  const evil = '<img src=x onerror=alert(1)>退款待处理';
  await page.goto(`${Q}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
  await page.evaluate(([id, text]) => fetch(`/__demo/set-status?disputeId=${id}&status=WAIT_SELLER_AGREE&text=${encodeURIComponent(text)}`, { method: 'POST' }), [c.disputeId, evil]);
  await page.reload();
  await waitFor(() => ledger(ext, async (all, key) => (await all('cases')).find((x) => x.key === key)?.statusText ?? null, `tmall:${c.disputeId}`).then((t) => t === evil), { message: 'the ledger to hold the new status text' });
  const popup = await context.newPage();
  const dialogs = [];
  popup.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const row = popup.locator(`[data-dispute-id="${c.disputeId}"]`);
  await row.waitFor();
  assert((await row.textContent()).includes(evil), 'the status text shows literally');
  assertEqual(await popup.locator('img').count(), 0, 'no element made from it');
  assertEqual(dialogs, [], 'no script ran');
  await popup.close();
});

await run.check('the popup on a fresh profile explains how to start', async () => {
  const fresh = await launchBrowser({ extensionPath: EXTENSION, port: backend.port });
  try {
    const p = await fresh.context.newPage();
    await p.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
    await p.getByTestId('first-run').waitFor({ timeout: 5000 });
    assert((await p.getByTestId('first-run').textContent()).includes('退款管理'), 'first-run text names 退款管理');
  } finally {
    await fresh.close();
  }
});

await run.check('English can be chosen in the options: the open sidebar and the popup follow, Chinese is the default', async () => {
  const c = backend.cases.find((x) => x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && x.refundType === '退货退款');
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
  await waitFor(async () => (await sidebar(page)).text.includes('Next steps'), { message: 'the sidebar in English' });
  const sb = await sidebar(page);
  assert(sb.text.includes('AfterSales Radar') && sb.text.includes('Postage and compensation'), 'English labels');
  await shot(page, shotsDir, 'sidebar-english');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByPlaceholder('Search order or dispute id').waitFor({ timeout: 10000 });
  await popup.close();
  await chooseLanguage('zh');
  await waitFor(async () => (await sidebar(page)).text.includes('下一步'), { message: 'back to Chinese' });
});

await run.check('the built manifests (Chrome and Firefox) ask for nothing beyond the documented list, expose only the sidebar page to seller pages, and keep the default CSP', async () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    const m = JSON.parse(fs.readFileSync(path.join(ROOT, '.output', dir, 'manifest.json'), 'utf8'));
    const hosts = ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://refund2.taobao.com/*', 'https://refund2.tmall.com/*'];
    const perms = dir === 'chrome-mv3' ? [...m.permissions] : m.permissions.filter((p) => !p.includes('://'));
    const hostPerms = dir === 'chrome-mv3' ? [...m.host_permissions] : m.permissions.filter((p) => p.includes('://'));
    assertEqual(perms.sort(), ['alarms', 'notifications', 'storage'], `${dir} permissions`);
    assertEqual(hostPerms.sort(), hosts, `${dir} hosts`);
    for (const cs of m.content_scripts) assertEqual([...cs.matches].sort(), hosts, `${dir} content script matches`);
    // The sidebar page is the one resource a page may load, and only a seller page.
    const war = dir === 'chrome-mv3' ? m.web_accessible_resources.map((w) => ({ resources: w.resources, matches: [...w.matches].sort() })) : m.web_accessible_resources;
    assertEqual(war, dir === 'chrome-mv3' ? [{ resources: ['sidebar.html'], matches: hosts }] : ['sidebar.html'], `${dir} web-accessible resources`);
    const text = JSON.stringify(m);
    assert(!text.includes('<all_urls>') && !/\*:\/\/\*\//.test(text), `${dir}: no all-URLs pattern`);
    assert(m.content_security_policy === undefined, `${dir}: the default CSP is kept (${JSON.stringify(m.content_security_policy)})`);
    assert(!m.externally_connectable && !m.update_url, `${dir}: nothing connects from outside, no remote update URL`);
    for (const html of fs.readdirSync(path.join(ROOT, '.output', dir)).filter((f) => f.endsWith('.html'))) {
      const src = fs.readFileSync(path.join(ROOT, '.output', dir, html), 'utf8');
      assert(!/<script[^>]+src=["']https?:/i.test(src), `${dir}/${html}: no remote script`);
    }
  }
});

await run.check('the bundles make no network request of their own (the response observer only reads the page\'s)', async () => {
  const dir = path.join(ROOT, '.output', 'chrome-mv3');
  const files = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.js') && files.push(path.join(d, e.name))));
  walk(dir);
  const NETWORK = /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\s*\(|navigator\.connection/;
  const offenders = files.filter((f) => NETWORK.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(dir, f));
  assertEqual(offenders, ['content-scripts/mtop-observer.js'], 'only the observer touches the network APIs');
  const observer = fs.readFileSync(path.join(dir, 'content-scripts/mtop-observer.js'), 'utf8');
  assert(!/\bfetch\s*\(\s*["'`]/.test(observer) && !/\.send\(/.test(observer), 'the observer starts no request of its own');
});

await run.check('an imported reply pack with markup shows only as text in the options page', async () => {
  const file = path.join(shotsDir, 'evil-pack.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'aftersales-radar/replies', version: 1, templates: [{ id: 'evil', title: '<b onmouseover=alert(1)>标题</b>', category: 'greeting', body: '亲，您好 <img src=x onerror=alert(1)> <a href="javascript:alert(1)">点我</a> <style>body{display:none}</style>' }] }));
  const options = await context.newPage();
  const dialogs = [];
  options.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await options.goto(`chrome-extension://${extensionId}/options.html#replies`);
  await options.locator('#replies input[type=file]').setInputFiles(file);
  const item = options.locator('[data-reply-id="evil"]');
  await item.waitFor();
  assert((await item.textContent()).includes('<img src=x onerror=alert(1)>'), 'the markup is shown as text');
  assertEqual(await item.locator('img, a, style, [onmouseover], [onerror]').count(), 0, 'no element or handler made from it');
  assertEqual(dialogs, [], 'no script ran');
  await options.close();
  fs.rmSync(file, { force: true });
});

// Last but one: its 120 synthetic cases would crowd the ledger the checks above reason about.
await run.check('a sale-day list of 620 rows: all in the ledger and the sidebar (most urgent 30 first, more on request), badges on the rows near the screen and on the others as they scroll in', async () => {
  await page.goto(`${M}/refund-list?demoRows=620&pageSize=620`);
  await waitFor(async () => (await pageIds(page)).length === 620 && (await badges(page)).length > 0, { message: '620 rows, the first badged', timeout: 30000 });
  const ids = await pageIds(page);
  // Only the rows on screen and a screen either side are badged at first: not all 620 at once.
  const first = await badges(page);
  assert(first.length >= 5 && first.length < 100, `badges near the screen only: ${first.length}`);
  assertEqual(first, ids.slice(0, first.length), 'the first rows, in order');
  // A badge never makes its row taller (every row below would move): where the whole badge does not
  // fit beside the id, it shows its chip alone or a dot, and its tooltip still says everything.
  const badged = await badgedRows(page);
  const cut = badged.filter((b) => b.fit !== null);
  const fit = { taller: badged.filter((b) => b.height > b.heightWithout + 0.5).map((b) => b.id), cut: cut.length, whole: badged.length - cut.length, titles: cut.map((b) => b.title) };
  assertEqual(fit.taller, [], 'rows made taller by their badge');
  assert(fit.cut > 0 && fit.whole > 0, `some badges whole, some cut down beside the sidebar: ${JSON.stringify(fit)}`);
  assert(fit.titles.every((t) => /^售后雷达：(\d+[天时分秒]|已超时|无倒计时)/.test(t)), `a cut-down badge's tooltip gives the countdown: ${fit.titles}`);
  // Scrolling to the end badges the last rows, once each.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await waitFor(async () => (await badges(page)).includes(ids[619]), { message: 'the last row badged after scrolling to it' });
  const all = await badges(page);
  assertEqual(all.length, new Set(all).size, 'one badge per row');
  assert(all.length < 200, `rows far from where staff looked stay unbadged: ${all.length}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  // More than one message's worth of cases: every part reaches the ledger.
  await waitFor(() => ledger(ext, async (all, want) => { const have = new Set((await all('cases')).map((c) => c.disputeId)); return want.every((id) => have.has(id)); }, ids), { message: 'all 620 cases in the ledger', timeout: 20000 });
  const tiers = () => sidebarFrame(page).evaluate(() => [...document.querySelectorAll('[data-testid=cases] [data-tier]')].map((e) => e.getAttribute('data-tier')));
  const rank = { overdue: 0, lt6h: 1, lt24h: 2, later: 3, none: 4 };
  let shown = await tiers();
  assertEqual(shown.length, 30, 'the first 30 listed');
  // The reading reached the sidebar whole, though it came in more than one part.
  assert((await sidebarFrame(page).locator('[data-testid=list-more]').textContent()).includes('共 620 条'), 'the sidebar counts all 620');
  assert(shown.every((t, i) => i === 0 || rank[shown[i - 1]] <= rank[t]), `most urgent first: ${shown.join(',')}`);
  const host = sidebarFrame(page);
  await host.locator('[data-testid=list-more]').click();
  await waitFor(async () => (shown = await tiers()).length === 60, { message: '30 more listed' });
  assert(shown.every((t, i) => i === 0 || rank[shown[i - 1]] <= rank[t]), 'still most urgent first');
  await host.locator('[data-testid=list-more]').scrollIntoViewIfNeeded();
  await shot(page, shotsDir, 'sale-day-list');
  // A badge opens its case from the keyboard too (row 77, badged once it is scrolled to).
  const id = ids[77];
  await page.evaluate((i) => [...document.querySelectorAll('span')].find((s) => s.textContent === i).scrollIntoView({ block: 'center' }), id);
  await waitFor(async () => (await badges(page)).includes(id), { message: 'row 77 badged once on screen' });
  await page.locator(`aftersales-radar-badge[data-dispute-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await sidebar(page)).caseView === id, { message: 'the case view of the badge opened with Enter' });
  // The popup loads the 200 most urgent and says how many are open in all.
  const open = await ledger(ext, async (all) => (await all('cases')).filter((c) => c.open === 1).length);
  assert(open > 200, `more than 200 open cases: ${open}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await waitFor(async () => (await popup.getByTestId('counts').textContent()).includes(`${open} 单，按紧急程度载入前 200 单`), { message: `the popup to count ${open} open cases` });
  await popup.close();
});

await run.check('the extension clicked nothing on the page, submitted nothing, and logged no errors', async () => {
  const clicks = await page.evaluate(() => window.__demoClicks ?? []);
  assert(clicks.every((c) => c.trusted), `untrusted (scripted) clicks on the page: ${JSON.stringify(clicks.filter((c) => !c.trusted))}`);
  assertEqual(await page.evaluate(() => window.__demoSubmits ?? []), [], 'form submissions');
  const errors = consoleErrors.filter((e) => !/favicon/.test(e.text));
  assertEqual(errors, [], 'console errors');
});

await browser.close();
await backend.close();

const passed = run.results.filter((r) => r.ok).length;
const failed = run.results.length - passed;
fs.writeFileSync(path.join(shotsDir, 'e2e-result.json'), JSON.stringify({ passed, failed, results: run.results }, null, 2));
console.log(`screenshots: ${shotsDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
