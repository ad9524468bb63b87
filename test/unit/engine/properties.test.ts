import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../lib/engine';
import { markOf } from '../../../lib/engine/mark';
import { CASE_STATUSES, type CaseSnapshot } from '../../../lib/shared/types';
import { toChinaIso } from '../../../lib/shared/china-time';

const RUNS = 500;
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
const maybeIso = fc.option(instant.map(toChinaIso), { nil: undefined });

const snapshot: fc.Arbitrary<CaseSnapshot> = fc.record({
  platform: fc.constantFrom('taobao' as const, 'tmall' as const),
  disputeId: fc.constant('1234567'),
  kind: fc.constantFrom('refund' as const, 'exchange' as const, 'postage' as const),
  refundType: fc.option(fc.constantFrom('仅退款' as const, '退货退款' as const, '换货' as const, '邮费' as const), {
    nil: undefined,
  }),
  status: fc.constantFrom(...CASE_STATUSES),
  shipped: fc.option(fc.boolean(), { nil: undefined }),
  goodsStatus: fc.option(
    fc.constantFrom('BUYER_NOT_RECEIVED' as const, 'BUYER_RECEIVED' as const, 'BUYER_RETURNED_GOODS' as const),
    { nil: undefined },
  ),
  paidFen: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined }),
  appliedAt: maybeIso,
  paidAt: maybeIso,
  shippedAt: maybeIso,
  signedAt: maybeIso,
  reason: fc.option(
    fc.oneof(fc.string(), fc.constantFrom('质量问题', '拍错/多拍/不想要', '假货', '少件', '未按约定时间发货')),
    { nil: undefined },
  ),
  returnLogistics: fc.option(fc.record({ shippedAt: maybeIso, signedAt: maybeIso }), { nil: undefined }),
  history: fc.option(
    fc.array(
      fc.record({
        at: instant.map(toChinaIso),
        actor: fc.constantFrom('买家', '商家', '系统'),
        text: fc.constantFrom('商家同意了退货申请', '商家拒绝了退款申请', '买家已退货', 'x'),
      }),
      { maxLength: 4 },
    ),
    { nil: undefined },
  ),
  flags: fc.record({
    freeShipping: fc.option(fc.boolean(), { nil: undefined }),
    freightInsurance: fc.option(fc.boolean(), { nil: undefined }),
    platformIntervened: fc.option(fc.boolean(), { nil: undefined }),
  }),
});

const policy = fc.record({
  commitments: fc.array(
    fc
      .oneof(
        fc.record({ type: fc.constant('seven-day' as const), days: fc.integer({ min: 1, max: 30 }) }),
        fc.record({ type: fc.constant('shipping-promise' as const), hours: fc.integer({ min: 1, max: 200 }) }),
        fc.record({ type: fc.constant('fake-3x' as const) }),
        fc.record({ type: fc.constant('quality-promise' as const), amountFen: fc.integer({ min: 0, max: 1e6 }) }),
        fc.record({
          type: fc.constant('return-promise' as const),
          days: fc.integer({ min: 1, max: 30 }),
          postagePaidBy: fc.constantFrom('seller' as const, 'buyer' as const),
        }),
      )
      .chain((t) =>
        fc
          .record({ enabled: fc.boolean(), effectiveFrom: fc.oneof(instant.map(toChinaIso), fc.string()) })
          .map((e) => ({ ...t, ...e })),
      ),
    { maxLength: 5 },
  ),
  ruleOverrides: fc.option(
    fc.dictionary(
      fc.constantFrom('deadline.return-refund-agree', 'compensation.late-shipment-taobao', 'nope'),
      fc.dictionary(fc.constantFrom('hours', 'percent', 'maxFen'), fc.double()),
    ),
    { nil: undefined },
  ),
});

