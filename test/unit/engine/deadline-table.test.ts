/** The deadline module's table: tiers at their edges, whose turn a page countdown is, and the rule estimates' edges. */
import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY, tierOf } from '../../../lib/engine';
import type { CaseSnapshot, CaseStatus } from '../../../lib/shared/types';
import { H, iso, NOW, snap } from './helpers';

describe('tiers at their edges', () => {
  it.each([
    ['no deadline', undefined, 'none'],
    ['due now', NOW, 'overdue'],
    ['a millisecond past', NOW - 1, 'overdue'],
    ['a millisecond left', NOW + 1, 'lt6h'],
    ['just under 6 h', NOW + 6 * H - 1, 'lt6h'],
    ['exactly 6 h', NOW + 6 * H, 'lt24h'],
    ['just under 24 h', NOW + 24 * H - 1, 'lt24h'],
    ['exactly 24 h', NOW + 24 * H, 'later'],
  ])('%s → %s', (_what, due, tier) => expect(tierOf(due, NOW)).toBe(tier));
});

describe('a page countdown: whose turn, and what happens when the page does not say', () => {
  const page = { at: iso(2026, 11, 23, 10), text: '还剩19时' };
  it.each<[CaseStatus, Partial<CaseSnapshot>, 'seller' | 'buyer', string]>([
    ['WAIT_SELLER_AGREE', {}, 'seller', 'auto-agree'],
    ['WAIT_SELLER_AGREE', { refundType: '仅退款' }, 'seller', 'auto-refund'],
    ['WAIT_SELLER_CONFIRM_GOODS', {}, 'seller', 'auto-refund'],
    ['WAIT_BUYER_RETURN_GOODS', {}, 'buyer', 'auto-close'],
    ['SELLER_REFUSE_BUYER', {}, 'buyer', 'auto-close'],
    ['EXCHANGE_WAIT_SELLER_AGREE', { kind: 'exchange' }, 'seller', 'auto-agree'],
    ['EXCHANGE_WAIT_SELLER_RECEIVE', { kind: 'exchange' }, 'seller', 'auto-confirm'],
    ['EXCHANGE_WAIT_SELLER_SEND', { kind: 'exchange' }, 'seller', 'auto-close'],
    ['EXCHANGE_WAIT_BUYER_RETURN', { kind: 'exchange' }, 'buyer', 'auto-close'],
    ['EXCHANGE_WAIT_BUYER_RECEIVE', { kind: 'exchange' }, 'buyer', 'auto-confirm'],
    ['EXCHANGE_WAIT_BUYER_MODIFY', { kind: 'exchange' }, 'buyer', 'auto-close'],
    ['POSTAGE_WAIT_SELLER', { kind: 'postage' }, 'seller', 'auto-agree'],
    ['POSTAGE_WAIT_ACTIVATE', { kind: 'postage' }, 'buyer', 'auto-close'],
  ])('%s %o: %s, %s', (status, patch, actor, consequence) => {
    const a = assess(snap({ ...patch, status, pageDeadline: page }), EMPTY_POLICY, NOW);
    expect(a.deadline).toMatchObject({ at: page.at, basis: 'page', actor, consequence });
  });

  it.each<CaseStatus>(['SUCCESS', 'CLOSED', 'EXCHANGE_SUCCESS', 'POSTAGE_PAID'])(
    'a finished case (%s) has no deadline, whatever the page still shows',
    (status) => {
      const a = assess(snap({ status, pageDeadline: page }), EMPTY_POLICY, NOW);
      expect([a.deadline, a.deadlines, a.tier]).toEqual([null, [], 'none']);
    },
  );
});

describe('rule estimates at their edges', () => {
  const returned = {
    status: 'WAIT_SELLER_CONFIRM_GOODS' as const,
    returnLogistics: { shippedAt: iso(2026, 11, 20, 12) },
  };
  it.each<[string, Partial<CaseSnapshot>, string | null, string | undefined]>([
    [
      '天猫：the 48-hour cut after the normal deadline leaves the normal one',
      { ...returned, platform: 'tmall', returnLogistics: { ...returned.returnLogistics, signedAt: iso(2026, 11, 29) } },
      iso(2026, 11, 30, 12),
      'deadline.seller-confirm-goods',
    ],
    [
      '天猫：the cut before it wins',
      { ...returned, platform: 'tmall', returnLogistics: { ...returned.returnLogistics, signedAt: iso(2026, 11, 22) } },
      iso(2026, 11, 24),
      'deadline.tmall-signed-return',
    ],
    [
      '淘宝: no cut',
      { ...returned, returnLogistics: { ...returned.returnLogistics, signedAt: iso(2026, 11, 22) } },
      iso(2026, 11, 30, 12),
      'deadline.seller-confirm-goods',
    ],
    [
      'returned, known from 协商历史 only',
      {
        status: 'WAIT_SELLER_CONFIRM_GOODS',
        history: [{ at: iso(2026, 11, 20, 12), actor: '买家', text: '已退货', by: 'buyer', event: 'returned' }],
      },
      iso(2026, 11, 30, 12),
      'deadline.seller-confirm-goods',
    ],
    [
      'the latest agreement counts, the platform’s too, the buyer’s never',
      {
        status: 'WAIT_BUYER_RETURN_GOODS',
        history: [
          { at: iso(2026, 11, 19, 12), actor: '商家', text: '同意', by: 'seller', event: 'agreed' },
          { at: iso(2026, 11, 20, 12), actor: '小二', text: '同意', by: 'platform', event: 'agreed' },
          { at: iso(2026, 11, 21, 12), actor: '买家', text: '同意', by: 'buyer', event: 'agreed' },
        ],
      },
      iso(2026, 11, 27, 12),
      'deadline.buyer-return',
    ],
    [
      'a refusal by the buyer does not start the seller-refused clock',
      {
        status: 'SELLER_REFUSE_BUYER',
        history: [{ at: iso(2026, 11, 21, 12), actor: '买家', text: '拒绝', by: 'buyer', event: 'refused' }],
      },
      null,
      undefined,
    ],
    ['no application time: unknown', { appliedAt: undefined }, null, undefined],
    ['refund type unknown: unknown', { refundType: undefined }, null, undefined],
    ['仅退款, shipping unknown: unknown', { refundType: '仅退款', shipped: undefined }, null, undefined],
    ['a state without a rule: unknown', { kind: 'exchange', status: 'EXCHANGE_WAIT_SELLER_SEND' }, null, undefined],
  ])('%s', (_what, patch, at, ruleId) => {
    const d = assess(snap(patch), EMPTY_POLICY, NOW).deadline;
    expect(d?.at).toBe(at);
    if (at === null) expect(d?.why).toMatch(/未知|请打开/);
    else expect(d).toMatchObject({ basis: 'rule', ruleId });
  });

  it('a shop’s edited hours move the estimate', () => {
    const a = assess(
      snap(),
      { commitments: [], ruleOverrides: { 'deadline.return-refund-agree': { hours: 24 } } },
      NOW,
    );
    expect(a.deadline?.at).toBe(iso(2026, 11, 22, 10));
  });
});

