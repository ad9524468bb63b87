/** What staff read beside the figures: the compensation formulas, the postage reasons, the windows in words. */
import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY, type ShopPolicy } from '../../../lib/engine';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { iso, NOW, snap } from './helpers';
import { on } from './seed-cases';

const LATE = {
  refundType: '仅退款' as const,
  shipped: false,
  goodsStatus: 'BUYER_NOT_RECEIVED' as const,
  reason: '未按约定时间发货',
};

describe('compensation formulas', () => {
  it.each<[string, Partial<CaseSnapshot>, ShopPolicy, string]>([
    ['淘宝', { ...LATE, paidFen: 12800 }, EMPTY_POLICY, '实付¥128.00 × 5%，最低 ¥1.00，最高 ¥30.00（48 小时内未发货）'],
    [
      '天猫 (no minimum)',
      { ...LATE, platform: 'tmall', paidFen: 12800 },
      EMPTY_POLICY,
      '实付¥128.00 × 30%，最高 ¥500.00（48 小时内未发货）',
    ],
    [
      '实付 unknown',
      { ...LATE, paidFen: undefined },
      EMPTY_POLICY,
      '实付（未知） × 5%，最低 ¥1.00，最高 ¥30.00（48 小时内未发货）',
    ],
    [
      '发货时间承诺',
      { ...LATE, paidFen: 12800 },
      { commitments: [on({ type: 'shipping-promise', hours: 24 })] },
      '实付¥128.00 × 5%，最低 ¥1.00，最高 ¥30.00（店铺承诺 24 小时内发货，与平台规定取高者）',
    ],
    [
      '假一赔三',
      { reason: '假货', paidFen: 12345 },
      { commitments: [on({ type: 'fake-3x' })] },
      '退回实付价款，另赔实付¥123.45 × 2，并承担全部运费',
    ],
    [
      '假一赔三，实付未知',
      { reason: '假货', paidFen: undefined },
      { commitments: [on({ type: 'fake-3x' })] },
      '退回实付价款，另赔实付（未知） × 2，并承担全部运费',
    ],
    [
      '品质承诺',
      { reason: '质量问题' },
      { commitments: [on({ type: 'quality-promise', amountFen: 2000 })] },
      '退回价款并补偿约定赔偿金 ¥20.00',
    ],
  ])('%s', (_what, patch, policy, formula) => {
    expect(assess(snap(patch), policy, NOW).compensation.map((c) => c.formula)).toEqual([formula]);
  });

  it('late shipment and 品质承诺 together, in that order', () => {
    const a = assess(
      snap({ reason: '质量问题', paidAt: iso(2026, 11, 10, 9), shippedAt: iso(2026, 11, 13, 9) }),
      { commitments: [on({ type: 'quality-promise', amountFen: 500 })] },
      NOW,
    );
    expect(a.compensation.map((c) => [c.kind, c.rule])).toEqual([
      ['late-shipment', 'compensation.late-shipment-taobao'],
      ['quality-promise', 'compensation.quality-promise'],
    ]);
  });

  it('an order paid at an unknown time, never shipped: no late shipment guessed', () => {
    expect(assess(snap({ ...LATE, reason: '不想要了', paidAt: undefined }), EMPTY_POLICY, NOW).compensation).toEqual(
      [],
    );
  });

  it('the shop edits the percent and the ceiling', () => {
    const policy = {
      commitments: [],
      ruleOverrides: { 'compensation.late-shipment-taobao': { percent: 10, maxFen: 1000 } },
    };
    expect(assess(snap({ ...LATE, paidFen: 5000 }), policy, NOW).compensation[0]?.fen).toBe(500);
    expect(assess(snap({ ...LATE, paidFen: 50000 }), policy, NOW).compensation[0]?.fen).toBe(1000);
  });
});

describe('postage reasons', () => {
  const promise = (payer: 'seller' | 'buyer') => ({
    commitments: [on({ type: 'return-promise', days: 15, postagePaidBy: payer })],
  });
  const inside = { signedAt: iso(2026, 11, 10), appliedAt: iso(2026, 11, 12) };
  it.each<[string, Partial<CaseSnapshot>, ShopPolicy, string]>([
    ['the rule’s title', { reason: '质量问题' }, EMPTY_POLICY, '商家责任：来回运费由商家承担'],
    [
      '退货承诺, seller',
      { ...inside, flags: { freeShipping: true } },
      promise('seller'),
      '店铺退货承诺：按承诺的承担方（签收次日零时起 15 天内，发货和退货运费都由商家承担）',
    ],
    [
      '退货承诺, buyer',
      { ...inside, flags: { freeShipping: true } },
      promise('buyer'),
      '店铺退货承诺：按承诺的承担方（签收次日零时起 15 天内，发货和退货运费都由买家承担）',
    ],
    [
      '运费险',
      { flags: { freeShipping: true, freightInsurance: true } },
      EMPTY_POLICY,
      '七天无理由退货（包邮商品）：买家承担退货运费；运费险：退货运费由保险承担',
    ],
    [
      '运费险 by the shop',
      { flags: { freeShipping: true } },
      { commitments: [on({ type: 'freight-insurance' })] },
      '七天无理由退货（包邮商品）：买家承担退货运费；运费险：退货运费由保险承担',
    ],
    [
      '破损补寄',
      { reason: '破损' },
      { commitments: [on({ type: 'damage-reship', reshipPaidBy: 'seller' })] },
      '商家责任：来回运费由商家承担；破损补寄：补寄运费按承诺',
    ],
  ])('%s', (_what, patch, policy, why) => {
    expect(assess(snap(patch), policy, NOW).postage.why).toBe(why);
  });

  it('运费险 does not touch a leg the seller already pays', () => {
    const p = assess(snap({ reason: '质量问题', flags: { freightInsurance: true } }), EMPTY_POLICY, NOW).postage;
    expect([p.returnPaidBy, p.rule, p.applied.map((r) => r.rule)]).toEqual([
      'seller',
      'postage.seller-fault',
      ['postage.seller-fault'],
    ]);
  });

  it('a 邮费单 is judged by what its reason says beside the postage', () => {
    const p = assess(
      snap({
        kind: 'postage',
        refundType: '邮费',
        status: 'POSTAGE_WAIT_SELLER',
        reason: '七天无理由退货运费',
        flags: { freeShipping: true },
      }),
      EMPTY_POLICY,
      NOW,
    ).postage;
    expect([p.outboundPaidBy, p.returnPaidBy, p.rule]).toEqual(['seller', 'buyer', 'postage.no-reason-free-shipping']);
  });
});

