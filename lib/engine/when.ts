/**
 * The condition language of the rules (in the spirit of json-rules-engine): a rule's `when` names,
 * for each fact it turns on, the values under which it applies; every listed fact must hold (AND),
 * `not` must not. The facts are read once per case (`factsOf`, lib/engine/facts.ts) and a result
 * carries the conditions that held, in words for staff (`held`), so the sidebar can say why.
 */
import type { CaseKind, CaseStatus, GoodsStatus, Platform, RefundType } from '../shared/types';
import type { CommitmentType } from './policy';
import type { ReasonCategory } from './reason';

/** Inside a time window, past it, or not known (a time the page did not show). */
export type WindowState = 'inside' | 'outside' | 'unknown';
export type Tri = boolean | 'unknown';

/** The windows a rule may turn on. */
export type WindowId = 'seven-day' | 'return-promise' | 'quality-report';

/** What the rules read about a case. */
export interface Facts {
  kind: CaseKind;
  status: CaseStatus;
  platform: Platform;
  refundType: RefundType | 'unknown';
  shipped: Tri;
  goods: GoodsStatus | 'unknown';
  reason: ReasonCategory;
  /** 包邮 (the page's, else the shop's default). */
  freeShipping: Tri;
  /** 运费险: the page shows it, or the shop insures its returns. */
  freightInsurance: boolean;
  platformIntervened: boolean;
  /** The return parcel shows 签收 / 拒收 (the page shows when). */
  returnSigned: boolean;
  /** Shipped later than promised (店铺承诺) or than the platform's default. */
  shippedLate: Tri;
  commitments: ReadonlySet<CommitmentType>;
  windows: Readonly<Record<WindowId, WindowState>>;
}

type Scalar = Exclude<keyof Facts, 'commitments' | 'windows'>;

/** A rule's condition: each listed fact within its values, each commitment in force, and none of `not` holding. */
export type When = { readonly [K in Scalar]?: readonly Facts[K][] } & {
  readonly commitments?: readonly CommitmentType[];
  readonly windows?: { readonly [W in WindowId]?: readonly WindowState[] };
  readonly not?: readonly When[];
};

const FACT_LABEL: Record<Scalar, string> = {
  kind: '售后类型',
  status: '售后状态',
  platform: '平台',
  refundType: '退款类型',
  shipped: '发货',
  goods: '货物状态',
  reason: '原因类别',
  freeShipping: '包邮',
  freightInsurance: '运费险',
  platformIntervened: '平台介入',
  returnSigned: '退件已签收/拒收',
  shippedLate: '超时发货',
};

const VALUE_LABEL: Record<string, string> = {
  true: '是',
  false: '否',
  unknown: '未知',
  refund: '退款',
  exchange: '换货',
  postage: '邮费单',
  taobao: '淘宝',
  tmall: '天猫',
  BUYER_NOT_RECEIVED: '买家未收到货',
  BUYER_RECEIVED: '买家已收到货',
  BUYER_RETURNED_GOODS: '买家已退货',
  'no-reason': '七天无理由',
  quality: '质量问题',
  'not-as-described': '描述不符',
  'missing-item': '少件漏发',
  'wrong-item': '错发',
  damaged: '破损',
  fake: '假货',
  'not-received': '未收到货',
  'late-shipment': '延迟发货',
  agreed: '协商一致',
  inside: '期内',
  WAIT_SELLER_AGREE: '待商家处理',
  SELLER_REFUSE_BUYER: '商家已拒绝',
  WAIT_BUYER_RETURN_GOODS: '待买家退货',
  WAIT_SELLER_CONFIRM_GOODS: '待商家收货',
  EXCHANGE_WAIT_SELLER_AGREE: '换货待处理',
  outside: '已过期',
};

export const COMMITMENT_LABEL: Record<CommitmentType, string> = {
  'seven-day': '七天无理由承诺',
  'shipping-promise': '发货时间承诺',
  'fake-3x': '假一赔三',
  'quality-promise': '品质承诺',
  'return-promise': '退货承诺',
  'damage-reship': '破损补寄',
  'designated-carrier': '指定快递',
  'arrival-promise': '到货承诺',
  'freight-insurance': '运费险（商家投保）',
  'quality-report-window': '质量问题反馈时限',
};

const WINDOW_LABEL: Record<WindowId, string> = {
  'seven-day': '七天无理由期',
  'return-promise': '退货承诺期',
  'quality-report': '质量问题反馈时限',
};

const value = (v: unknown) => VALUE_LABEL[String(v)] ?? String(v);

/**
 * The conditions of `when` that hold for `facts`, in words; null when any does not.
 * @example holds({ reason: ['quality'] }, facts) //=> ['原因类别：质量问题'] (or null)
 */
export function holds(when: When, facts: Facts): string[] | null {
  const held: string[] = [];
  for (const key of Object.keys(FACT_LABEL) as Scalar[]) {
    const allowed = when[key] as readonly unknown[] | undefined;
    if (!allowed) continue;
    if (!allowed.includes(facts[key])) return null;
    held.push(`${FACT_LABEL[key]}：${value(facts[key])}`);
  }
  for (const type of when.commitments ?? []) {
    if (!facts.commitments.has(type)) return null;
    held.push(`已承诺${COMMITMENT_LABEL[type]}`);
  }
  for (const [w, allowed] of Object.entries(when.windows ?? {}) as [WindowId, readonly WindowState[]][]) {
    if (!allowed.includes(facts.windows[w])) return null;
    held.push(`${WINDOW_LABEL[w]}：${value(facts.windows[w])}`);
  }
  for (const not of when.not ?? []) {
    if (holds(not, facts)) return null;
    held.push(`并非（${describeWhen(not)}）`);
  }
  return held;
}

/** A condition in words, for the options page: 原因类别：质量问题/描述不符；已承诺退货承诺. */
export function describeWhen(when: When): string {
  const parts: string[] = [];
  for (const key of Object.keys(FACT_LABEL) as Scalar[]) {
    const allowed = when[key] as readonly unknown[] | undefined;
    if (allowed) parts.push(`${FACT_LABEL[key]}：${allowed.map(value).join('/')}`);
  }
  for (const type of when.commitments ?? []) parts.push(`已承诺${COMMITMENT_LABEL[type]}`);
  for (const [w, allowed] of Object.entries(when.windows ?? {}) as [WindowId, readonly WindowState[]][])
    parts.push(`${WINDOW_LABEL[w]}：${allowed.map(value).join('/')}`);
  for (const not of when.not ?? []) parts.push(`并非（${describeWhen(not)}）`);
  return parts.length ? parts.join('；') : '任何情况';
}
