/**
 * The seller backend's visible vocabulary: every label the readers look for, every status wording,
 * and the flags. This file and `detect.ts` are the whole of our page knowledge: when the platform
 * renames a label, the fix is here plus a fixture.
 */
import type { CaseFlags, CaseKind, CaseStatus, GoodsStatus } from '../shared/types';

/** The snapshot fields a label can fill. */
export type LabelField =
  | 'disputeId'
  | 'orderId'
  | 'buyer'
  | 'refundFen'
  | 'paidFen'
  | 'postageFen'
  | 'appliedAt'
  | 'paidAt'
  | 'shippedAt'
  | 'signedAt'
  | 'refundType'
  | 'shipped'
  | 'goodsStatus'
  | 'status'
  | 'reason'
  | 'item'
  | 'itemId'
  | 'description'
  | 'remark'
  | 'sku'
  | 'countdown'
  | 'logistics'
  | 'carrier'
  | 'logisticsNumber'
  | 'logisticsState'
  | 'returnShippedAt'
  | 'returnFrom'
  | 'actions';

/** Label text (without colon) → field. Synonyms a real page uses sit together. */
export const LABELS: Record<string, LabelField> = {
  退款编号: 'disputeId',
  退款单号: 'disputeId',
  售后单号: 'disputeId',
  售后编号: 'disputeId',
  售后服务单号: 'disputeId',
  服务单号: 'disputeId',
  换货单号: 'disputeId',
  换货编号: 'disputeId',
  邮费单号: 'disputeId',
  订单编号: 'orderId',
  订单号: 'orderId',
  买家: 'buyer',
  买家昵称: 'buyer',
  买家账号: 'buyer',
  退款金额: 'refundFen',
  申请金额: 'refundFen',
  申请退款金额: 'refundFen',
  退款总额: 'refundFen',
  实付: 'paidFen',
  实付款: 'paidFen',
  实付金额: 'paidFen',
  买家实付: 'paidFen',
  买家实付款: 'paidFen',
  成交金额: 'paidFen',
  退货运费: 'postageFen',
  邮费金额: 'postageFen',
  运费金额: 'postageFen',
  申请时间: 'appliedAt',
  付款时间: 'paidAt',
  成交时间: 'paidAt',
  发货时间: 'shippedAt',
  签收时间: 'signedAt',
  退款类型: 'refundType',
  售后类型: 'refundType',
  要求: 'refundType',
  服务类型: 'refundType',
  发货状态: 'shipped',
  货物状态: 'goodsStatus',
  退款状态: 'status',
  售后状态: 'status',
  当前状态: 'status',
  当前退款状态: 'status',
  换货状态: 'status',
  邮费状态: 'status',
  处理状态: 'status',
  售后单状态: 'status',
  状态: 'status',
  退款原因: 'reason',
  售后原因: 'reason',
  换货原因: 'reason',
  邮费原因: 'reason',
  原因: 'reason',
  宝贝: 'item',
  宝贝信息: 'item',
  商品信息: 'item',
  商品: 'item',
  商品名称: 'item',
  宝贝名称: 'item',
  商品ID: 'itemId',
  宝贝ID: 'itemId',
  退款说明: 'description',
  问题描述: 'description',
  补充描述: 'description',
  申请说明: 'description',
  退款描述: 'description',
  买家留言: 'description',
  备注: 'remark',
  买家备注: 'remark',
  卖家备注: 'remark',
  规格: 'sku',
  颜色分类: 'sku',
  商品规格: 'sku',
  倒计时: 'countdown',
  剩余时间: 'countdown',
  处理时限: 'countdown',
  超时时间: 'countdown',
  退货物流: 'logistics',
  退货物流信息: 'logistics',
  物流公司: 'carrier',
  运单号: 'logisticsNumber',
  快递单号: 'logisticsNumber',
  物流状态: 'logisticsState',
  寄出时间: 'returnShippedAt',
  退货发货地: 'returnFrom',
  寄件地: 'returnFrom',
  寄件地区: 'returnFrom',
  发件地: 'returnFrom',
  退货寄件地: 'returnFrom',
  操作: 'actions',
};

/**
 * Fields whose values buyers write (or copy): a nick, a reason, a description, an item title, a SKU,
 * a remark. Their text is never read for labels, ids, statuses, money or countdowns.
 */
export const FREE_TEXT_FIELDS: ReadonlySet<LabelField> = new Set<LabelField>([
  'buyer',
  'reason',
  'item',
  'description',
  'remark',
  'sku',
]);

/**
 * The fields staff can teach a label as (the sidebar's menu, Chinese first), in the order offered.
 * Teaching only ever adds a label: it never maps a field by class name or position.
 */
