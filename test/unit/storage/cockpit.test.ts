import { afterEach, describe, expect, it } from 'vitest';
import { nextWorkStart } from '../../../lib/engine/working-hours';
import { upsertCases } from '../../../lib/storage/cases';
import { loadCockpit, selectCockpit } from '../../../lib/storage/cockpit';
import { createDb, NO_DEADLINE, type CaseRecord, type RadarDB } from '../../../lib/storage/db';
import { EMPTY_POLICY } from '../../../lib/engine/policy';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { listSource, snapshotOf } from './snapshots';
import { toChinaIso } from '../../../lib/shared/china-time';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;
/** An open case as the ledger keeps it, due at `due` (ISO or null), last read at `seen`. */
function rec(
  id: string,
  due: string | null,
  seen = '2026-12-04T18:00:00+08:00',
  patch: Partial<CaseRecord> = {},
): CaseRecord {
  return {
    platform: 'taobao',
    disputeId: id,
    kind: 'refund',
    status: 'WAIT_SELLER_AGREE',
    flags: {},
    key: `taobao:${id}`,
    firstSeenAt: seen,
    lastSeenAt: seen,
    lastSource: { page: 'refund-list', url: 'https://myseller.taobao.com/x', readAt: seen },
    open: 1,
    due: due ? { at: due, basis: 'page', consequence: 'auto-agree', actor: 'seller' } : null,
    deadlineAt: due ? at(due) : NO_DEADLINE,
    ...patch,
  };
}
const ids = (l: { cases: CaseRecord[] }) => l.cases.map((c) => c.disputeId);
const OFFICE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
// 2026-12-04 is a Friday.
const FRI_19 = at('2026-12-04T19:00:00+08:00');

describe('next working period', () => {
  it("after Friday's close is Monday morning, or Tuesday when Monday is a holiday", () => {
    expect(toChinaIso(nextWorkStart(FRI_19, OFFICE)!)).toBe('2026-12-07T09:00:00+08:00');
    expect(toChinaIso(nextWorkStart(FRI_19, OFFICE, ['2026-12-07'])!)).toBe('2026-12-08T09:00:00+08:00');
  });
  it('in the middle of a shift is the start of the next one', () => {
    expect(toChinaIso(nextWorkStart(at('2026-12-03T10:00:00+08:00'), OFFICE)!)).toBe('2026-12-04T09:00:00+08:00');
  });
  it('for a night shift across midnight is the next evening, whichever side of midnight it is now', () => {
    const night = { days: [1, 2, 3, 4, 5, 6, 7], start: '20:00', end: '02:00' };
    expect(toChinaIso(nextWorkStart(at('2026-12-03T23:30:00+08:00'), night)!)).toBe('2026-12-04T20:00:00+08:00');
    expect(toChinaIso(nextWorkStart(at('2026-12-04T01:30:00+08:00'), night)!)).toBe('2026-12-04T20:00:00+08:00');
    expect(toChinaIso(nextWorkStart(at('2026-12-04T03:00:00+08:00'), night, ['2026-12-04'])!)).toBe(
      '2026-12-05T20:00:00+08:00',
    );
  });
  it('is unknown when no day is a working day or the hours are malformed', () => {
    expect(nextWorkStart(FRI_19, { days: [], start: '09:00', end: '18:00' })).toBeUndefined();
    expect(nextWorkStart(FRI_19, { days: [1], start: '9点', end: '18:00' })).toBeUndefined();
  });
});