describe('the windows in words', () => {
  it.each<[string, Partial<CaseSnapshot>, ShopPolicy, string]>([
    ['7 days', { signedAt: iso(2026, 11, 10, 12) }, EMPTY_POLICY, '签收次日零时起 7 天，至 2026-11-18 00:00 止'],
    [
      'a longer promise',
      { signedAt: iso(2026, 11, 10, 12) },
      { commitments: [on({ type: 'seven-day', days: 15 })] },
      '签收次日零时起 15 天（店铺承诺），至 2026-11-26 00:00 止',
    ],
    ['signing unknown', { signedAt: undefined }, EMPTY_POLICY, '签收时间未知：请打开订单或售后详情页确认签收时间'],
    ['not a no-reason case', { reason: '质量问题', signedAt: undefined }, EMPTY_POLICY, '本单不涉及七天无理由'],
  ])('%s', (_what, patch, policy, why) => {
    expect(assess(snap(patch), policy, NOW).sevenDay.why).toBe(why);
  });

  it.each<[string, Partial<CaseSnapshot>, object | null]>([
    [
      'signed and applied inside',
      { signedAt: iso(2026, 11, 10, 12), appliedAt: iso(2026, 11, 25, 23) },
      { days: 15, postagePaidBy: 'seller', endsAt: iso(2026, 11, 26), appliedInWindow: true },
    ],
    [
      'applied at its end',
      { signedAt: iso(2026, 11, 10, 12), appliedAt: iso(2026, 11, 26) },
      { endsAt: iso(2026, 11, 26), appliedInWindow: false },
    ],
    ['application time unknown', { signedAt: iso(2026, 11, 10, 12), appliedAt: undefined }, { appliedInWindow: null }],
    ['signing unknown', { signedAt: undefined }, { endsAt: null, appliedInWindow: null }],
  ])('the 退货承诺 window: %s', (_what, patch, expected) => {
    const policy = { commitments: [on({ type: 'return-promise', days: 15, postagePaidBy: 'seller' })] };
    expect(assess(snap(patch), policy, NOW).sevenDay.returnPromise).toMatchObject(expected!);
    expect(assess(snap(patch), EMPTY_POLICY, NOW).sevenDay.returnPromise).toBeNull();
  });
});

describe('what the 退货承诺 says when it does not decide the legs', () => {
  const policy = { commitments: [on({ type: 'return-promise', days: 15, postagePaidBy: 'seller' })] };
  it.each<[string, Partial<CaseSnapshot>, string]>([
    [
      'past its period',
      { flags: { freeShipping: true }, signedAt: iso(2026, 10, 1), appliedAt: iso(2026, 11, 21) },
      '七天无理由退货（包邮商品）：买家承担退货运费',
    ],
    ['a seller’s fault, signing unknown', { reason: '质量问题' }, '商家责任：来回运费由商家承担'],
  ])('%s: the platform rule alone', (_what, patch, why) => {
    expect(assess(snap(patch), policy, NOW).postage.why).toBe(why);
  });

  it('a quality step names the period and says when signing is unknown', () => {
    expect(assess(snap({ reason: '质量问题' }), policy, NOW).steps).toContain(
      '签收或申请时间未知：先确认是否在店铺退货承诺期内（签收次日零时起 15 天（店铺退货承诺），签收时间未知）',
    );
  });

  it('破损补寄 promised, the case not about damage: no reshipment', () => {
    const p = assess(
      snap({ reason: '质量问题' }),
      { commitments: [on({ type: 'damage-reship', reshipPaidBy: 'seller' })] },
      NOW,
    ).postage;
    expect([p.reshipPaidBy, p.why]).toEqual([undefined, '商家责任：来回运费由商家承担']);
  });
});

describe('the 商品完好 checklist', () => {
  it('lists every condition staff confirm on a returned item', () => {
    expect(assess(snap({ signedAt: iso(2026, 11, 18) }), EMPTY_POLICY, NOW).sevenDay.checklist).toEqual([
      '吊牌、标签完好，未剪未拆',
      '商品未使用、未洗涤，无污渍、无人为损坏',
      '原厂包装（最小销售单元）完好；快递外包装不算',
      '配件、说明书、三包卡等齐全',
      '赠品一并退回（缺失可按价值折抵，不能因此拒绝退货）',
      '不属于不支持七天无理由的商品：定制、鲜活易腐、已拆封的音像/软件等数字商品、报刊',
    ]);
  });
});
