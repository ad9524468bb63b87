// End-to-end area: Team sync. The sync server runs as its own process (scripts/sync-server.mjs); staff
// A (小王) and B (小李) each have their own browser profile with the extension, joined through the options
// page; a third, empty profile joins later for the 10,000 cases. See scripts/team.mjs for the one
// difference from a user's browser (the permission prompt's grant is given in advance).
import { casesBackup, demoTeam, joinTeam, settled, staffBrowser, syncNow } from '../../../scripts/team.mjs';
import {
  assert,
  assertEqual,
  EXTENSION,
  ledger,
  M,
  putInLedger,
  sendFrom,
  shot,
  sidebarFrame,
  stopServiceWorker,
  waitFor,
} from '../harness.mjs';

/** The case view's team part and note, read in the sidebar's frame. */
async function teamView(page) {
  const frame = sidebarFrame(page);
  return frame?.evaluate(() => {
    const q = (s) => document.querySelector(s);
    return {
      claims: [...document.querySelectorAll('[data-testid=claims] li')].map((li) => li.textContent.trim()),
      note: q('.ar-note')?.value ?? null,
      noteBy: q('[data-testid=note-by]')?.textContent ?? null,
      otherNotes: q('[data-testid=other-notes]')?.textContent ?? null,
      mark: q('[data-testid=sync-mark]')?.textContent ?? null,
    };
  });
}

async function openCase(page, disputeId) {
  await page.goto(`${M}/refund-list/detail?disputeId=${disputeId}&type=1`);
  await waitFor(async () => typeof (await teamView(page))?.note === 'string', { message: 'the case view' });
}

async function writeNote(page, text) {
  const frame = sidebarFrame(page);
  await frame.locator('.ar-note').fill(text);
  await frame.getByText('保存备注').click();
}

