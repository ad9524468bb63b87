// End-to-end area: The sidebar's host frame: page text shown only as text, the shortcut that folds it, and resizing it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../../../scripts/chromium.mjs';
import {
  assert,
  assertEqual,
  badges,
  EXTENSION,
  M,
  openListLayout,
  Q,
  sendFrom,
  shot,
  sidebar,
  sidebarFrame,
  sidebarMatchesPage,
  waitFor,
} from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function sidebarArea({ run, backend, context, extensionId, page, shotsDir }) {
  await run.check(
    'staff teach the label a page uses for its ids: the cases appear without a reload, survive a browser restart and travel in the settings export',
    async () => {
      const url = `${M}/refund-list?layout=table&links=0&idLabel=维权工单号`;
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-teach-'));
      const listed = async (p) => [...((await sidebar(p)).ids ?? [])].sort();
      let b = await launchBrowser({ extensionPath: EXTENSION, port: backend.port, profile });
      try {
        const p = await b.context.newPage();
        const ids = await openListLayout(p, url);
        // Nothing read: the drift warning, and the unknown label offered to teach.
        await waitFor(
          async () => {
            const s = await sidebar(p);
            return s.drift && s.text.includes('维权工单号');
          },
          { message: 'the teach section offering 维权工单号' },
        );
        assertEqual(await listed(p), [], 'no case guessed before teaching');
        await shot(p, shotsDir, 'teach-before');
        const frame = sidebarFrame(p);
        await frame.getByLabel('“维权工单号”的含义').selectOption('disputeId');
        await frame.locator('[data-label="维权工单号"] button').click();
        await waitFor(async () => JSON.stringify(await listed(p)) === JSON.stringify(ids), {
          message: 'the cases listed after teaching, without a reload',
        });
        // The teach section is gone: the focus went to the first case listed, not to the frame's body.
        await waitFor(() => frame.evaluate(() => !!document.activeElement?.closest('[data-testid=cases]')), {
          message: 'the focus on the first case listed',
        });
        await shot(p, shotsDir, 'teach-after');
        const ext = await b.context.newPage();
        await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
        const exported = await sendFrom(ext, { type: 'data/export' });
        const taught = exported.value.settings.find((x) => x.key === 'taughtLabels');
        assertEqual(
          taught?.value,
          { 'myseller.taobao.com': { 维权工单号: 'disputeId' } },
          'the taught label in the settings export',
        );
      } finally {
        await b.context.close();
      }
      // The browser restarts: the page reads at once with what was taught.
      b = await launchBrowser({ extensionPath: EXTENSION, port: backend.port, profile });
      try {
        const p = await b.context.newPage();
        const ids = await openListLayout(p, url, 'the list drawn after the restart');
        await waitFor(async () => JSON.stringify(await listed(p)) === JSON.stringify(ids), {
          message: 'the cases listed after the restart',
        });
      } finally {
        await b.context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
  );

  await run.check(
    'staff teach a status wording the reader lacks: the case shows the wording, is judged once taught without a reload, and keeps it after a browser restart and in the settings export',
    async () => {
      const url = `${M}/exchange-list?statusWording=unknown`;
      const wording = '售后申请审核中';
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-teach-status-'));
      const openFirst = async (p) => {
        const id = await waitFor(async () => (await sidebar(p)).ids?.[0], { message: 'the exchange cases listed' });
        const frame = sidebarFrame(p);
        await frame.locator(`[data-testid=cases] [data-dispute-id="${id}"] button`).first().click();
        await waitFor(async () => (await sidebar(p)).caseView === id, { message: 'the case opened' });
        return frame;
      };
      const unread = (frame) => frame.locator('[data-testid=state-unread], [data-testid=teach-status]').count();
      let b = await launchBrowser({ extensionPath: EXTENSION, port: backend.port, profile });
      try {
        const p = await b.context.newPage();
        await p.goto(url);
        const frame = await openFirst(p);
        const teach = frame.locator('[data-testid=teach-status]');
        await teach.waitFor();
        assert((await teach.textContent()).includes(`状态未读到：“${wording}”`), 'the page’s own wording is shown');
        await shot(p, shotsDir, 'teach-status-before');
        await frame.getByLabel(`“${wording}”的含义`).selectOption('EXCHANGE_WAIT_SELLER_AGREE');
        await teach.locator('button').click();
        await waitFor(async () => (await unread(frame)) === 0, {
          message: 'the case judged with the taught status, without a reload',
        });
        // The teach section is gone: the focus is on the case's heading, not on the frame's body.
        await waitFor(() => frame.evaluate(() => !!document.activeElement?.matches('.ar-caseview .ar-case-title')), {
          message: "the focus on the case's heading",
        });
        const steps = await frame.locator('section[aria-label="下一步"]').textContent();
        assert(!steps.includes('需要'), `next steps given for the taught status: ${steps}`);
        await shot(p, shotsDir, 'teach-status-after');
        const ext = await b.context.newPage();
        await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
        const exported = await sendFrom(ext, { type: 'data/export' });
        assertEqual(
          exported.value.settings.find((x) => x.key === 'taughtStatuses')?.value,
          { 'myseller.taobao.com': { exchange: { [wording]: 'EXCHANGE_WAIT_SELLER_AGREE' } } },
          'the taught wording in the settings export',
        );
      } finally {
        await b.context.close();
      }
      b = await launchBrowser({ extensionPath: EXTENSION, port: backend.port, profile });
      try {
        const p = await b.context.newPage();
        await p.goto(url);
        const frame = await openFirst(p);
        await frame.locator('[data-testid=case-countdown]').waitFor();
        assertEqual(await unread(frame), 0, 'the wording still known after the restart');
      } finally {
        await b.context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
  );

  await run.check('page text with markup shows only as text in the sidebar', async () => {
    const c = backend.cases.find((x) => x.platform === 'tmall' && x.reason.includes('<img'));
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${Q}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
    const sb = await waitFor(
      async () => {
        const s = await sidebar(page);
        return s.caseView === c.disputeId && s;
      },
      { message: 'case view' },
    );
    assert(sb.text.includes('<img src=x onerror=alert(1)>'), 'the reason shows literally');
    assert(sb.text.includes('<script>alert(1)</script>'), 'the item shows literally');
    assertEqual(
      await sidebarFrame(page).evaluate(() => document.getElementById('app').querySelectorAll('img, script').length),
      0,
      'no element made from page text',
    );
    assertEqual(dialogs, [], 'no script ran');
    await shot(page, shotsDir, 'markup-as-text');
  });

  await run.check(
    'the shortcut opens the sidebar and takes the focus there from the page, folds it from inside (not while an input method composes), and each host remembers it',
    async () => {
      await page.goto(`${M}/refund-list`);
      await sidebarMatchesPage(page, 'refund list');
      const collapsed = async () => (await sidebar(page)).collapsed;
      await page.evaluate(() =>
        window.dispatchEvent(
          new KeyboardEvent('keydown', {
            altKey: true,
            shiftKey: true,
            code: 'KeyR',
            key: 'R',
            isComposing: true,
            bubbles: true,
          }),
        ),
      );
      assert(!(await collapsed()), 'ignored while composing');
      // From the page the shortcut takes the focus into the open sidebar; pressed there, it folds it.
      await page.keyboard.press('Alt+Shift+KeyR');
      await page.keyboard.press('Alt+Shift+KeyR');
      await waitFor(collapsed, { message: 'collapsed by the shortcut' });
      const margin = await page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
      assertEqual(margin, '34px', "the page takes its width back, all but the tab's");
      // The tab covers none of the page's own links and buttons (详情, 同意退款 …).
      const covered = await page.evaluate(
        (tab) =>
          [...document.querySelectorAll('a, button')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.right > document.documentElement.clientWidth - tab;
            })
            .map((el) => el.textContent),
        34,
      );
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
    },
  );

  await run.check(
    "dragging the sidebar's edge resizes it (the page follows the pointer outside the frame), and the width is remembered",
    async () => {
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
      await waitFor(async () => (await frameBox()).width === before + 100, {
        message: `the sidebar ${before + 100} px wide`,
      });
      assertEqual(
        await page.evaluate(() => document.documentElement.style.marginRight),
        `${before + 100}px`,
        'the page gives up the new width',
      );
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
    },
  );

  await run.check(
    "a 退货邮费 claim above the shop's freight table (pasted from its 买家须知 and confirmed) is flagged in the sidebar",
    async () => {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#freight`);
      await options
        .getByTestId('freight-paste')
        .fill(
          '默认首重10元、续重3元/KG；首重12元：山东、福建、山西；15元：云南、海南；18元：内蒙古、宁夏、新疆、西藏；港台顺丰30元',
        );
      await options.getByRole('button', { name: '识别' }).click();
      const preview = await options.getByTestId('freight-preview').textContent();
      assert(preview.includes('默认：首重 ¥10，续重 ¥3/KG') && preview.includes('山东、福建、山西：首重 ¥12'), preview);
      await options.getByRole('button', { name: '确认，填入运费表' }).click();
      await options.getByTestId('freight-save').click();
      await options.getByText('已保存，已打开的页面会自动更新').waitFor();
      assertEqual(await options.getByTestId('freight-table').count(), 1, 'one table, the default carrier');
      await options.locator('#freight').screenshot({ path: path.join(shotsDir, 'options-freight.png') });
      await options.close();
      // The table's first weight by the demo's origins (退货发货地).
      const first = { 山东: 1200, 浙江: 1000, 云南: 1500, 广东: 1000, 新疆: 1800 };
      const firstOf = (c) => first[Object.keys(first).find((p) => c.logistics.from.startsWith(p))];
      const postage = backend.cases.filter((c) => c.platform === 'taobao' && c.kind === 'postage' && c.logistics?.from);
      const over = postage.find((c) => c.postageFen > firstOf(c));
      const within = postage.find((c) => c.postageFen <= firstOf(c));
      assert(over, 'a demo postage claim above the table');
      // The clicks go to the tab in front: a tab behind another paints its sidebar's frame late, if at all.
      await page.bringToFront();
      await page.goto(`${M}/postage-list?pageSize=40`);
      await sidebarMatchesPage(page, 'postage list');
      const frame = sidebarFrame(page);
      const open = async (c) => {
        await frame.locator(`[data-testid=cases] [data-dispute-id="${c.disputeId}"] button`).first().click();
        await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: `case ${c.disputeId}` });
        return frame.getByTestId('freight-check').textContent({ timeout: 5000 });
      };
      const overText = await open(over);
      const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;
      assert(overText.includes(`首重 ${yuan(firstOf(over))}，申请 ${yuan(over.postageFen)}`), overText);
      assertEqual(
        await frame.getByTestId('freight-over').textContent(),
        `高于本店运费表首重 ${yuan(over.postageFen - firstOf(over))}`,
        'the flag says by how much',
      );
      await shot(page, shotsDir, 'sidebar-freight-over');
      if (within) {
        await frame.getByRole('button', { name: '← 返回列表' }).click();
        await open(within);
        assertEqual(await frame.getByTestId('freight-over').count(), 0, 'no flag for a claim within the table');
      }
    },
  );
}
