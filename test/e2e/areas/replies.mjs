// End-to-end area: Suggested replies inserted into the page's 留言 box, and next steps ticked in the sidebar.
import { assert, assertEqual, ledger, M, shot, sidebar, sidebarFrame, waitFor } from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function repliesArea({ run, backend, page, ext, shotsDir }) {
  await run.check(
    "a suggested reply goes into the page's controlled 留言 box, which keeps it; one with holes is never inserted",
    async () => {
      const c = backend.cases.find(
        (x) =>
          x.platform === 'taobao' &&
          x.kind === 'refund' &&
          x.refundType === '退货退款' &&
          x.status === 'WAIT_SELLER_AGREE' &&
          x.reason === '质量问题',
      );
      await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
      await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
      const host = sidebarFrame(page);
      await host.locator('[data-testid=replies] .ar-reply').first().waitFor();
      const state = await host.evaluate(() =>
        [...document.querySelectorAll('.ar-reply')].map((r) => ({
          id: r.dataset.replyId,
          disabled: r.querySelector('button').disabled,
          missing: r.querySelectorAll('.ar-reply-missing').length,
        })),
      );
      assert(
        state.every((r) => r.disabled === r.missing > 0),
        `insert is disabled exactly when values are missing: ${JSON.stringify(state)}`,
      );
      let reply = host
        .locator('.ar-reply')
        .filter({ has: host.locator('button:enabled') })
        .first();
      if (!(await reply.count())) {
        reply = host.locator('.ar-reply').first();
        for (const input of await reply.locator('.ar-reply-missing input').all()) await input.fill('测试');
      }
      // Pinned by its id: the list may re-render (or re-rank) while the reply is inserted.
      reply = host.locator(`.ar-reply[data-reply-id="${await reply.getAttribute('data-reply-id')}"]`);
      const text = (await reply.locator('.ar-reply-text').textContent()).trim();
      await reply.getByRole('button', { name: '插入回复' }).click();
      await reply.getByRole('status').waitFor();
      assert((await reply.getByRole('status').textContent()).includes('已插入'), 'the sidebar says it was inserted');
      const box = page.locator('textarea[aria-label="留言"]');
      assertEqual((await box.inputValue()).trim(), text, 'the box holds the reply');
      await page.waitForTimeout(1500); // the page re-applies its own state every second
      assertEqual((await box.inputValue()).trim(), text, "the page's own state kept it");
      assertEqual(
        (await page.locator('text=/\\d+\\/500/').textContent()).trim(),
        `${(await box.inputValue()).length}/500`,
        "the page's counter saw it",
      );
      await page.keyboard.press('Control+Z');
      await shot(page, shotsDir, 'refund-detail-reply');
    },
  );

  await run.check('ticking a next step is saved in the ledger', async () => {
    const id = (await sidebar(page)).caseView;
    const first = sidebarFrame(page).locator('[data-testid=steps] input[type=checkbox]').first();
    await first.check();
    const done = await waitFor(
      () =>
        ledger(
          ext,
          async (all, key) => (await all('cases')).find((c) => c.key === key)?.staff?.stepsDone ?? null,
          `taobao:${id}`,
        ),
      { message: 'the tick in the ledger' },
    );
    assert(done.length === 1, `one step done: ${done}`);
  });
}
