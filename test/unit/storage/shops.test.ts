/**
 * Several shops in one ledger (issue 32): the v6 upgrade hands what was kept to the first shop, each
 * case is judged by its own shop's promises, and a shop with none gets no promise and says why.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { assess } from '../../../lib/engine/assess';
import { handleMessage } from '../../../entrypoints/background/handlers';
import { TabShops } from '../../../lib/messaging/tab-shops';
import { createDb, NO_DEADLINE, SCHEMA, type RadarDB } from '../../../lib/storage/db';
import { HOURS_KEY, loadCasePolicy, loadPolicy, RULES_KEY, SHOP_KEY } from '../../../lib/storage/policy-store';
import { listShops, shopKey } from '../../../lib/storage/shops';
import type { CaseSnapshot } from '../../../lib/shared/types';

let db: RadarDB | undefined;
let n = 0;
afterEach(async () => db?.delete());

const LATEST = Math.max(...Object.keys(SCHEMA).map(Number));
const AT = '2026-12-01T09:00:00+08:00';
const SOURCE = { page: 'refund-list', url: 'https://myseller.taobao.com/x', readAt: AT };
const record = (id: string) => ({
  key: `taobao:${id}`,
  platform: 'taobao',
  disputeId: id,
  kind: 'refund',
  status: 'WAIT_SELLER_AGREE',
  flags: {},
  firstSeenAt: AT,
  lastSeenAt: AT,
  lastSource: SOURCE,
  open: 1,
  deadlineAt: NO_DEADLINE,
  staff: { note: '已联系买家' },
});
const quality = (amountFen: number, shop?: string) => ({
  type: 'quality-promise' as const,
  amountFen,
  enabled: true,
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  ...(shop ? { shop } : {}),
});
const HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

/** A ledger as v5 (today's schema) left it: cases, timeline, settings, commitments, templates. */
async function ledgerAtV5(name: string, shopSetting: Record<string, unknown>): Promise<void> {
  const old = new Dexie(name);
  for (let v = 1; v <= 5; v++) old.version(v).stores(SCHEMA[v as keyof typeof SCHEMA]);
  await old.open();
  await old.table('cases').bulkPut([record('287140000000001'), record('287140000000002')]);
  await old.table('events').bulkAdd([
    { caseKey: 'taobao:287140000000001', type: 'first-seen', at: AT },
    { caseKey: 'taobao:287140000000001', type: 'note', at: AT, to: '已联系买家' },
  ]);
  await old.table('settings').bulkPut([
    { key: SHOP_KEY, value: shopSetting },
    { key: RULES_KEY, value: { 'deadline.return-refund-agree': { hours: 96 } } },
    { key: HOURS_KEY, value: HOURS },
    { key: 'cockpitStaleHours', value: 8 },
  ]);
  await old.table('policies').add(quality(2000));
  await old
    .table('replies')
    .put({ id: 'own-1', title: '问候', category: '通用', body: '您好', order: 1, updatedAt: AT });
  old.close();
}

