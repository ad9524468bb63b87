// End-to-end area: Ledger and alerts: status changes and urging reach the ledger, the toolbar badge, alarms and
// notifications, and a service worker that Chrome stops.
import {
  assert,
  assertEqual,
  badges,
  forgetInLedger,
  ledger,
  ledgerCount,
  M,
  pageIds,
  sendFrom,
  showUrging,
  sidebar,
  stopServiceWorker,
  waitFor,
  ensureLedger,
} from '../harness.mjs';

/** @param {import('../harness.mjs').Session} session */
export default async function ledgerArea({ run, backend, context, page, ext }) {
  await ensureLedger({ page, ext });

  await run.check('a status change on the seller backend shows as a timeline event in the ledger', async () => {
    const c = backend.cases.find(
      (x) => x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE',
    );
    await page.goto(`${M}/refund-list/detail?disputeId=${c.disputeId}&type=1`);
    await waitFor(async () => (await sidebar(page)).caseView === c.disputeId, { message: 'case view' });
    await page.evaluate(
      (id) =>
        fetch(`/__demo/set-status?disputeId=${id}&status=SUCCESS&text=${encodeURIComponent('退款成功')}`, {
          method: 'POST',
        }),
      c.disputeId,
    );
    await page.reload();
    const events = await waitFor(
      () =>
        ledger(
          ext,
          async (all, key) => (await all('events')).filter((e) => e.caseKey === key && e.type === 'status-change'),
          `taobao:${c.disputeId}`,
        ).then((e) => e.length && e),
      { message: 'a status-change event' },
    );
    assertEqual([events[0].from, events[0].to], ['退款待处理', '退款成功'], 'the timeline event');
    const rec = await ledger(
      ext,
      async (all, key) => (await all('cases')).find((x) => x.key === key),
      `taobao:${c.disputeId}`,
    );
    assertEqual(rec.open, 0, 'a finished case leaves the open queue');
  });

  await run.check(
    'a buyer urging a case (买家催促) with no change of status reaches the ledger and the sidebar',
    async () => {
      const c = backend.cases.find(
        (x) =>
          x.platform === 'taobao' && x.kind === 'refund' && x.status === 'WAIT_SELLER_AGREE' && !x.flags.buyerUrged,
      );
      await page.goto(`${M}/refund-list`);
      await waitFor(async () => (await badges(page)).includes(c.disputeId), { message: 'the row badged' });
      const key = `taobao:${c.disputeId}`;
      await waitFor(() => ledger(ext, async (all, k) => !!(await all('cases')).find((x) => x.key === k), key), {
        message: 'the case in the ledger',
      });
      // The page's next poll shows the urging on the row; status, countdown and money stay as they were.
      await showUrging(page, c.disputeId);
      await waitFor(
        () =>
          ledger(ext, async (all, k) => (await all('cases')).find((x) => x.key === k)?.flags?.buyerUrged === true, key),
        { message: 'the urging in the ledger' },
      );
      await page.locator(`aftersales-radar-badge[data-dispute-id="${c.disputeId}"]`).click();
      await waitFor(
        async () => {
          const s = await sidebar(page);
          return s.caseView === c.disputeId && s.text.includes('买家已催促');
        },
        { message: 'the sidebar shows the urging' },
      );
    },
  );

  await run.check('the toolbar badge counts the open cases due within 24 hours', async () => {
    await sendFrom(ext, { type: 'alerts/sweep' });
    const expected = await ledger(ext, async (all) => {
      const now = Date.now();
      return (await all('cases')).filter(
        (c) => c.open === 1 && !c.staff?.handled && c.deadlineAt <= now + 24 * 3600_000,
      ).length;
    });
    assert(expected > 0, 'some demo cases are due within 24 h');
    const text = await ext.evaluate(() => chrome.action.getBadgeText({}));
    assertEqual(text, String(expected), 'badge text');
  });

  await run.check('an alarm fires a notification that names the case and what happens at timeout', async () => {
    const target = await ledger(
      ext,
      async (all) =>
        (await all('cases'))
          .filter(
            (c) => c.open === 1 && c.deadlineAt < Date.now() + 40 * 3600_000 && c.deadlineAt > Date.now() + 3600_000,
          )
          .sort((a, b) => a.deadlineAt - b.deadlineAt)[0],
    );
    assert(target, 'a case due in the next days');
    // A threshold that falls 4 s from now for that case, and nothing else: the alarm must fire it.
    const minutes = (target.deadlineAt - Date.now() - 4000) / 60000;
    await ext.evaluate(async (m) => {
      const db = await new Promise((r) => {
        const q = indexedDB.open('aftersales-radar');
        q.onsuccess = () => r(q.result);
      });
      await new Promise((r) => {
        const t = db.transaction('settings', 'readwrite');
        t.objectStore('settings').put({
          key: 'alerts',
          value: { thresholdsMin: [m], overdue: false, quietHours: null },
        });
        t.oncomplete = r;
      });
      const t2 = db.transaction('cases', 'readwrite');
      const store = t2.objectStore('cases');
      store.getAll().onsuccess = (e) => {
        for (const c of e.target.result) store.put({ ...c, alertsSent: [] });
      };
      await new Promise((r) => (t2.oncomplete = r));
      db.close();
      await chrome.notifications
        .getAll()
        .then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id))));
    }, minutes);
    const planned = await sendFrom(ext, { type: 'alerts/sweep' });
    assert(
      planned.ok && planned.value.notified.length === 0,
      `nothing due yet: ${JSON.stringify(planned.value?.notified)}`,
    );
    const alarm = await ext.evaluate(() => chrome.alarms.get('radar-alert'));
    assert(
      alarm && Math.abs(alarm.scheduledTime - (Date.now() + 4000)) < 5000,
      `alarm scheduled in ~4 s: ${JSON.stringify(alarm)}`,
    );
    const ids = await waitFor(
      async () => {
        const all = await ext.evaluate(() => chrome.notifications.getAll());
        return Object.keys(all).filter((id) => id.includes(target.key)).length && Object.keys(all);
      },
      { timeout: 45000, interval: 500, message: 'the notification from the alarm' },
    );
    assert(
      ids.some((id) => id.startsWith(`radar|${target.key}|`)),
      `notification id ${ids}`,
    );
    await ext.evaluate(() =>
      chrome.notifications
        .getAll()
        .then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))),
    );
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

  await run.check(
    "a restarted service worker is given the page's data responses again: later readings are still filled from them",
    async () => {
      await page.goto(`${M}/refund-list`);
      const [first, second] = await waitFor(
        async () => {
          const ids = await pageIds(page);
          return ids.length >= 2 && ids;
        },
        { message: 'the list' },
      );
      const key = `taobao:${first}`;
      const filled = () =>
        ledger(
          ext,
          async (all, k) => (await all('cases')).find((x) => x.key === k && x.fromData?.includes('paidAt')) ?? null,
          key,
        );
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
    },
  );
}
