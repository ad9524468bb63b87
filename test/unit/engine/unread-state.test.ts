/**
 * A case whose status was not read (UNKNOWN): the page's countdown stays what the page says, and
 * nothing that turns on the state (whose turn, what the platform does, the next steps, the refund-rate
 * flag, status-specific replies) is guessed. Each output that reads the state, once.
 */
import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY, type ShopPolicy } from '../../../lib/engine';
import { planAlerts } from '../../../lib/engine/alerts';
import { markOf } from '../../../lib/engine/mark';
import { dueOf } from '../../../lib/storage/db';
import { SHIPPED_REPLIES, suggestReplies } from '../../../lib/replies';
import { replyNeeds } from '../../../lib/replies/rank';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { iso, NOW, snap } from './helpers';

/** The case from the report: 买家已经申请退款，等待卖家同意 in a layout the reader did not know; 还剩1天6时40分. */
const COUNTDOWN = { at: iso(2026, 11, 23, 21, 40), text: '还剩1天6时40分' };
const unread = (patch: Partial<CaseSnapshot> = {}) =>
  snap({ status: 'UNKNOWN', statusText: undefined, pageDeadline: COUNTDOWN, ...patch });

describe('deadline: the page countdown of a case whose state was not read', () => {
  it('keeps the instant and the text as shown, with no actor and no consequence', () => {
    const a = assess(unread(), EMPTY_POLICY, NOW);
    expect(a.deadline).toEqual({
      at: COUNTDOWN.at,
      actor: null,
      consequence: null,
      basis: 'page',
      text: '还剩1天6时40分',
      why: '平台页面倒计时（还剩1天6时40分）',
    });
    // No estimate from a rule for a state nobody read.
    expect(a.deadlines).toEqual([a.deadline]);
    expect(a.needs).toEqual({ actor: ['status'], consequence: ['status'], steps: ['status'] });
  });

  it('takes the action only from the page’s own words', () => {
    const a = assess(
      unread({ pageDeadline: { ...COUNTDOWN, text: '30时40分后自动同意', action: 'auto-agree' } }),
      EMPTY_POLICY,
      NOW,
    );
    expect(a.deadline).toMatchObject({ actor: null, consequence: 'auto-agree', basis: 'page' });
    expect(a.needs.consequence).toBeUndefined();
    expect(a.needs.actor).toEqual(['status']);
  });

  it('keeps the urgency: the tier follows the instant, and the alerts fire on it', () => {
    const soon = assess(
      unread({ pageDeadline: { at: iso(2026, 11, 22, 15, 50), text: '还剩50分' } }),
      EMPTY_POLICY,
      NOW,
    );
    expect(soon.tier).toBe('lt6h');
    const due = dueOf(unread({ pageDeadline: { at: iso(2026, 11, 22, 15, 50), text: '还剩50分' } }));
    expect(due).toEqual({ at: iso(2026, 11, 22, 15, 50), basis: 'page', actor: null, consequence: null });
    const plan = planAlerts(
      [{ key: 'taobao:1', dueAt: Date.parse(due!.at), alertsSent: [] }],
      { thresholdsMin: [1440, 360, 60], overdue: true },
      NOW,
    );
    expect(plan.notify).toEqual([{ key: 'taobao:1', thresholdMin: 60, alsoMark: [1440, 360, 60] }]);
  });

  it('without a countdown, says the deadline is unknown and where to look', () => {
    const a = assess(unread({ pageDeadline: undefined }), EMPTY_POLICY, NOW);
    expect(a.deadline?.at).toBeNull();
    expect(a.deadline?.why).toMatch(/状态未读到.*详情页/);
    expect(a.tier).toBe('none');
  });

  it('gives the row badge the countdown marked as the state not read, and the page’s action when it said one', () => {
    expect(markOf(assess(unread(), EMPTY_POLICY, NOW))).toMatchObject({
      dueAt: Date.parse(COUNTDOWN.at),
      estimated: false,
      stateUnread: true,
    });
    expect(markOf(assess(unread(), EMPTY_POLICY, NOW)).pageAction).toBeUndefined();
    expect(
      markOf(assess(unread({ pageDeadline: { ...COUNTDOWN, action: 'auto-refund' } }), EMPTY_POLICY, NOW)).pageAction,
    ).toBe('auto-refund');
    expect(markOf(assess(snap({ pageDeadline: COUNTDOWN }), EMPTY_POLICY, NOW)).stateUnread).toBeUndefined();
  });
});

describe('next steps need the state', () => {
  it.each([
    ['a refund', {}],
    ['an exchange (it used to say "wait for the buyer")', { kind: 'exchange' as const, refundType: '换货' as const }],
    [
      'a postage claim (it used to say "pay if it is our fault")',
      { kind: 'postage' as const, refundType: '邮费' as const, reason: '质量问题退货运费' },
    ],
  ])('proposes none for %s, and says what they need', (_what, patch) => {
    const a = assess(unread(patch), EMPTY_POLICY, NOW);
    expect(a.steps).toEqual([]);
    expect(a.needs.steps).toEqual(['status']);
  });

  it('needs nothing once the state is read', () => {
    const a = assess(snap({ pageDeadline: COUNTDOWN }), EMPTY_POLICY, NOW);
    expect(a.needs).toEqual({});
    expect(a.steps.length).toBeGreaterThan(0);
  });
});

