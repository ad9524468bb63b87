import { afterEach, describe, expect, it } from 'vitest';
import { listAll, listUrgent, upsertCases } from '../../../lib/storage/cases';
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
const seen = (readAt: string, page: Observation['page'] = 'refund-list'): Observation => ({ page, url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list', readAt });

describe('upsertCases', () => {
  it('stores new cases and records when each was first seen', async () => {
    open();
    const r = await upsertCases(db, [snap('1001'), snap('1002')], seen('2026-11-22T10:00:00+08:00'));
    expect(r).toEqual({ saved: 2, created: 2 });
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
    await upsertCases(db, [snap('1001', { orderId: '3000000001', reason: '质量问题' })], seen('2026-11-22T10:00:00+08:00'));
    await upsertCases(db, [snap('1001', { status: 'SUCCESS', statusText: '退款成功', reason: undefined })], seen('2026-11-22T11:00:00+08:00'));
    const rec = await db.cases.get('taobao:1001');
    expect(rec?.status).toBe('SUCCESS');
    expect(rec?.orderId).toBe('3000000001');
    expect(rec?.open).toBe(0);
    const change = await db.events.where('caseKey').equals('taobao:1001').filter((e) => e.type === 'status-change').first();
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
    await upsertCases(db, [snap('1001', { status: 'UNKNOWN', statusText: undefined })], seen('2026-11-22T10:01:00+08:00'));
    expect((await db.cases.get('taobao:1001'))?.status).toBe('WAIT_SELLER_AGREE');
  });
});

describe('listUrgent', () => {
  it('returns open cases with the nearest platform deadline first, closed ones last in listAll', async () => {
    open();
    await upsertCases(
      db,
      [
        snap('1', { pageDeadline: { at: '2026-11-23T10:00:00+08:00', text: '还剩1天' } }),
        snap('2', { pageDeadline: { at: '2026-11-22T12:00:00+08:00', text: '还剩2时' } }),
        snap('3'),
        snap('4', { status: 'CLOSED', statusText: '退款关闭' }),
      ],
      seen('2026-11-22T10:00:00+08:00'),
    );
    expect((await listUrgent(db)).map((c) => c.disputeId)).toEqual(['2', '1', '3']);
    expect((await listAll(db)).map((c) => c.disputeId)).toEqual(['2', '1', '3', '4']);
  });
});
