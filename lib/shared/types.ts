/**
 * Plain data shared by the page readers, the engine, storage and the UI.
 * Times are ISO 8601 strings with an explicit offset (China time, +08:00); money is integer fen.
 */

export type Platform = 'taobao' | 'tmall';

/** 退款 (仅退款 / 退货退款), 换货, 邮费单 (退货邮费). */
export type CaseKind = 'refund' | 'exchange' | 'postage';

export type RefundType = '仅退款' | '退货退款' | '换货' | '邮费';

/** 售中 (before 确认收货) or 售后 (after the trade succeeded). */
export type Phase = 'onsale' | 'aftersale';

export type GoodsStatus = 'BUYER_NOT_RECEIVED' | 'BUYER_RECEIVED' | 'BUYER_RETURNED_GOODS';

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
export type AutoAction = 'auto-agree' | 'auto-refund' | 'auto-close' | 'auto-confirm';

/** The platform's own countdown as read from the page: the authority for deadlines. */
export interface PageDeadline {
  /** Absolute instant: time of reading + the duration shown. */
  at: string;
  /** The action the page announces, when it says one. */
  action?: AutoAction;
  /** The countdown text exactly as shown, e.g. 还剩1天3时20分. */
  text: string;
}

export interface ReturnLogistics {
  carrier?: string;
  number?: string;
  /** e.g. 已签收, 已拒收, 运输中 */
  state?: string;
  shippedAt?: string;
  signedAt?: string;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  text: string;
}

export interface CaseFlags {
  platformIntervened?: boolean; // 小二已介入 / 客服介入
  freightInsurance?: boolean; // 运费险
  freeShipping?: boolean; // 包邮
  buyerUrged?: boolean; // 买家催促
  fastRefund?: boolean; // 极速退款
}

/** Every field a reader may fill; all optional but the identity. */
export interface CaseSnapshot {
  platform: Platform;
  disputeId: string;
  kind: CaseKind;
  orderId?: string;
  refundType?: RefundType;
  phase?: Phase;
  shipped?: boolean;
  goodsStatus?: GoodsStatus;
  status: CaseStatus;
  statusText?: string;
  refundFen?: number;
  paidFen?: number;
  postageFen?: number;
  appliedAt?: string;
  paidAt?: string;
  shippedAt?: string;
  signedAt?: string;
  pageDeadline?: PageDeadline;
  reason?: string;
  item?: string;
  returnLogistics?: ReturnLogistics;
  history?: HistoryEntry[];
  /** Masked nick, e.g. 张**. Never stored in full. */
  buyer?: string;
  flags: CaseFlags;
  /**
   * What the reader could not trust on the page and left out, in words for staff, e.g.
   * 售后状态：页面上有两个不同的值，未采用.
   */
  drift?: string[];
  /** Fields filled from the page's own data response rather than its visible text. */
  fromData?: string[];
  /**
   * A list row's times and countdown as the page shows them, left for the background to work out
   * (lib/page/read.ts `resolveCase`), so the page's thread does not parse them. Never stored.
   */
  unparsed?: UnparsedTimes;
}

/** The time fields a row shows. */
export type TimeField = 'appliedAt' | 'paidAt' | 'shippedAt' | 'signedAt';

export interface UnparsedTimes {
  /** Each time field's text, e.g. 2026-11-20 13:05:22. */
  times?: Partial<Record<TimeField, string>>;
  /** The pieces that may hold the row's countdown, in order: the first that reads as one is it. */
  countdown?: string[];
}

export type PageKind =
  | 'workbench'
  | 'refund-list'
  | 'refund-detail'
  | 'exchange-list'
  | 'exchange-detail'
  | 'postage-list'
  | 'unknown';

export type PageEra = 'qianniu' | 'refund2';

/** Where a snapshot was read, and when. */
export interface Observation {
  page: PageKind;
  url: string;
  readAt: string;
}

/** What one page read produced. */
export interface PageReading {
  page: PageKind;
  era: PageEra;
  platform: Platform;
  /** Stat cards of 售后工作台, label → number. */
  stats: Record<string, number>;
  cases: CaseSnapshot[];
  /** Labels the page kind should show but which were not found: drift warnings. */
  missing: string[];
  /** Texts that look like labels but name no field we know, for staff to teach (at most 30). */
  unknownLabels?: string[];
}
