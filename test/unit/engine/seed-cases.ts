/**
 * Cases written from the seller's requirement documents (the shop's own, not part of this repository:
 * each case below states what its requirement asks, in our words), each with what a member of staff
 * would see. seeds.test.ts checks each; rules-meta.test.ts checks that together they match
 * every rule, and that every rule a result names is one whose condition held.
 */
import { expect } from 'vitest';
import type { Assessment, CommitmentEntry, ShopPolicy } from '../../../lib/engine';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { at, iso, NOW, snap } from './helpers';

export interface SeedCase {
  name: string;
  c: CaseSnapshot;
  policy: ShopPolicy;
  now: number;
  check: (a: Assessment) => void;
}

export const on = (terms: Record<string, unknown>, from = iso(2026, 1, 1)) =>
  ({ ...terms, enabled: true, effectiveFrom: from }) as CommitmentEntry;
const policyOf = (...commitments: CommitmentEntry[]): ShopPolicy => ({ commitments });
const EMPTY: ShopPolicy = { commitments: [] };

const legs = (outbound: string, ret: string, rule: string) => (a: Assessment) =>
  expect([a.postage.outboundPaidBy, a.postage.returnPaidBy, a.postage.rule]).toEqual([outbound, ret, rule]);
const stepsMatch = (re: RegExp) => (a: Assessment) => expect(a.steps.join('\n')).toMatch(re);
const both =
  (...fs: ((a: Assessment) => void)[]) =>
  (a: Assessment) =>
    fs.forEach((f) => f(a));
const stepRule = (rule: string) => (a: Assessment) => expect(a.stepRules.map((r) => r.rule)).toContain(rule);
const compensation = (kind: string, fen: number | null) => (a: Assessment) =>
  expect(a.compensation).toEqual([expect.objectContaining({ kind, fen })]);
const noCompensation = (a: Assessment) => expect(a.compensation).toEqual([]);
const promise = (type: string, verdict: string, text?: RegExp) => (a: Assessment) => {
  const p = a.promises.find((x) => x.type === type);
  expect(p?.verdict).toBe(verdict);
  if (text) expect(p?.text).toMatch(text);
};

const RETURN_15_SELLER = on({ type: 'return-promise', days: 15, postagePaidBy: 'seller' });
const RETURN_15_BUYER = on({ type: 'return-promise', days: 15, postagePaidBy: 'buyer' });
const QUALITY = { reason: '质量问题', signedAt: iso(2026, 11, 1, 10) };
const LATE = {
  refundType: '仅退款' as const,
  shipped: false,
  goodsStatus: 'BUYER_NOT_RECEIVED' as const,
  reason: '未按约定时间发货',
};
const c = (patch: Partial<CaseSnapshot>) => snap(patch);

