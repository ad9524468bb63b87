import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  caseWithTimeline,
  countOpen,
  listUrgent,
  searchCases,
  updateStaff,
  upsertCases,
} from '../../../lib/storage/cases';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import type { CaseSnapshot, Observation } from '../../../lib/shared/types';

let n = 0;
let db: RadarDB;
const open = () => (db = createDb(`ledger-test-${++n}`));
afterEach(async () => db?.delete());

const snap = (id: string, patch: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  platform: 'taobao',
  disputeId: id,
  kind: 'refund',
  status: 'WAIT_SELLER_AGREE',
  statusText: '退款待处理',
  refundFen: 12800,
  flags: {},
  ...patch,
});
const seen = (readAt: string, page: Observation['page'] = 'refund-list'): Observation => ({
  page,
  url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
  readAt,
});

describe('upsertCases', () => {
  it('stores new cases and records when each was first seen', async () => {
    open();
    const r = await upsertCases(db, [snap('1001'), snap('1002')], seen('2026-11-22T10:00:00+08:00'));
    expect(r).toEqual({
      saved: 2,
      created: 2,
      createdKeys: ['taobao:1001', 'taobao:1002'],
      changedKeys: ['taobao:1001', 'taobao:1002'],
    });
    const events = await db.events.toArray();
    expect(events.map((e) => [e.caseKey, e.type])).toEqual([
      ['taobao:1001', 'first-seen'],
      ['taobao:1002', 'first-seen'],
    ]);
  });

  it('is idempotent when the same page is read again', async () => {
    open();
    await upsertCases(db, [snap('1001')], seen('2026-11-22T10:00:00+08:00'));
    const again = await upsertCases(db, [snap('1001')], seen('2026-11-22T10:05:00+08:00'));
    expect(again.created).toBe(0);
    expect(await db.cases.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('records a status change in the timeline and keeps fields the new read lacks', async () => {
    open();
    await upsertCases(
      db,
      [snap('1001', { orderId: '3000000001', reason: '质量问题' })],
      seen('2026-11-22T10:00:00+08:00'),
    );
    await upsertCases(
      db,
      [snap('1001', { status: 'SUCCESS', statusText: '退款成功', reason: undefined })],
      seen('2026-11-22T11:00:00+08:00'),
    );
    const rec = await db.cases.get('taobao:1001');
    expect(rec?.status).toBe('SUCCESS');
    expect(rec?.orderId).toBe('3000000001');
    expect(rec?.open).toBe(0);
    const change = await db.events
      .where('caseKey')
      .equals('taobao:1001')
      .filter((e) => e.type === 'status-change')
      .first();
    expect(change).toMatchObject({ from: '退款待处理', to: '退款成功', at: '2026-11-22T11:00:00+08:00' });
  });

  it('never overwrites staff data with a page read', async () => {
    open();
    await upsertCases(db, [snap('1001')], seen('2026-11-22T10:00:00+08:00'));
    await db.cases.update('taobao:1001', { staff: { note: '已联系仓库', handled: true } });
    await upsertCases(db, [snap('1001', { refundFen: 9900 })], seen('2026-11-22T10:30:00+08:00'));
    const rec = await db.cases.get('taobao:1001');
    expect(rec?.staff).toEqual({ note: '已联系仓库', handled: true });
    expect(rec?.refundFen).toBe(9900);
  });

  it('keeps a known status when a later read could not tell it', async () => {
    open();
    await upsertCases(db, [snap('1001')], seen('2026-11-22T10:00:00+08:00'));
    await upsertCases(
      db,
      [snap('1001', { status: 'UNKNOWN', statusText: undefined })],
      seen('2026-11-22T10:01:00+08:00'),
    );
    expect((await db.cases.get('taobao:1001'))?.status).toBe('WAIT_SELLER_AGREE');
  });
});

describe('a read writes only what changed in meaning', () => {
  const page = (readAt: string, patch: (i: number) => Partial<CaseSnapshot> = () => ({})) =>
    Array.from({ length: 100 }, (_, i) => {
      // Each countdown read to the minute, its instant at the middle of the minute shown.
      const left = Math.floor((5 * 3600_000 + i * 37_123 - (Date.parse(readAt) - T0)) / 60_000);
      const at = new Date(Date.parse(readAt) + left * 60_000 + 30_000).toISOString();
      return snap(String(1000 + i), {
        pageDeadline: { at, text: `还剩${Math.floor(left / 60)}时${left % 60}分`, action: 'auto-refund' },
        ...patch(i),
      });
    });
  const T0 = Date.parse('2026-11-22T10:00:10+08:00');
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

  it('a re-read whose countdowns moved with the clock writes nothing and offers nothing; one changed case writes one', async () => {
    open();
    await upsertCases(db, page(iso(T0)), seen(iso(T0)));
    const puts: number[] = [];
    const bulkPut = db.cases.bulkPut.bind(db.cases);
    vi.spyOn(db.cases, 'bulkPut').mockImplementation((recs) => {
      puts.push(recs.length);
      return bulkPut(recs);
    });
    for (let s = 20; s <= 600; s += 20) {
      const r = await upsertCases(db, page(iso(T0 + s * 1000)), seen(iso(T0 + s * 1000)));
      expect(r.changedKeys).toEqual([]);
    }
    expect(puts).toEqual([]);
    const r = await upsertCases(
      db,
      page(iso(T0 + 630_000), (i) => (i === 7 ? { status: 'SUCCESS', statusText: '退款成功' } : {})),
      seen(iso(T0 + 630_000)),
    );
    expect([r.changedKeys, puts]).toEqual([['taobao:1007'], [1]]);
    expect(await db.events.filter((e) => e.type === 'deadline-change').count()).toBe(0);
  });

  it("an unchanged case's last-seen time is stored again only after half an hour", async () => {
    open();
    await upsertCases(db, [snap('1001')], seen('2026-11-22T10:00:00+08:00'));
    await upsertCases(db, [snap('1001')], seen('2026-11-22T10:20:00+08:00'));
    expect((await db.cases.get('taobao:1001'))?.lastSeenAt).toBe('2026-11-22T10:00:00+08:00');
    const r = await upsertCases(db, [snap('1001')], seen('2026-11-22T10:40:00+08:00'));
    expect((await db.cases.get('taobao:1001'))?.lastSeenAt).toBe('2026-11-22T10:40:00+08:00');
    expect(r.changedKeys).toEqual([]);
  });
});

describe('drift notes (fields a page should show but did not)', () => {
  it('last only until a newer reading of the case finds every field; an older reading clears nothing', async () => {
    open();
    await upsertCases(db, [snap('1001', { drift: ['申请时间'] })], seen('2026-11-22T10:00:00+08:00'));
    expect((await db.cases.get('taobao:1001'))?.drift).toEqual(['申请时间']);
    await upsertCases(db, [snap('1001')], seen('2026-11-22T09:00:00+08:00'));
    expect((await db.cases.get('taobao:1001'))?.drift).toEqual(['申请时间']);
    await upsertCases(
      db,
      [snap('1001', { appliedAt: '2026-11-21T16:40:00+08:00' })],
      seen('2026-11-22T10:05:00+08:00'),
    );
    const rec = await db.cases.get('taobao:1001');
    expect(rec?.drift).toBeUndefined();
    expect(rec?.appliedAt).toBe('2026-11-21T16:40:00+08:00');
  });
});

describe('merging observations', () => {
  it('lets a newer observation win per field, whichever arrives last', async () => {
    open();
    await upsertCases(
      db,
      [snap('1001', { statusText: '退款待处理', reason: '新的原因' })],
      seen('2026-11-22T10:10:00+08:00'),
    );
    // An older tab's read arrives late: it must not undo the newer one, but fills what it lacked.
    await upsertCases(
      db,
      [snap('1001', { statusText: '旧状态', reason: '旧的原因', paidFen: 25600 })],
      seen('2026-11-22T10:00:00+08:00'),
    );
    const rec = await db.cases.get('taobao:1001');
    expect(rec?.reason).toBe('新的原因');
    expect(rec?.paidFen).toBe(25600);
    expect(rec?.lastSeenAt).toBe('2026-11-22T10:10:00+08:00');
  });

  it('loses nothing when two tabs write the same cases at once', async () => {
    open();
    await Promise.all([
      upsertCases(db, [snap('1001', { reason: '来自列表' }), snap('1002')], seen('2026-11-22T10:00:00+08:00')),
      upsertCases(
        db,
        [snap('1001', { paidFen: 99900, history: [{ at: '2026-11-22T09:00:00+08:00', actor: '买家', text: '申请' }] })],
        seen('2026-11-22T10:00:01+08:00', 'refund-detail'),
      ),
    ]);
    const rec = await db.cases.get('taobao:1001');
    expect(rec?.reason).toBe('来自列表');
    expect(rec?.paidFen).toBe(99900);
    expect(rec?.history).toHaveLength(1);
    expect(await db.events.filter((e) => e.type === 'first-seen').count()).toBe(2);
  });

  it('records a moved deadline in the timeline, but not the jitter of re-reading a countdown', async () => {
    open();
    await upsertCases(
      db,
      [snap('1001', { pageDeadline: { at: '2026-11-23T10:00:00+08:00', text: '还剩1天' } })],
      seen('2026-11-22T10:00:00+08:00'),
    );
    await upsertCases(
      db,
      [snap('1001', { pageDeadline: { at: '2026-11-23T10:00:40+08:00', text: '还剩1天' } })],
      seen('2026-11-22T10:01:00+08:00'),
    );
    expect(await db.events.filter((e) => e.type === 'deadline-change').count()).toBe(0);
    await upsertCases(
      db,
      [snap('1001', { pageDeadline: { at: '2026-11-22T20:00:00+08:00', text: '还剩10时' } })],
      seen('2026-11-22T10:02:00+08:00'),
    );
    const moved = await db.events.filter((e) => e.type === 'deadline-change').toArray();
    // The re-read naming the same deadline was not written: the change is from the deadline as stored.
    expect(moved.map((e) => [e.from, e.to])).toEqual([['2026-11-23T10:00:00+08:00', '2026-11-22T20:00:00+08:00']]);
  });
});

describe('staff data', () => {
  it('keeps notes, the handled mark and ticked steps, each in the timeline', async () => {
    open();
    await upsertCases(db, [snap('1001')], seen('2026-11-22T10:00:00+08:00'));
    await updateStaff(db, 'taobao:1001', { note: '已联系仓库核对重量' }, '2026-11-22T10:05:00+08:00');
    await updateStaff(db, 'taobao:1001', { step: { text: '同意退款', done: true } }, '2026-11-22T10:06:00+08:00');
    await updateStaff(db, 'taobao:1001', { handled: true }, '2026-11-22T10:07:00+08:00');
    const got = await caseWithTimeline(db, 'taobao:1001');
    expect(got?.record.staff).toEqual({ note: '已联系仓库核对重量', stepsDone: ['同意退款'], handled: true });
    expect(got?.events.map((e) => e.type)).toEqual(['handled', 'step', 'note', 'first-seen']);
    expect(await updateStaff(db, 'taobao:404', { note: 'x' }, '2026-11-22T10:07:00+08:00')).toBeUndefined();
  });
});

describe('listUrgent', () => {
  it('orders equal deadlines by money at stake', async () => {
    open();
    const at = { at: '2026-11-23T10:00:00+08:00', text: '还剩1天' };
    await upsertCases(
      db,
      [snap('1', { pageDeadline: at, refundFen: 100 }), snap('2', { pageDeadline: at, refundFen: 90000 })],
      seen('2026-11-22T10:00:00+08:00'),
    );
    expect((await listUrgent(db)).map((c) => c.disputeId)).toEqual(['2', '1']);
  });

  it('returns open cases with the nearest platform deadline first, and no closed ones', async () => {
    open();
    await upsertCases(
      db,
      [
        snap('1', { pageDeadline: { at: '2026-11-23T10:00:00+08:00', text: '还剩1天' } }),
        snap('2', { pageDeadline: { at: '2026-11-22T12:00:00+08:00', text: '还剩2时' } }),
        snap('3', { appliedAt: undefined }),
        snap('4', { status: 'CLOSED', statusText: '退款关闭' }),
      ],
      seen('2026-11-22T10:00:00+08:00'),
    );
    expect((await listUrgent(db)).map((c) => c.disputeId)).toEqual(['2', '1', '3']);
    // The popup's open count: the same cases, beyond any limit, closed ones left out.
    expect(await countOpen(db)).toBe(3);
  });
});

describe('searchCases', () => {
  it('finds cases by the start of the order number or the dispute id, finished ones too, open ones first', async () => {
    open();
    await upsertCases(
      db,
      [
        snap('7001', { orderId: '5550001' }),
        snap('7002', { orderId: '5550002', status: 'SUCCESS', statusText: '退款成功' }),
        snap('5559999', { orderId: '9990001' }),
        snap('8001', { orderId: '1234555' }),
      ],
      seen('2026-11-22T10:00:00+08:00'),
    );
    const hits = await searchCases(db, ' 555 ');
    expect(hits.map((c) => c.disputeId).sort()).toEqual(['5559999', '7001', '7002']);
    expect(hits.at(-1)!.disputeId).toBe('7002');
    expect(await searchCases(db, '1234')).toHaveLength(1);
    // Not a number, or too short to mean anything: no search at all.
    expect(await searchCases(db, '退款')).toEqual([]);
    expect(await searchCases(db, '55')).toEqual([]);
  });
});
