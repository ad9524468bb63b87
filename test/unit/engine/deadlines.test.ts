import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY } from '../../../lib/engine';
import { at, H, iso, NOW, snap } from './helpers';

describe('deadline: the page countdown is the authority', () => {
  it('uses the page countdown over the rule, and says so', () => {
    const a = assess(
      snap({ pageDeadline: { at: iso(2026, 11, 22, 18, 0), text: '还剩3时0分', action: 'auto-agree' } }),
      EMPTY_POLICY,
      NOW,
    );
    expect(a.deadline).toMatchObject({
      at: iso(2026, 11, 22, 18, 0),
      basis: 'page',
      actor: 'seller',
      consequence: 'auto-agree',
    });
    expect(a.tier).toBe('lt6h');
    expect(a.deadlines.map((d) => d.basis)).toEqual(['page', 'rule']);
  });

  it('takes the consequence from the state when the page does not announce one', () => {
    const a = assess(
      snap({ refundType: '仅退款', pageDeadline: { at: iso(2026, 11, 23, 18, 0), text: '还剩1天3时0分' } }),
      EMPTY_POLICY,
      NOW,
    );
    expect(a.deadline).toMatchObject({ consequence: 'auto-refund', basis: 'page' });
  });
});

describe('deadline from the default profile when the page shows none', () => {
  const applied = iso(2026, 11, 21, 10, 0);
  it.each([
    [
      '仅退款, not shipped: 48 h, auto-refund',
      { refundType: '仅退款' as const, shipped: false, goodsStatus: 'BUYER_NOT_RECEIVED' as const },
      iso(2026, 11, 23, 10, 0),
      'seller',
      'auto-refund',
      'deadline.refund-only-unshipped',
    ],
    [
      '仅退款, shipped: 5 days, auto-refund',
      { refundType: '仅退款' as const, shipped: true },
      iso(2026, 11, 26, 10, 0),
      'seller',
      'auto-refund',
      'deadline.refund-only-shipped',
    ],
    [
      '退货退款: 5 days, auto-agree',
      {},
      iso(2026, 11, 26, 10, 0),
      'seller',
      'auto-agree',
      'deadline.return-refund-agree',
    ],
    [
      '待买家退货: 7 days from the agreement, auto-close',
      {
        status: 'WAIT_BUYER_RETURN_GOODS' as const,
        history: [
          {
            at: iso(2026, 11, 21, 16, 0),
            actor: '商家',
            text: '商家同意了退货申请',
            by: 'seller' as const,
            event: 'agreed' as const,
          },
        ],
      },
      iso(2026, 11, 28, 16, 0),
      'buyer',
      'auto-close',
      'deadline.buyer-return',
    ],
    [
      '商家已拒绝: 7 days from the refusal, auto-close',
      {
        status: 'SELLER_REFUSE_BUYER' as const,
        history: [
          {
            at: iso(2026, 11, 21, 20, 0),
            actor: '商家',
            text: '商家拒绝了退款申请',
            by: 'seller' as const,
            event: 'refused' as const,
          },
        ],
      },
      iso(2026, 11, 28, 20, 0),
      'buyer',
      'auto-close',
      'deadline.buyer-modify',
    ],
    [
      '买家已退货 (Taobao): 10 days from the dispatch, auto-refund',
      {
        status: 'WAIT_SELLER_CONFIRM_GOODS' as const,
        returnLogistics: { shippedAt: iso(2026, 11, 21, 12, 0), signedAt: iso(2026, 11, 22, 9, 0) },
      },
      iso(2026, 12, 1, 12, 0),
      'seller',
      'auto-refund',
      'deadline.seller-confirm-goods',
    ],
    [
      '买家已退货 (Tmall, signed): at most 48 h after signing',
      {
        platform: 'tmall' as const,
        status: 'WAIT_SELLER_CONFIRM_GOODS' as const,
        returnLogistics: { shippedAt: iso(2026, 11, 21, 12, 0), signedAt: iso(2026, 11, 22, 9, 0) },
      },
      iso(2026, 11, 24, 9, 0),
      'seller',
      'auto-refund',
      'deadline.tmall-signed-return',
    ],
    [
      '换货待处理: 5 days, auto-agree',
      { kind: 'exchange' as const, refundType: '换货' as const, status: 'EXCHANGE_WAIT_SELLER_AGREE' as const },
      iso(2026, 11, 26, 10, 0),
      'seller',
      'auto-agree',
      'deadline.exchange-agree',
    ],
  ])('%s', (_what, patch, expected, actor, consequence, ruleId) => {
    const a = assess(snap({ appliedAt: applied, ...patch }), EMPTY_POLICY, NOW);
    expect(a.deadline).toMatchObject({ at: expected, actor, consequence, basis: 'rule', ruleId });
  });

  it('says "unknown: open the detail page" instead of guessing when the start is not known', () => {
    for (const patch of [
      { appliedAt: undefined },
      { status: 'WAIT_BUYER_RETURN_GOODS' as const },
      { status: 'WAIT_SELLER_CONFIRM_GOODS' as const },
      { refundType: '仅退款' as const, shipped: undefined },
    ]) {
      const a = assess(snap(patch), EMPTY_POLICY, NOW);
      expect(a.deadline?.at).toBeNull();
      expect(a.deadline?.why).toMatch(/详情页/);
      expect(a.tier).toBe('none');
    }
  });

  it('has no deadline for a finished case', () => {
    const a = assess(
      snap({ status: 'SUCCESS', pageDeadline: { at: iso(2026, 11, 23), text: '还剩9时' } }),
      EMPTY_POLICY,
      NOW,
    );
    expect(a.deadline).toBeNull();
    expect(a.deadlines).toEqual([]);
  });

  it('lets a shop edit a rule value', () => {
    const a = assess(
      snap(),
      { commitments: [], ruleOverrides: { 'deadline.return-refund-agree': { hours: 72 } } },
      NOW,
    );
    expect(a.deadline?.at).toBe(iso(2026, 11, 24, 10, 0));
  });

  it.each([
    [at(2026, 11, 22, 14, 59), 'overdue'],
    [NOW + 5 * H, 'lt6h'],
    [NOW + 23 * H, 'lt24h'],
    [NOW + 25 * H, 'later'],
  ])('puts a deadline at %i in tier %s', (due, tier) => {
    const a = assess(snap({ pageDeadline: { at: new Date(due).toISOString(), text: 'x' } }), EMPTY_POLICY, NOW);
    expect(a.tier).toBe(tier);
  });
});

describe('working hours', () => {
  const policy = {
    commitments: [],
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
    holidays: ['2026-11-24'],
  };
  it('counts only working time left before the deadline (weekend and a holiday skipped)', () => {
    // Fri 2026-11-20 17:00 → Wed 2026-11-25 10:00: Fri 1 h + Mon 9 h + (Tue holiday) + Wed 1 h = 11 h
    const a = assess(
      snap({ pageDeadline: { at: iso(2026, 11, 25, 10, 0), text: 'x' } }),
      policy,
      at(2026, 11, 20, 17, 0),
    );
    expect(a.workingMsLeft).toBe(11 * H);
  });
  it('is absent when the shop set no working hours', () => {
    expect(
      assess(snap({ pageDeadline: { at: iso(2026, 11, 25, 10, 0), text: 'x' } }), EMPTY_POLICY, NOW).workingMsLeft,
    ).toBeUndefined();
  });
});