describe('risk flags and evidence name only what was read', () => {
  it('does not say a refund "will count toward the refund rate" when it may already be closed or refunded', () => {
    const a = assess(unread(), EMPTY_POLICY, NOW);
    expect(a.flags.map((f) => f.id)).not.toContain('counts-toward-refund-rate');
    expect(assess(snap(), EMPTY_POLICY, NOW).flags.map((f) => f.id)).toContain('counts-toward-refund-rate');
  });

  it('flags the countdown’s urgency without saying the platform will act', () => {
    const within = assess(
      unread({ pageDeadline: { at: iso(2026, 11, 23, 10), text: '还剩19时0分' } }),
      EMPTY_POLICY,
      NOW,
    ).flags.find((f) => f.id === 'due-within-24h');
    expect(within?.text).toBe('页面倒计时不足 24 小时');
    const overdue = assess(
      unread({ pageDeadline: { at: iso(2026, 11, 22, 14), text: '已超时' } }),
      EMPTY_POLICY,
      NOW,
    ).flags.find((f) => f.id === 'overdue');
    expect(overdue?.text).toBe('页面倒计时已到');
  });

  it('lists evidence from a platform intervention the page showed, and none from a guessed state', () => {
    const intervened = assess(unread({ reason: '假冒品牌', flags: { platformIntervened: true } }), EMPTY_POLICY, NOW);
    expect(intervened.evidence.join('\n')).toMatch(/品牌授权/);
    expect(intervened.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['platform-intervened', 'dispute-risk']));
    expect(assess(unread(), EMPTY_POLICY, NOW).evidence).toEqual([]);
  });
});

describe('postage, compensation and 七天无理由 turn on the reason, type, shipment, times and promises, not the state', () => {
  const PROMISES: ShopPolicy = {
    commitments: [{ type: 'shipping-promise', hours: 24, enabled: true, effectiveFrom: '2026-01-01T00:00:00+08:00' }],
  };
  it.each([
    ['a no-reason return, signed', { signedAt: iso(2026, 11, 19, 12), flags: { freeShipping: true } }],
    ['a quality problem', { reason: '质量问题' }],
    [
      'a late shipment, refund only',
      {
        refundType: '仅退款' as const,
        shipped: false,
        goodsStatus: 'BUYER_NOT_RECEIVED' as const,
        reason: '未按约定时间发货',
        paidAt: iso(2026, 11, 19, 10),
      },
    ],
  ])('%s: the same whether the state was read or not', (_what, patch) => {
    const read = assess(snap(patch), PROMISES, NOW);
    const notRead = assess(unread(patch), PROMISES, NOW);
    expect(notRead.postage).toEqual(read.postage);
    expect(notRead.compensation).toEqual(read.compensation);
    expect(notRead.sevenDay).toEqual(read.sevenDay);
  });
});

describe('replies for a case whose state was not read', () => {
  it('offers only status-neutral templates (greetings, asking for photos), and says the rest need the state', () => {
    for (const reason of [undefined, '商品破损', '质量问题', '7天无理由退换货', '未按约定时间发货']) {
      for (const flags of [{}, { buyerUrged: true }, { platformIntervened: true }]) {
        const c = unread({ reason, flags });
        const offered = suggestReplies(SHIPPED_REPLIES, c, assess(c, EMPTY_POLICY, NOW), 50);
        expect(offered.length).toBeGreaterThan(0);
        for (const s of offered) expect(s.template.fit.statuses, s.template.id).toContain('UNKNOWN');
        expect(offered.map((s) => s.template.body).join('\n')).not.toMatch(
          /已经处理成功|已经同意|马上为您同意|同意退款|已经关闭/,
        );
      }
    }
    expect(replyNeeds(unread())).toEqual(['status']);
    expect(replyNeeds(snap())).toEqual([]);
  });

  it('never offers "您的退款已经处理成功了" unless the state says so', () => {
    const done = SHIPPED_REPLIES.find((t) => t.id === 'refund.done')!;
    const success = snap({ status: 'SUCCESS' });
    expect(suggestReplies([done], success, assess(success, EMPTY_POLICY, NOW)).map((s) => s.template.id)).toEqual([
      'refund.done',
    ]);
    const c = unread();
    expect(suggestReplies([done], c, assess(c, EMPTY_POLICY, NOW))).toEqual([]);
  });

  it('puts a photo request first for a damaged item, before the greeting', () => {
    const c = unread({ reason: '商品破损' });
    expect(suggestReplies(SHIPPED_REPLIES, c, assess(c, EMPTY_POLICY, NOW))[0]?.template.id).toBe('damage.photos');
  });

  it('holds back the shop’s own templates too: their words may name a state', () => {
    const mine = {
      id: 'mine',
      title: '我的',
      category: 'refund' as const,
      body: '亲，已为您退款',
      fit: {},
      why: '自定义',
      origin: 'user' as const,
    };
    const c = unread();
    expect(suggestReplies([mine], c, assess(c, EMPTY_POLICY, NOW))).toEqual([]);
  });
});