describe(`the engine on random cases and settings (${RUNS} runs)`, () => {
  it('never throws, never gives NaN, never a deadline before the state began, never a negative amount', () => {
    fc.assert(
      fc.property(snapshot, policy, instant, (c, p, now) => {
        const a = assess(c, p, now);
        for (const d of a.deadlines) {
          const at = Date.parse(d.at);
          expect(Number.isFinite(at)).toBe(true);
          if (
            d.basis === 'rule' &&
            c.appliedAt &&
            d.ruleId !== 'deadline.tmall-signed-return' &&
            /agree|unshipped|shipped/.test(d.ruleId ?? '')
          )
            expect(at).toBeGreaterThanOrEqual(Date.parse(c.appliedAt));
        }
        if (a.sevenDay.endsAt) {
          expect(Number.isFinite(Date.parse(a.sevenDay.endsAt))).toBe(true);
          expect(Date.parse(a.sevenDay.endsAt)).toBeGreaterThan(Date.parse(c.signedAt!));
        }
        for (const comp of a.compensation)
          if (comp.fen !== null) expect(Number.isSafeInteger(comp.fen) && comp.fen >= 0).toBe(true);
        if (a.workingMsLeft !== undefined) expect(a.workingMsLeft).toBeGreaterThanOrEqual(0);
        expect(['overdue', 'lt6h', 'lt24h', 'later', 'none']).toContain(a.tier);
      }),
      { numRuns: RUNS },
    );
  });
});

/** What the platform may do, in every spelling the assessment could use. */
const ACTION_WORDS: Record<string, RegExp> = {
  'auto-agree': /auto-agree|自动同意|视作同意/,
  'auto-refund': /auto-refund|自动退款/,
  'auto-close': /auto-close|自动关闭/,
  'auto-confirm': /auto-confirm|自动确认收货/,
};

const unreadSnapshot = fc
  .tuple(
    snapshot,
    fc.option(
      fc.record({
        at: instant.map(toChinaIso),
        text: fc.constantFrom('还剩1天6时40分', '还剩3时5分', '已超时'),
        action: fc.option(
          fc.constantFrom(
            'auto-agree' as const,
            'auto-refund' as const,
            'auto-close' as const,
            'auto-confirm' as const,
          ),
          { nil: undefined },
        ),
      }),
      { nil: undefined },
    ),
    fc.option(fc.constantFrom('售后申请审核中', '协商中'), { nil: undefined }),
  )
  .map(([c, pageDeadline, statusText]): CaseSnapshot => ({
    ...c,
    status: 'UNKNOWN',
    statusText,
    ...(pageDeadline ? { pageDeadline } : {}),
  }));

describe(`a case whose status was not read (${RUNS} runs)`, () => {
  it('names no actor and no consequence the page did not state, and keeps the page’s instant', () => {
    fc.assert(
      fc.property(unreadSnapshot, policy, instant, (c, p, now) => {
        const a = assess(c, p, now);
        const stated = c.pageDeadline?.action;
        for (const d of [a.deadline, ...a.deadlines]) {
          if (!d || d.at === null) continue;
          expect(d.actor).toBeNull();
          expect(d.consequence).toBe(stated ?? null);
          expect(d).toMatchObject({ basis: 'page', at: c.pageDeadline!.at });
        }
        if (c.pageDeadline) expect(a.deadline).toMatchObject({ at: c.pageDeadline.at, text: c.pageDeadline.text });
        // No word anywhere in the judgement for an action the page did not announce.
        const said = JSON.stringify({ ...a, ...markOf(a) });
        for (const [action, words] of Object.entries(ACTION_WORDS))
          if (action !== stated) expect(said, action).not.toMatch(words);
        // Nor whose turn it is: no step, no refund-rate flag.
        expect(a.steps).toEqual([]);
        expect(a.needs.actor).toEqual(['status']);
        expect(a.flags.map((f) => f.id)).not.toContain('counts-toward-refund-rate');
      }),
      { numRuns: RUNS },
    );
  });
});