export const TEACHABLE_FIELDS: readonly { field: LabelField; zh: string; en: string }[] = [
  { field: 'disputeId', zh: '退款编号（售后单号）', en: 'case id' },
  { field: 'orderId', zh: '订单编号', en: 'order id' },
  { field: 'refundFen', zh: '退款金额', en: 'refund amount' },
  { field: 'paidFen', zh: '实付金额', en: 'amount paid' },
  { field: 'postageFen', zh: '邮费金额', en: 'postage' },
  { field: 'appliedAt', zh: '申请时间', en: 'applied at' },
  { field: 'status', zh: '售后状态', en: 'status' },
  { field: 'countdown', zh: '倒计时', en: 'countdown' },
  { field: 'refundType', zh: '售后类型', en: 'case type' },
  { field: 'reason', zh: '退款原因', en: 'reason' },
  { field: 'buyer', zh: '买家', en: 'buyer' },
  { field: 'item', zh: '宝贝', en: 'item' },
];

/** Longest first, so 当前退款状态 wins over 状态 and 退款金额 over 金额. */
export const LABEL_NAMES = Object.keys(LABELS).sort((a, b) => b.length - a.length);

/** Labels that name a case's identity: a list row is the region around one of these. */
export const ID_LABELS = LABEL_NAMES.filter((l) => LABELS[l] === 'disputeId');

/** The label a page would show for a field, for the "未找到 …" drift warnings. */
export const FIELD_LABEL: Partial<Record<LabelField, string>> = {
  disputeId: '退款编号',
  orderId: '订单编号',
  buyer: '买家',
  refundFen: '退款金额',
  postageFen: '邮费金额',
  appliedAt: '申请时间',
  status: '售后状态',
  reason: '退款原因',
  refundType: '退款类型',
};

/** Section headings of a detail page. */
export const SECTION_HEADINGS: Record<string, 'logistics' | 'history' | 'reply' | 'info'> = {
  退货物流信息: 'logistics',
  退货物流: 'logistics',
  协商历史: 'history',
  协商记录: 'history',
  '留言 / 协商': 'reply',
  留言: 'reply',
  售后信息: 'info',
  交易信息: 'info',
};

const STATUS_RULES: Record<CaseKind, [RegExp, CaseStatus][]> = {
  refund: [
    [/退款成功|已退款|退款完毕/, 'SUCCESS'],
    [/退款关闭|已关闭|已撤销/, 'CLOSED'],
    [/买家已退货|待商家收货|待卖家收货|等待卖家确认收货|等待商家确认收货/, 'WAIT_SELLER_CONFIRM_GOODS'],
    [/已拒绝|拒绝退款|不同意|等待买家修改|待买家修改/, 'SELLER_REFUSE_BUYER'],
    [/待买家退货|待买家发货|等待买家退货|申请达成|协议达成/, 'WAIT_BUYER_RETURN_GOODS'],
    [/退款待处理|等待卖家同意|等待卖家确认|等待商家处理|待商家处理|待处理/, 'WAIT_SELLER_AGREE'],
  ],
  exchange: [
    [/换货成功/, 'EXCHANGE_SUCCESS'],
    [/换货关闭|已关闭/, 'EXCHANGE_CLOSED'],
    [/待发出换货商品|等待卖家发货|待商家发货/, 'EXCHANGE_WAIT_SELLER_SEND'],
    [/待买家收货|等待买家确认收货/, 'EXCHANGE_WAIT_BUYER_RECEIVE'],
    [/买家已退货|待收货|待商家收货/, 'EXCHANGE_WAIT_SELLER_RECEIVE'],
    [/待买家退货/, 'EXCHANGE_WAIT_BUYER_RETURN'],
    [/待买家修改/, 'EXCHANGE_WAIT_BUYER_MODIFY'],
    [/换货待处理|待处理|待商家处理/, 'EXCHANGE_WAIT_SELLER_AGREE'],
  ],
  postage: [
    [/待激活/, 'POSTAGE_WAIT_ACTIVATE'],
    [/已打款|已同意|已支付/, 'POSTAGE_PAID'],
    [/已拒绝/, 'POSTAGE_REFUSED'],
    [/已关闭|已撤销/, 'POSTAGE_CLOSED'],
    [/待处理|待商家处理/, 'POSTAGE_WAIT_SELLER'],
  ],
};

/**
 * A wording's meaning, worked out once: a list shows the same few status and goods wordings on every
 * row, and each is tried against several patterns only the first time. At most 500 are kept.
 */
function remembered<T>(meaning: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const value = meaning(text);
    if (known.size >= 500) known.clear();
    known.set(text, value);
    return value;
  };
}

const statusRule = (kind: CaseKind) =>
  remembered((text): CaseStatus => {
    const rules = STATUS_RULES[kind];
    for (let i = 0; i < rules.length; i++) if (rules[i]![0].test(text)) return rules[i]![1];
    return 'UNKNOWN';
  });