describe("the cockpit's selections", () => {
  it("lists the urgent queue by tier in the popup's order, equal deadlines by money at stake, finished cases left out", () => {
    const now = at('2026-12-03T10:00:00+08:00');
    const c = selectCockpit(
      [
        rec('1', '2026-12-03T20:00:00+08:00'),
        rec('2', '2026-12-03T09:00:00+08:00'),
        rec('3', '2026-12-03T12:00:00+08:00', undefined, { amountFen: 100 }),
        rec('4', '2026-12-03T12:00:00+08:00', undefined, { amountFen: 9900 }),
        rec('5', '2026-12-06T12:00:00+08:00'),
        rec('6', null),
        rec('7', '2026-12-03T11:00:00+08:00', undefined, { open: 0 }),
      ],
      now,
    );
    expect(ids(c.urgent.overdue)).toEqual(['2']);
    expect(ids(c.urgent.lt6h)).toEqual(['4', '3']);
    expect(ids(c.urgent.lt24h)).toEqual(['1']);
  });

  it("下班前: after Friday's close, what expires before Monday 09:00 (Tuesday when Monday is a holiday)", () => {
    const open = [
      rec('sat', '2026-12-05T10:00:00+08:00'),
      rec('mon', '2026-12-07T10:00:00+08:00'),
      rec('tue', '2026-12-08T10:00:00+08:00'),
      rec('past', '2026-12-04T17:00:00+08:00'),
    ];
    const plain = selectCockpit(open, FRI_19, { hours: OFFICE });
    expect(toChinaIso(plain.nextWorkAt!)).toBe('2026-12-07T09:00:00+08:00');
    expect(ids(plain.beforeClose)).toEqual(['sat']);
    expect(ids(selectCockpit(open, FRI_19, { hours: OFFICE, holidays: ['2026-12-07'] }).beforeClose)).toEqual([
      'sat',
      'mon',
    ]);
  });

  it('下班前 for a night shift: at 23:30 it runs to tomorrow 20:00', () => {
    const night = { days: [1, 2, 3, 4, 5, 6, 7], start: '20:00', end: '02:00' };
    const c = selectCockpit(
      [rec('a', '2026-12-04T01:00:00+08:00'), rec('b', '2026-12-04T21:00:00+08:00')],
      at('2026-12-03T23:30:00+08:00'),
      { hours: night },
    );
    expect(ids(c.beforeClose)).toEqual(['a']);
    expect(c.hoursSet).toBe(true);
  });

  it('stale: not read for more than the set hours and due within 48 h; fresh or far-off cases are not', () => {
    const now = at('2026-12-04T12:00:00+08:00');
    const open = [
      rec('old-soon', '2026-12-05T12:00:00+08:00', toChinaIso(now - 13 * H)),
      rec('old-overdue', '2026-12-04T11:00:00+08:00', toChinaIso(now - 20 * H)),
      rec('fresh-soon', '2026-12-05T12:00:00+08:00', toChinaIso(now - 2 * H)),
      rec('old-far', '2026-12-07T12:00:00+08:00', toChinaIso(now - 13 * H)),
    ];
    expect(ids(selectCockpit(open, now).stale)).toEqual(['old-overdue', 'old-soon']);
    const lenient = selectCockpit(open, now, { staleHours: 18 });
    expect(ids(lenient.stale)).toEqual(['old-overdue']);
    expect(lenient.staleHours).toBe(18);
  });
});

describe('the cockpit from the ledger', () => {
  let db: RadarDB;
  afterEach(async () => db?.delete());
  const snap = (id: string, patch: Partial<CaseSnapshot> = {}) => snapshotOf(id, patch);
  const src = listSource;

  it('reads the open cases, and a new look reports what changed since the previous one (new, finished, changed)', async () => {
    db = createDb('cockpit-1');
    await upsertCases(
      db,
      [
        snap('1', { pageDeadline: { at: '2026-12-04T15:00:00+08:00', text: '还剩3时' } }),
        snap('2', { pageDeadline: { at: '2026-12-04T13:00:00+08:00', text: '还剩1时' } }),
      ],
      src('2026-12-04T12:00:00+08:00'),
    );
    const first = await loadCockpit(db, at('2026-12-04T12:05:00+08:00'), EMPTY_POLICY, {
      look: true,
      nowIso: '2026-12-04T12:05:00+08:00',
    });
    expect(ids(first.urgent.lt6h)).toEqual(['2', '1']);
    expect(first.digest.since).toBeNull();
    await upsertCases(
      db,
      [snap('1', { status: 'SUCCESS', statusText: '退款成功' }), snap('3')],
      src('2026-12-04T12:30:00+08:00'),
    );
    const second = await loadCockpit(db, at('2026-12-04T12:40:00+08:00'), EMPTY_POLICY, {
      look: true,
      nowIso: '2026-12-04T12:40:00+08:00',
    });
    expect(second.digest).toMatchObject({ since: '2026-12-04T12:05:00+08:00', newCases: 1, finished: 1 });
    expect(second.digest.statusChanges.map((e) => e.caseKey)).toEqual(['taobao:1']);
    expect(ids(second.urgent.lt6h)).toEqual(['2']);
    // What the queue rests on: two open cases; the latest read among those the queue looked at (case 3 is due
    // beyond its horizon) at 12:00. Never "nothing due" of an empty ledger.
    expect(second.seen).toEqual({ open: 2, lastReadAt: '2026-12-04T12:00:00+08:00' });
    const empty = createDb(`cockpit-empty-${Math.random()}`);
    const none = await loadCockpit(empty, at('2026-12-04T12:40:00+08:00'), EMPTY_POLICY, {
      nowIso: '2026-12-04T12:40:00+08:00',
    });
    expect(none.seen).toEqual({ open: 0, lastReadAt: null });
    await empty.delete();
  });
});
