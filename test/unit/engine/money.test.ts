import { describe, expect, it } from 'vitest';
import { assess, EMPTY_POLICY, reasonCategory, type ShopPolicy } from '../../../lib/engine';
import { iso, NOW, snap } from './helpers';

const on = (terms: Record<string, unknown>, from = iso(2026, 1, 1)) =>
  ({ ...terms, enabled: true, effectiveFrom: from }) as ShopPolicy['commitments'][number];

describe('postage: who pays which leg', () => {
  it.each([
    ["seller's fault (quality): seller pays both", { reason: '质量问题' }, 'seller', 'seller', 'postage.seller-fault'],
    [
      'no-reason return of a 包邮 item: buyer pays the return only',
      { flags: { freeShipping: true } },
      'seller',
      'buyer',
      'postage.no-reason-free-shipping',
    ],
    [
      'no-reason return of a non-包邮 item: buyer pays both',
      { flags: { freeShipping: false } },
      'buyer',
      'buyer',
      'postage.no-reason-not-free',
    ],
    [
      'no-reason exchange: buyer pays the exchange freight',
      {
        kind: 'exchange' as const,
        refundType: '换货' as const,
        status: 'EXCHANGE_WAIT_SELLER_AGREE' as const,
        reason: '尺码不合适',
      },
      'buyer',
      'buyer',
      'postage.no-reason-exchange',
    ],
    [
      'fault undetermined: seller outbound, buyer return',
      { reason: '其他' },
      'seller',
      'buyer',
      'postage.fault-undetermined',
    ],
    [
      '运费险: the return leg is covered',
      { flags: { freeShipping: true, freightInsurance: true } },
      'seller',
      'insurance',
      'postage.freight-insurance',
    ],
    [
      'agreed before intervention, freight not discussed: seller',
      { reason: '协商一致退款' },
      'seller',
      'seller',
      'postage.agreed-before-intervention',
    ],
    [
      '仅退款 before shipping: no postage',
      { refundType: '仅退款' as const, shipped: false, reason: '拍错/多拍/不想要' },
      'none',
      'none',
      'postage.not-shipped',
    ],
  ])('%s', (_what, patch, outbound, ret, rule) => {
    const p = assess(snap(patch), EMPTY_POLICY, NOW).postage;
    expect([p.outboundPaidBy, p.returnPaidBy, p.rule]).toEqual([outbound, ret, rule]);
    expect(p.why.length).toBeGreaterThan(5);
  });

  it('says it cannot tell when the page does not show 包邮', () => {
    expect(assess(snap(), EMPTY_POLICY, NOW).postage.outboundPaidBy).toBe('unknown');
    expect(assess(snap(), { commitments: [], freeShippingDefault: true }, NOW).postage.outboundPaidBy).toBe('seller');
  });

  it("the shop's 退货承诺 overrides where it promises more, and only within its period", () => {
    const policy = { commitments: [on({ type: 'return-promise', days: 15, postagePaidBy: 'seller' })] };
    const inside = assess(
      snap({ flags: { freeShipping: true }, signedAt: iso(2026, 11, 12), appliedAt: iso(2026, 11, 21) }),
      policy,
      NOW,
    ).postage;
    expect([inside.returnPaidBy, inside.rule]).toEqual(['seller', 'postage.return-promise']);
    const outside = assess(
      snap({ flags: { freeShipping: true }, signedAt: iso(2026, 10, 1), appliedAt: iso(2026, 11, 21) }),
      policy,
      NOW,
    ).postage;
    expect(outside.returnPaidBy).toBe('buyer');
  });

  it('破损补寄 says who pays the reshipment', () => {
    const policy = { commitments: [on({ type: 'damage-reship', reshipPaidBy: 'seller' })] };
    expect(assess(snap({ reason: '商品破损' }), policy, NOW).postage.reshipPaidBy).toBe('seller');
    expect(assess(snap({ reason: '商品破损' }), EMPTY_POLICY, NOW).postage.reshipPaidBy).toBeUndefined();
  });
});

