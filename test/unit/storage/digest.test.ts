import { afterEach, describe, expect, it } from 'vitest';
import { upsertCases } from '../../../lib/storage/cases';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import { digestSince } from '../../../lib/storage/digest';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { listSource, snapshotOf } from './snapshots';

let db: RadarDB;
afterEach(async () => db?.delete());
const snap = (id: string, patch: Partial<CaseSnapshot> = {}) => snapshotOf(id, patch, '退货退款');
const src = listSource;

describe('changed since you last looked', () => {
  it('counts new cases, status changes, and the auto-actions the platform took after a deadline passed', async () => {
    db = createDb('digest-1');
    await upsertCases(
      db,
      [
        snap('1', { pageDeadline: { at: '2026-11-22T12:00:00+08:00', text: '还剩2时' } }),
        snap('2', { pageDeadline: { at: '2026-11-23T12:00:00+08:00', text: '还剩1天' } }),
      ],
      src('2026-11-22T10:00:00+08:00'),
    );
    const since = '2026-11-22T11:00:00+08:00';
    await upsertCases(db, [snap('3')], src('2026-11-22T13:00:00+08:00'));
    // Case 1's deadline passed before the change was seen: the platform decided. Case 2: the shop did.
    await upsertCases(
      db,
      [
        snap('1', { status: 'SUCCESS', statusText: '退款成功' }),
        snap('2', { status: 'WAIT_BUYER_RETURN_GOODS', statusText: '待买家退货' }),
      ],
      src('2026-11-22T13:05:00+08:00'),
    );
    const d = await digestSince(db, since);
    expect(d.newCases).toBe(1);
    expect(d.statusChanges.map((e) => e.caseKey).sort()).toEqual(['taobao:1', 'taobao:2']);
    expect(d.autoActions.map((e) => e.caseKey)).toEqual(['taobao:1']);
    expect(await digestSince(db, null)).toMatchObject({ newCases: 0, statusChanges: [] });
  });

  it('does not say the platform decided a case whose state before had not been read', async () => {
    db = createDb('digest-2');
    await upsertCases(
      db,
      [
        snap('1', {
          status: 'UNKNOWN',
          statusText: '售后申请审核中',
          pageDeadline: { at: '2026-11-22T12:00:00+08:00', text: '还剩2时' },
        }),
      ],
      src('2026-11-22T10:00:00+08:00'),
    );
    await upsertCases(db, [snap('1', { status: 'SUCCESS', statusText: '退款成功' })], src('2026-11-22T13:05:00+08:00'));
    const d = await digestSince(db, '2026-11-22T11:00:00+08:00');
    expect(d.statusChanges.map((e) => e.caseKey)).toEqual(['taobao:1']);
    expect(d.autoActions).toEqual([]);
  });
});