describe('the v6 upgrade: the ledger and settings kept so far become the first shop’s', () => {
  it('with the shop named in the options: every case is its, its settings and commitments unchanged, nothing lost', async () => {
    const name = `shops-up-${++n}`;
    await ledgerAtV5(name, { shopName: '青禾小铺', platform: 'taobao', staffName: '小王' });
    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await listShops(db)).toEqual([{ name: '青禾小铺', platform: 'taobao', primary: 1 }]);
    const cases = await db.cases.toArray();
    expect(cases.map((c) => [c.disputeId, c.shop, c.staff?.note])).toEqual([
      ['287140000000001', '青禾小铺', '已联系买家'],
      ['287140000000002', '青禾小铺', '已联系买家'],
    ]);
    expect(await db.events.count()).toBe(2);
    expect(await db.replies.count()).toBe(1);
    expect(await db.settings.count()).toBe(4);
    // The shop's promises and settings are what they were, and found by its name.
    const policy = await loadPolicy(db, '青禾小铺');
    expect(policy).toMatchObject({ shopName: '青禾小铺', staffName: '小王', workingHours: HOURS });
    expect(policy.commitments).toEqual([quality(2000)]);
    expect(policy.ruleOverrides).toEqual({ 'deadline.return-refund-agree': { hours: 96 } });
    expect(policy.unsetReason).toBeUndefined();
  });

  it('with no shop named: nothing moves until the first shop a page names adopts it all', async () => {
    const name = `shops-up-${++n}`;
    await ledgerAtV5(name, { staffName: '小王' });
    db = createDb(name);
    await db.open();
    expect(await listShops(db)).toEqual([]);
    expect((await db.cases.toArray()).map((c) => c.shop)).toEqual([undefined, undefined]);
    // Until then the only settings there are still judge every case, as before.
    expect((await loadPolicy(db)).commitments).toEqual([quality(2000)]);
    const seen = {
      type: 'cases/seen',
      source: SOURCE,
      shop: { name: '青禾家居旗舰店', via: 'mark', tmall: true },
      cases: [
        { platform: 'tmall', disputeId: '287140000000009', kind: 'refund', status: 'WAIT_SELLER_AGREE', flags: {} },
      ],
    };
    expect(await handleMessage(db, seen, { tabId: 1, frameId: 0 }, { tabShops: new TabShops() })).toMatchObject({
      ok: true,
    });
    expect(await listShops(db)).toEqual([
      { name: '青禾家居旗舰店', platform: 'tmall', tmall: true, firstSeenAt: AT, primary: 1 },
    ]);
    expect((await db.cases.toArray()).map((c) => c.shop)).toEqual([
      '青禾家居旗舰店',
      '青禾家居旗舰店',
      '青禾家居旗舰店',
    ]);
    expect((await loadPolicy(db, '青禾家居旗舰店')).commitments).toEqual([quality(2000)]);
  });
});

describe('each case is judged by its own shop’s promises', () => {
  const qualityCase: CaseSnapshot = {
    platform: 'taobao',
    disputeId: '287140000000001',
    kind: 'refund',
    status: 'WAIT_SELLER_AGREE',
    refundType: '仅退款',
    reason: '质量问题',
    paidFen: 10000,
    paidAt: '2026-11-20T10:00:00+08:00',
    flags: {},
  };
  const NOW = Date.parse('2026-12-01T10:00:00+08:00');

  async function twoShops() {
    db = createDb(`shops-${++n}`);
    await db.shops.bulkPut([{ name: '青禾小铺', primary: 1 }, { name: '青禾家居旗舰店' }, { name: '新开的店' }]);
    await db.policies.bulkAdd([quality(2000), quality(5000, '青禾家居旗舰店')]);
    await db.settings.put({ key: shopKey(HOURS_KEY, '青禾家居旗舰店', '青禾小铺'), value: HOURS });
    return db;
  }

  it('the same kind of case gets each shop’s own 品质承诺; a shop with none gets none and says why', async () => {
    const ledger = await twoShops();
    const comp = async (shop?: string) => {
      const a = assess({ ...qualityCase, ...(shop ? { shop } : {}) }, await loadCasePolicy(ledger, shop), NOW);
      return { fen: a.compensation.map((c) => c.fen), note: a.promiseNote };
    };
    expect(await comp('青禾小铺')).toEqual({ fen: [2000], note: undefined });
    expect(await comp('青禾家居旗舰店')).toEqual({ fen: [5000], note: undefined });
    expect(await comp('新开的店')).toEqual({
      fen: [],
      note: expect.stringContaining('店铺“新开的店”还没有设置服务承诺'),
    });
    // Among several shops, a case whose shop was never read is judged by none of them.
    expect(await comp(undefined)).toEqual({ fen: [], note: expect.stringContaining('未读到这张单所属的店铺') });
    // Settings asked for without a shop (the cockpit's working hours) are still the primary shop's.
    expect((await loadPolicy(ledger)).commitments).toEqual([quality(2000)]);
    expect((await loadPolicy(ledger, '青禾家居旗舰店')).workingHours).toEqual(HOURS);
    expect((await loadPolicy(ledger, '青禾小铺')).workingHours).toBeUndefined();
  });

  it('the sidebar asks for the policy of the page’s shop', async () => {
    const ledger = await twoShops();
    const got = await handleMessage(ledger, { type: 'policy/get', shop: '青禾家居旗舰店' });
    expect(got).toMatchObject({ ok: true, value: { commitments: [expect.objectContaining({ amountFen: 5000 })] } });
  });
});