const STATUS_OF: Record<CaseKind, (text: string) => CaseStatus> = {
  refund: statusRule('refund'),
  exchange: statusRule('exchange'),
  postage: statusRule('postage'),
};

/** Canonical status for the wording shown; UNKNOWN (never a guess) when nothing matches. */
export function statusFromText(text: string, kind: CaseKind): CaseStatus {
  return STATUS_OF[kind](text);
}

/**
 * Status wordings staff taught for a host, by case kind: a whole status text the vocabulary does not
 * know → its status (换货待处理 → EXCHANGE_WAIT_SELLER_AGREE). Only ever adds meanings.
 */
export type TaughtStatuses = Readonly<Partial<Record<CaseKind, Readonly<Record<string, CaseStatus>>>>>;

/** A status slot's whole text → its status: the vocabulary's, else what staff taught for this wording. */
export function statusOfText(text: string, kind: CaseKind, taught?: TaughtStatuses): CaseStatus {
  const known = statusFromText(text, kind);
  if (known !== 'UNKNOWN' || !taught) return known;
  const mine = taught[kind];
  return mine && Object.hasOwn(mine, text) ? mine[text]! : 'UNKNOWN';
}

/**
 * What a type wording says, e.g. 退货退款(售后): the type named first, the phase, and whether it names
 * 换货 or 邮费 anywhere. One object per wording, shared by every caller: read it, never change it.
 */
export const typeFromText = remembered((text) => ({
  refundType: text.match(/仅退款|退货退款|换货|邮费/)?.[0] as '仅退款' | '退货退款' | '换货' | '邮费' | undefined,
  phase: /售中/.test(text) ? ('onsale' as const) : /售后/.test(text) ? ('aftersale' as const) : undefined,
  exchange: text.includes('换货'),
  postage: text.includes('邮费'),
}));

export const goodsStatusFromText = remembered((text): GoodsStatus | undefined => {
  if (/已经?退货/.test(text)) return 'BUYER_RETURNED_GOODS';
  if (/未收到货|未收货/.test(text)) return 'BUYER_NOT_RECEIVED';
  if (/已收到货|已收货/.test(text)) return 'BUYER_RECEIVED';
  return undefined;
});

export const shippedFromText = remembered((text): boolean | undefined => {
  if (/未发货/.test(text)) return false;
  if (/已发货|已收货|已收到货|已经?退货/.test(text)) return true;
  return undefined;
});

/**
 * Who acted in a 协商历史 entry, from the entry's actor slot (买家 / 卖家 / 小二 …), never from its text.
 * The system (系统) acts for the platform.
 */
export function historyActor(actor: string): 'buyer' | 'seller' | 'platform' | undefined {
  if (/^买家/.test(actor)) return 'buyer';
  if (/^(?:卖家|商家)/.test(actor)) return 'seller';
  if (/^(?:系统|平台|小二|客服|淘宝|天猫)/.test(actor)) return 'platform';
  return undefined;
}

/**
 * What a 协商历史 entry records, from the platform's own wording of it: a seller's or the platform's
 * agreement (同意) or refusal (拒绝), a buyer's return (已退货 / 寄回 / 退货单号).
 */
export function historyEvent(
  by: 'buyer' | 'seller' | 'platform' | undefined,
  text: string,
): 'agreed' | 'refused' | 'returned' | undefined {
  if ((by === 'seller' || by === 'platform') && /拒绝/.test(text)) return 'refused';
  if ((by === 'seller' || by === 'platform') && /同意/.test(text)) return 'agreed';
  if (by === 'buyer' && /已退货|寄回|退货单号/.test(text)) return 'returned';
  return undefined;
}

/** A status that says the platform asked for evidence (待举证, 举证中, 小二介入). */
export const evidenceAskedFromStatus = (text: string): boolean => /介入|举证/.test(text);

/** Flag words, matched only as a whole token so an item title with 包邮 in it does not count. */
export const FLAG_WORDS: Record<string, keyof CaseFlags> = {
  小二已介入: 'platformIntervened',
  客服介入: 'platformIntervened',
  平台已介入: 'platformIntervened',
  运费险: 'freightInsurance',
  退货运费险: 'freightInsurance',
  包邮: 'freeShipping',
  买家催促: 'buyerUrged',
  催处理: 'buyerUrged',
  买家催促退款: 'buyerUrged',
  极速退款: 'fastRefund',
};

/** Stat-card labels of 售后工作台 / the refund list header. */
export const STAT_LABELS = [
  '24小时内待处理',
  '待处理售后',
  '退款待处理',
  '待收货',
  '待举证',
  '小二已介入',
  '商家已拒绝',
  '超时同意退款',
  '买家催促退款',
  '待买家处理',
  '退款处理时长',
];

/** Words that tell a Tmall shop's backend from a Taobao one. */
export const TMALL_MARKS = /天猫商家|天猫卖家|Tmall|旗舰店|专卖店|专营店/;
