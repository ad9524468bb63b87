import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, NO_DEADLINE, SCHEMA } from '../../../lib/storage/db';

const LATEST = Math.max(...Object.keys(SCHEMA).map(Number));

describe('schema upgrades', () => {
  it('upgradeToV2: a v1 case without a page countdown gets its rule deadline and its place in the urgency order', async () => {
    const name = 'upgrade-v1-v2';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA[1]);
    await v1.open();
    await v1.table('cases').bulkPut([
      {
        key: 'taobao:1001',
        platform: 'taobao',
        disputeId: '1001',
        kind: 'refund',
        refundType: '退货退款',
        status: 'WAIT_SELLER_AGREE',
        appliedAt: '2026-11-21T10:00:00+08:00',
        refundFen: 12800,
        flags: {},
        firstSeenAt: '2026-11-22T09:00:00+08:00',
        lastSeenAt: '2026-11-22T09:00:00+08:00',
        lastSource: {
          page: 'refund-list',
          url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
          readAt: '2026-11-22T09:00:00+08:00',
        },
        open: 1,
        deadlineAt: NO_DEADLINE,
        staff: { note: '保留我' },
      },
      {
        key: 'taobao:1002',
        platform: 'taobao',
        disputeId: '1002',
        kind: 'refund',
        status: 'SUCCESS',
        flags: {},
        firstSeenAt: '2026-11-20T09:00:00+08:00',
        lastSeenAt: '2026-11-20T09:00:00+08:00',
        lastSource: { page: 'refund-list', url: 'https://myseller.taobao.com/x', readAt: '2026-11-20T09:00:00+08:00' },
        open: 0,
        deadlineAt: NO_DEADLINE,
      },
    ]);
    await v1.table('events').add({ caseKey: 'taobao:1001', type: 'first-seen', at: '2026-11-22T09:00:00+08:00' });
    v1.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    const open = await db.cases.get('taobao:1001');
    expect(open?.due).toMatchObject({ at: '2026-11-26T10:00:00+08:00', basis: 'rule', consequence: 'auto-agree' });
    expect(open?.deadlineAt).toBe(Date.parse('2026-11-26T10:00:00+08:00'));
    expect(open?.amountFen).toBe(12800);
    expect(open?.staff).toEqual({ note: '保留我' });
    expect((await db.cases.get('taobao:1002'))?.deadlineAt).toBe(NO_DEADLINE);
    expect(await db.events.count()).toBe(1);
    expect(await db.policies.count()).toBe(0);
    await db.delete();
  });

  it('v2 → v3: keeps every event and finds them by type', async () => {
    const name = 'upgrade-v2-v3';
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA[1]);
    v2.version(2).stores(SCHEMA[2]);
    await v2.open();
    await v2.table('events').bulkAdd([
      { caseKey: 'taobao:1', type: 'first-seen', at: '2026-11-22T09:00:00+08:00' },
      {
        caseKey: 'taobao:1',
        type: 'status-change',
        at: '2026-11-22T10:00:00+08:00',
        from: '退款待处理',
        to: '退款成功',
      },
    ]);
    v2.close();
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.events.count()).toBe(2);
    expect(
      await db.events
        .where('[type+at]')
        .between(['status-change', '2026-11-22T09:30:00+08:00'], ['status-change', '\uffff'])
        .count(),
    ).toBe(1);
    await db.delete();
  });

  it('v3 → v4: drops the unused indexes and keeps every case and event, each timeline still found by case', async () => {
    const name = 'upgrade-v3-v4';
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA[1]);
    v3.version(2).stores(SCHEMA[2]);
    v3.version(3).stores(SCHEMA[3]);
    await v3.open();
    await v3.table('cases').bulkAdd([
      {
        key: 'taobao:1',
        disputeId: '1',
        orderId: '9001',
        open: 1,
        deadlineAt: 5,
        lastSeenAt: '2026-11-22T09:00:00+08:00',
      },
      {
        key: 'taobao:2',
        disputeId: '2',
        orderId: '9002',
        open: 0,
        deadlineAt: 9,
        lastSeenAt: '2026-11-22T09:00:00+08:00',
      },
    ]);
    await v3.table('events').bulkAdd([
      { caseKey: 'taobao:1', type: 'first-seen', at: '2026-11-22T09:00:00+08:00' },
      { caseKey: 'taobao:2', type: 'first-seen', at: '2026-11-22T09:00:00+08:00' },
      {
        caseKey: 'taobao:2',
        type: 'status-change',
        at: '2026-11-22T10:00:00+08:00',
        from: '退款待处理',
        to: '退款成功',
      },
    ]);
    v3.close();
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    // v6 (issue 32) adds the case's shop.
    expect(db.cases.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[open+deadlineAt]',
      'disputeId',
      'orderId',
      'shop',
    ]);
    expect(db.events.schema.indexes.map((i) => i.name).sort()).toEqual(['[caseKey+at]', '[type+at]', 'at']);
    expect(await db.cases.count()).toBe(2);
    expect(await db.events.where('[caseKey+at]').between(['taobao:2', ''], ['taobao:2', '\uffff']).count()).toBe(2);
    await db.delete();
  });
});
