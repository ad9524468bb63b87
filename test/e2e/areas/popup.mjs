// End-to-end area: The popup: the open cases by urgency, search over the whole ledger, page text only as text, first run.
import { launchBrowser } from '../../../scripts/chromium.mjs';
import { assert, assertEqual, EXTENSION, ledger, Q, shot, waitFor, ensureLedger } from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function popupArea({ run, backend, context, extensionId, page, ext, shotsDir }) {
  await ensureLedger({ page, ext }, { finished: true });

  await run.check(
    'the popup lists the open cases by time to the auto-action, then money, in groups, and a click opens the case',
    async () => {
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
      const listed = () =>
        popup
          .locator('[data-group] [data-dispute-id]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-dispute-id')));
      let rows = await listed();
      assertEqual(rows, expected.slice(0, rows.length), 'popup order');
      assertEqual(rows.length, Math.min(40, expected.length), 'the 40 most urgent drawn first');
      if (expected.length > 40) {
        await popup.getByTestId('list-more').click();
        await waitFor(async () => (rows = await listed()).length === Math.min(80, expected.length), {
          message: 'more rows on request',
        });
        assertEqual(rows, expected.slice(0, rows.length), 'still in order');
      }
      const groups = await popup
        .locator('[data-group]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
      const order = ['overdue', 'lt6h', 'lt24h', 'later', 'none'];
      assertEqual(
        groups,
        [...groups].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        'groups in urgency order',
      );
      assert((await popup.getByTestId('counts').textContent()).includes('退款'), 'counts per kind');
      await shot(popup, shotsDir, 'popup');
      // The search reaches the whole ledger: a finished case is not in the queue but is found.
      const finished = await ledger(ext, async (all) => (await all('cases')).find((c) => c.open === 0));
      assert(finished, 'a finished case in the ledger');
      await popup.locator('.ar-search').fill(finished.disputeId.slice(0, 12));
      await waitFor(
        async () =>
          (
            await popup
              .getByTestId('search-results')
              .locator('[data-dispute-id]')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-dispute-id')))
          ).includes(finished.disputeId),
        { message: 'the finished case among the search results' },
      );
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
    },
  );

  await run.check('page text with markup shows only as text in the popup', async () => {
    const c = backend.cases.find(
      (x) => x.platform === 'tmall' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && x.deadlineAt,
    );
    const evil = '<img src=x onerror=alert(1)>退款待处理';
    await page.goto(`${Q}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
    await page.evaluate(
      ([id, text]) =>
        fetch(`/__demo/set-status?disputeId=${id}&status=WAIT_SELLER_AGREE&text=${encodeURIComponent(text)}`, {
          method: 'POST',
        }),
      [c.disputeId, evil],
    );
    await page.reload();
    await waitFor(
      () =>
        ledger(
          ext,
          async (all, key) => (await all('cases')).find((x) => x.key === key)?.statusText ?? null,
          `tmall:${c.disputeId}`,
        ).then((t) => t === evil),
      { message: 'the ledger to hold the new status text' },
    );
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
}