describe('deadlines in words, and the list of them', () => {
  it.each<[string, Partial<CaseSnapshot>, string]>([
    ['an estimate', {}, '按规则估算：退货退款申请：商家处理时限，自申请时间起 120 小时'],
    [
      'an estimate from the agreement',
      {
        status: 'WAIT_BUYER_RETURN_GOODS',
        history: [
          { at: iso(2026, 11, 21, 12), actor: '商家', text: '同意', by: 'seller', event: 'agreed' },
          { at: iso(2026, 11, 22, 12), actor: '商家', text: '拒绝', by: 'seller', event: 'refused' },
        ],
      },
      '按规则估算：待买家退货：买家寄回时限，自商家同意起 168 小时',
    ],
    [
      'from the refusal',
      {
        status: 'SELLER_REFUSE_BUYER',
        history: [{ at: iso(2026, 11, 21, 12), actor: '商家', text: '拒绝', by: 'seller', event: 'refused' }],
      },
      '按规则估算：商家已拒绝：买家修改时限，自商家拒绝起 168 小时',
    ],
    [
      'from the return',
      { status: 'WAIT_SELLER_CONFIRM_GOODS', returnLogistics: { shippedAt: iso(2026, 11, 20, 12) } },
      '按规则估算：买家已退货：商家确认收货时限，自买家寄回起 240 小时',
    ],
    [
      'an exchange',
      { kind: 'exchange', refundType: '换货', status: 'EXCHANGE_WAIT_SELLER_AGREE' },
      '按规则估算：换货申请：商家处理时限，自申请时间起 120 小时',
    ],
    [
      'the Tmall cut',
      {
        platform: 'tmall',
        status: 'WAIT_SELLER_CONFIRM_GOODS',
        returnLogistics: { shippedAt: iso(2026, 11, 20, 12), signedAt: iso(2026, 11, 22) },
      },
      '按规则估算：天猫：退件签收/拒收后 48 小时',
    ],
    ['the page', { pageDeadline: { at: iso(2026, 11, 23), text: '还剩9时' } }, '平台页面倒计时（还剩9时）'],
    [
      'an exchange without its application time',
      { kind: 'exchange', status: 'EXCHANGE_WAIT_SELLER_AGREE', appliedAt: undefined },
      '申请时间未知：请打开该售后单的详情页，读取平台倒计时或状态开始时间',
    ],
  ])('%s', (_what, patch, why) => expect(assess(snap(patch), EMPTY_POLICY, NOW).deadline?.why).toBe(why));

  it('the agreement, not a later refusal, starts the return clock', () => {
    const d = assess(
      snap({
        status: 'WAIT_BUYER_RETURN_GOODS',
        history: [
          { at: iso(2026, 11, 21, 12), actor: '商家', text: '同意', by: 'seller', event: 'agreed' },
          { at: iso(2026, 11, 22, 12), actor: '商家', text: '拒绝', by: 'seller', event: 'refused' },
        ],
      }),
      EMPTY_POLICY,
      NOW,
    ).deadline;
    expect(d?.at).toBe(iso(2026, 11, 28, 12));
  });

  it('the Tmall cut landing exactly on the normal deadline leaves the normal one', () => {
    const d = assess(
      snap({
        platform: 'tmall',
        status: 'WAIT_SELLER_CONFIRM_GOODS',
        returnLogistics: { shippedAt: iso(2026, 11, 20, 12), signedAt: iso(2026, 11, 28, 12) },
      }),
      EMPTY_POLICY,
      NOW,
    ).deadline;
    expect(d).toMatchObject({ at: iso(2026, 11, 30, 12), ruleId: 'deadline.seller-confirm-goods' });
  });

  it.each<[string, Partial<CaseSnapshot>, string[]]>([
    ['a page countdown and an estimate', { pageDeadline: { at: iso(2026, 11, 23), text: 'x' } }, ['page', 'rule']],
    [
      'a page countdown, no estimate possible',
      { appliedAt: undefined, pageDeadline: { at: iso(2026, 11, 23), text: 'x' } },
      ['page'],
    ],
    ['an estimate only', {}, ['rule']],
    ['nothing known', { appliedAt: undefined }, []],
  ])('%s', (_what, patch, bases) => {
    expect(assess(snap(patch), EMPTY_POLICY, NOW).deadlines.map((d) => d.basis)).toEqual(bases);
  });
});