const POSTAGE: SeedCase[] = [
  {
    name: '质量问题：来回运费商家',
    c: c({ reason: '质量问题' }),
    policy: EMPTY,
    now: NOW,
    check: legs('seller', 'seller', 'postage.seller-fault'),
  },
  {
    name: '包邮商品，买家不喜欢退货：买家只付退货运费',
    c: c({ reason: '不喜欢', flags: { freeShipping: true } }),
    policy: EMPTY,
    now: NOW,
    check: legs('seller', 'buyer', 'postage.no-reason-free-shipping'),
  },
  {
    name: '非包邮商品，买家不喜欢：买家付来回运费',
    c: c({ reason: '不喜欢', flags: { freeShipping: false } }),
    policy: EMPTY,
    now: NOW,
    check: legs('buyer', 'buyer', 'postage.no-reason-not-free'),
  },
  {
    name: '是否包邮页面未显示：发货运费未知，退货买家',
    c: c({ reason: '不喜欢' }),
    policy: EMPTY,
    now: NOW,
    check: both(legs('unknown', 'buyer', 'postage.no-reason-shipping-unknown'), (a) =>
      expect(a.postage.why).toMatch(/页面未显示是否包邮/),
    ),
  },
  {
    name: '责任无法判断：发货运费商家、退货运费买家',
    c: c({ reason: '其他' }),
    policy: EMPTY,
    now: NOW,
    check: legs('seller', 'buyer', 'postage.fault-undetermined'),
  },
  {
    name: '平台介入后的协商一致：按责任无法判断',
    c: c({ reason: '协商一致退款', flags: { platformIntervened: true } }),
    policy: EMPTY,
    now: NOW,
    check: legs('seller', 'buyer', 'postage.fault-undetermined'),
  },
  {
    name: '平台介入前协商一致：商家承担',
    c: c({ reason: '协商一致退款' }),
    policy: EMPTY,
    now: NOW,
    check: legs('seller', 'seller', 'postage.agreed-before-intervention'),
  },
  {
    name: '未发货仅退款：不产生运费',
    c: c({ refundType: '仅退款', shipped: false, goodsStatus: 'BUYER_NOT_RECEIVED', reason: '拍错/多拍/不想要' }),
    policy: EMPTY,
    now: NOW,
    check: legs('none', 'none', 'postage.not-shipped'),
  },
  {
    name: '已发货未收到货仅退款：发货运费商家，没有退货',
    c: c({ refundType: '仅退款', shipped: true, goodsStatus: 'BUYER_NOT_RECEIVED', reason: '快递一直未送到' }),
    policy: EMPTY,
    now: NOW,
    check: legs('seller', 'none', 'postage.seller-fault'),
  },
  {
    name: '已收到货的七天无理由仅退款（包邮）：没有退货运费',
    c: c({ refundType: '仅退款', flags: { freeShipping: true } }),
    policy: EMPTY,
    now: NOW,
    check: legs('seller', 'none', 'postage.no-reason-free-shipping'),
  },
  {
    name: '无理由换货：买家承担',
    c: c({ kind: 'exchange', refundType: '换货', status: 'EXCHANGE_WAIT_SELLER_AGREE', reason: '尺码不合适' }),
    policy: EMPTY,
    now: NOW,
    check: legs('buyer', 'buyer', 'postage.no-reason-exchange'),
  },
  {
    name: '退货承诺（商家承担）期内，非包邮：来回运费都由商家承担',
    c: c({ flags: { freeShipping: false }, signedAt: iso(2026, 11, 1, 10), appliedAt: iso(2026, 11, 12) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: legs('seller', 'seller', 'postage.return-promise'),
  },
  {
    name: '退货承诺（买家承担）期内，包邮：来回运费都由买家承担',
    c: c({ flags: { freeShipping: true }, signedAt: iso(2026, 11, 1, 10), appliedAt: iso(2026, 11, 12) }),
    policy: policyOf(RETURN_15_BUYER),
    now: NOW,
    check: legs('buyer', 'buyer', 'postage.return-promise'),
  },
  {
    name: '退货承诺期最后一刻（签收次日零时起 15 天）之前：期内',
    c: c({ flags: { freeShipping: false }, signedAt: iso(2026, 11, 1, 10), appliedAt: iso(2026, 11, 16, 23, 59, 59) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: legs('seller', 'seller', 'postage.return-promise'),
  },
  {
    name: '退货承诺期届满之时：期外，按平台规则',
    c: c({ flags: { freeShipping: false }, signedAt: iso(2026, 11, 1, 10), appliedAt: iso(2026, 11, 17, 0, 0) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: legs('buyer', 'buyer', 'postage.no-reason-not-free'),
  },
  {
    name: '退货承诺但签收时间未知：不猜，明说',
    c: c({ flags: { freeShipping: true } }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: both(legs('seller', 'buyer', 'postage.no-reason-free-shipping'), (a) =>
      expect(a.postage.why).toMatch(/无法判断是否在承诺期内/),
    ),
  },
  {
    name: '退货承诺（买家承担）加运费险：退货运费由保险理赔',
    c: c({
      flags: { freeShipping: true, freightInsurance: true },
      signedAt: iso(2026, 11, 1, 10),
      appliedAt: iso(2026, 11, 10),
    }),
    policy: policyOf(RETURN_15_BUYER),
    now: NOW,
    check: legs('buyer', 'insurance', 'postage.freight-insurance'),
  },
  {
    name: '破损补寄：补寄运费按承诺',
    c: c({ reason: '商品破损' }),
    policy: policyOf(on({ type: 'damage-reship', reshipPaidBy: 'buyer' })),
    now: NOW,
    check: both(legs('seller', 'seller', 'postage.seller-fault'), (a) => expect(a.postage.reshipPaidBy).toBe('buyer')),
  },
];

const STEPS: SeedCase[] = [
  {
    name: '质量问题，退货承诺期内：建议退回退款',
    c: c({ ...QUALITY, appliedAt: iso(2026, 11, 10) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: both(
      stepsMatch(/退货承诺期内.*建议买家退回商品，店铺退款/),
      stepRule('promise.quality-inside-return'),
      (a) => expect(a.steps.join('\n')).not.toMatch(/退几块钱/),
    ),
  },
  {
    name: '质量问题，已过退货承诺期：小问题退几块钱让买家修补',
    c: c({ ...QUALITY, appliedAt: iso(2026, 11, 21) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: both(stepsMatch(/已过店铺退货承诺期.*退几块钱.*自己修补/), stepRule('promise.quality-outside-return')),
  },
  {
    name: '质量问题仅退款（已收货），已过退货承诺期：同样建议部分退款',
    c: c({ ...QUALITY, refundType: '仅退款', appliedAt: iso(2026, 11, 21) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: stepsMatch(/退几块钱/),
  },
  {
    name: '质量问题，签收时间未知：先确认是否在承诺期内',
    c: c({ reason: '质量问题' }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: stepsMatch(/签收或申请时间未知.*退货承诺期/),
  },
  {
    name: '质量问题，没有退货承诺：同意退货退款',
    c: c({ ...QUALITY, appliedAt: iso(2026, 11, 21) }),
    policy: EMPTY,
    now: NOW,
    check: both(stepsMatch(/同意退货退款（运费由我方承担）/), (a) => expect(a.steps.join('\n')).not.toMatch(/承诺期/)),
  },
  {
    name: '七天已过、退货承诺期内：步骤写承诺期，不写已结束的七天',
    c: c({ signedAt: iso(2026, 11, 5, 12), appliedAt: iso(2026, 11, 14) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: both(
      stepsMatch(
        /七天无理由期已过，但在店铺退货承诺期内（签收次日零时起 15 天（店铺退货承诺），至 2026-11-21 00:00 止）/,
      ),
      stepRule('promise.return-window'),
      (a) => expect(a.steps.join('\n')).not.toMatch(/确认在七天无理由期内/),
    ),
  },
  {
    name: '七天已过、没有退货承诺：说申请已超期',
    c: c({ signedAt: iso(2026, 11, 5, 12), appliedAt: iso(2026, 11, 14) }),
    policy: EMPTY,
    now: NOW,
    check: stepsMatch(/申请已超过七天无理由期/),
  },
  {
    name: '七天内：确认在七天无理由期内（签收次日零时起 168 小时）',
    c: c({ signedAt: iso(2026, 11, 10, 12), appliedAt: iso(2026, 11, 17, 23, 59, 59) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: both(stepsMatch(/确认在七天无理由期内.*2026-11-18 00:00/), (a) =>
      expect(a.sevenDay).toMatchObject({ appliedInWindow: true, endsAt: iso(2026, 11, 18) }),
    ),
  },
  {
    name: '七天届满之时申请：已超期',
    c: c({ signedAt: iso(2026, 11, 10, 12), appliedAt: iso(2026, 11, 18, 0, 0) }),
    policy: EMPTY,
    now: NOW,
    check: (a) => expect(a.sevenDay.appliedInWindow).toBe(false),
  },
  {
    name: '原因不明、七天已过、退货承诺期内：提示可按承诺退货',
    c: c({ reason: '其他', signedAt: iso(2026, 11, 5, 12), appliedAt: iso(2026, 11, 14) }),
    policy: policyOf(RETURN_15_SELLER),
    now: NOW,
    check: both(stepsMatch(/退货承诺期内.*按承诺退货/), legs('seller', 'seller', 'postage.return-promise')),
  },
];

const MONEY: SeedCase[] = [
  {
    name: '淘宝延迟发货 5%',
    c: c({ ...LATE, paidFen: 12800 }),
    policy: EMPTY,
    now: NOW,
    check: compensation('late-shipment', 640),
  },
  {
    name: '淘宝延迟发货最低 1 元',
    c: c({ ...LATE, paidFen: 990 }),
    policy: EMPTY,
    now: NOW,
    check: compensation('late-shipment', 100),
  },
  {
    name: '淘宝延迟发货最高 30 元',
    c: c({ ...LATE, paidFen: 99900 }),
    policy: EMPTY,
    now: NOW,
    check: compensation('late-shipment', 3000),
  },
  {
    name: '天猫延迟发货 30%',
    c: c({ ...LATE, platform: 'tmall', paidFen: 12800 }),
    policy: EMPTY,
    now: NOW,
    check: compensation('late-shipment', 3840),
  },
  {
    name: '天猫延迟发货最高 500 元',
    c: c({ ...LATE, platform: 'tmall', paidFen: 500000 }),
    policy: EMPTY,
    now: NOW,
    check: compensation('late-shipment', 50000),
  },
  {
    name: '天猫没有最低：实付 1 元赔 0.30 元',
    c: c({ ...LATE, platform: 'tmall', paidFen: 100 }),
    policy: EMPTY,
    now: NOW,
    check: compensation('late-shipment', 30),
  },
  {
    name: '付款 48 小时后仍未发货（原因没说）：延迟发货赔付',
    c: c({
      refundType: '仅退款',
      shipped: false,
      goodsStatus: 'BUYER_NOT_RECEIVED',
      reason: '拍错/多拍/不想要',
      paidAt: iso(2026, 11, 20, 14, 59),
    }),
    policy: EMPTY,
    now: NOW,
    check: compensation('late-shipment', 640),
  },
  {
    name: '付款不到 48 小时未发货：不赔',
    c: c({
      refundType: '仅退款',
      shipped: false,
      goodsStatus: 'BUYER_NOT_RECEIVED',
      reason: '拍错/多拍/不想要',
      paidAt: iso(2026, 11, 20, 15, 0),
    }),
    policy: EMPTY,
    now: NOW,
    check: noCompensation,
  },
  {
    name: '恰好 48 小时发货：不算延迟',
    c: c({ reason: '质量问题', paidAt: iso(2026, 11, 10, 9), shippedAt: iso(2026, 11, 12, 9) }),
    policy: EMPTY,
    now: NOW,
    check: noCompensation,
  },
  {
    name: '发货时间承诺 24 小时，25 小时才发：按承诺赔，取高者',
    c: c({ reason: '质量问题', paidAt: iso(2026, 11, 10, 9), shippedAt: iso(2026, 11, 11, 10) }),
    policy: policyOf(on({ type: 'shipping-promise', hours: 24 })),
    now: NOW,
    check: both(compensation('shipping-promise', 640), (a) =>
      expect(a.compensation[0]?.applied.map((r) => r.rule)).toContain('compensation.higher-applies'),
    ),
  },
  {
    name: '假一赔三：另赔实付两倍',
    c: c({ reason: '假冒品牌', paidFen: 12345 }),
    policy: policyOf(on({ type: 'fake-3x' })),
    now: NOW,
    check: compensation('fake-compensation', 24690),
  },
  {
    name: '假一赔三，实付未知：金额待定',
    c: c({ reason: '假货', paidFen: undefined }),
    policy: policyOf(on({ type: 'fake-3x' })),
    now: NOW,
    check: compensation('fake-compensation', null),
  },
  {
    name: '品质承诺：描述不符付约定赔偿金',
    c: c({ reason: '材质面料不符' }),
    policy: policyOf(on({ type: 'quality-promise', amountFen: 2000 })),
    now: NOW,
    check: compensation('quality-promise', 2000),
  },
];

const PROMISES: SeedCase[] = [
  {
    name: '指定快递：页面不显示快递，明说并给出 15 天维权期',
    c: c({ reason: '快递不对' }),
    policy: policyOf(on({ type: 'designated-carrier' })),
    now: NOW,
    check: both(promise('designated-carrier', 'unknown', /订单关闭之日起 15 天内.*保证金先行赔付/), (a) =>
      expect(a.promises[0]?.missing.join('\n')).toMatch(/实际发货的快递公司（页面未显示）[\s\S]*买家指定的快递公司/),
    ),
  },
  {
    name: '指定快递：未发货的仅退款不涉及',
    c: c({ refundType: '仅退款', shipped: false, goodsStatus: 'BUYER_NOT_RECEIVED', reason: '拍错/多拍/不想要' }),
    policy: policyOf(on({ type: 'designated-carrier' })),
    now: NOW,
    check: (a) => expect(a.promises).toEqual([]),
  },
  {
    name: '到货承诺：按时签收',
    c: c({ paidAt: iso(2026, 11, 10, 10), signedAt: iso(2026, 11, 13, 10) }),
    policy: policyOf(on({ type: 'arrival-promise', days: 3 })),
    now: NOW,
    check: promise('arrival-promise', 'kept'),
  },
  {
    name: '到货承诺：晚于承诺签收，15 天维权期',
    c: c({ paidAt: iso(2026, 11, 10, 10), signedAt: iso(2026, 11, 13, 10, 1) }),
    policy: policyOf(on({ type: 'arrival-promise', days: 3 })),
    now: NOW,
    check: promise('arrival-promise', 'broken', /到货延迟.*订单关闭之日起 15 天内/),
  },
  {
    name: '到货承诺：过了承诺时间仍未收到',
    c: c({
      refundType: '仅退款',
      goodsStatus: 'BUYER_NOT_RECEIVED',
      reason: '快递一直未送到',
      paidAt: iso(2026, 11, 10, 10),
    }),
    policy: policyOf(on({ type: 'arrival-promise', days: 3 })),
    now: NOW,
    check: promise('arrival-promise', 'broken', /仍未签收/),
  },
  {
    name: '到货承诺：签收时间未知，不猜',
    c: c({ paidAt: iso(2026, 11, 10, 10) }),
    policy: policyOf(on({ type: 'arrival-promise', days: 3 })),
    now: NOW,
    check: promise('arrival-promise', 'unknown', /签收时间未知/),
  },
  {
    name: '到货承诺：付款时间未知，不猜',
    c: c({}),
    policy: policyOf(on({ type: 'arrival-promise', days: 3 })),
    now: at(2026, 11, 22),
    check: promise('arrival-promise', 'unknown', /付款时间未知/),
  },
  {
    name: '质量问题反馈时限内反馈',
    c: c({ reason: '质量问题', signedAt: iso(2026, 11, 20, 10), appliedAt: iso(2026, 11, 22, 10) }),
    policy: policyOf(on({ type: 'quality-report-window', hours: 48 })),
    now: NOW,
    check: promise('quality-report-window', 'kept'),
  },
  {
    name: '超过质量问题反馈时限',
    c: c({ reason: '质量问题', signedAt: iso(2026, 11, 20, 10), appliedAt: iso(2026, 11, 22, 10, 0, 1) }),
    policy: policyOf(on({ type: 'quality-report-window', hours: 48 })),
    now: NOW,
    check: promise('quality-report-window', 'broken', /超过店铺约定/),
  },
  {
    name: '质量问题反馈时限，签收时间未知',
    c: c({ reason: '质量问题' }),
    policy: policyOf(on({ type: 'quality-report-window', hours: 48 })),
    now: NOW,
    check: promise('quality-report-window', 'unknown'),
  },
  {
    name: '质量问题反馈时限不涉及无理由退货',
    c: c({ signedAt: iso(2026, 11, 20, 10) }),
    policy: policyOf(on({ type: 'quality-report-window', hours: 48 })),
    now: NOW,
    check: (a) => expect(a.promises).toEqual([]),
  },
];

const DEADLINES: SeedCase[] = [
  ['退货退款待处理：5 天', {}, 'deadline.return-refund-agree', iso(2026, 11, 26, 10)],
  [
    '未发货仅退款：48 小时',
    { refundType: '仅退款' as const, shipped: false, goodsStatus: 'BUYER_NOT_RECEIVED' as const },
    'deadline.refund-only-unshipped',
    iso(2026, 11, 23, 10),
  ],
  ['已发货仅退款：5 天', { refundType: '仅退款' as const }, 'deadline.refund-only-shipped', iso(2026, 11, 26, 10)],
  [
    '待买家退货：同意后 7 天',
    {
      status: 'WAIT_BUYER_RETURN_GOODS' as const,
      history: [
        { at: iso(2026, 11, 21, 12), actor: '商家', text: '同意退货', by: 'seller' as const, event: 'agreed' as const },
      ],
    },
    'deadline.buyer-return',
    iso(2026, 11, 28, 12),
  ],
  [
    '商家拒绝：买家 7 天修改',
    {
      status: 'SELLER_REFUSE_BUYER' as const,
      history: [
        { at: iso(2026, 11, 21, 12), actor: '商家', text: '拒绝', by: 'seller' as const, event: 'refused' as const },
      ],
    },
    'deadline.buyer-modify',
    iso(2026, 11, 28, 12),
  ],
  [
    '买家已退货：商家 10 天确认',
    { status: 'WAIT_SELLER_CONFIRM_GOODS' as const, returnLogistics: { shippedAt: iso(2026, 11, 20, 12) } },
    'deadline.seller-confirm-goods',
    iso(2026, 11, 30, 12),
  ],
  [
    '天猫退件签收：剩余缩短为 48 小时',
    {
      platform: 'tmall' as const,
      status: 'WAIT_SELLER_CONFIRM_GOODS' as const,
      returnLogistics: { shippedAt: iso(2026, 11, 20, 12), signedAt: iso(2026, 11, 22, 9) },
    },
    'deadline.tmall-signed-return',
    iso(2026, 11, 24, 9),
  ],
  [
    '换货待处理：5 天',
    {
      kind: 'exchange' as const,
      refundType: '换货' as const,
      status: 'EXCHANGE_WAIT_SELLER_AGREE' as const,
      reason: '尺码不合适',
    },
    'deadline.exchange-agree',
    iso(2026, 11, 26, 10),
  ],
].map(([name, patch, rule, due]) => ({
  name: name as string,
  c: c(patch as Partial<CaseSnapshot>),
  policy: EMPTY,
  now: NOW,
  check: (a: Assessment) => {
    expect(a.deadline).toMatchObject({ at: due, basis: 'rule', ruleId: rule });
    expect(a.applied.map((r) => r.rule)).toContain(rule);
  },
}));

export const SEED_CASES: readonly SeedCase[] = [...POSTAGE, ...STEPS, ...MONEY, ...PROMISES, ...DEADLINES];
