/**
 * The engine's rules as data: what the platform does when, who pays which leg of the postage, what
 * compensation is owed, what the shop's promises mean for the case. Each rule states when it applies
 * (`when`, lib/engine/when.ts) beside its parameters, where it comes from and how sure we are, so the
 * options page can show it and the UI can say why. Values are fallbacks: the page's own countdown
 * always wins.
 */
import type { Platform } from '../shared/types';
import { SELLER_FAULT_REASONS } from './reason';
import type { RuleOverrides } from './policy';
import type { When } from './when';

export type Confidence = 'official' | 'estimated' | 'unverified';
export type RuleGroup = 'deadline' | 'seven-day' | 'postage' | 'compensation' | 'promise';

/** Every rule's id: a result names the rule it applied (`ruleId`, `rule`), checked by the compiler. */
export const RULE_IDS = [
  'deadline.refund-only-unshipped',
  'deadline.refund-only-shipped',
  'deadline.return-refund-agree',
  'deadline.buyer-return',
  'deadline.buyer-modify',
  'deadline.seller-confirm-goods',
  'deadline.tmall-signed-return',
  'deadline.exchange-agree',
  'seven-day.window',
  'postage.not-shipped',
  'postage.seller-fault',
  'postage.no-reason-free-shipping',
  'postage.no-reason-not-free',
  'postage.no-reason-shipping-unknown',
  'postage.no-reason-exchange',
  'postage.fault-undetermined',
  'postage.agreed-before-intervention',
  'postage.freight-insurance',
  'postage.return-promise',
  'postage.damage-reship',
  'compensation.late-shipment-taobao',
  'compensation.late-shipment-tmall',
  'compensation.fake-3x',
  'compensation.quality-promise',
  'compensation.higher-applies',
  'promise.return-window',
  'promise.quality-inside-return',
  'promise.quality-outside-return',
  'promise.designated-carrier',
  'promise.arrival',
  'promise.quality-report-window',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Rule {
  id: RuleId;
  group: RuleGroup;
  /** When the rule applies: the facts it turns on and their values (every one must hold). */
  when: When;
  title: string;
  /** Plain Chinese, for staff. */
  explanation: string;
  source: string;
  confidence: Confidence;
  /** ISO date from which the rule applies. */
  effectiveFrom: string;
  /** Only for one platform; both when absent. */
  platform?: Platform;
  /** Editable numbers (hours, percent, fen). */
  params: Record<string, number>;
}

const TAOBAO_DISPUTE_RULES = '《淘宝平台争议处理规则》(2025-08-15 修订)';
const OLD_HELP = '淘宝旧版帮助文本与同类系统（页面倒计时为准）';

export const DEFAULT_RULES: readonly Rule[] = [
  {
    id: 'deadline.refund-only-unshipped',
    group: 'deadline',
    when: { status: ['WAIT_SELLER_AGREE'], refundType: ['仅退款'], shipped: [false] },
    title: '未发货仅退款：商家处理时限',
    explanation: '买家在发货前申请仅退款，商家约 48 小时内未处理，系统自动退款。',
    source: OLD_HELP,
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    params: { hours: 48 },
  },
  {
    id: 'deadline.refund-only-shipped',
    group: 'deadline',
    when: { status: ['WAIT_SELLER_AGREE'], refundType: ['仅退款'], shipped: [true] },
    title: '已发货仅退款：商家处理时限',
    explanation: '已发货后买家申请仅退款，商家约 5 天内未处理，系统自动退款。',
    source: OLD_HELP,
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    params: { hours: 120 },
  },
  {
    id: 'deadline.return-refund-agree',
    group: 'deadline',
    when: { status: ['WAIT_SELLER_AGREE'], refundType: ['退货退款'] },
    title: '退货退款申请：商家处理时限',
    explanation: '买家申请退货退款，商家约 5 天内未处理，系统自动同意并把默认退货地址发给买家。',
    source: OLD_HELP,
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    params: { hours: 120 },
  },
  {
    id: 'deadline.buyer-return',
    group: 'deadline',
    when: { status: ['WAIT_BUYER_RETURN_GOODS'] },
    title: '待买家退货：买家寄回时限',
    explanation: '商家同意退货后，买家约 7 天内未寄回并填写单号，退款自动关闭。',
    source: OLD_HELP,
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    params: { hours: 168 },
  },
  {
    id: 'deadline.buyer-modify',
    group: 'deadline',
    when: { status: ['SELLER_REFUSE_BUYER'] },
    title: '商家已拒绝：买家修改时限',
    explanation: '商家拒绝后，买家约 7 天内既不修改申请也不申请介入，退款自动关闭。',
    source: OLD_HELP,
    confidence: 'unverified',
    effectiveFrom: '2016-01-01',
    params: { hours: 168 },
  },
  {
    id: 'deadline.seller-confirm-goods',
    group: 'deadline',
    when: { status: ['WAIT_SELLER_CONFIRM_GOODS'] },
    title: '买家已退货：商家确认收货时限',
    explanation: '买家寄回后，商家约 10 天内未确认收货，系统自动确认并退款。',
    source: OLD_HELP,
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    params: { hours: 240 },
  },
  {
    id: 'deadline.tmall-signed-return',
    group: 'deadline',
    when: { status: ['WAIT_SELLER_CONFIRM_GOODS'], platform: ['tmall'], returnSigned: [true] },
    title: '天猫：退件签收/拒收后 48 小时',
    explanation: '天猫店的退货显示签收或拒收后，若剩余处理时间超过 48 小时，会缩短为 48 小时。',
    source: '商家实地记录（2026-09）',
    confidence: 'estimated',
    effectiveFrom: '2022-01-01',
    platform: 'tmall',
    params: { hours: 48 },
  },
  {
    id: 'deadline.exchange-agree',
    group: 'deadline',
    when: { status: ['EXCHANGE_WAIT_SELLER_AGREE'] },
    title: '换货申请：商家处理时限',
    explanation: '买家申请换货，商家约 5 天内未处理，系统自动同意。',
    source: OLD_HELP,
    confidence: 'unverified',
    effectiveFrom: '2016-01-01',
    params: { hours: 120 },
  },
  {
    id: 'seven-day.window',
    group: 'seven-day',
    when: {
      kind: ['refund', 'exchange'],
      reason: ['no-reason', 'unknown'],
      not: [{ goods: ['BUYER_NOT_RECEIVED'] }, { refundType: ['仅退款'], shipped: [false] }],
    },
    title: '七天无理由退货期',
    explanation: '自物流显示签收的次日零时起算，满 168 小时为 7 天；店铺承诺更长（如 15 天）时按承诺。',
    source: '《网络购买商品七日无理由退货暂行办法》第十条；淘宝七天无理由退货规范',
    confidence: 'official',
    effectiveFrom: '2017-03-15',
    params: { hours: 168 },
  },
  {
    id: 'postage.not-shipped',
    group: 'postage',
    when: { refundType: ['仅退款'], shipped: [false] },
    title: '未发货仅退款：不产生运费',
    explanation: '商品还没有发出就退款，没有发货运费，也没有退货运费。',
    source: '淘宝退款流程（未发货仅退款）',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'postage.seller-fault',
    group: 'postage',
    when: { reason: [...SELLER_FAULT_REASONS, 'not-received', 'late-shipment'] },
    title: '商家责任：来回运费由商家承担',
    explanation: '质量问题、描述不符、错发漏发、破损、假货等商家责任，发货和退货运费都由商家承担。',
    source: `${TAOBAO_DISPUTE_RULES} 第四十九条（谁过错、谁承担）`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'postage.no-reason-free-shipping',
    group: 'postage',
    when: { reason: ['no-reason'], freeShipping: [true] },
    title: '七天无理由退货（包邮商品）：买家承担退货运费',
    explanation: '包邮商品七天无理由退货，买家只承担寄回的运费。',
    source: `${TAOBAO_DISPUTE_RULES} 第五十三条`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'postage.no-reason-not-free',
    group: 'postage',
    when: { reason: ['no-reason'], freeShipping: [false] },
    title: '七天无理由退货（非包邮商品）：买家承担来回运费',
    explanation: '非包邮商品（或部分退货后不再满足包邮条件）七天无理由退货，发货和退货运费都由买家承担。',
    source: `${TAOBAO_DISPUTE_RULES} 第五十三条；七日无理由退货暂行办法第十八条`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'postage.no-reason-shipping-unknown',
    group: 'postage',
    when: { reason: ['no-reason'], freeShipping: ['unknown'] },
    title: '七天无理由退货（是否包邮未知）：发货运费待定，退货运费买家承担',
    explanation: '页面未显示是否包邮：包邮商品买家只付退货运费，非包邮商品买家付来回运费；请在订单详情确认。',
    source: `${TAOBAO_DISPUTE_RULES} 第五十三条`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'postage.no-reason-exchange',
    group: 'postage',
    when: { kind: ['exchange'], reason: ['no-reason'] },
    title: '七天无理由换货：买家承担换货运费',
    explanation: '无理由换货（如尺码不合适），换货产生的运费由买家承担。',
    source: `${TAOBAO_DISPUTE_RULES} 第五十四条`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'postage.fault-undetermined',
    group: 'postage',
    when: { reason: ['unknown', 'agreed', 'postage'] },
    title: '责任无法判断：发货运费商家、退货运费买家',
    explanation: '无法判断责任方的退货退款，发货运费由商家承担，退货运费由买家承担。',
    source: `${TAOBAO_DISPUTE_RULES} 第七条`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'postage.agreed-before-intervention',
    group: 'postage',
    when: { reason: ['agreed'], platformIntervened: [false] },
    title: '平台介入前协商一致、未约定运费：商家承担',
    explanation: '双方在平台介入前协商退换货，但没有约定运费由谁承担的，由商家承担。',
    source: `${TAOBAO_DISPUTE_RULES} 第四十九条`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'postage.freight-insurance',
    group: 'postage',
    when: { freightInsurance: [true] },
    title: '运费险：退货运费由保险承担',
    explanation: '订单有退货运费险时，买家应付的退货运费由保险理赔（以下单时显示的保单为准）。',
    source: '天猫消费者保障服务说明（退货运费险）',
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'postage.return-promise',
    group: 'postage',
    when: {
      kind: ['refund'],
      refundType: ['退货退款'],
      reason: ['no-reason', 'unknown'],
      commitments: ['return-promise'],
      windows: { 'return-promise': ['inside'] },
    },
    title: '店铺退货承诺：按承诺的承担方',
    explanation: '店铺承诺了退货服务（期限与运费承担方），在承诺期内的退货按承诺承担运费。',
    source: '淘宝特色服务「退货承诺」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'postage.damage-reship',
    group: 'postage',
    when: { reason: ['damaged'], commitments: ['damage-reship'] },
    title: '破损补寄：补寄运费按承诺',
    explanation: '店铺承诺破损补寄：运输破损可补寄一次，补寄运费由约定方承担；补寄后仍破损则退货退款。',
    source: '淘宝特色服务「破损补寄」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'compensation.late-shipment-taobao',
    group: 'compensation',
    when: { platform: ['taobao'], shippedLate: [true] },
    title: '淘宝延迟发货赔付',
    explanation: '未在承诺或规定时间内发货：按实付金额 5% 赔付，最低 1 元、最高 30 元。',
    source: '淘宝「发货时间承诺」说明（与店铺承诺取高者）',
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    platform: 'taobao',
    params: { percent: 5, minFen: 100, maxFen: 3000, defaultShipHours: 48 },
  },
  {
    id: 'compensation.late-shipment-tmall',
    group: 'compensation',
    when: { platform: ['tmall'], shippedLate: [true] },
    title: '天猫延迟发货违约金',
    explanation: '未按约定时间发货：按实付金额 30% 支付违约金，最高 500 元（历史规则，以积分形式支付）。',
    source: '天猫历史规则（现行数值未找到，可修改）',
    confidence: 'unverified',
    effectiveFrom: '2016-01-01',
    platform: 'tmall',
    params: { percent: 30, minFen: 0, maxFen: 50000, defaultShipHours: 48 },
  },
  {
    id: 'compensation.fake-3x',
    group: 'compensation',
    when: { reason: ['fake'], commitments: ['fake-3x'] },
    title: '假一赔三',
    explanation: '判定为假货：退回实付价款，另赔实付价款的两倍，并承担全部运费。',
    source: '淘宝特色服务「假一赔三」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: { multiplier: 2 },
  },
  {
    id: 'compensation.quality-promise',
    group: 'compensation',
    when: { reason: ['quality', 'not-as-described'], commitments: ['quality-promise'] },
    title: '品质承诺',
    explanation: '签收后至确认收货前发现材质或质量与描述不符：退回价款并补偿约定的赔偿金。',
    source: '淘宝特色服务「品质承诺」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'compensation.higher-applies',
    group: 'compensation',
    when: { shippedLate: [true], commitments: ['shipping-promise'] },
    title: '就高原则',
    explanation: '店铺自己承诺的违约金与平台规定不同时，按较高者赔付。',
    source: `${TAOBAO_DISPUTE_RULES} 第十五条`,
    confidence: 'official',
    effectiveFrom: '2025-08-15',
    params: {},
  },
  {
    id: 'promise.return-window',
    group: 'promise',
    when: {
      kind: ['refund'],
      reason: ['no-reason', 'unknown'],
      commitments: ['return-promise'],
      windows: { 'seven-day': ['outside'], 'return-promise': ['inside'] },
    },
    title: '退货承诺期覆盖本次退货',
    explanation: '七天无理由期已过，但仍在店铺承诺的退货期内：按退货承诺接受退货，运费按承诺的承担方。',
    source: '卖家需求文档 000（淘宝特色服务说明）「退货承诺」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'promise.quality-inside-return',
    group: 'promise',
    when: { reason: ['quality'], commitments: ['return-promise'], windows: { 'return-promise': ['inside'] } },
    title: '质量问题（退货承诺期内）：建议退回退款',
    explanation: '使用时间不长、仍在店铺承诺的退换期内出现质量问题：可建议顾客退回，店铺退款。',
    source: '卖家需求文档 002「质量问题」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'promise.quality-outside-return',
    group: 'promise',
    when: { reason: ['quality'], commitments: ['return-promise'], windows: { 'return-promise': ['outside'] } },
    title: '质量问题（已过退货承诺期）：小问题可部分退款自行修补',
    explanation: '已过店铺承诺的退换期，但确有质量问题：小问题可与顾客商量退几块钱，让顾客自己修补。',
    source: '卖家需求文档 002「质量问题」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: {},
  },
  {
    id: 'promise.designated-carrier',
    group: 'promise',
    when: { kind: ['refund', 'exchange'], shipped: [true, 'unknown'], commitments: ['designated-carrier'] },
    title: '指定快递：按买家指定的快递配送',
    explanation:
      '店铺承诺用买家指定的快递公司配送；订单关闭之日起 15 天内买家发现快递不符、协商未果可发起维权，判定成立由保证金先行赔付。',
    source: '卖家需求文档 000（淘宝特色服务说明）「指定快递」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: { claimDays: 15 },
  },
  {
    id: 'promise.arrival',
    group: 'promise',
    when: { kind: ['refund', 'exchange'], shipped: [true, 'unknown'], commitments: ['arrival-promise'] },
    title: '到货承诺：按承诺时间送达',
    explanation:
      '店铺承诺付款后若干天内送达；订单关闭之日起 15 天内买家发现送达延迟、协商未果可发起维权，判定成立由保证金先行赔付。',
    source: '卖家需求文档 000（淘宝特色服务说明）「到货承诺」',
    confidence: 'official',
    effectiveFrom: '2016-01-01',
    params: { claimDays: 15 },
  },
  {
    id: 'promise.quality-report-window',
    group: 'promise',
    when: { reason: ['quality', 'not-as-described'], commitments: ['quality-report-window'] },
    title: '质量问题反馈时限',
    explanation: '店铺约定签收后若干小时内反馈质量问题（如生鲜 48 小时）：时限内按质量问题处理，超过时限先与买家协商。',
    source: '店铺自定（承诺设置）',
    confidence: 'estimated',
    effectiveFrom: '2016-01-01',
    params: {},
  },
];

export type { RuleOverrides } from './policy';

/** No rule value (hours, percent, fen) is larger than this; a larger edit is a typo. */
const MAX_PARAM = 1e9;

const NO_OVERRIDES: RuleOverrides = {};
/** Resolved rules per overrides object: assessing a page of cases resolves them once, not per case. */
const resolved = new WeakMap<RuleOverrides, Map<string, Rule>>();

/** The rules with the shop's overrides applied; a value that is not a number from 0 to MAX_PARAM is ignored. */
export function resolveRules(overrides: RuleOverrides = NO_OVERRIDES): Map<string, Rule> {
  const hit = resolved.get(overrides);
  if (hit) return hit;
  const out = buildRules(overrides);
  resolved.set(overrides, out);
  return out;
}

function buildRules(overrides: RuleOverrides): Map<string, Rule> {
  const out = new Map<string, Rule>();
  for (const rule of DEFAULT_RULES) {
    const edit = overrides[rule.id] ?? {};
    const params = { ...rule.params };
    for (const [k, v] of Object.entries(edit))
      if (k in params && typeof v === 'number' && v >= 0 && v <= MAX_PARAM) params[k] = v;
    out.set(rule.id, { ...rule, params });
  }
  return out;
}

export function ruleParam(rules: ReadonlyMap<string, Rule>, id: RuleId, name: string): number {
  const v = rules.get(id)?.params[name];
  if (v === undefined) throw new Error(`rule ${id} has no ${name}`);
  return v;
}