describe('compensation', () => {
  const late = {
    refundType: '仅退款' as const,
    shipped: false,
    goodsStatus: 'BUYER_NOT_RECEIVED' as const,
    reason: '未按约定时间发货',
  };
  it.each([
    ['Taobao 5%', 'taobao' as const, 12800, 640],
    ['Taobao at least ¥1', 'taobao' as const, 990, 100],
    ['Taobao at most ¥30', 'taobao' as const, 99900, 3000],
    ['Tmall 30%', 'tmall' as const, 12800, 3840],
    ['Tmall at most ¥500', 'tmall' as const, 500000, 50000],
  ])('延迟发货: %s', (_what, platform, paidFen, fen) => {
    const [c] = assess(snap({ ...late, platform, paidFen }), EMPTY_POLICY, NOW).compensation;
    expect(c).toMatchObject({ kind: 'late-shipment', fen });
  });

  it('finds a late shipment from the times when the reason does not say it', () => {
    const comp = assess(
      snap({ reason: '质量问题', paidAt: iso(2026, 11, 10, 9), shippedAt: iso(2026, 11, 13, 9) }),
      EMPTY_POLICY,
      NOW,
    ).compensation;
    expect(comp.map((c) => c.kind)).toContain('late-shipment');
    expect(
      assess(
        snap({ reason: '质量问题', paidAt: iso(2026, 11, 10, 9), shippedAt: iso(2026, 11, 11, 9) }),
        EMPTY_POLICY,
        NOW,
      ).compensation,
    ).toEqual([]);
  });

  it("uses the shop's 发货时间承诺 hours when it promised faster shipping", () => {
    const policy = { commitments: [on({ type: 'shipping-promise', hours: 24 })] };
    const comp = assess(
      snap({ reason: '质量问题', paidAt: iso(2026, 11, 10, 9), shippedAt: iso(2026, 11, 11, 12) }),
      policy,
      NOW,
    ).compensation;
    expect(comp).toEqual([expect.objectContaining({ kind: 'shipping-promise', fen: 640 })]);
  });

  it('假一赔三: twice the price on top of the refund, only when promised', () => {
    const policy = { commitments: [on({ type: 'fake-3x' })] };
    expect(assess(snap({ reason: '假冒品牌', paidFen: 20000 }), policy, NOW).compensation).toEqual([
      expect.objectContaining({ kind: 'fake-compensation', fen: 40000 }),
    ]);
    expect(assess(snap({ reason: '假冒品牌', paidFen: 20000 }), EMPTY_POLICY, NOW).compensation).toEqual([]);
    expect(assess(snap({ reason: '质量问题', paidFen: 20000 }), policy, NOW).compensation).toEqual([]);
  });

  it('品质承诺: the agreed amount for a quality case', () => {
    const policy = { commitments: [on({ type: 'quality-promise', amountFen: 2000 })] };
    expect(assess(snap({ reason: '质量问题' }), policy, NOW).compensation).toEqual([
      expect.objectContaining({ kind: 'quality-promise', fen: 2000 }),
    ]);
    expect(assess(snap({ reason: '7天无理由退换货' }), policy, NOW).compensation).toEqual([]);
  });

  it('judges an old order by the promise in force when it was paid', () => {
    const policy = {
      commitments: [
        on({ type: 'fake-3x' }, iso(2026, 1, 1)),
        { type: 'fake-3x' as const, enabled: false, effectiveFrom: iso(2026, 11, 1) },
      ],
    };
    expect(assess(snap({ reason: '假货', paidAt: iso(2026, 10, 20) }), policy, NOW).compensation).toHaveLength(1);
    expect(assess(snap({ reason: '假货', paidAt: iso(2026, 11, 5) }), policy, NOW).compensation).toHaveLength(0);
  });

  it('keeps the amount unknown when the paid price is unknown', () => {
    const [c] = assess(snap({ ...late, paidFen: undefined }), EMPTY_POLICY, NOW).compensation;
    expect(c?.fen).toBeNull();
  });
});

describe('reason categories', () => {
  it.each([
    ['拍错/多拍/不想要', 'no-reason'],
    ['7天无理由退换货', 'no-reason'],
    ['尺码不合适', 'no-reason'],
    ['质量问题', 'quality'],
    ['商品信息描述不符', 'not-as-described'],
    ['材质面料不符', 'not-as-described'],
    ['少件/漏发', 'missing-item'],
    ['空包裹/少货', 'missing-item'],
    ['主商品破损', 'damaged'],
    ['假冒品牌', 'fake'],
    ['快递一直未送到', 'not-received'],
    ['未按约定时间发货', 'late-shipment'],
    ['协商一致退款', 'agreed'],
    ['', 'unknown'],
    ['其他', 'unknown'],
  ])('%s → %s', (reason, category) => expect(reasonCategory(reason)).toBe(category));
});
