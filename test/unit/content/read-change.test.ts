// What a read hands to the ledger: only cases that changed in meaning. A row's countdown that moved
// with the clock (还剩3时20分 → 还剩3时19分 a minute later) names the same deadline and is no change;
// a deadline that moved goes on once two reads agree on it.
import { describe, expect, it } from 'vitest';
import { createChangeTracker, readChange } from '../../../entrypoints/seller.content/changes';
import type { CaseSnapshot } from '../../../lib/shared/types';

const T0 = Date.parse('2026-11-22T10:00:10+08:00');
const MIN = 60_000;
const row = (id: string, countdown: string, patch: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  platform: 'taobao',
  disputeId: id,
  kind: 'refund',
  status: 'WAIT_SELLER_AGREE',
  statusText: '退款待处理',
  flags: {},
  unparsed: { times: { appliedAt: '2026-11-21 09:00:00' }, countdown: [`还剩${countdown}，逾期未处理系统将自动退款`] },
  ...patch,
});

describe('the change rule: a countdown is compared by the deadline it names', () => {
  it('a countdown that moved with the clock is no change, at any second of the minute', () => {
    const first = { snap: row('1', '3时20分'), readAt: T0 };
    // The page ticks a minute later, or 59 s later, or 2 h later.
    expect(readChange(first, row('1', '3时19分'), T0 + MIN)).toBe('same');
    expect(readChange(first, row('1', '3时19分'), T0 + 59_000)).toBe('same');
    expect(readChange(first, row('1', '1时20分'), T0 + 120 * MIN)).toBe('same');
    expect(readChange(first, row('1', '2天3时20分'), T0)).toBe('deadline');
    // Coarser countdowns: 还剩2天 then 还剩1天 a day later is the same; 还剩1天 then 还剩10时 is not.
    const days = { snap: row('1', '2天'), readAt: T0 };
    expect(readChange(days, row('1', '1天'), T0 + 24 * 60 * MIN)).toBe('same');
    expect(readChange(days, row('1', '10时'), T0 + 2 * MIN)).toBe('deadline');
  });

  it('a deadline that moved, another action, or any other field is a change', () => {
    const first = { snap: row('1', '3时20分'), readAt: T0 };
    expect(readChange(first, row('1', '3时25分'), T0 + MIN)).toBe('deadline');
    expect(readChange(first, row('1', '3时19分', { status: 'SUCCESS', statusText: '退款成功' }), T0 + MIN)).toBe(
      'changed',
    );
    const closing = row('1', '3时19分');
    closing.unparsed!.countdown = ['还剩3时19分，逾期未处理系统将自动关闭'];
    expect(readChange(first, closing, T0 + MIN)).toBe('changed');
    expect(readChange(first, row('1', '3时19分', { unparsed: { countdown: ['还剩3时19分'] } }), T0 + MIN)).toBe(
      'changed',
    );
  });
});

describe('a read hands on only what changed', () => {
  const page = (now: number, patch: (i: number) => Partial<CaseSnapshot> = () => ({})) =>
    Array.from({ length: 100 }, (_, i) => {
      // Deadlines at arbitrary seconds, as on a real list: the text moves whenever a minute passes.
      const left = Math.floor((5 * 3600_000 + i * 37_123 - (now - T0)) / MIN);
      return row(String(1000 + i), `${Math.floor(left / 60)}时${left % 60}分`, patch(i));
    });

  it('a page of 100 rows re-read every 20 s for an hour, countdowns ticking: the first read hands on 100, then none', () => {
    const t = createChangeTracker();
    expect(t.diff(page(T0), T0).changed).toHaveLength(100);
    for (let s = 20; s < 3600; s += 20) {
      const d = t.diff(page(T0 + s * 1000), T0 + s * 1000);
      expect([d.changed.length, d.unconfirmed, d.sameList]).toEqual([0, 0, true]);
    }
  });

  it('a read with one changed case hands on that case alone', () => {
    const t = createChangeTracker();
    t.diff(page(T0), T0);
    const d = t.diff(
      page(T0 + 30_000, (i) => (i === 42 ? { status: 'SUCCESS', statusText: '退款成功' } : {})),
      T0 + 30_000,
    );
    expect(d.changed.map((c) => c.disputeId)).toEqual(['1042']);
    expect(d.sameList).toBe(false);
  });

  it('a moved deadline is handed on once a second read agrees, never on one read alone', () => {
    const t = createChangeTracker();
    t.diff([row('1', '3时20分'), row('2', '5时0分')], T0);
    // One read shows case 1 with case 2's countdown (a read caught mid-render): held.
    const mixed = t.diff([row('1', '5时0分'), row('2', '5时0分')], T0 + 1000);
    expect([mixed.changed.length, mixed.unconfirmed]).toEqual([0, 1]);
    // The next read shows it right again: nothing to record.
    const back = t.diff([row('1', '3时20分'), row('2', '5时0分')], T0 + 2000);
    expect([back.changed.length, back.unconfirmed]).toEqual([0, 0]);
    // A real move: held once, then two reads agree.
    expect(t.diff([row('1', '27时20分'), row('2', '5时0分')], T0 + 3000).unconfirmed).toBe(1);
    const agreed = t.diff([row('1', '27时19分'), row('2', '4时59分')], T0 + 63_000);
    expect(agreed.changed.map((c) => c.disputeId)).toEqual(['1']);
    expect(t.diff([row('1', '27时18分'), row('2', '4时58分')], T0 + 123_000).changed).toEqual([]);
  });

  it('after forget (the policy changed, or the ledger failed), every case again; a case back on the page again', () => {
    const t = createChangeTracker();
    t.diff([row('1', '3时20分'), row('2', '5时0分')], T0);
    t.forget();
    expect(t.diff([row('1', '3时20分'), row('2', '5时0分')], T0).changed).toHaveLength(2);
    t.diff([row('2', '5时0分')], T0);
    expect(t.diff([row('1', '3时20分'), row('2', '5时0分')], T0).changed.map((c) => c.disputeId)).toEqual(['1']);
  });
});
