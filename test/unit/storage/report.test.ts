import { afterEach, describe, expect, it } from 'vitest';
import { updateStaff, upsertCases } from '../../../lib/storage/cases';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import { dailyReport, NO_REASON } from '../../../lib/storage/report';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { listSource, snapshotOf } from './snapshots';

const H = 3_600_000;
let db: RadarDB;
afterEach(async () => db?.delete());
const snap = (id: string, patch: Partial<CaseSnapshot> = {}) => snapshotOf(id, patch);
const src = listSource;
const done = { status: 'SUCCESS' as const, statusText: '退款成功' };

/** A day in the ledger (China time): four cases seen on 12-02, one the day before, one the day after. */
async function buildLedger(name: string) {
  db = createDb(name);
  await upsertCases(
    db,
    [
      snap('C', {
        kind: 'exchange',
        refundType: '换货',
        status: 'EXCHANGE_WAIT_SELLER_AGREE',
        statusText: '换货待处理',
        reason: '尺码不对',
        appliedAt: '2026-12-01T20:00:00+08:00',
      }),
    ],
    src('2026-12-01T21:00:00+08:00'),
  );
  await upsertCases(
    db,
    [
      snap('A', {
        reason: '质量问题',
        refundFen: 5000,
        appliedAt: '2026-12-02T08:00:00+08:00',
        pageDeadline: { at: '2026-12-03T09:00:00+08:00', text: '还剩1天' },
      }),
    ],
    src('2026-12-02T09:00:00+08:00'),
  );
  await updateStaff(db, 'taobao:C', { handled: true }, '2026-12-02T09:00:00+08:00');
  await upsertCases(
    db,
    [
      snap('B', {
        reason: '质量问题',
        refundFen: 2000,
        appliedAt: '2026-12-02T10:00:00+08:00',
        pageDeadline: { at: '2026-12-02T12:00:00+08:00', text: '还剩1时' },
      }),
    ],
    src('2026-12-02T10:30:00+08:00'),
  );
  // A: the shop agreed before the deadline. B: seen finished after its deadline: the platform decided.
  await upsertCases(db, [snap('A', { ...done, refundFen: 5000 })], src('2026-12-02T11:00:00+08:00'));
  await upsertCases(db, [snap('B', { ...done, refundFen: 2000 })], src('2026-12-02T13:00:00+08:00'));
  await upsertCases(db, [snap('D')], src('2026-12-02T15:00:00+08:00'));
  await upsertCases(db, [snap('E', { reason: '质量问题' })], src('2026-12-03T08:00:00+08:00'));
}

describe('the daily report', () => {
  it("counts the day's new, finished and missed cases, the money refunded, the time to first handling and the reasons, by kind", async () => {
    await buildLedger('report-1');
    const r = await dailyReport(db, '2026-12-02');
    expect(r.byKind.all).toMatchObject({ newCases: 3, finished: 2, missed: 1, refundedFen: 7000, handled: 2 });
    expect(r.byKind.all.avgFirstHandlingMs).toBe(8 * H);
    expect(r.byKind.refund).toMatchObject({
      newCases: 3,
      finished: 2,
      missed: 1,
      handled: 1,
      avgFirstHandlingMs: 3 * H,
    });
    expect(r.byKind.exchange).toMatchObject({ newCases: 0, finished: 0, handled: 1, avgFirstHandlingMs: 13 * H });
    expect(r.byKind.postage).toMatchObject({ newCases: 0, handled: 0, avgFirstHandlingMs: null });
    expect(r.reasons).toEqual([
      { reason: '质量问题', count: 2 },
      { reason: NO_REASON, count: 1 },
    ]);
    expect(r.cases.map((c) => c.disputeId).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(r.recordedSince).toBe('2026-12-01T21:00:00+08:00');
  });

  it('draws the last 14 days ending with the chosen day, oldest first', async () => {
    await buildLedger('report-2');
    const r = await dailyReport(db, '2026-12-02');
    expect(r.last14.length).toBe(14);
    expect(r.last14[0]!.day).toBe('2026-11-19');
    expect(r.last14.at(-1)).toEqual({ day: '2026-12-02', opened: 3, finished: 2, missed: 1 });
    expect(r.last14.at(-2)).toEqual({ day: '2026-12-01', opened: 1, finished: 0, missed: 0 });
    expect((await dailyReport(db, '2026-12-03')).last14.at(-1)).toEqual({
      day: '2026-12-03',
      opened: 1,
      finished: 0,
      missed: 0,
    });
  });

  it('counts finished cases from timelines written before events said so', async () => {
    await buildLedger('report-3');
    await db.events.bulkPut((await db.events.toArray()).map(({ closed: _c, ...e }) => e));
    expect((await db.events.toArray()).some((e) => 'closed' in e)).toBe(false);
    expect((await dailyReport(db, '2026-12-02')).byKind.all).toMatchObject({ finished: 2, refundedFen: 7000 });
  });

  it('rejects a malformed day', async () => {
    db = createDb('report-4');
    await expect(dailyReport(db, 'yesterday')).rejects.toThrow(/not a day/);
  });
});