/** @param {import('../harness.mjs').Session} session */
export default async function teamArea({ run, backend, shotsDir }) {
  const team = await demoTeam(EXTENSION);
  const { server, extensionPath: ext } = team;
  const a = await staffBrowser({ extensionPath: ext, backendPort: backend.port });
  const b = await staffBrowser({ extensionPath: ext, backendPort: backend.port });
  const pageA = await a.context.newPage();
  const pageB = await b.context.newPage();
  const target = backend.cases.find(
    (c) => c.platform === 'taobao' && c.kind === 'refund' && c.status === 'WAIT_SELLER_AGREE',
  );
  try {
    await run.check(
      'with sync off, nothing reaches the server (counted at the server), whatever staff do',
      async () => {
        await openCase(pageA, target.disputeId);
        await writeNote(pageA, '本机备注');
        await sendFrom(a.options, { type: 'sync/now' });
        await pageA.waitForTimeout(1500);
        assertEqual((await server.requests()).length, 0, 'requests at the server');
        assertEqual((await teamView(pageA)).mark, null, 'no sync mark in the sidebar');
      },
    );

    await run.check('a wrong password is refused with a clear message, and nothing of the ledger is sent', async () => {
      assertEqual(await joinTeam(b.options, team.wrongPassword('小李', false)), 'rejected', 'state');
      const text = await b.options.getByTestId('sync-state').textContent();
      assert(text.includes('账号或密码错误'), `the message: ${text}`);
      const requests = await server.requests();
      assert(
        requests.length > 0 && requests.every((r) => r.status === 401 && r.method === 'GET'),
        `only refused reads: ${JSON.stringify(requests)}`,
      );
      await b.options.getByTestId('sync-disable').click();
    });

    await run.check("a claim and a note made in A's sidebar appear in B's, with who and when", async () => {
      assertEqual(await joinTeam(a.options, team.xiaowang('小王', false)), 'synced', 'A joined');
      assertEqual(await joinTeam(b.options, team.xiaoli('小李', false)), 'synced', 'B joined');
      await openCase(pageA, target.disputeId);
      await sidebarFrame(pageA).locator('[data-testid=claim]').click();
      await writeNote(pageA, '已联系买家，等寄回单号');
      await waitFor(
        async () =>
          (await syncNow(a.options)) === 'synced' &&
          (await a.options.getByTestId('sync-state').textContent()).includes('已同步'),
        { message: 'A synced' },
      );
      await openCase(pageB, target.disputeId);
      const seen = await waitFor(
        async () => {
          const v = await teamView(pageB);
          return v?.note === '已联系买家，等寄回单号' && v.claims.length === 1 && v;
        },
        { timeout: 40_000, message: "A's note and claim in B's sidebar" },
      );
      assert(/^小王 \d\d-\d\d \d\d:\d\d 认领$/.test(seen.claims[0]), `the claim: ${seen.claims[0]}`);
      assert(seen.noteBy.includes('小王'), `who wrote the note: ${seen.noteBy}`);
      assert(seen.mark.includes('已同步'), `B's sync mark: ${seen.mark}`);
      await shot(pageB, shotsDir, 'team-b-sees-a');
      // The same claim on B's list (the row badge's tooltip) and in B's popup.
      await pageB.goto(`${M}/refund-list`);
      const badge = pageB.locator(`aftersales-radar-badge[data-dispute-id="${target.disputeId}"]`);
      await badge.waitFor({ state: 'attached' });
      await waitFor(async () => (await badge.getAttribute('title'))?.includes('小王'), {
        message: 'the badge tooltip',
      });
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      const row = popup.locator(`[data-dispute-id="${target.disputeId}"]`).first();
      await waitFor(async () => /小王 \d\d-\d\d \d\d:\d\d 认领/.test((await row.textContent()) ?? ''), {
        message: 'the claim in the popup',
      });
      await popup.close();
    });

    await run.check(
      "a page label A teaches, and a reply template, a commitment, a rule change and the shop's freight table A saves, reach B",
      async () => {
        const taught = await sendFrom(a.options, {
          type: 'labels/teach',
          host: 'myseller.taobao.com',
          label: '工单流水号',
          meaning: 'disputeId',
        });
        assert(taught.ok, `teach: ${JSON.stringify(taught)}`);
        const status = await sendFrom(a.options, {
          type: 'statuses/teach',
          host: 'myseller.taobao.com',
          kind: 'exchange',
          wording: '换货审核中',
          status: 'EXCHANGE_WAIT_SELLER_AGREE',
        });
        assert(status.ok, `teach a status: ${JSON.stringify(status)}`);
        // A template of the shop's own, saved as the options page's reply editor saves one.
        await putInLedger(a.options, 'replies', {
          id: 'own-team-1',
          title: '催寄回（团队）',
          category: '退货',
          body: '亲，麻烦尽快寄回哦',
          order: 99,
          updatedAt: '2026-12-03T10:00:00+08:00',
        });
        // A commitment (发货时间承诺 48 小时) and a platform rule changed, as the options page stores them.
        const promise = {
          type: 'shipping-promise',
          hours: 48,
          enabled: true,
          effectiveFrom: '2026-12-01T00:00:00+08:00',
        };
        await putInLedger(a.options, 'policies', promise);
        await putInLedger(a.options, 'settings', {
          key: 'ruleOverrides',
          value: { 'deadline.refund-only-unshipped': { hours: 24 } },
        });
        // The shop's freight table (运费表), as the options page stores it.
        const freight = [
          { default: { firstFen: 1000, extraFen: 300 }, regions: [{ provinces: ['山东', '福建'], firstFen: 1200 }] },
        ];
        await putInLedger(a.options, 'settings', { key: 'freightTables', value: freight });
        await a.options.evaluate(() => chrome.storage.local.set({ policyVersion: Date.now() }));
        await waitFor(async () => (await syncNow(a.options)) === 'synced', { message: 'A synced' });
        const got = await waitFor(
          async () => {
            await syncNow(b.options);
            const r = await sendFrom(b.options, { type: 'labels/taught', host: 'myseller.taobao.com' });
            return r.ok && r.value['工单流水号'] && r.value;
          },
          { timeout: 30_000, message: "A's label in B" },
        );
        assertEqual(got, { 工单流水号: 'disputeId' }, "B's taught labels");
        const statuses = await waitFor(
          async () => {
            await syncNow(b.options);
            const r = await sendFrom(b.options, { type: 'statuses/taught', host: 'myseller.taobao.com' });
            return r.ok && r.value.exchange && r.value;
          },
          { timeout: 30_000, message: "A's status wording in B" },
        );
        assertEqual(statuses, { exchange: { 换货审核中: 'EXCHANGE_WAIT_SELLER_AGREE' } }, "B's taught status wordings");
        const replies = await waitFor(
          async () => {
            await syncNow(b.options);
            const r = await sendFrom(b.options, { type: 'replies/list' });
            return r.ok && r.value.some((t) => t.title === '催寄回（团队）') && r.value;
          },
          { timeout: 30_000, message: "A's template in B" },
        );
        assert(replies.length > 1, 'the shipped templates are still there');
        // What B's guidance is judged by: the shop policy, with A's commitment and A's rule.
        const policy = await waitFor(
          async () => {
            await syncNow(b.options);
            const r = await sendFrom(b.options, { type: 'policy/get' });
            return r.ok && r.value.ruleOverrides?.['deadline.refund-only-unshipped'] && r.value;
          },
          { timeout: 30_000, message: "A's rule change in B" },
        );
        assertEqual(policy.ruleOverrides, { 'deadline.refund-only-unshipped': { hours: 24 } }, "B's rule overrides");
        assertEqual(
          policy.commitments.filter((c) => c.type === 'shipping-promise'),
          [promise],
          "A's commitment in B's policy",
        );
        const tables = await waitFor(
          async () => {
            await syncNow(b.options);
            const r = await sendFrom(b.options, { type: 'policy/get' });
            return r.ok && r.value.freightTables;
          },
          { timeout: 30_000, message: "A's freight table in B" },
        );
        assertEqual(tables, freight, "B's freight table");
      },
    );

    await run.check(
      'both edit the note while the server is down: after it is back, both edits survive, shown in both',
      async () => {
        await openCase(pageB, target.disputeId);
        await server.pause();
        await writeNote(pageA, 'A：买家同意补差价');
        await writeNote(pageB, 'B：仓库说已签收');
        assertEqual(await syncNow(a.options), 'offline', "A's state while the server is down");
        assert((await a.options.getByTestId('sync-state').textContent()).includes('待同步'), 'A says what is pending');
        await server.resume();
        for (const o of [a.options, b.options, a.options]) assertEqual(await syncNow(o), 'synced', 'synced again');
        for (const [who, page] of [
          ['A', pageA],
          ['B', pageB],
        ]) {
          await openCase(page, target.disputeId);
          const v = await waitFor(
            async () => {
              const got = await teamView(page);
              return got?.otherNotes && got;
            },
            { message: `${who}: both notes` },
          );
          const both = [v.note, v.otherNotes].join(' | ');
          assert(both.includes('A：买家同意补差价') && both.includes('B：仓库说已签收'), `${who} shows both: ${both}`);
        }
        await sidebarFrame(pageA).getByTestId('other-notes').scrollIntoViewIfNeeded();
        await shot(pageA, shotsDir, 'team-both-notes');
      },
    );

    await run.check('cases imported in a browser that shares cases reach the server (10,000)', async () => {
      await a.options.getByTestId('sync-disable').click();
      await settled(a.options);
      const rejoined = await joinTeam(a.options, team.xiaowang('小王'));
      assertEqual(rejoined, 'synced', `A shares cases (${await a.options.getByTestId('sync-state').textContent()})`);
      const imported = await sendFrom(a.options, { type: 'data/import', text: JSON.stringify(casesBackup(10_000)) });
      assert(imported.ok, `import: ${JSON.stringify(imported).slice(0, 200)}`);
      await waitFor(
        async () =>
          (await syncNow(a.options)) === 'synced' &&
          (await a.options.getByTestId('sync-state').textContent()).includes('已同步'),
        { timeout: 80_000, message: 'A pushed' },
      );
    });

    await run.check(
      'an empty profile receives the 10,000 cases; its worker stopped mid-sync resumes without loss or duplicates',
      async () => {
        const c = await staffBrowser({ extensionPath: ext, backendPort: backend.port });
        try {
          const count = () => ledger(c.options, async (all) => (await all('cases')).length);
          await joinTeam(c.options, team.xiaoli('小李（新电脑）'), { wait: false });
          // Stopped as Chrome stops an idle worker, while the cases are still coming in.
          const mid = await waitFor(
            async () => {
              const n = await count();
              return n > 0 && n;
            },
            { timeout: 60_000, interval: 50, message: 'the first cases arrive' },
          );
          await stopServiceWorker(c.context, c.options);
          await waitFor(async () => (await syncNow(c.options)) === 'synced' && (await count()) >= 10_000, {
            timeout: 80_000,
            message: 'C converged',
          });
          const [cases, firstSeen, seenBy] = await ledger(c.options, async (all) => {
            const recs = await all('cases');
            return [
              recs.length,
              (await all('events')).filter((e) => e.type === 'first-seen').length,
              recs.find((r) => r.key === 'taobao:700000000000000')?.team?.seenBy?.by,
            ];
          });
          assert(mid < 10_000, `the worker was stopped mid-sync (${mid} of 10,000 in)`);
          assert(cases >= 10_000, `C holds ${cases}`);
          assertEqual(firstSeen, cases, 'each case recorded once');
          assertEqual(seenBy, '小王', 'who read it');
        } finally {
          await c.close();
        }
      },
    );
    await run.check('turning sync off stops all traffic and keeps the local data', async () => {
      const before = await ledger(a.options, async (all) => (await all('cases')).length);
      // Turned off with a run under way: its requests stop too.
      void sendFrom(a.options, { type: 'sync/now' });
      await a.options.getByTestId('sync-disable').click();
      assertEqual(await settled(a.options), 'off', 'state');
      await a.options.waitForTimeout(300);
      // A's requests (小李's browser B is still syncing).
      const fromA = async () => (await server.requests()).filter((r) => r.user === team.users[0]).length;
      const sent = await fromA();
      await openCase(pageA, target.disputeId);
      await writeNote(pageA, '关闭同步后写的备注');
      await sendFrom(a.options, { type: 'sync/now' });
      await pageA.waitForTimeout(2500);
      assertEqual(await fromA(), sent, "A's requests at the server after turning off");
      assertEqual(await ledger(a.options, async (all) => (await all('cases')).length), before, 'cases kept');
      assertEqual((await teamView(pageA)).note, '关闭同步后写的备注', 'the note saved locally');
    });
  } finally {
    await a.close();
    await b.close();
    await server.close();
  }
}
