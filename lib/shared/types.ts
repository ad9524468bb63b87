/**
 * Plain data shared by the page readers, the engine, storage and the UI.
 * Times are ISO 8601 strings with an explicit offset (China time, +08:00); money is integer fen.
 */

import type * as v from 'valibot';
import type {
  CaseFlagsSchema,
  HistoryEntrySchema,
  PageDeadlineSchema,
  ReadCaseSchema,
  ReturnLogisticsSchema,
  UnparsedTimesSchema,
} from './snapshot-schema';

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

// A case snapshot and its parts: inferred from their one definition, the valibot schemas in
// snapshot-schema.ts (which also say what each field means).
export type PageDeadline = v.InferOutput<typeof PageDeadlineSchema>;
export type ReturnLogistics = v.InferOutput<typeof ReturnLogisticsSchema>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;
export type CaseFlags = v.InferOutput<typeof CaseFlagsSchema>;
/** Every field a reader may fill; all optional but the identity. `unparsed` is never stored. */
export type CaseSnapshot = v.InferOutput<typeof ReadCaseSchema>;
export type UnparsedTimes = v.InferOutput<typeof UnparsedTimesSchema>;

/** The time fields a row shows. */
export type TimeField = 'appliedAt' | 'paidAt' | 'shippedAt' | 'signedAt';

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

/** Where a snapshot was read, and when. */
export interface Observation {
  page: PageKind;
  url: string;
  readAt: string;
}

/** What one page read produced. */
/** The shop a page names in its header (lib/page/shop.ts). `tmall`: the header carries the Tmall mark. */
export interface PageShop {
  /** The shop's name as the page shows it. */
  name: string;
  /** Which header family named it: the title bar, the logged-in account's main account, the Tmall mark. */
  via: 'title' | 'account' | 'mark';
  tmall?: true;
}

export interface PageReading {
  page: PageKind;
  era: PageEra;
  platform: Platform;
  /** The shop the page's header names; absent when it names none (the background then asks the tab). */
  shop?: PageShop;
  /** Stat cards of 售后工作台, label → number. */
  stats: Record<string, number>;
  cases: CaseSnapshot[];
  /** Labels the page kind should show but which were not found: drift warnings. */
  missing: string[];
  /** Texts that look like labels but name no field we know, for staff to teach (at most 30). */
  unknownLabels?: string[];
}

/**
 * The money a case puts at stake: the refund asked for, the goods' price for an exchange, the postage
 * claimed for a postage case. What the ledger ranks equal deadlines by, and what the lists show.
 */
export function amountAtStake(
  c: Pick<CaseSnapshot, 'kind' | 'refundFen' | 'paidFen' | 'postageFen'>,
): number | undefined {
  return c.kind === 'postage' ? c.postageFen : c.kind === 'exchange' ? c.paidFen : c.refundFen;
}

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

/**
 * The province an address or place text starts with (浙江省杭州市…, 内蒙古自治区…, 上海市…), or the
 * first one it names; undefined when it names none.
 * @example provinceIn('浙江省杭州市余杭区') //=> '浙江'
 */
export function provinceIn(text: string): Province | undefined {
  let best: Province | undefined;
  let at = Infinity;
  for (const p of PROVINCES) {
    const i = text.indexOf(p);
    if (i >= 0 && i < at) [best, at] = [p, i];
  }
  return best;
}
