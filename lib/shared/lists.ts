/**
 * The plain lists shared by the page readers, the engine, storage and the UI (platforms, case kinds,
 * statuses, page kinds, provinces), each with its type. No imports: the snapshot's schema
 * (snapshot-schema.ts) builds on these, and types.ts re-exports them with the types inferred from it.
 */
export const PLATFORMS = ['taobao', 'tmall'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** 退款 (仅退款 / 退货退款), 换货, 邮费单 (退货邮费). */
export const CASE_KINDS = ['refund', 'exchange', 'postage'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const REFUND_TYPES = ['仅退款', '退货退款', '换货', '邮费'] as const;
export type RefundType = (typeof REFUND_TYPES)[number];

/** 售中 (before 确认收货) or 售后 (after the trade succeeded). */
export const PHASES = ['onsale', 'aftersale'] as const;
export type Phase = (typeof PHASES)[number];

export const GOODS_STATUSES = ['BUYER_NOT_RECEIVED', 'BUYER_RECEIVED', 'BUYER_RETURNED_GOODS'] as const;
export type GoodsStatus = (typeof GOODS_STATUSES)[number];

/** Taobao's own API names for dispute states, plus UNKNOWN for text we could not map. */
export const REFUND_STATUSES = [
  'WAIT_SELLER_AGREE',
  'SELLER_REFUSE_BUYER',
  'WAIT_BUYER_RETURN_GOODS',
  'WAIT_SELLER_CONFIRM_GOODS',
  'CLOSED',
  'SUCCESS',
] as const;
export const EXCHANGE_STATUSES = [
  'EXCHANGE_WAIT_SELLER_AGREE',
  'EXCHANGE_WAIT_BUYER_RETURN',
  'EXCHANGE_WAIT_SELLER_RECEIVE',
  'EXCHANGE_WAIT_SELLER_SEND',
  'EXCHANGE_WAIT_BUYER_RECEIVE',
  'EXCHANGE_WAIT_BUYER_MODIFY',
  'EXCHANGE_CLOSED',
  'EXCHANGE_SUCCESS',
] as const;
export const POSTAGE_STATUSES = [
  'POSTAGE_WAIT_ACTIVATE',
  'POSTAGE_WAIT_SELLER',
  'POSTAGE_PAID',
  'POSTAGE_REFUSED',
  'POSTAGE_CLOSED',
] as const;
/** Each case kind's statuses (what a wording of that kind can mean). */
export const STATUSES_OF_KIND = {
  refund: REFUND_STATUSES,
  exchange: EXCHANGE_STATUSES,
  postage: POSTAGE_STATUSES,
} as const satisfies Record<CaseKind, readonly string[]>;
export const CASE_STATUSES = [...REFUND_STATUSES, ...EXCHANGE_STATUSES, ...POSTAGE_STATUSES, 'UNKNOWN'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** States in which nothing more will happen: no deadline to watch. */
export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'CLOSED',
  'SUCCESS',
  'EXCHANGE_CLOSED',
  'EXCHANGE_SUCCESS',
  'POSTAGE_PAID',
  'POSTAGE_REFUSED',
  'POSTAGE_CLOSED',
]);

/** What the platform does when the countdown runs out. */
export const AUTO_ACTIONS = ['auto-agree', 'auto-refund', 'auto-close', 'auto-confirm'] as const;
export type AutoAction = (typeof AUTO_ACTIONS)[number];

/** The seller pages the extension knows (lib/page/detect.ts tells them apart). */
export const PAGE_KINDS = [
  'workbench',
  'refund-list',
  'refund-detail',
  'exchange-list',
  'exchange-detail',
  'postage-list',
  'unknown',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** A page about one case (its detail page), not a list. */
export function isDetailPage(page: PageKind | undefined): page is 'refund-detail' | 'exchange-detail' {
  return page === 'refund-detail' || page === 'exchange-detail';
}

export const PAGE_ERAS = ['qianniu', 'refund2'] as const;
export type PageEra = (typeof PAGE_ERAS)[number];

/**
 * China's province-level regions by their short names, as a shop's freight table (运费表) and an
 * address name them. 内蒙古 before 蒙 words, 黑龙江 whole: each name is matched as written.
 */
export const PROVINCES = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '台湾',
  '香港',
  '澳门',
] as const;
export type Province = (typeof PROVINCES)[number];
