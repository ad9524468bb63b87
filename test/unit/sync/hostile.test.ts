/**
 * A colleague's bad write never costs the team: documents written straight into the team's database
 * (a buggy client, a careless colleague, a stolen password) are checked one by one, refused alone with
 * a reason, and never cost this browser its own data or its readings of the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy, SHOP_KEY, HOURS_KEY, RULES_KEY } from '../../../lib/storage/policy-store';
import { loadTaught, teach } from '../../../lib/storage/taught';
import { upsertCases } from '../../../lib/storage/cases';
import { checkTeamDoc } from '../../../lib/sync/validate';
import { INCOMING_CHUNK } from '../../../lib/sync/replicator';
import { commitmentId } from '../../../lib/sync/shop-docs';
import { emptyTeamCase } from '../../../lib/sync/team-case';
import { statusMark, statusText } from '../../../lib/ui/team';
import { claimsText } from '../../../lib/ui/format';
import type { CommitmentEntry } from '../../../lib/engine/policy';
import { changeText, loadTeamChanges } from '../../../lib/sync/team-changes';
import { listSource, snapshotOf } from '../storage/snapshots';
import { at, browser, closeAll, readList, server, T0 } from './peers';
import { toChinaIso } from '../../../lib/shared/china-time';

afterEach(closeAll);

const iso = (min: number) => toChinaIso(at(min));
const SELLER = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
const caseDoc = (key: string, patch: object = {}) => ({ _id: `case:${key}`, ...emptyTeamCase(key), ...patch });
const snapDoc = (id: string, snapshot: object, readAt: string, url = SELLER) => ({
  _id: `snap:taobao:${id}`,
  type: 'snap',
  key: `taobao:${id}`,
  snapshot: { ...snapshotOf(id), ...snapshot },
  source: { page: 'refund-list', url, readAt },
  by: '坏同事',
  at: readAt,
});

describe('one document from the team, checked alone', () => {
  const ctx = { now: at(0) };
  const refusedFor = (doc: object, c: { now: number; platform?: 'taobao' | 'tmall' } = ctx) => {
    const r = checkTeamDoc(doc, c);
    return r.ok ? undefined : r.reason;
  };

  it('takes what our own UI writes', () => {
    expect(checkTeamDoc(caseDoc('taobao:1001', { note: { value: '已联系', by: '小王', at: iso(0) } }), ctx).ok).toBe(
      true,
    );
    expect(checkTeamDoc(snapDoc('1001', {}, iso(0)), ctx).ok).toBe(true);
    // Two computers' clocks disagree a little.
    expect(checkTeamDoc(snapDoc('1001', {}, iso(5)), ctx).ok).toBe(true);
  });

  it('refuses times from the future or from before 2003', () => {
    expect(refusedFor(snapDoc('1001', {}, '9999-12-31T23:59:59+08:00'))).toContain('晚于本机时钟');
    expect(refusedFor(caseDoc('taobao:1001', { handled: { value: true, by: 'x', at: iso(60) } }))).toContain(
      '晚于本机时钟',
    );
    expect(
      refusedFor(caseDoc('taobao:1001', { claims: { 小王: { value: true, at: '1999-01-01T00:00:00+08:00' } } })),
    ).toContain('早于 2003');
    expect(refusedFor(snapDoc('1001', { appliedAt: '2990-01-01T00:00:00+08:00' }, iso(0)))).toContain('晚于');
  });

  it('refuses sizes no staff can produce', () => {
    const claims = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`人${i}`, { value: true, at: iso(0) }]));
    expect(refusedFor(caseDoc('taobao:1001', { claims }))).toContain('认领人数');
    expect(refusedFor(caseDoc('taobao:1001', { note: { value: 'x'.repeat(5001), by: '小王', at: iso(0) } }))).toContain(
      '格式不符',
    );
  });

  it('refuses a document whose id names another item than it carries, or a case of another platform', () => {
    expect(refusedFor({ ...caseDoc('taobao:1002'), _id: 'case:taobao:1001' })).toContain('编号与内容不符');
    expect(refusedFor({ ...snapDoc('1001', { disputeId: '1002' }, iso(0)) })).toContain('单号与文档不符');
    expect(refusedFor(caseDoc('taobao:1001'), { now: at(0), platform: 'tmall' })).toContain('不是本店平台');
    const reply = { id: 'r1', title: 't', category: 'c', body: 'b', order: 1, updatedAt: iso(0) };
    expect(refusedFor({ _id: 'reply:r2', type: 'reply', id: 'r2', reply, by: '小王', at: iso(0) })).toContain(
      '模板编号',
    );
  });

  it('refuses a shared case whose source is not a seller page', () => {
    expect(refusedFor(snapDoc('1001', {}, iso(0), 'https://evil.example/refund'))).toContain('不是卖家后台');
    expect(refusedFor(snapDoc('1001', {}, iso(0), 'http://myseller.taobao.com/x'))).toContain('不是卖家后台');
  });

  it('refuses rule values outside what the options page and the platform allow', () => {
    const rules = (value: object) => ({ _id: 'shop:rules', type: 'rules', value, by: '小王', at: iso(0) });
    expect(refusedFor(rules({ 'compensation.late-shipment-taobao': { percent: 1_000_000 } }))).toContain('超出范围');
    expect(refusedFor(rules({ 'no.such-rule': { hours: 1 } }))).toContain('没有这条规则');
    expect(refusedFor(rules({ 'deadline.buyer-return': { percent: 1 } }))).toContain('没有参数');
    expect(refusedFor(rules({ 'compensation.late-shipment-taobao': { minFen: 5000, maxFen: 100 } }))).toContain(
      '最低额',
    );
    expect(refusedFor(rules({ 'compensation.late-shipment-taobao': { percent: 50 } }))).toBeUndefined();
  });
});

describe('a hostile colleague against a second browser', () => {
  it('clips an over-limit collection of taught labels to its own and the newest, and writes no removal of the team’s labels', async () => {
    const remote = server();
    const victim = browser('小李');
    for (const label of ['工单号甲', '工单号乙', '工单号丙'])
      expect(await teach(victim.db, 'myseller.taobao.com', label, 'disputeId')).toBeUndefined();
    await victim.team.run(remote, at(0));
    const extra = Array.from({ length: 100 }, (_, i) => ({
      _id: `taught:myseller.taobao.com:多余标签${String.fromCharCode(0x4e00 + i)}`,
      type: 'taught',
      host: 'myseller.taobao.com',
      label: `多余标签${String.fromCharCode(0x4e00 + i)}`,
      meaning: 'ignore',
      by: '坏同事',
      at: iso(1),
    }));
    await remote.bulkDocs(extra);
    const status = await victim.team.run(remote, at(2));
    const labels = (await loadTaught(victim.db))['myseller.taobao.com'] ?? {};
    expect(Object.keys(labels)).toHaveLength(100);
    // This browser's own labels stay; the newest of the flood fill the rest.
    expect(labels).toMatchObject({ 工单号甲: 'disputeId', 工单号乙: 'disputeId', 工单号丙: 'disputeId' });
    expect(status.refused).toBe(3);
    // Run again: nothing of the team's labels is removed by this browser.
    await victim.team.run(remote, at(3));
    const live = (await remote.allDocs({ include_docs: true, startkey: 'taught:', endkey: 'taught:\uffff' })).rows
      .map((r) => r.doc as unknown as { meaning: string | null })
      .filter((d) => d.meaning !== null);
    expect(live).toHaveLength(103);
  });

  it('keeps the shop name and working hours when 501 commitments arrive, with the newest 500 commitments', async () => {
    const remote = server();
    const victim = browser('小李', false, loadPolicy);
    await victim.db.settings.put({ key: SHOP_KEY, value: { shopName: '清河小店', returnAddress: '杭州市' } });
    await victim.db.settings.put({ key: HOURS_KEY, value: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' } });
    await victim.team.run(remote, at(0));
    const docs = Array.from({ length: 501 }, (_, i) => {
      const entry = { type: 'seven-day', days: i % 365, enabled: true, effectiveFrom: toChinaIso(T0 - i * 86_400_000) };
      return { _id: commitmentId(entry as never), type: 'commitment', entry, by: '坏同事', at: iso(1) };
    });
    await remote.bulkDocs(docs);
    await victim.team.run(remote, at(2));
    const policy = await loadPolicy(victim.db);
    expect(policy.shopName).toBe('清河小店');
    expect(policy.returnAddress).toBe('杭州市');
    expect(policy.workingHours?.start).toBe('09:00');
    expect(policy.commitments.length).toBe(500);
  });

  it("after a flood fills the commitments, a colleague's newer commitment still arrives, and this browser's own stay", async () => {
    const remote = server();
    const victim = browser('小李', false, loadPolicy);
    const own = { type: 'fake-3x', enabled: true, effectiveFrom: iso(-10) } as CommitmentEntry;
    await victim.db.policies.put(own);
    await victim.team.run(remote, at(0));
    const flood = Array.from({ length: 501 }, (_, i) => {
      const entry = { type: 'seven-day', days: i % 365, enabled: true, effectiveFrom: toChinaIso(T0 - i * 86_400_000) };
      return { _id: commitmentId(entry as never), type: 'commitment', entry, by: '坏同事', at: iso(1) };
    });
    await remote.bulkDocs(flood);
    await victim.team.run(remote, at(2));
    const promise = { type: 'return-promise', days: 30, postagePaidBy: 'seller', enabled: true, effectiveFrom: iso(3) };
    await remote.bulkDocs([
      { _id: commitmentId(promise as never), type: 'commitment', entry: promise, by: '小王', at: iso(3) },
    ]);
    await victim.team.run(remote, at(4));
    const types = (await loadPolicy(victim.db)).commitments.map((c) => c.type);
    expect(types).toContain('return-promise');
    expect(types).toContain('fake-3x');
  });

  it('refuses a 9999 reading alone; a reading here beats a shared one; shared readings still add cases and fill fields', async () => {
    const remote = server();
    const victim = browser('小李', true);
    await readList(victim.db, ['1001'], 0);
    await victim.team.run(remote, at(1));
    // This browser shared its own reading of 1001: the attacker writes over it.
    await remote.bulkDocs([
      {
        ...snapDoc('1001', { status: 'SUCCESS', statusText: '退款成功' }, '9999-12-31T23:59:59+08:00'),
        _rev: (await remote.get('snap:taobao:1001'))._rev,
      },
      snapDoc('1002', { item: '羊毛围巾' }, iso(2)),
    ]);
    const status = await victim.team.run(remote, at(3));
    expect(status.refused).toBe(1);
    expect(status.refusals?.[0]).toMatchObject({ id: 'snap:taobao:1001', by: '坏同事' });
    expect((await victim.db.cases.get('taobao:1001'))?.status).toBe('WAIT_SELLER_AGREE');
    expect((await victim.db.cases.get('taobao:1002'))?.item).toBe('羊毛围巾');

    // A shared reading within the clock's skew, stamped after the page was read: it fills the item the
    // list does not show, never the status the page shows.
    const rev = (await remote.get('snap:taobao:1001'))._rev;
    await remote.put({
      ...snapDoc('1001', { status: 'SUCCESS', statusText: '退款成功', item: '真丝衬衫' }, iso(8)),
      _rev: rev,
    });
    const after = await victim.team.run(remote, at(4));
    expect(after.refused ?? 0).toBe(0);
    let rec = await victim.db.cases.get('taobao:1001');
    expect(rec?.status).toBe('WAIT_SELLER_AGREE');
    expect(rec?.open).toBe(1);
    expect(rec?.item).toBe('真丝衬衫');
    // Case 1002 came from a colleague: this browser's reading of its page, older stamp or not, wins.
    await upsertCases(
      victim.db,
      [snapshotOf('1002', { status: 'CLOSED', statusText: '退款关闭' })],
      listSource(iso(1)),
    );
    rec = await victim.db.cases.get('taobao:1002');
    expect(rec?.status).toBe('CLOSED');
    expect(rec?.item).toBe('羊毛围巾');
  });

  it("refuses a document whose id names one case and whose content another: the other case's note stays", async () => {
    const remote = server();
    const a = browser('小王');
    const victim = browser('小李');
    await readList(a.db, ['1001', '1002']);
    await readList(victim.db, ['1001', '1002']);
    await a.team.staff('taobao:1002', { note: '真实备注' }, at(1));
    await a.team.run(remote, at(2));
    await victim.team.run(remote, at(3));
    await remote.put(caseDoc('taobao:1002', { _id: 'case:taobao:1001', note: { value: '篡改', by: 'x', at: iso(3) } }));
    const status = await victim.team.run(remote, at(4));
    expect((await victim.db.cases.get('taobao:1002'))?.staff?.note).toBe('真实备注');
    expect(status.refusals?.map((r) => r.id)).toEqual(['case:taobao:1001']);
    // Good documents keep arriving, and a good revision of the refused one clears its refusal.
    await a.team.staff('taobao:1001', { note: '后来的好备注' }, at(5));
    await a.team.run(remote, at(6));
    const later = await victim.team.run(remote, at(7));
    expect((await victim.db.cases.get('taobao:1001'))?.staff?.note).toBe('后来的好备注');
    expect(later.refused ?? 0).toBe(0);
  });

  it("a refused case document is no base: claiming the case keeps the team's good data and pushes no flood", async () => {
    const remote = server();
    const a = browser('小王');
    const victim = browser('小李');
    await readList(a.db, ['1001']);
    await readList(victim.db, ['1001']);
    await a.team.staff('taobao:1001', { note: '仓库已签收', claim: true }, at(1));
    await a.team.run(remote, at(2));
    await victim.team.run(remote, at(3));
    const had = await remote.get('case:taobao:1001');
    const claims = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`人${i}`, { value: true, at: iso(3) }]));
    await remote.put({ ...caseDoc('taobao:1001', { claims }), _rev: had._rev });
    await victim.team.run(remote, at(4));
    await victim.team.staff('taobao:1001', { claim: true }, at(5));
    await victim.team.run(remote, at(6));
    const pushed = (await remote.get('case:taobao:1001')) as unknown as {
      claims: Record<string, unknown>;
      note?: { value: string };
    };
    expect(Object.keys(pushed.claims).sort()).toEqual(['小李', '小王']);
    expect(pushed.note?.value).toBe('仓库已签收');
  });

  it('a flood of conflicting revisions on the server costs nothing here; local conflicts merge within a bound', async () => {
    const remote = server();
    const victim = browser('小李');
    await readList(victim.db, ['1001', '1002']);
    await victim.team.run(remote, at(0));
    const revs = (key: string) =>
      Array.from({ length: 200 }, (_, i) => ({
        ...caseDoc(key, {
          claims: { [`同事${i % 20}`]: { value: true, at: iso(1 + (i % 7)) } },
          log: [{ type: 'claim', at: iso(1 + (i % 7)), by: `同事${i % 20}`, to: '认领' }],
        }),
        _rev: `1-${(i + 1).toString(16).padStart(32, '0')}`,
      }));
    await remote.bulkDocs(revs('taobao:1001'), { new_edits: false });
    await victim.team.run(remote, at(9));
    // Only the winning revision came.
    expect((await victim.local.get('case:taobao:1001', { conflicts: true }))._conflicts ?? []).toEqual([]);
    expect((await victim.db.cases.get('taobao:1001'))?.team?.claims).toHaveLength(1);
    // Conflicts already held here (as an older version pulled them): merged within the bound, and said.
    await victim.local.bulkDocs(revs('taobao:1002'), { new_edits: false });
    const status = await victim.team.run(remote, at(10));
    const claims = (await victim.db.cases.get('taobao:1002'))?.team?.claims ?? [];
    expect(claims.length).toBeGreaterThan(1);
    expect(claims.length).toBeLessThanOrEqual(20);
    expect(status.refusals?.[0]?.reason).toContain('冲突版本过多');
    // Good documents keep arriving after it.
    await remote.put(
      caseDoc('taobao:1001', {
        _rev: (await remote.get('case:taobao:1001'))._rev,
        note: { value: '好备注', by: '小王', at: iso(10) },
      }),
    );
    await victim.team.run(remote, at(11));
    expect((await victim.db.cases.get('taobao:1001'))?.staff?.note).toBe('好备注');
  });

  it("a rules document out of range is refused; the shop's own rules stay and are written back", async () => {
    const remote = server();
    const victim = browser('小李');
    await victim.db.settings.put({ key: RULES_KEY, value: { 'compensation.late-shipment-taobao': { percent: 6 } } });
    await victim.team.run(remote, at(0));
    const had = await remote.get('shop:rules');
    await remote.put({
      _id: 'shop:rules',
      _rev: had._rev,
      type: 'rules',
      value: { 'compensation.late-shipment-taobao': { percent: 1_000_000 } },
      by: '坏同事',
      at: iso(1),
    });
    const status = await victim.team.run(remote, at(2));
    expect(status.refusals?.[0]?.reason).toContain('超出范围');
    expect((await victim.db.settings.get(RULES_KEY))?.value).toEqual({
      'compensation.late-shipment-taobao': { percent: 6 },
    });
    expect(((await remote.get('shop:rules')) as unknown as { value: unknown }).value).toEqual({
      'compensation.late-shipment-taobao': { percent: 6 },
    });
  });
});

describe('an incoming run never blocks the sidebar', () => {
  it('1,000 colleagues’ notes are applied a chunk at a time, what came before each pause already in the ledger', async () => {
    const remote = server();
    const ids = Array.from({ length: 1000 }, (_, i) => String(5000 + i));
    const noted: number[] = [];
    const victim = browser('小李', false, undefined, async (db) => {
      // What a sidebar asking between two chunks would get from the ledger.
      noted.push(await db.cases.filter((c) => c.staff?.note === '已联系').count());
    });
    await readList(victim.db, ids);
    await victim.team.run(remote, at(0));
    noted.length = 0;
    await remote.bulkDocs(
      ids.map((id) => caseDoc(`taobao:${id}`, { note: { value: '已联系', by: '小王', at: iso(1) } })),
    );
    const status = await victim.team.run(remote, at(2));
    expect(status.received).toBeGreaterThanOrEqual(1000);
    expect(noted.at(-1)).toBe(1000);
    // Given back at least once per chunk, and never more than a chunk applied between two pauses.
    expect(noted.length).toBeGreaterThanOrEqual(1000 / INCOMING_CHUNK);
    const steps = noted.map((n, i) => n - (noted[i - 1] ?? 0));
    expect(Math.max(...steps)).toBeLessThanOrEqual(INCOMING_CHUNK);
    expect(steps.every((d) => d >= 0)).toBe(true);
  });
});

describe('what staff are told', () => {
  it('the status says how many colleagues’ documents were not taken; a row lists a bounded number of claims', () => {
    const status = { state: 'synced' as const, pending: 0, at: iso(0), refused: 3 };
    expect(statusText(status)).toContain('已同步 12-03 10:00 · 3 条同事数据未采用');
    expect(statusMark(status).tone).toBe('wait');
    expect(statusText({ ...status, refused: 0 })).not.toContain('未采用');
    const claims = Array.from({ length: 5000 }, (_, i) => ({ by: `人${i}`, at: iso(0) }));
    expect(claimsText(claims).split(' · ')).toHaveLength(4);
    expect(claimsText(claims)).toContain('另有 4997 人认领');
  });

  it("a colleague's change to the rules and commitments is kept with who, when, before and after", async () => {
    const remote = server();
    const a = browser('小王');
    const b = browser('小李');
    await a.team.run(remote, at(0));
    await b.team.run(remote, at(0));
    await a.db.settings.put({ key: RULES_KEY, value: { 'compensation.late-shipment-taobao': { percent: 50 } } });
    const promise: CommitmentEntry = { type: 'shipping-promise', hours: 24, enabled: true, effectiveFrom: iso(0) };
    await a.db.policies.add(promise);
    const returns: CommitmentEntry = {
      type: 'return-promise',
      days: 30,
      postagePaidBy: 'seller',
      enabled: true,
      effectiveFrom: iso(0),
    };
    await a.db.policies.add(returns);
    // As the background does when the options page saves.
    await a.team.shareShop(at(2));
    await a.team.run(remote, at(2));
    const status = await b.team.run(remote, at(3));
    expect(status.lastChange).toContain('修改了');
    const texts = (await loadTeamChanges(b.db)).map(changeText);
    expect(texts).toContain('小王 12-03 10:02 修改了平台规则：淘宝延迟发货赔付 比例 5% → 50%');
    expect(texts).toContain('小王 12-03 10:02 修改了服务承诺：发货时间承诺 无 → 开启 24 小时（2026-12-03 起）');
    expect(texts).toContain('小王 12-03 10:02 修改了服务承诺：退货承诺 无 → 开启 30 天 运费商家承担（2026-12-03 起）');
    // Nothing is said to the browser that made the change.
    expect(await loadTeamChanges(a.db)).toEqual([]);
  });
});

describe('a bad local read never costs the team', () => {
  it('a stored part that fails validation here is neither written back nor turned into removals', async () => {
    const remote = server();
    const a = browser('小王');
    const victim = browser('小李');
    expect(await teach(a.db, 'myseller.taobao.com', '工单流水号', 'disputeId')).toBeUndefined();
    const reply = { id: 'r1', title: '催寄回', category: '退货', body: '亲', order: 1, updatedAt: iso(0) };
    await a.db.replies.put(reply);
    await a.team.run(remote, at(1));
    await victim.team.run(remote, at(2));
    // The victim's stored labels and a template go bad (a bug, a hand-edited import).
    await victim.db.settings.put({ key: 'taughtLabels', value: { 'evil.example': { x: 'ignore' } } });
    await victim.db.replies.put({ ...reply, id: 'r2', title: 'x'.repeat(500) });
    await victim.team.run(remote, at(3));
    await a.team.run(remote, at(4));
    expect(await loadTaught(a.db)).toEqual({ 'myseller.taobao.com': { 工单流水号: 'disputeId' } });
    expect((await a.db.replies.toArray()).map((r) => r.id)).toContain('r1');
  });

  it('a broken part of the shop settings keeps its siblings', async () => {
    const db = browser('小李').db;
    await db.settings.put({ key: SHOP_KEY, value: { shopName: '清河小店', returnAddress: 'x'.repeat(500) } });
    await db.settings.put({ key: HOURS_KEY, value: { days: [1, 2, 3], start: '09:00', end: '18:00' } });
    await db.settings.put({ key: RULES_KEY, value: { 'deadline.buyer-return': { hours: 'many' } } });
    const policy = await loadPolicy(db);
    expect(policy.shopName).toBe('清河小店');
    expect(policy.returnAddress).toBeUndefined();
    expect(policy.workingHours?.start).toBe('09:00');
    expect(policy.ruleOverrides).toBeUndefined();
  });
});
