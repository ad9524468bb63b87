import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY } from '../../../lib/engine';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { iso, NOW, snap } from './helpers';

describe('七天无理由 window: 168 h from 00:00 (China time) of the day after signing', () => {
  it.each([
    ['signed 23:59', iso(2026, 11, 10, 23, 59), iso(2026, 11, 18, 0, 0)],
    ['signed 00:01', iso(2026, 11, 11, 0, 1), iso(2026, 11, 19, 0, 0)],
    ['signed at a month end', iso(2026, 11, 30, 12, 0), iso(2026, 12, 8, 0, 0)],
    ["signed on new year's eve", iso(2026, 12, 31, 23, 59), iso(2027, 1, 8, 0, 0)],
  ])('%s', (_what, signedAt, endsAt) => {
    const a = assess(snap({ signedAt }), EMPTY_POLICY, NOW);
    expect(a.sevenDay.endsAt).toBe(endsAt);
    expect(a.sevenDay.applies).toBe(true);
    expect(a.sevenDay.checklist.length).toBeGreaterThan(3);
  });

  it('follows a longer shop promise (15 days) in force when the order was paid', () => {
    const policy = {
      commitments: [{ type: 'seven-day' as const, days: 15, enabled: true, effectiveFrom: iso(2026, 1, 1) }],
    };
    const a = assess(snap({ signedAt: iso(2026, 11, 10, 12), paidAt: iso(2026, 11, 8) }), policy, NOW);
    expect(a.sevenDay.endsAt).toBe(iso(2026, 11, 26, 0, 0));
    expect(a.sevenDay.windowDays).toBe(15);
  });

  it('says whether the application came inside the window', () => {
    expect(
      assess(snap({ signedAt: iso(2026, 11, 10, 12), appliedAt: iso(2026, 11, 17, 23, 59) }), EMPTY_POLICY, NOW)
        .sevenDay.appliedInWindow,
    ).toBe(true);
    expect(
      assess(snap({ signedAt: iso(2026, 11, 10, 12), appliedAt: iso(2026, 11, 18, 0, 0) }), EMPTY_POLICY, NOW).sevenDay
        .appliedInWindow,
    ).toBe(false);
  });

  it('asks for the signing time instead of guessing', () => {
    const a = assess(snap({ signedAt: undefined }), EMPTY_POLICY, NOW);
    expect(a.sevenDay.endsAt).toBeNull();
    expect(a.sevenDay.why).toMatch(/签收时间未知/);
  });

  it('does not apply to a quality case or an unshipped refund', () => {
    expect(assess(snap({ reason: '质量问题', signedAt: iso(2026, 11, 10) }), EMPTY_POLICY, NOW).sevenDay.applies).toBe(
      false,
    );
    expect(
      assess(snap({ refundType: '仅退款', shipped: false, goodsStatus: 'BUYER_NOT_RECEIVED' }), EMPTY_POLICY, NOW)
        .sevenDay.applies,
    ).toBe(false);
  });
});

describe('七天无理由: each guard alone', () => {
  it.each<[string, Partial<CaseSnapshot>, boolean]>([
    ['a no-reason return', {}, true],
    ['a reason not given', { reason: undefined }, true],
    ['an exchange', { kind: 'exchange', refundType: '换货', status: 'EXCHANGE_WAIT_SELLER_AGREE' }, true],
    ['a 邮费单', { kind: 'postage', refundType: '邮费', status: 'POSTAGE_WAIT_SELLER' }, false],
    ['a quality case', { reason: '质量问题' }, false],
    ['goods not received', { goodsStatus: 'BUYER_NOT_RECEIVED' }, false],
    ['仅退款 before shipping', { refundType: '仅退款', shipped: false, goodsStatus: 'BUYER_RECEIVED' }, false],
    ['仅退款 after shipping and receipt', { refundType: '仅退款', shipped: true }, true],
    ['退货退款 with shipping unread', { shipped: undefined }, true],
  ])('%s → %s', (_what, patch, applies) => {
    const s = assess(snap({ ...patch, signedAt: iso(2026, 11, 18) }), EMPTY_POLICY, NOW).sevenDay;
    expect(s.applies).toBe(applies);
    expect(s.checklist.length > 0).toBe(applies);
    expect(s.applied.length > 0).toBe(applies);
  });

  it('a shop rule edit to 240 hours makes a 10-day window', () => {
    const s = assess(
      snap({ signedAt: iso(2026, 11, 10, 12) }),
      { commitments: [], ruleOverrides: { 'seven-day.window': { hours: 240 } } },
      NOW,
    ).sevenDay;
    expect([s.windowDays, s.endsAt]).toEqual([10, iso(2026, 11, 21)]);
    expect(s.why).toBe('签收次日零时起 10 天，至 2026-11-21 00:00 止');
  });
});
