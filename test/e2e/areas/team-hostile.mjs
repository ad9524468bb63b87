// End-to-end area: a hostile colleague. The team's two profiles (小王, 小李) and the sync server, as in
// the team area; a staff account with valid credentials (a buggy client, a careless colleague or a
// stolen password) writes bad documents straight to the server over HTTP. 小李's browser (the victim)
// keeps its data and its readings of the page, says what it did not take, and good documents keep coming.
import { demoTeam, joinTeam, staffBrowser, syncNow } from '../../../scripts/team.mjs';
import {
  assert,
  assertEqual,
  EXTENSION,
  ledger,
  M,
  putInLedger,
  sendFrom,
  shot,
  sidebar,
  sidebarFrame,
  waitFor,
} from '../harness.mjs';

const HOST = 'myseller.taobao.com';
const chinaIso = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';

/** The shop database over HTTP, as any member's client could write it. */
function couch(team) {
  const { username, password } = team.xiaowang('小王');
  const base = `${team.server.url}/${team.database}`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
    'content-type': 'application/json',
  };
  const call = async (path, body) => {
    const res = await fetch(`${base}/${path}`, { method: body ? 'POST' : 'GET', headers, body: JSON.stringify(body) });
    const text = await res.text();
    assert(res.ok, `${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  return {
    /** The current revision of each of these documents (to write over them). */
    async revs(ids) {
      const { rows } = await call('_all_docs', { keys: ids });
      return new Map(rows.filter((r) => r.value).map((r) => [r.id, r.value.rev]));
    },
    /** Write these documents over whatever the server has of them. */
    async write(docs) {
      const revs = await this.revs(docs.map((d) => d._id));
      await call('_bulk_docs', {
        docs: docs.map((d) => ({ ...d, ...(revs.has(d._id) ? { _rev: revs.get(d._id) } : {}) })),
      });
    },
    /** One document as the server has it. */
    get: (id) => call(encodeURIComponent(id)),
    /** The documents whose ids start with this. */
    async prefixed(prefix) {
      const range = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\uffff`))}`;
      return (await call(`_all_docs?include_docs=true&${range}`)).rows.map((r) => r.doc);
    },
    /** Revisions written as if replicated from elsewhere: they become conflicts of one another. */
    async conflicting(docs) {
      await call('_bulk_docs', { docs, new_edits: false });
    },
  };
}

/** A commitment document's id as every client names it (lib/sync/shop-docs.ts `commitmentId`). */
function commitmentId(entry) {
  const body = JSON.stringify(Object.fromEntries(Object.entries(entry).sort(([x], [y]) => x.localeCompare(y))));
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193) >>> 0;
  return `commitment:${entry.type}:${entry.effectiveFrom}:${h.toString(36)}`;
}

const refundPage = (id) => `${M}/refund-list/detail?disputeId=${id}&type=1`;

/** @param {import('../harness.mjs').Session} session */
export default async function teamHostileArea({ run, backend, shotsDir }) {
  const team = await demoTeam(EXTENSION);
  const ext = team.extensionPath;
  const a = await staffBrowser({ extensionPath: ext, backendPort: backend.port });
  const b = await staffBrowser({ extensionPath: ext, backendPort: backend.port });
  const pageB = await b.context.newPage();
  const server = couch(team);
  const open = backend.cases.filter(
    (c) => c.platform === 'taobao' && c.kind === 'refund' && c.status === 'WAIT_SELLER_AGREE',
  );
  const [target, second, third] = open;
  const caseOf = (id) =>
    ledger(b.options, async (all, key) => (await all('cases')).find((r) => r.key === key), `taobao:${id}`);
  const now = Date.now();
  try {
    await run.check('the victim holds its data: labels, shop settings, a rule, the cases it read', async () => {
      assertEqual(await joinTeam(a.options, team.xiaowang('小王', true)), 'synced', 'A joined');
      assertEqual(await joinTeam(b.options, team.xiaoli('小李', true)), 'synced', 'B joined');
      for (const label of ['工单流水号', '售后编码'])
        assert(
          (await sendFrom(b.options, { type: 'labels/teach', host: HOST, label, meaning: 'disputeId' })).ok,
          label,
        );
      await putInLedger(b.options, 'settings', {
        key: 'shop',
        value: { shopName: '清河小店', returnAddress: '杭州市余杭区' },
      });
      await putInLedger(b.options, 'settings', {
        key: 'workingHours',
        value: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
      });
      await putInLedger(b.options, 'settings', {
        key: 'ruleOverrides',
        value: { 'compensation.late-shipment-taobao': { percent: 6 } },
      });
      await b.options.evaluate(() => chrome.storage.local.set({ policyVersion: Date.now() }));
      for (const c of [target, second]) {
        await pageB.goto(refundPage(c.disputeId));
        await waitFor(async () => (await sidebar(pageB)).caseView === c.disputeId, {
          message: `B reads ${c.disputeId}`,
        });
      }
      await waitFor(
        async () => (await syncNow(b.options)) === 'synced' && (await caseOf(target.disputeId))?.open === 1,
        {
          message: 'B synced',
        },
      );
    });

    await run.check(
      "a colleague's commitment change is said with before and after, and undone from the victim's options",
      async () => {
        // 小王 turns on a 退货承诺 in his browser (as his options page saves it); it reaches the team.
        const entry = {
          type: 'return-promise',
          days: 30,
          postagePaidBy: 'seller',
          enabled: true,
          effectiveFrom: chinaIso(Date.now() - 60_000),
        };
        await putInLedger(a.options, 'policies', entry);
        await a.options.evaluate(() => chrome.storage.local.set({ policyVersion: Date.now() }));
        await waitFor(
          async () => (await syncNow(a.options)) === 'synced' && (await server.revs([commitmentId(entry)])).size === 1,
          { message: "A's commitment on the server" },
        );
        await b.options.reload();
        const change = b.options.getByTestId('team-changes').locator('li[data-kind=commitment]').first();
        await waitFor(
          async () => {
            await syncNow(b.options);
            return (await change.textContent({ timeout: 1000 }).catch(() => ''))?.includes('退货承诺');
          },
          { timeout: 40_000, message: 'the commitment change said' },
        );
        const said = await change.textContent();
        assert(
          /小王 \d\d-\d\d \d\d:\d\d 修改了服务承诺：退货承诺 无 → 开启 30 天 运费商家承担（\d{4}-\d\d-\d\d 起）/.test(
            said,
          ),
          said,
        );
        const inForce = async (page) => {
          const { commitments } = (await sendFrom(page, { type: 'policy/get' })).value;
          return commitments
            .filter((c) => c.type === 'return-promise')
            .sort((x, y) => Date.parse(x.effectiveFrom) - Date.parse(y.effectiveFrom))
            .at(-1);
        };
        assertEqual((await inForce(b.options))?.enabled, true, "B follows A's promise");
        await change.getByTestId('team-change-undo').click();
        await waitFor(async () => (await change.textContent()).includes('已撤销'), { message: 'marked undone' });
        assertEqual((await inForce(b.options))?.enabled, false, 'undone in B: the promise is off from now on');
        // The undo reaches the team as a newer entry (commitments keep their dated history), and A follows.
        await waitFor(
          async () => {
            await syncNow(b.options);
            const docs = await server.prefixed('commitment:return-promise:');
            return docs.some((d) => d.entry.enabled === false && d.by === '小李');
          },
          { timeout: 40_000, message: 'the undo reaches the team' },
        );
        await waitFor(
          async () => {
            await syncNow(a.options);
            return (await inForce(a.options))?.enabled === false;
          },
          { timeout: 40_000, message: "A's browser follows the undo" },
        );
        assertEqual((await inForce(a.options)).days, 30, 'the same promise, turned off');
      },
    );

    await run.check('bad documents written straight to the server are refused one by one, and said so', async () => {
      const by = '坏同事';
      const at = chinaIso(now);
      const snap = (c, patch, readAt, url = `${M}/refund-list`) => ({
        _id: `snap:taobao:${c.disputeId}`,
        type: 'snap',
        key: `taobao:${c.disputeId}`,
        snapshot: {
          platform: 'taobao',
          disputeId: c.disputeId,
          kind: 'refund',
          status: 'WAIT_SELLER_AGREE',
          flags: {},
          ...patch,
        },
        source: { page: 'refund-list', url, readAt },
        by,
        at: readAt,
      });
      const closed = { status: 'SUCCESS', statusText: '退款成功', refundFen: 1 };
      const labels = Array.from({ length: 100 }, (_, i) => `多余标签${String.fromCharCode(0x4e00 + i)}`);
      await server.write([
        // One over-limit collection: 100 more taught labels than a site may have.
        ...labels.map((label) => ({
          _id: `taught:${HOST}:${label}`,
          type: 'taught',
          host: HOST,
          label,
          meaning: 'ignore',
          by,
          at,
        })),
        // 501 commitments.
        ...Array.from({ length: 501 }, (_, i) => {
          const entry = {
            type: 'arrival-promise',
            days: (i % 90) + 1,
            enabled: true,
            effectiveFrom: chinaIso(now - (i + 1) * 86_400_000),
          };
          return { _id: commitmentId(entry), type: 'commitment', entry, by, at };
        }),
        // A shared reading from the year 9999 closing the case, and one within the clock's skew.
        snap(target, closed, '9999-12-31T23:59:59+08:00'),
        snap(second, closed, chinaIso(now + 5 * 60_000)),
        // A shared case whose source is a foreign site.
        snap(third, {}, at, 'https://evil.example/refund-list'),
        // An absurd rule.
        {
          _id: 'shop:rules',
          type: 'rules',
          value: { 'compensation.late-shipment-taobao': { percent: 1_000_000 } },
          by,
          at,
        },
        // A document whose id names one case and whose content another.
        {
          _id: `case:taobao:${second.disputeId}`,
          type: 'case',
          key: `taobao:${target.disputeId}`,
          note: { value: '篡改的备注', by, at },
        },
        // 5,000 claims on one case.
        {
          _id: `case:taobao:${target.disputeId}`,
          type: 'case',
          key: `taobao:${target.disputeId}`,
          claims: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`人${i}`, { value: true, at }])),
        },
      ]);
      // 120 conflicting revisions of one case.
      await server.conflicting(
        Array.from({ length: 120 }, (_, i) => ({
          _id: `case:taobao:${third.disputeId}`,
          _rev: `1-${(i + 1).toString(16).padStart(32, '0')}`,
          type: 'case',
          key: `taobao:${third.disputeId}`,
          claims: { [`同事${i % 12}`]: { value: true, at } },
        })),
      );
      const text = await waitFor(
        async () => {
          await syncNow(b.options);
          const t = await b.options.getByTestId('sync-state').textContent();
          return /已同步.*条同事数据未采用/.test(t) && t;
        },
        { timeout: 60_000, message: 'the refusals said' },
      );
      const n = Number(/(\d+) 条同事数据未采用/.exec(text)[1]);
      assert(n >= 8, `refused: ${text}`);
      const details = b.options.getByTestId('sync-refusals');
      await details.locator('summary').click();
      const list = await details.textContent();
      for (const reason of ['晚于本机时钟', '不是卖家后台', '超出范围', '编号与内容不符', '认领人数', '数量上限'])
        assert(list.includes(reason), `the list gives "${reason}": ${list.slice(0, 600)}`);
      await shot(b.options, shotsDir, 'team-hostile-refusals');
    });

    await run.check('the victim keeps all its data and its page readings', async () => {
      const taught = await sendFrom(b.options, { type: 'labels/taught', host: HOST });
      assert(taught.ok, 'labels read');
      assertEqual(Object.keys(taught.value).length, 100, 'labels within the limit, not emptied');
      assert(taught.value['工单流水号'] === 'disputeId' && taught.value['售后编码'] === 'disputeId', "B's own labels");
      const policy = (await sendFrom(b.options, { type: 'policy/get' })).value;
      assertEqual(policy.shopName, '清河小店', 'shop name');
      assertEqual(policy.returnAddress, '杭州市余杭区', 'return address');
      assertEqual(policy.workingHours?.start, '09:00', 'working hours');
      assert(policy.commitments.length <= 500, `commitments within the limit: ${policy.commitments.length}`);
      assertEqual(policy.ruleOverrides, { 'compensation.late-shipment-taobao': { percent: 6 } }, "B's rules");
      for (const c of [target, second]) {
        const rec = await caseOf(c.disputeId);
        assertEqual([rec?.status, rec?.open], ['WAIT_SELLER_AGREE', 1], `${c.disputeId} as the page shows it`);
        assert(rec.refundFen !== 1, `${c.disputeId} amount as the page shows it`);
      }
      assertEqual(
        await caseOf(third.disputeId).then((r) => r?.lastSource?.url.includes('evil')),
        undefined,
        'no foreign source',
      );
      assertEqual((await caseOf(second.disputeId))?.staff?.note, undefined, 'no note from the mismatched document');
      // The page read again: still what it shows.
      await pageB.goto(refundPage(target.disputeId));
      await waitFor(async () => (await sidebar(pageB)).caseView === target.disputeId, { message: 'the case view' });
      const view = await sidebar(pageB);
      assert(view.caseCountdown, `the countdown is shown: ${view.text.slice(0, 200)}`);
      assert(!view.text.includes('10,000'), 'no absurd compensation');
    });

    await run.check('good documents keep arriving after the bad ones', async () => {
      await server.write([
        {
          _id: `case:taobao:${second.disputeId}`,
          type: 'case',
          key: `taobao:${second.disputeId}`,
          note: { value: '好同事的备注', by: '小王', at: chinaIso(Date.now()) },
        },
      ]);
      await waitFor(
        async () => {
          await syncNow(b.options);
          return (await caseOf(second.disputeId))?.staff?.note === '好同事的备注';
        },
        { timeout: 40_000, message: "the good colleague's note in B" },
      );
      // A colleague's rule change within the ranges is taken, said with before and after, and can be undone.
      await server.write([
        {
          _id: 'shop:rules',
          type: 'rules',
          value: { 'compensation.late-shipment-taobao': { percent: 50 } },
          by: '小王',
          at: chinaIso(Date.now()),
        },
      ]);
      await b.options.reload();
      const change = b.options.getByTestId('team-changes').locator('li[data-kind=rules]').first();
      await waitFor(
        async () => {
          await syncNow(b.options);
          return (await change.textContent().catch(() => ''))?.includes('6% → 50%');
        },
        { timeout: 40_000, message: 'the rule change said' },
      );
      const said = await change.textContent();
      assert(/小王 \d\d-\d\d \d\d:\d\d 修改了平台规则：淘宝延迟发货赔付 比例 6% → 50%/.test(said), said);
      // The sidebar says it too.
      await waitFor(
        async () =>
          (
            await sidebarFrame(pageB)
              ?.locator('[data-testid=team-change]')
              .textContent({ timeout: 1000 })
              .catch(() => '')
          )?.includes('6% → 50%'),
        { timeout: 20_000, message: 'the change in the sidebar' },
      );
      await change.getByTestId('team-change-undo').click();
      await waitFor(
        async () => {
          await syncNow(b.options);
          const rules = await server.get('shop:rules');
          return rules.value?.['compensation.late-shipment-taobao']?.percent === 6;
        },
        { timeout: 40_000, message: 'the undo reaches the team' },
      );
      // A's browser converges too, and took nothing of the bad documents.
      await syncNow(a.options);
      const policyA = (await sendFrom(a.options, { type: 'policy/get' })).value;
      assert(
        (policyA.ruleOverrides?.['compensation.late-shipment-taobao']?.percent ?? 5) <= 100,
        `A's rules: ${JSON.stringify(policyA.ruleOverrides)}`,
      );
    });
  } finally {
    await a.close();
    await b.close();
    await team.server.close();
  }
}
